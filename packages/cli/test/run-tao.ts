import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The linked bin, as users run it after `npm install`; tests need `npm run build` first (npm test does it). */
export const TAO_BIN = fileURLToPath(new URL("../../../node_modules/.bin/tao", import.meta.url));

export interface TaoResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function tao(args: string[], env: Record<string, string | undefined> = {}): Promise<TaoResult> {
  return new Promise((resolve) => {
    execFile(
      TAO_BIN,
      args,
      { env: { ...process.env, NO_COLOR: "1", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Parses stdout, asserting it holds exactly one JSON document and nothing else. */
// biome-ignore lint/suspicious/noExplicitAny: tests index into the parsed document freely
export function onlyJson(result: TaoResult): any {
  return JSON.parse(result.stdout);
}
