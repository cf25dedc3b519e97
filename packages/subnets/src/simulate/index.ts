// Whole-network simulation (`tao simulate`): the runtime in one process, seeded agents, earnings report.
import type { SimulationConfig } from "./config.js";
import { buildReport, type SimulationReport } from "./report.js";
import { type RunOptions, runSimulation } from "./run.js";

export type { MinerKind, ValidatorKind } from "./agents.js";
export {
  ADVERSARIES,
  type Adversary,
  DEFAULT_CONFIG,
  resolveConfig,
  type SimulationConfig,
  SimulationConfigError,
} from "./config.js";
export {
  type AdversaryVerdict,
  buildReport,
  type MinerReport,
  REPORT_FORMAT,
  type SimulationReport,
  type SubnetReport,
  type ValidatorReport,
} from "./report.js";
export { type EpochRecord, type RunOptions, runSimulation, type SimulationRun } from "./run.js";

/** Runs a simulation and returns its report: the one call `tao simulate` makes. */
export async function simulateNetwork(
  config: Partial<SimulationConfig> = {},
  options: RunOptions = {},
): Promise<SimulationReport> {
  return buildReport(await runSimulation(config, options));
}
