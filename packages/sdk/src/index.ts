export * from "./axon/index.js";
export * from "./client/index.js";
export * from "./dendrite/index.js";
export * from "./metagraph/index.js";
export * from "./synapse/index.js";
export * from "./wallet/index.js";
