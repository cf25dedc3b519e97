export * from "./axon/index.js";
export * from "./dendrite/index.js";
export * from "./synapse/index.js";
export * from "./wallet/index.js";
