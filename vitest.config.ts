import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources; only the CLI's end-to-end tests use the built bin.
export default defineConfig({
  resolve: {
    alias: {
      "@opentao/primitives": src("primitives"),
      "@opentao/charts": src("charts"),
      "@opentao/runtime": src("runtime"),
      "@opentao/node": src("node"),
      "@opentao/sdk": src("sdk"),
      "@opentao/cli": src("cli"),
      "@opentao/testkit": src("testkit"),
      "@opentao/subnets": src("subnets"),
      "@opentao/explorer": src("explorer"),
    },
  },
  test: {
    include: ["packages/*/test/**/*.test.ts", "test/**/*.test.ts"],
    testTimeout: 20_000,
    pool: "forks",
  },
});
