// Yuma Consensus: the epoch that turns validators' weights into miner incentive and validator
// dividends, bit for bit as Subtensor computes it (economics.md §6).
export { resetBonds } from "./bonds-reset.js";
export { weightedMedian } from "./consensus.js";
export { runEpochDense } from "./dense/epoch.js";
export { runEpoch } from "./epoch.js";
export * from "./explain/index.js";
export { packRows, rowOf, type U16Rows, unpackRows } from "./math/rows.js";
export { ScenarioError } from "./scenario/errors.js";
export { parseScenario } from "./scenario/parse.js";
export { runScenario, type StepTrace, toResultDocument, traceScenario } from "./scenario/run.js";
export {
  RESULT_FORMAT,
  SCENARIO_FORMAT,
  type Scenario,
  type ScenarioResult,
  type ScenarioStep,
  type ScenarioStepResult,
} from "./scenario/types.js";
export * from "./simulate/index.js";
export type { EpochInput, EpochParams, EpochResult, EpochTrace, SparseMatrix, SparseRow } from "./types.js";
