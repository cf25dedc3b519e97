// The scenario format `opentao-yuma-scenario/1` and its result `opentao-yuma-result/1`
// (docs/yuma-scenario.md), as typed values.
import type { SparseRow } from "../math/sparse.js";
import type { EpochParams } from "../types.js";

export const SCENARIO_FORMAT = "opentao-yuma-scenario/1";
export const RESULT_FORMAT = "opentao-yuma-result/1";

export interface ScenarioStep {
  block: number;
  emission: bigint;
  /** Effective stake per uid, rao. */
  stake: bigint[];
  /** Undefined: keep the previous step's. */
  weights: SparseRow[] | undefined;
  lastUpdate: number[] | undefined;
  blockAtRegistration: number[] | undefined;
  lastMechanismStepBlock: number;
}

export interface Scenario {
  variant: "yuma" | "yuma3";
  neurons: number;
  params: EpochParams;
  ownerUid: number | null;
  initialBonds: SparseRow[];
  initialPermits: boolean[];
  steps: ScenarioStep[];
}

export interface ScenarioStepResult {
  block: number;
  active: boolean[];
  validator_permit: boolean[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validator_trust: number[];
  bonds: [number, number][][];
  server_emission: string[];
  validator_emission: string[];
}

export interface ScenarioResult {
  format: typeof RESULT_FORMAT;
  steps: ScenarioStepResult[];
}
