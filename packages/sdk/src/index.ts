export * from "./wallet/index.js";
