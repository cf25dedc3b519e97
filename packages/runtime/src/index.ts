export * from "./epoch/index.js";
