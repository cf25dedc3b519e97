// Scenario documents (`opentao-yuma-scenario/1`) rebuilt from the Subtensor test scenarios S03–S06 of
// test/vectors/subtensor-test-scenarios.json, with the block timeline of the Rust tests they port.
import { subtensorScenarios } from "../../../../test/vectors/index.js";

// biome-ignore lint/suspicious/noExplicitAny: the vector file is free-form JSON
export type Doc = any;
type Row = [number, number][];

// biome-ignore lint/suspicious/noExplicitAny: see above
export function vector(prefix: string): any {
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const found = subtensorScenarios.scenarios.find((s: any) => s.id.startsWith(prefix));
  if (!found) throw new Error(`no scenario ${prefix} in the vectors`);
  return found;
}

const empty = (n: number): Row[] => Array.from({ length: n }, () => []);
const fill = <T>(n: number, v: T): T[] => Array.from({ length: n }, () => v);

function scenario(variant: "yuma" | "yuma3", n: number, hyper: Record<string, unknown>, steps: Doc[]): Doc {
  return { format: "opentao-yuma-scenario/1", variant, neurons: n, hyperparameters: hyper, steps };
}

/** S03 (test_10_graph): self-weights only, no permits — everything 0, emission by raw stake. */
export function s03(): Doc {
  const v = vector("S03");
  const n: number = v.setup.n;
  const weights = Array.from({ length: n }, (_, i) => v.setup.weights[String(i)]);
  return scenario(
    "yuma",
    n,
    {
      tempo: 65534,
      kappa: 32767,
      bonds_moving_average: 900000,
      bonds_penalty: 65535,
      max_allowed_validators: 64,
      activity_cutoff: 910201,
    },
    [
      {
        block: 1,
        emission: String(v.setup.rao_emission),
        stake: v.setup.stake_rao.map(String),
        weights,
        last_update: fill(n, 1),
        block_at_registration: fill(n, 0),
      },
    ],
  );
}

/**
 * S04 (test_bonds): an epoch at block 1 hands out permits; weights set at block b count in the epoch
 * of block b (first step) or b + 1 (later ones), as in the Rust test.
 */
export function s04(): Doc {
  const v = vector("S04");
  const n: number = v.setup.n;
  const base = { emission: String(v.setup.rao_emission_per_epoch), stake: v.setup.stake_rao.map(String) };
  const steps: Doc[] = [
    { ...base, block: 1, weights: empty(n), last_update: fill(n, 1), block_at_registration: fill(n, 1) },
  ];
  let weights = empty(n);
  let lastUpdate = fill(n, 1);
  for (const [k, s] of v.steps.entries()) {
    const setAt = k === 0 ? s.block : s.block - 1;
    const changed = Object.keys(s.set_weights);
    if (changed.length === 0) {
      steps.push({ ...base, block: s.block });
      continue;
    }
    weights = weights.map((row, i) => (changed.includes(String(i)) ? s.set_weights[String(i)] : row));
    lastUpdate = lastUpdate.map((lu, i) => (changed.includes(String(i)) ? setAt : lu));
    steps.push({ ...base, block: s.block, weights, last_update: lastUpdate });
  }
  return scenario(
    "yuma",
    n,
    {
      tempo: v.setup.tempo,
      kappa: v.setup.kappa,
      bonds_moving_average: v.setup.bonds_moving_average,
      bonds_penalty: v.setup.bonds_penalty,
      max_allowed_validators: v.setup.max_allowed_validators,
      activity_cutoff: v.setup.activity_cutoff_blocks,
    },
    steps,
  );
}

/** S05 (test_active_stake): epoch at block 0, weights at 1, uid 0 refreshes at 5002, uid 1 at 5002 too. */
export function s05(): Doc {
  const v = vector("S05");
  const n: number = v.setup.n;
  const base = { emission: String(v.setup.rao_emission), stake: v.setup.stake_rao.map(String) };
  const stored: Row = v.steps[0].stored_after_max_upscale;
  return scenario(
    "yuma",
    n,
    {
      tempo: v.setup.tempo,
      kappa: v.setup.kappa,
      bonds_moving_average: v.setup.bonds_moving_average,
      bonds_penalty: v.setup.bonds_penalty,
      max_allowed_validators: v.setup.max_allowed_validators,
      activity_cutoff: v.setup.activity_cutoff_blocks,
    },
    [
      { ...base, block: 0, weights: empty(n), last_update: fill(n, 0), block_at_registration: fill(n, 0) },
      { ...base, block: 1, weights: [stored, stored, [], []], last_update: [1, 1, 0, 0] },
      { ...base, block: 5002, last_update: [5002, 1, 0, 0] },
      { ...base, block: 5003, last_update: [5002, 5002, 0, 0] },
    ],
  );
}

/**
 * S06 (test_yuma_3_kappa_moves_first) and its siblings: validators 0–2, servers 3 and 4; an epoch at
 * block 2 hands out permits, then each epoch's weights are set one block before it runs.
 * `plan[e][v]` is the server validator v votes for in epoch e (undefined: weights unchanged).
 */
export function yuma3Switching(
  plan: (readonly (3 | 4)[] | undefined)[],
  hyper: Record<string, unknown> = {},
): Doc {
  const v = vector("S06");
  const n = 5;
  const base = { emission: String(v.setup.rao_emission), stake: v.setup.stake_rao.map(String) };
  const steps: Doc[] = [
    { ...base, block: 2, weights: empty(n), last_update: fill(n, 1), block_at_registration: fill(n, 1) },
  ];
  plan.forEach((votes, e) => {
    const block = 3 + e;
    if (votes === undefined) {
      steps.push({ ...base, block });
      return;
    }
    const rows: Row[] = votes.map((server) => [
      [3, server === 3 ? 65535 : 0],
      [4, server === 4 ? 65535 : 0],
    ]);
    steps.push({
      ...base,
      block,
      weights: [...rows, [], []],
      last_update: [block - 1, block - 1, block - 1, 1, 1],
    });
  });
  const [alphaLow, alphaHigh] = v.setup.alpha_low_high_u16;
  return scenario(
    "yuma3",
    n,
    {
      tempo: v.setup.tempo,
      kappa: v.setup.kappa,
      bonds_moving_average: v.setup.bonds_moving_average,
      bonds_penalty: v.setup.bonds_penalty,
      max_allowed_validators: v.setup.max_allowed_validators,
      activity_cutoff: 13,
      liquid_alpha_enabled: v.setup.liquid_alpha,
      alpha_low: alphaLow,
      alpha_high: alphaHigh,
      alpha_sigmoid_steepness: v.setup.alpha_sigmoid_steepness,
      ...hyper,
    },
    steps,
  );
}

/** S06's own plan: A (80 %) moves to server 4 first, B next, C last. */
export function s06(): Doc {
  const v = vector("S06");
  const server = (w: number[]) => (w[0] === 65535 ? 3 : 4) as 3 | 4;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  const plan = v.epochs.map((e: any) =>
    e.weights === "unchanged" ? undefined : [server(e.weights.A), server(e.weights.B), server(e.weights.C)],
  );
  return yuma3Switching(plan);
}
