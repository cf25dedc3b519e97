export * from "./py-str.js";
export * from "./streaming.js";
export * from "./synapse.js";
export * from "./terminal.js";
