export * from "./axon.js";
export * from "./ip.js";
export * from "./priority.js";
export * from "./verify-pool.js";
