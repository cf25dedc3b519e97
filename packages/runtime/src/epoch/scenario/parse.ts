// Reads and validates an `opentao-yuma-scenario/1` document (docs/yuma-scenario.md).
import type { SparseRow } from "../math/sparse.js";
import type { EpochParams } from "../types.js";
import { ScenarioError } from "./errors.js";
import {
  array,
  block,
  boolean,
  integer,
  type Json,
  join,
  object,
  onlyKeys,
  required,
  u16,
  u64,
} from "./read.js";
import { SCENARIO_FORMAT, type Scenario, type ScenarioStep } from "./types.js";

/**
 * Sums of u16 weights and bonds over all uids must stay exact in I32F32 (< 2^31), which bounds the
 * subnet size; Subtensor's own subnets are far smaller.
 */
export const MAX_NEURONS = 32768;
const I64F64_MAX_INT = (1n << 63n) - 1n;

const TOP_KEYS = ["format", "variant", "neurons", "hyperparameters", "initial", "steps"];
const HYPER_KEYS = [
  "tempo",
  "kappa",
  "bonds_moving_average",
  "bonds_penalty",
  "max_allowed_validators",
  "activity_cutoff",
  "stake_threshold",
  "owner_uid",
  "liquid_alpha_enabled",
  "alpha_low",
  "alpha_high",
  "alpha_sigmoid_steepness",
];
const STEP_KEYS = [
  "block",
  "emission",
  "stake",
  "weights",
  "last_update",
  "block_at_registration",
  "last_mechanism_step_block",
];

export function parseScenario(doc: Json): Scenario {
  const root = object(doc, "$");
  onlyKeys(root, TOP_KEYS, "$");
  const format = required(root, "format", "$");
  if (format !== SCENARIO_FORMAT) {
    throw new ScenarioError("format", `expected "${SCENARIO_FORMAT}", got ${JSON.stringify(format)}`);
  }
  const variant = required(root, "variant", "$");
  if (variant !== "yuma" && variant !== "yuma3") {
    throw new ScenarioError(
      "variant",
      `expected "yuma" (original Yuma) or "yuma3", got ${JSON.stringify(variant)}`,
    );
  }
  const n = integer(required(root, "neurons", "$"), "neurons", 1, MAX_NEURONS, "a neuron count");
  const { params, ownerUid } = parseHyperparameters(
    required(root, "hyperparameters", "$"),
    n,
    variant === "yuma3",
  );

  let initialBonds: SparseRow[] = Array.from({ length: n }, () => []);
  let initialPermits: boolean[] = Array.from({ length: n }, () => false);
  if (root.initial !== undefined) {
    const initial = object(root.initial, "initial");
    onlyKeys(initial, ["bonds", "validator_permit"], "initial");
    if (initial.bonds !== undefined) initialBonds = sparseRows(initial.bonds, "initial.bonds", n);
    if (initial.validator_permit !== undefined) {
      initialPermits = array(initial.validator_permit, "initial.validator_permit", perUid(n)).map((v, i) =>
        boolean(v, join("initial.validator_permit", i)),
      );
    }
  }

  const stepsJson = array(required(root, "steps", "$"), "steps");
  if (stepsJson.length === 0) throw new ScenarioError("steps", "expected at least one step");
  const steps = stepsJson.map((s, k) => parseStep(s, `steps[${k}]`, n, k === 0));
  return { variant, neurons: n, params, ownerUid, initialBonds, initialPermits, steps };
}

const perUid = (n: number) => ({ n, what: `one per uid, neurons = ${n}` });

