// @opentao/explorer in Node: where the built web app is, for servers that mount it (tao explorer, tao node --explorer).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The directory of the built static files (index.html, assets/), beside this module in dist/. */
export const EXPLORER_DIR: string = fileURLToPath(new URL("../dist/app/", import.meta.url));

/** EXPLORER_DIR, or an error that says how to build it when it is missing. */
export function explorerDir(): string {
  if (!existsSync(`${EXPLORER_DIR}index.html`)) {
    throw new Error(
      `the explorer is not built (no ${EXPLORER_DIR}index.html); run \`npm run build\` at the repository root`,
    );
  }
  return EXPLORER_DIR;
}
