export * from "./models.js";
export * from "./protocol.js";
export * from "./series.js";
export * from "./task.js";
