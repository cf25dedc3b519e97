// Float weights → the u16 values `set_weights` carries, exactly as bittensor's
// `convert_weights_and_uids_for_emit` (bittensor/utils/weight_utils.py): the largest weight becomes 65535,
// the others scale by value / max, round with Python's round() (half to even), and zeros are dropped.
const U16_MAX = 65535;

/** Python 3's round(): to nearest, ties to even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * Pass a Float32Array to reproduce bittensor's float32 tensors (each value is widened to a double first,
 * as Python's float() does); plain numbers are taken as doubles.
 */
export function convertWeightsAndUidsForEmit(
  uids: ArrayLike<number>,
  weights: ArrayLike<number>,
): { uids: number[]; weights: number[] } {
  const u = Array.from(uids);
  const w = Array.from(weights);
  if (u.length !== w.length) {
    throw new RangeError(`uids and weights must have the same length (${u.length} vs ${w.length})`);
  }
  if (w.some((x) => x < 0 || Number.isNaN(x))) throw new RangeError("weights must be non-negative numbers");
  if (u.some((x) => x < 0 || !Number.isInteger(x)))
    throw new RangeError("uids must be non-negative integers");
  // bittensor: a zero sum means nothing to set on chain.
  if (w.length === 0 || w.reduce((a, b) => a + b, 0) === 0) return { uids: [], weights: [] };
  const max = Math.max(...w);
  const out = { uids: [] as number[], weights: [] as number[] };
  for (let i = 0; i < w.length; i++) {
    const v = roundHalfEven((w[i]! / max) * U16_MAX);
    if (v !== 0) {
      out.uids.push(u[i]!);
      out.weights.push(v);
    }
  }
  return out;
}
