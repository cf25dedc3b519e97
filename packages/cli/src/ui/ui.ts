import pc from "picocolors";
import { CliError, EXIT } from "../errors.js";
import { ask, confirm } from "./prompt.js";
import { startSpinner } from "./spinner.js";

export interface UiOptions {
  json: boolean;
  /** False with --no-prompt, or when stdin or stderr is not a terminal. */
  prompt: boolean;
}

/**
 * How a command talks to the user. Results go to stdout (exactly one JSON document in JSON mode);
 * messages, warnings, spinners and prompts go to stderr, so stdout stays clean for scripts.
 */
export class Ui {
  readonly json: boolean;
  readonly canPrompt: boolean;

  constructor(options: UiOptions) {
    this.json = options.json;
    this.canPrompt = options.prompt && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
  }

  /** A line for people: stdout normally, stderr in JSON mode. */
  say(text: string): void {
    (this.json ? process.stderr : process.stdout).write(`${text}\n`);
  }

  warn(text: string): void {
    process.stderr.write(`${pc.yellow(text)}\n`);
  }

  success(text: string): void {
    this.say(pc.green(text));
  }

  /** The command's result: `doc` as one JSON document in JSON mode, else `human()` for people. */
  result(doc: unknown, human?: () => void): void {
    if (this.json) process.stdout.write(`${JSON.stringify(doc, jsonReplacer, 2)}\n`);
    else human?.();
  }

  busy(label: string): () => void {
    return startSpinner(label);
  }

  async confirm(question: string, defaultYes = false): Promise<boolean> {
    this.requirePrompt(question);
    return confirm(question, defaultYes);
  }

  async ask(question: string, hidden = false): Promise<string> {
    this.requirePrompt(question);
    return ask(question, hidden);
  }

  private requirePrompt(question: string): void {
    if (this.canPrompt) return;
    const why = process.stdin.isTTY ? "prompts are off (--no-prompt)" : "there is no terminal to ask in";
    throw new CliError(
      `cannot ask "${question.trim()}": ${why}`,
      EXIT.usage,
      "give the answer with a flag instead",
    );
  }
}

/** bigint (rao) → decimal string, Uint8Array → 0x hex, so JSON never loses precision. */
export function jsonReplacer(_key: string, value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return `0x${Buffer.from(value).toString("hex")}`;
  return value;
}
