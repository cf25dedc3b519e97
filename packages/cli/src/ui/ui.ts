import { CliError, EXIT } from "../errors.js";
import { pc } from "./colors.js";
import { ask, confirm } from "./prompt.js";
import { startSpinner } from "./spinner.js";

export interface UiOptions {
  json: boolean;
  /** False with --no-prompt (-y). */
  prompt: boolean;
  /** --no: decline every confirmation. */
  decline?: boolean;
  /** --quiet: no notes or spinners. */
  quiet?: boolean;
}

/**
 * How a command talks to the user. Results go to stdout (exactly one JSON document in JSON mode);
 * messages, warnings, spinners and prompts go to stderr, so stdout stays clean for scripts.
 */
export class Ui {
  readonly json: boolean;
  /** Prompts are on and there is a terminal to ask in. */
  readonly canPrompt: boolean;
  readonly #promptsOn: boolean;
  readonly #decline: boolean;
  readonly #quiet: boolean;

  constructor(options: UiOptions) {
    this.json = options.json;
    this.#promptsOn = options.prompt;
    this.#decline = options.decline === true;
    this.#quiet = options.quiet === true;
    this.canPrompt = options.prompt && Boolean(process.stdin.isTTY) && Boolean(process.stderr.isTTY);
  }

  /** A line for people: stdout normally, stderr in JSON mode. */
  say(text: string): void {
    (this.json ? process.stderr : process.stdout).write(`${text}\n`);
  }

  /** Progress and status for people, always on stderr (stdout is for results). */
  note(text: string): void {
    if (!this.#quiet) process.stderr.write(`${text}\n`);
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
    return this.#quiet ? () => {} : startSpinner(label);
  }

  /**
   * Asks before acting (moving funds, changing the chain). Stops the command with a CliError when the
   * answer is no; goes ahead without asking under --no-prompt; refuses to guess without a terminal.
   */
  async confirmAction(question: string, details = "", defaultYes = true): Promise<void> {
    if (!this.#promptsOn && !this.#decline) return;
    if (details) process.stderr.write(`${details}\n`);
    if (this.#decline) {
      process.stderr.write(`${question} [Auto-declined via --no flag]\n`);
      throw new CliError("declined (--no): nothing was done", EXIT.failed);
    }
    if (this.json || !this.canPrompt) {
      const why = this.json ? "--json output takes no answers" : "there is no terminal to ask in";
      throw new CliError(
        `this command asks for confirmation, and ${why}`,
        EXIT.usage,
        "add --no-prompt (or -y) to go ahead without asking, or --no to see what would be done",
      );
    }
    if (!(await confirm(question, defaultYes)))
      throw new CliError("cancelled: nothing was done", EXIT.failed);
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
