export * from "./synapse/index.js";
export * from "./wallet/index.js";
