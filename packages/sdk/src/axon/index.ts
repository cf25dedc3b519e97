export * from "./axon.js";
export * from "./priority.js";
