// A case under one variant → an `opentao-yuma-scenario/1` document: validators are uids 0..V-1 and
// servers V..V+S-1 (the chain's layout), one epoch per tempo, every validator setting weights each epoch.
import type { Json } from "../scenario/read.js";
import { SCENARIO_FORMAT } from "../scenario/types.js";
import {
  BUILTIN_VARIANTS,
  type BuiltinVariant,
  CaseError,
  checkHyperparameters,
  type SimulationCase,
  type VariantSpec,
} from "./case.js";

/** The chain's defaults (Subtensor's storage defaults), which every variant starts from. */
export const DEFAULT_HYPERPARAMETERS: Readonly<Record<string, Json>> = {
  tempo: 360,
  kappa: 32767,
  bonds_moving_average: 900000,
  bonds_penalty: 65535,
  max_allowed_validators: 64,
  activity_cutoff: 5000,
  stake_threshold: "0",
  owner_uid: null,
  liquid_alpha_enabled: false,
  alpha_low: 45875,
  alpha_high: 58982,
  alpha_sigmoid_steepness: 1000,
};

const BUILTIN: Record<BuiltinVariant, VariantSpec> = {
  yuma: {
    name: "yuma",
    base: "yuma",
    description: "original Yuma (Yuma3On false): stake-weighted EMA bonds",
    hyperparameters: {},
  },
  yuma3: {
    name: "yuma3",
    base: "yuma3",
    description: "Yuma3: per-validator relative bonds, dividends by active stake",
    hyperparameters: {},
  },
  "yuma3-liquid": {
    name: "yuma3-liquid",
    base: "yuma3-liquid",
    description: "Yuma3 with liquid alpha (one EMA alpha per bond)",
    hyperparameters: { liquid_alpha_enabled: true },
  },
};

/** Every variant a case can run under: the built-ins, then the case's own. */
export function variantsOf(c: SimulationCase): VariantSpec[] {
  return [...BUILTIN_VARIANTS.map((v) => BUILTIN[v]), ...c.variants];
}

export function findVariant(c: SimulationCase, name: string): VariantSpec {
  const all = variantsOf(c);
  const v = all.find((x) => x.name === name);
  if (!v)
    throw new CaseError(
      "variant",
      `unknown variant "${name}"; expected one of ${all.map((x) => x.name).join(", ")}`,
    );
  return v;
}

/**
 * The hyperparameters a run uses: the chain's defaults, the case's, the base variant's, the case variant's,
 * then `overrides`. Each layer is checked on its own so that an error names where the bad value is.
 */
export function resolveHyperparameters(
  c: SimulationCase,
  v: VariantSpec,
  overrides: Record<string, Json> = {},
  overridesPath = "overrides",
): Record<string, Json> {
  const caseVariant = c.variants.findIndex((x) => x.name === v.name);
  const layers: [Record<string, Json>, string][] = [
    [c.hyperparameters, "hyperparameters"],
    [BUILTIN[v.base].hyperparameters, "variant"],
    [caseVariant >= 0 ? v.hyperparameters : {}, `variants[${caseVariant}].hyperparameters`],
    [overrides, overridesPath],
  ];
  let h: Record<string, Json> = { ...DEFAULT_HYPERPARAMETERS };
  for (const [layer, path] of layers) {
    h = { ...h, ...layer };
    checkHyperparameters(h, v.base === "yuma" ? "yuma" : "yuma3", path);
  }
  return h;
}

/** Converts a weight row over the servers to stored u16 pairs, max-upscaled as `set_weights` stores it. */
export function weightPairs(row: readonly number[] | null, firstServerUid: number): [number, number][] {
  if (row === null) return [];
  let max = 0;
  for (const w of row) if (w > max) max = w;
  if (max <= 0) return [];
  const out: [number, number][] = [];
  for (const [j, w] of row.entries()) {
    const u = Math.round((w / max) * 65535);
    if (u > 0) out.push([firstServerUid + j, u]);
  }
  return out;
}

/** The scenario document for one run of the case. */
export function caseToScenario(
  c: SimulationCase,
  variant: VariantSpec,
  overrides: Record<string, Json> = {},
): Record<string, Json> {
  const hyper = resolveHyperparameters(c, variant, overrides);
  const tempo = hyper.tempo as number;
  const V = c.validators.length;
  const n = V + c.servers.length;
  const stakes: bigint[] = c.validators.map(() => 0n);
  const rows: (number[] | null)[] = c.validators.map(() => null);
  const steps: Record<string, Json>[] = [];
  let next = 0;
  for (let epoch = 0; epoch < c.epochs; epoch++) {
    let changed = epoch === 0;
    const event = c.timeline[next];
    if (event && event.epoch === epoch) {
      next++;
      event.stakes.forEach((s, i) => {
        if (s !== undefined) stakes[i] = s;
      });
      event.weights.forEach((w, i) => {
        if (w !== undefined) {
          rows[i] = w;
          changed = true;
        }
      });
    }
    const block = (epoch + 1) * Math.max(tempo, 1);
    const step: Record<string, Json> = {
      block,
      emission: String(c.emission),
      stake: [...stakes.map(String), ...c.servers.map(() => "0")],
      last_update: Array.from({ length: n }, () => block),
    };
    if (changed) {
      step.weights = [...rows.map((r) => weightPairs(r, V)), ...c.servers.map(() => [])];
    }
    if (epoch === 0) step.block_at_registration = Array.from({ length: n }, () => 0);
    steps.push(step);
  }
  return {
    format: SCENARIO_FORMAT,
    variant: variant.base === "yuma" ? "yuma" : "yuma3",
    neurons: n,
    hyperparameters: hyper,
    // Validators with stake hold permits from the start, as after any earlier epoch on the chain.
    initial: { validator_permit: [...stakes0(c).map((s) => s > 0n), ...c.servers.map(() => false)] },
    steps,
  };
}

function stakes0(c: SimulationCase): bigint[] {
  return c.timeline[0]!.stakes.map((s) => s ?? 0n);
}
