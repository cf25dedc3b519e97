export * from "./amount.js";
export * from "./codec.js";
export * from "./fixed/index.js";
export * from "./hash.js";
export * from "./hex.js";
export * from "./keys/index.js";
export * from "./ss58.js";
