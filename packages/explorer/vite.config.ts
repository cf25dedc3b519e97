import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The browser app (app/) builds into dist/app; tsc puts the Node entry (src/) in dist/ beside it.
export default defineConfig({
  root: fileURLToPath(new URL("./app", import.meta.url)),
  base: "./",
  resolve: {
    // The page only hashes a few extrinsics and addresses: util-crypto's pure-JS paths are enough, and
    // leaving out the wasm it would otherwise embed (base64) halves the bundle.
    alias: [{ find: /^@polkadot\/wasm-crypto-init$/, replacement: "@polkadot/wasm-crypto-init/none" }],
  },
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist/app", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2048,
  },
});
