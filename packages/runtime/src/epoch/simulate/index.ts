// The incentive simulator: named cases (opentao-yuma-case/1) run through the exact epoch under the
// chain's variants and hyperparameter sets. Pure: reading files is the caller's business.
export {
  BUILTIN_VARIANTS,
  type BuiltinVariant,
  CASE_FORMAT,
  CaseError,
  type CaseEvent,
  parseCase,
  type SimulationCase,
  type VariantSpec,
} from "./case.js";
export {
  caseToScenario,
  DEFAULT_HYPERPARAMETERS,
  findVariant,
  resolveHyperparameters,
  variantsOf,
  weightPairs,
} from "./convert.js";
export {
  SIMULATION_FORMAT,
  type SimulateOptions,
  type SimulationEpoch,
  type SimulationResult,
  type SimulationRun,
  simulate,
} from "./run.js";