function parseHyperparameters(
  v: Json,
  n: number,
  yuma3: boolean,
): { params: EpochParams; ownerUid: number | null } {
  const path = "hyperparameters";
  const h = object(v, path);
  onlyKeys(h, HYPER_KEYS, path);
  const req = (key: string) => required(h, key, path);
  const at = (key: string) => join(path, key);
  const alphaLow = h.alpha_low === undefined ? 45875 : u16(h.alpha_low, at("alpha_low"));
  const alphaHigh = h.alpha_high === undefined ? 58982 : u16(h.alpha_high, at("alpha_high"));
  if (alphaLow > alphaHigh) {
    throw new ScenarioError(
      at("alpha_low"),
      `alpha_low ${alphaLow} is above alpha_high ${alphaHigh}; expected alpha_low <= alpha_high`,
    );
  }
  const ownerUid =
    h.owner_uid === undefined || h.owner_uid === null ? null : uid(h.owner_uid, at("owner_uid"), n);
  return {
    ownerUid,
    params: {
      tempo: u16(req("tempo"), at("tempo")),
      kappa: u16(req("kappa"), at("kappa")),
      bondsMovingAverage: integer(
        req("bonds_moving_average"),
        at("bonds_moving_average"),
        0,
        1_000_000,
        "millionths",
      ),
      bondsPenalty: u16(req("bonds_penalty"), at("bonds_penalty")),
      maxAllowedValidators: u16(req("max_allowed_validators"), at("max_allowed_validators")),
      activityCutoff: block(req("activity_cutoff"), at("activity_cutoff")),
      stakeThreshold: h.stake_threshold === undefined ? 0n : u64(h.stake_threshold, at("stake_threshold")),
      yuma3,
      liquidAlpha:
        h.liquid_alpha_enabled === undefined
          ? false
          : boolean(h.liquid_alpha_enabled, at("liquid_alpha_enabled")),
      alphaLow,
      alphaHigh,
      alphaSigmoidSteepness:
        h.alpha_sigmoid_steepness === undefined
          ? 1000
          : integer(h.alpha_sigmoid_steepness, at("alpha_sigmoid_steepness"), -32768, 32767, "an i16"),
    },
  };
}

function uid(v: Json, path: string, n: number): number {
  if (typeof v === "number" && Number.isInteger(v) && v >= n && v <= 65535) {
    throw new ScenarioError(path, `uid ${v} is out of range; expected 0..${n - 1} (neurons = ${n})`);
  }
  return integer(v, path, 0, n - 1, "a uid");
}

/** Per-uid rows of [uid, u16] pairs, as stored on chain; a uid may appear once per row. */
function sparseRows(v: Json, path: string, n: number): SparseRow[] {
  return array(v, path, perUid(n)).map((rowJson, i) => {
    const rowPath = join(path, i);
    const seen = new Set<number>();
    return array(rowJson, rowPath).map((pairJson, e) => {
      const pairPath = join(rowPath, e);
      const pair = array(pairJson, pairPath);
      if (pair.length !== 2) {
        throw new ScenarioError(pairPath, `expected a [uid, u16] pair, got ${pair.length} entries`);
      }
      const j = uid(pair[0], join(pairPath, 0), n);
      if (seen.has(j)) {
        throw new ScenarioError(
          join(pairPath, 0),
          `uid ${j} appears twice in row ${i}; each target uid may appear once`,
        );
      }
      seen.add(j);
      return [j, u16(pair[1], join(pairPath, 1))] as const;
    });
  });
}

function parseStep(v: Json, path: string, n: number, first: boolean): ScenarioStep {
  const s = object(v, path);
  onlyKeys(s, STEP_KEYS, path);
  const at = (key: string) => join(path, key);
  const stake = array(required(s, "stake", path), at("stake"), perUid(n)).map((x, i) =>
    u64(x, join(at("stake"), i)),
  );
  const total = stake.reduce((a, b) => a + b, 0n);
  if (total > I64F64_MAX_INT) {
    throw new ScenarioError(
      at("stake"),
      `total stake ${total} rao exceeds I64F64's integer range (2^63 − 1)`,
    );
  }
  const perStep = (key: string) => {
    if (s[key] !== undefined || !first) return s[key];
    throw new ScenarioError(
      at(key),
      "missing required field (the first step must give it; later steps may omit it to keep the previous one)",
    );
  };
  const lastUpdate = perStep("last_update");
  const registration = perStep("block_at_registration");
  return {
    block: block(required(s, "block", path), at("block")),
    emission: u64(required(s, "emission", path), at("emission")),
    stake,
    weights:
      s.weights === undefined
        ? first
          ? Array.from({ length: n }, () => [])
          : undefined
        : sparseRows(s.weights, at("weights"), n),
    lastUpdate:
      lastUpdate === undefined
        ? undefined
        : array(lastUpdate, at("last_update"), perUid(n)).map((x, i) => block(x, join(at("last_update"), i))),
    blockAtRegistration:
      registration === undefined
        ? undefined
        : array(registration, at("block_at_registration"), perUid(n)).map((x, i) =>
            block(x, join(at("block_at_registration"), i)),
          ),
    lastMechanismStepBlock:
      s.last_mechanism_step_block === undefined
        ? 0
        : block(s.last_mechanism_step_block, at("last_mechanism_step_block")),
  };
}
