// Reading input files for the yuma commands, and refusing bad input the same way as every command:
// the message on stderr, exit code 2, and with --json the one JSON error document on stdout.
import { readFileSync } from "node:fs";
import { CliError, EXIT } from "../../errors.js";

/** Bad input in a file or an option: main reports it like any usage error (exit 2). */
export class Refused extends CliError {
  constructor(message: string, hint?: string) {
    super(message, EXIT.usage, hint);
  }
}

/** Reads and parses a JSON file; a missing file, a directory or bad JSON is refused. */
export function readJson(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") throw new Refused(`cannot read ${what} file ${file}: no such file`);
    if (code === "EISDIR") throw new Refused(`cannot read ${what} file ${file}: it is a directory`);
    throw new CliError(`cannot read ${what} file ${file}: ${(error as Error).message}`, EXIT.failed);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Refused(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

/** Where a person finds the scenario format (the repository's docs; the help names it too). */
export const SCENARIO_FORMAT_HINT =
  "see the scenario format in docs/yuma-scenario.md (and tao yuma run --help)";

/** A simulate case given where a scenario is expected: say what it is and which command runs it. */
export function refuseCaseFile(file: string, doc: unknown): void {
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return;
  const o = doc as Record<string, unknown>;
  const isCase = o.format === "opentao-yuma-case/1" || ("timeline" in o && "validators" in o);
  if (!isCase) return;
  throw new Refused(
    `${file} is a simulate case file (opentao-yuma-case/1), not a scenario (opentao-yuma-scenario/1)`,
    `run it with: tao yuma simulate ${file}  (add --out DIR to get its scenario files for tao yuma run/explain)`,
  );
}
