// Reference subnets and the subnet template (issue 14).

export { type AnswerScoring, COPY_RATIO, isCopy, rewardAnswers } from "./anticheat.js";
export * as forecast from "./forecast/index.js";
export { forecastSubnet, SUBNETS, type SubnetSpec, type TrainedMiner, textSubnet } from "./lineup.js";
export { type NetworkOptions, type NetworkSummary, runNetwork } from "./network/run.js";
export * from "./simulate/index.js";
export { spearman } from "./stats.js";
export { Miner, type MinerOptions } from "./template/miner.js";
export { Dummy } from "./template/protocol.js";
export {
  type Response,
  type Reward,
  type StepReport,
  Validator,
  type ValidatorOptions,
  type ValidatorTask,
} from "./template/validator.js";
export * as text from "./text/index.js";
