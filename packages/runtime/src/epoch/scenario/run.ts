// Replays a scenario: one epoch per step, carrying stored bonds and validator permits between steps
// as the chain stores them (this step's new permits are the next step's old ones).
import { I64F64 } from "@opentao/primitives";
import { runEpoch } from "../epoch.js";
import { packRows, type U16Rows, unpackRows } from "../math/rows.js";
import type { EpochInput, EpochResult } from "../types.js";
import { parseScenario } from "./parse.js";
import { RESULT_FORMAT, type Scenario, type ScenarioResult, type ScenarioStepResult } from "./types.js";

export interface StepTrace {
  block: number;
  /** What the epoch read (the carried bonds and permits included): rerun it to look inside. */
  input: EpochInput;
  result: EpochResult;
  /** Stored bonds after the epoch. */
  bonds: U16Rows;
}

/** Runs every step and returns each epoch's full result (for tests and tools). */
export function traceScenario(s: Scenario): StepTrace[] {
  let bonds: U16Rows = packRows(s.initialBonds, s.neurons);
  let permits = s.initialPermits;
  let weights: U16Rows = packRows([], s.neurons);
  let lastUpdate: number[] = [];
  let registration: number[] = [];
  return s.steps.map((step) => {
    weights = step.weights ? packRows(step.weights, s.neurons) : weights;
    lastUpdate = step.lastUpdate ?? lastUpdate;
    registration = step.blockAtRegistration ?? registration;
    const input: EpochInput = {
      n: s.neurons,
      block: step.block,
      lastMechanismStepBlock: step.lastMechanismStepBlock,
      params: s.params,
      ownerUid: s.ownerUid,
      stake: step.stake.map((x) => I64F64.fromInt(x)),
      validatorPermit: permits,
      weights,
      bonds,
      lastUpdate,
      blockAtRegistration: registration,
      emission: step.emission,
    };
    const result = runEpoch(input);
    bonds = result.bonds;
    permits = result.validatorPermit;
    return { block: step.block, input, result, bonds };
  });
}

export function toResultDocument(trace: readonly StepTrace[]): ScenarioResult {
  return {
    format: RESULT_FORMAT,
    steps: trace.map(
      ({ block, result: r, bonds }): ScenarioStepResult => ({
        block,
        active: r.active,
        validator_permit: r.validatorPermit,
        consensus: r.consensus,
        incentive: r.incentive,
        dividends: r.dividends,
        validator_trust: r.validatorTrust,
        bonds: unpackRows(bonds),
        server_emission: r.serverEmission.map(String),
        validator_emission: r.validatorEmission.map(String),
      }),
    ),
  };
}

/** `tao yuma run`: validates a parsed JSON document and replays it. Throws ScenarioError on bad input. */
export function runScenario(doc: unknown): ScenarioResult {
  return toResultDocument(traceScenario(parseScenario(doc)));
}
