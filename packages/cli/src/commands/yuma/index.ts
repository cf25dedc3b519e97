import { type Command, Option } from "commander";
import { JSON_OUTPUT, PROMPT } from "../../common-options.js";
import { addOptions, booleanOption, type OptionDef, stringOption } from "../../options.js";

const STEP: OptionDef = {
  flags: "--step <n>",
  description: "which step of the scenario to explain (0-based; negative counts from the end)",
  default: "-1",
};
const CASE: OptionDef = { flags: "--case <name>", description: "a shipped case by name (see --list)" };
const VARIANT: OptionDef = {
  flags: "--variant <names...>",
  description:
    "variants to run side by side: yuma, yuma3, yuma3-liquid or the case's own (repeat or comma-separate)",
  default: "yuma,yuma3,yuma3-liquid",
};
const SET: OptionDef = {
  flags: "--set <key=value...>",
  description: "override a hyperparameter for every variant, e.g. --set kappa=32767 bonds_penalty=0",
};
const OUT: OptionDef = {
  flags: "-o, --out <dir>",
  description: "write result.json, CSVs, SVG charts, index.html and each variant's scenario file here",
};
const CSV: OptionDef = {
  flags: "--csv",
  description: "print one CSV row per variant, epoch and uid instead of the table",
};
const LIST: OptionDef = { flags: "--list", description: "list the shipped cases" };

/** A repeatable / variadic option's values (commander gives an array; the default is comma-separated). */
function listOption(opts: Record<string, unknown>, def: OptionDef): string[] {
  const v = opts[new Option(def.flags).attributeName()];
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === "string") return [v];
  return [];
}

export function registerYuma(program: Command): void {
  const yuma = program
    .command("yuma")
    .summary("run, simulate and explain Yuma Consensus epochs offline, bit for bit as Subtensor")
    .description(
      "Yuma Consensus without a chain: replay epochs from a scenario file (format opentao-yuma-scenario/1) " +
        "and compare the stored results with Subtensor's, run incentive cases under the chain's variants " +
        "with charts, or explain one epoch uid by uid.",
    );

  // `run` takes a positional FILE, which defineCommand does not model; same options and Ui otherwise.
  const run = yuma
    .command("run")
    .argument("<file>", "scenario file (JSON, format opentao-yuma-scenario/1)")
    .summary("replay a scenario file's epochs and print what Subtensor would store")
    .description(
      "Runs Subtensor's epoch (the sparse, production path) once per step of FILE, carrying bonds and " +
        "validator permits between steps. Prints a table per step, or with --json one " +
        "opentao-yuma-result/1 document. A malformed file is an error naming the JSON path (exit 2). " +
        "The format (top-level format, variant, neurons, hyperparameters, initial, steps) is described in " +
        "docs/yuma-scenario.md; case files (opentao-yuma-case/1) are for tao yuma simulate.",
    );
  addOptions(run, [JSON_OUTPUT, PROMPT]);
  run.addHelpText(
    "after",
    "\nExamples:\n  $ tao yuma run scenario.json\n  $ tao yuma run scenario.json --json > result.json\n",
  );
  run.action(async (file: string, opts: Record<string, unknown>) => {
    const { Ui } = await import("../../ui/ui.js");
    const ui = new Ui({
      json: booleanOption(opts, JSON_OUTPUT) === true,
      prompt: booleanOption(opts, PROMPT) !== false,
    });
    const { runFile } = await import("./actions.js");
    await runFile(ui, file);
  });

  const simulate = yuma
    .command("simulate")
    .argument("[case]", "case file (JSON, format opentao-yuma-case/1) or a shipped case name (see --list)")
    .summary("run an incentive case (validators, servers, weights over epochs) under Yuma variants")
    .description(
      "Runs a case through the exact epoch under one or several variants (yuma, yuma3, yuma3-liquid and the " +
        "case's own hyperparameter sets) and prints total dividends per validator side by side; --json prints one " +
        "opentao-yuma-simulation/1 document, --csv one row per epoch and uid, and --out DIR writes charts " +
        "(dividends, incentive, bonds, totals) as SVG files. Cases are JSON files in the format of " +
        "packages/runtime/cases/README.md; a mistake is an error naming the field (exit 2).",
    );
  addOptions(simulate, [CASE, VARIANT, SET, OUT, CSV, LIST, JSON_OUTPUT, PROMPT]);
  simulate.addHelpText(
    "after",
    "\nExamples:\n  $ tao yuma simulate --list\n  $ tao yuma simulate --case kappa-moves-first\n" +
      "  $ tao yuma simulate --case weight-copying --variant yuma3 --variant yuma3-liquid --out charts/\n" +
      "  $ tao yuma simulate my-case.json --set bonds_penalty=0 --json > result.json\n",
  );
  simulate.action(async (file: string | undefined, opts: Record<string, unknown>) => {
    const { Ui } = await import("../../ui/ui.js");
    const ui = new Ui({
      json: booleanOption(opts, JSON_OUTPUT) === true,
      prompt: booleanOption(opts, PROMPT) !== false,
    });
    const { simulateCommand } = await import("./simulate.js");
    const variants = listOption(opts, VARIANT);
    await simulateCommand(ui, {
      file,
      caseName: stringOption(opts, CASE),
      variants: variants.length ? variants : [String(VARIANT.default)],
      set: listOption(opts, SET),
      out: stringOption(opts, OUT),
      csv: booleanOption(opts, CSV) === true,
      list: booleanOption(opts, LIST) === true,
    });
  });

  const explain = yuma
    .command("explain")
    .argument("<file>", "scenario file (JSON, format opentao-yuma-scenario/1)")
    .summary("explain one epoch of a scenario uid by uid: stake, permits, weights, clipping, bonds, emission")
    .description(
      "Replays FILE up to --step (default: the last step) and shows, for every uid, its stake share, whether it " +
        "is active and holds a permit, the weights it gave (counted, clipped to consensus or dropped, and why), " +
        "consensus, validator trust, bonds before and after, incentive, dividends and emission. The numbers are " +
        "those of tao yuma run (u16 as stored, rao). --json prints one opentao-yuma-explain/1 document.",
    );
  addOptions(explain, [STEP, JSON_OUTPUT, PROMPT]);
  explain.addHelpText(
    "after",
    "\nExamples:\n  $ tao yuma explain scenario.json\n  $ tao yuma explain scenario.json --step 3 --json\n" +
      "  $ tao yuma simulate --case clipping-demo --out sim/ && tao yuma explain sim/scenario-yuma.json --step 0\n",
  );
  explain.action(async (file: string, opts: Record<string, unknown>) => {
    const { Ui } = await import("../../ui/ui.js");
    const ui = new Ui({
      json: booleanOption(opts, JSON_OUTPUT) === true,
      prompt: booleanOption(opts, PROMPT) !== false,
    });
    const { explainCommand } = await import("./explain.js");
    await explainCommand(ui, file, stringOption(opts, STEP));
  });
}
