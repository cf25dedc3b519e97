import type { Command } from "commander";
import { JSON_OUTPUT, PROMPT } from "../../common-options.js";
import { addOptions, booleanOption } from "../../options.js";

export function registerYuma(program: Command): void {
  const yuma = program
    .command("yuma")
    .summary("run Yuma Consensus epochs offline, bit for bit as Subtensor")
    .description(
      "Yuma Consensus without a chain: replay epochs from a scenario file (format opentao-yuma-scenario/1) " +
        "and compare the stored results with Subtensor's.",
    );

  // `run` takes a positional FILE, which defineCommand does not model; same options and Ui otherwise.
  const run = yuma
    .command("run")
    .argument("<file>", "scenario file (JSON, format opentao-yuma-scenario/1)")
    .summary("replay a scenario file's epochs and print what Subtensor would store")
    .description(
      "Runs Subtensor's epoch (the sparse, production path) once per step of FILE, carrying bonds and " +
        "validator permits between steps. Prints a table per step, or with --json one " +
        "opentao-yuma-result/1 document. A malformed file is an error naming the JSON path (exit 2).",
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
}
