// Synthetic subnets for the epoch benchmark: validators with lognormal-ish stake, miners of a hidden
// quality that every validator scores with its own noise (dense-ish: each validator skips ~10 % of
// the miners), weights max-upscaled to u16 as the chain stores them. Deterministic (xorshift).
import { I64F64, vecU16MaxUpscaleToU16 } from "../packages/primitives/src/index.js";
import type { EpochInput, EpochParams, SparseRow, U16Rows } from "../packages/runtime/src/epoch/index.js";

export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

export interface Network {
  n: number;
  validators: number;
  stake: bigint[];
  /** Per epoch: a fresh round of weights (validators re-score with new noise). */
  weights: (round: number) => SparseRow[];
}

export function network(n: number, validators: number, seed = 7): Network {
  const r = rng(seed);
  const stake = Array.from({ length: n }, (_, i) =>
    i < validators ? BigInt(Math.floor(1e12 * Math.exp(3 * r()))) : BigInt(Math.floor(1e6 * r())),
  );
  const quality = Array.from({ length: n }, () => r());
  const weights = (round: number): SparseRow[] => {
    const rr = rng(seed * 1000 + round + 1);
    return Array.from({ length: n }, (_, i) => {
      if (i >= validators) return [];
      const uids: number[] = [];
      const scores: number[] = [];
      for (let j = validators; j < n; j++) {
        if (rr() < 0.1) continue;
        uids.push(j);
        scores.push(Math.max(0, Math.round(65535 * quality[j]! * (0.8 + 0.4 * rr()))) % 65536);
      }
      const stored = vecU16MaxUpscaleToU16(scores);
      return uids.map((j, k) => [j, stored[k]!] as const);
    });
  };
  return { n, validators, stake, weights };
}

export function params(yuma3: boolean, validators: number): EpochParams {
  return {
    tempo: 360,
    activityCutoff: 5000,
    kappa: 32767,
    bondsPenalty: 65535,
    bondsMovingAverage: 900_000,
    maxAllowedValidators: validators,
    stakeThreshold: 0n,
    yuma3,
    liquidAlpha: yuma3,
    alphaLow: 45875,
    alphaHigh: 58982,
    alphaSigmoidSteepness: 1000,
  };
}

/** The epoch input at `round`, with the bonds and permits a previous epoch left. */
export function epochInput(
  net: Network,
  p: EpochParams,
  round: number,
  bonds: readonly SparseRow[] | U16Rows,
  permits: readonly boolean[],
): EpochInput {
  const block = 10_000 + 360 * round;
  return {
    n: net.n,
    block,
    lastMechanismStepBlock: block - 360,
    params: p,
    ownerUid: null,
    stake: net.stake.map((s) => I64F64.fromInt(s)),
    validatorPermit: permits,
    weights: net.weights(round),
    bonds,
    lastUpdate: Array.from({ length: net.n }, () => block - 10),
    blockAtRegistration: Array.from({ length: net.n }, () => 1),
    emission: 360_000_000_000n,
  };
}
