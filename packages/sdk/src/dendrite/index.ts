export * from "./dendrite.js";
