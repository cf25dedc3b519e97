export * from "./corpus.js";
export * from "./models.js";
export * from "./protocol.js";
export * from "./task.js";
