import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The browser app (app/) builds into dist/app; tsc puts the Node entry (src/) in dist/ beside it.
export default defineConfig({
  root: fileURLToPath(new URL("./app", import.meta.url)),
  base: "./",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist/app", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2048,
  },
});
