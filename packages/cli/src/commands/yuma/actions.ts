import { runScenario, ScenarioError } from "@opentao/runtime";
import type { Ui } from "../../ui/ui.js";
import { formatResult } from "./format.js";
import { Refused, readJson, refuseCaseFile, SCENARIO_FORMAT_HINT } from "./input.js";

/** `tao yuma run FILE`: the CLI only reads the file; the runtime validates and replays it. */
export async function runFile(ui: Ui, file: string): Promise<void> {
  const doc = readJson(file, "scenario");
  refuseCaseFile(file, doc);
  let result: ReturnType<typeof runScenario>;
  try {
    result = runScenario(doc);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new Refused(`${file}: ${error.message}`, SCENARIO_FORMAT_HINT);
    }
    throw error;
  }
  ui.result(result, () => process.stdout.write(formatResult(result)));
}
