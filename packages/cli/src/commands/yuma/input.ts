// Reading input files for the yuma commands, and refusing bad input the same way everywhere: a message
// on stderr, exit code 2, nothing on stdout (stdout is for result files, even with --json).
import { readFileSync } from "node:fs";
import { CliError, EXIT } from "../../errors.js";
import { pc } from "../../ui/colors.js";

/** Bad input: the action stops, main prints nothing more, the exit code is 2. */
export class Refused extends Error {
  override readonly name = "Refused";
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export function refuse(error: Refused): void {
  process.stderr.write(`${pc.red(`Error: ${error.message}`)}\n`);
  if (error.hint) process.stderr.write(`${error.hint}\n`);
  process.exitCode = EXIT.usage;
}

/** Runs an action body, turning Refused into stderr + exit 2. */
export async function guarded(body: () => void | Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Refused) return refuse(error);
    throw error;
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
