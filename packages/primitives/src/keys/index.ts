export * from "./keypair.js";
export * from "./mnemonic.js";
export * from "./ready.js";
export * from "./secret-form.js";
