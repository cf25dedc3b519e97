// Step 11 — emission split: incentive and dividends normalised together over Σ(I + D), then scaled to
// rao in I96F32 and floored. With nothing to pay (no surviving weights) validators are paid by stake.
import { normalizeInPlace, normalizeUsingSum, sum } from "./math/vector.js";

export interface EmissionSplit {
  server: bigint[];
  validator: bigint[];
  /** The Emission storage item. */
  combined: bigint[];
}

const U64_MAX = (1n << 64n) - 1n;

/** floor(I96F32(x) · I96F32(emission)) as u64: x's 32 fraction bits times an integer. */
function toRao(bits: number, emission: bigint): bigint {
  if (bits <= 0) return 0n;
  const v = (BigInt(bits) * emission) >> 32n;
  return v > U64_MAX ? U64_MAX : v;
}

export function emissionSplit(
  incentive: Float64Array,
  dividends: Float64Array,
  stake: Float64Array,
  activeStake: Float64Array,
  emission: bigint,
): EmissionSplit {
  const combined = incentive.map((x, i) => x + dividends[i]!);
  const total = sum(combined);
  const server = normalizeUsingSum(Float64Array.from(incentive), total);
  let validator = normalizeUsingSum(Float64Array.from(dividends), total);
  let normalizedCombined = normalizeInPlace(combined);
  if (total === 0) {
    // No weights, outdated weights or only self-weights: pay by active stake, or by raw stake if none.
    const fallback = sum(activeStake) === 0 ? stake : activeStake;
    validator = fallback;
    normalizedCombined = fallback;
  }
  return {
    server: Array.from(server, (x) => toRao(x, emission)),
    validator: Array.from(validator, (x) => toRao(x, emission)),
    combined: Array.from(normalizedCombined, (x) => toRao(x, emission)),
  };
}
