import type { Command } from "commander";
import { JSON_OUTPUT, PROMPT } from "./common-options.js";
import { addOptions, booleanOption, type OptionDef, stringOption } from "./options.js";
import type { Ui } from "./ui/ui.js";

/** What an action receives: typed access to its options and the user interface. */
export interface CommandContext {
  ui: Ui;
  string(def: OptionDef): string | undefined;
  boolean(def: OptionDef): boolean | undefined;
}

export type Action = (ctx: CommandContext) => Promise<void>;

export interface CommandSpec {
  name: string;
  aliases?: string[];
  summary: string;
  description?: string;
  options: readonly OptionDef[];
  /** Loaded only when the command runs, so `tao --help` never pays for crypto or network code. */
  action: () => Promise<Action>;
  examples?: string[];
  /** Runs when the parent is given no subcommand (`tao node --dev` runs `tao node start --dev`). */
  isDefault?: boolean;
}

/** Adds a command with the shared --json and --prompt/--no-prompt options. */
export function defineCommand(parent: Command, spec: CommandSpec): Command {
  const cmd = parent
    .command(spec.name, spec.isDefault ? { isDefault: true } : {})
    .summary(spec.summary)
    .description(spec.description ?? spec.summary);
  for (const alias of spec.aliases ?? []) cmd.alias(alias);
  addOptions(cmd, [...spec.options, JSON_OUTPUT, PROMPT]);
  if (spec.examples?.length) {
    cmd.addHelpText("after", `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join("\n")}\n`);
  }
  cmd.action(async (opts: Record<string, unknown>) => {
    const { Ui } = await import("./ui/ui.js");
    const ui = new Ui({
      json: booleanOption(opts, JSON_OUTPUT) === true,
      prompt: booleanOption(opts, PROMPT) !== false,
    });
    const run = await spec.action();
    await run({ ui, string: (def) => stringOption(opts, def), boolean: (def) => booleanOption(opts, def) });
  });
  return cmd;
}
