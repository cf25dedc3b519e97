import type { Command } from "commander";
import { DECLINE, JSON_OUTPUT, PROMPT, QUIET, VERBOSE } from "./common-options.js";
import { usageError } from "./errors.js";
import { addOptions, booleanOption, listOption, type OptionDef, stringOption } from "./options.js";
import type { Ui } from "./ui/ui.js";

/** What an action receives: typed access to its options and the user interface. */
export interface CommandContext {
  ui: Ui;
  /** Flag > environment > config file (~/.bittensor/config.yml) > default. */
  string(def: OptionDef): string | undefined;
  boolean(def: OptionDef): boolean | undefined;
  /** A repeatable or comma-separated option (`--ss58 A --ss58 B`, `--ss58 A,B`); empty when not given. */
  list(def: OptionDef): string[];
  /** Positional arguments, in the order of CommandSpec.arguments (undefined when left out). */
  args: (string | undefined)[];
}

export type Action = (ctx: CommandContext) => Promise<void>;

export interface CommandSpec {
  name: string;
  aliases?: string[];
  summary: string;
  description?: string;
  options: readonly OptionDef[];
  /** Optional positional arguments, e.g. `swap-coldkey <action>`: "[action]" with a description. */
  arguments?: readonly { name: string; description: string }[];
  /** Loaded only when the command runs, so `tao --help` never pays for crypto or network code. */
  action: () => Promise<Action>;
  examples?: string[];
  /** Runs when the parent is given no subcommand (`tao node --dev` runs `tao node start --dev`). */
  isDefault?: boolean;
}

/** Adds a command with the shared --json and --prompt/--no-prompt options; options read the config file. */
export function defineCommand(parent: Command, spec: CommandSpec): Command {
  const cmd = parent
    .command(spec.name, spec.isDefault ? { isDefault: true } : {})
    .summary(spec.summary)
    .description(spec.description ?? spec.summary);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  for (const a of spec.arguments ?? []) cmd.argument(`[${a.name}]`, a.description);
  addOptions(cmd, [...spec.options, JSON_OUTPUT, PROMPT, QUIET, VERBOSE]);
  if (spec.examples?.length) {
    cmd.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}\n`);
  }
  cmd.action(async (...received: unknown[]) => {
    const opts = cmd.opts();
    const args = received.slice(0, spec.arguments?.length ?? 0) as (string | undefined)[];
    const [{ Ui }, { readConfig }] = await Promise.all([import("./ui/ui.js"), import("./config-file.js")]);
    const config = readConfig();
    const string = (def: OptionDef) => stringOption(opts, def, process.env, config);
    const boolean = (def: OptionDef) => booleanOption(opts, def, process.env, config);
    const quiet = boolean(QUIET) === true;
    if (quiet && boolean(VERBOSE)) throw usageError("Cannot specify both `--quiet` and `--verbose`");
    if (boolean(VERBOSE)) process.env.TAO_DEBUG = "1";
    const ui = new Ui({
      json: boolean(JSON_OUTPUT) === true,
      quiet,
      prompt: boolean(PROMPT) !== false,
      decline: spec.options.includes(DECLINE) && boolean(DECLINE) === true,
    });
    const run = await spec.action();
    await run({ ui, string, boolean, list: (def) => listOption(opts, def), args });
  });
  return cmd;
}
