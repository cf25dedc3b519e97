export * from "./errors.js";
export * from "./keyfile.js";
export * from "./keyfile-crypto.js";
export * from "./keyfile-data.js";
export * from "./list.js";
export * from "./paths.js";
export * from "./polkadot-json.js";
export * from "./wallet.js";
