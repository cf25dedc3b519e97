// The epoch explainer: one epoch's per-uid breakdown. Pure; formatting for people is the CLI's.
export {
  type EpochExplanation,
  EXPLAIN_FORMAT,
  explainEpoch,
  explainScenarioStep,
  pct,
  type UidExplanation,
  type WeightExplanation,
  type WeightStatus,
} from "./explain.js";
