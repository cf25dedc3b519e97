import { readFileSync } from "node:fs";
import { runScenario, ScenarioError } from "@opentao/runtime";
import { CliError, EXIT } from "../../errors.js";
import { pc } from "../../ui/colors.js";
import type { Ui } from "../../ui/ui.js";
import { formatResult } from "./format.js";

/** `tao yuma run FILE`: the CLI only reads the file; the runtime validates and replays it. */
export async function runFile(ui: Ui, file: string): Promise<void> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return refuse(`cannot read scenario file ${file}: no such file`);
    if (code === "EISDIR") return refuse(`cannot read scenario file ${file}: it is a directory`);
    throw new CliError(`cannot read scenario file ${file}: ${(error as Error).message}`, EXIT.failed);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return refuse(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(doc);
  } catch (error) {
    if (error instanceof ScenarioError) {
      return refuse(`${file}: ${error.message}`, "see the format in shared/spec/yuma-scenario.md");
    }
    throw error;
  }
  ui.result(result, () => process.stdout.write(formatResult(result)));
}

/**
 * A malformed scenario: message on stderr, exit 2, and nothing at all on stdout — not even the JSON
 * error document other commands print with --json, since stdout is meant for result files.
 */
function refuse(message: string, hint?: string): void {
  process.stderr.write(`${pc.red(`Error: ${message}`)}\n`);
  if (hint) process.stderr.write(`${hint}\n`);
  process.exitCode = EXIT.usage;
}
