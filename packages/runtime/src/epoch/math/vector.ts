// Vector helpers of Subtensor's epoch/math.rs over I32F32 raw bits held in Float64Arrays.
import { div } from "./fixed32.js";

/** Left-to-right sum (exact: the epoch's vectors are proportions, their sums stay far below 2^53). */
export function sum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  return s;
}

/** `inplace_normalize`: divide by the sum unless it is 0. */
export function normalizeInPlace(x: Float64Array): Float64Array {
  const s = sum(x);
  if (s === 0) return x;
  for (let i = 0; i < x.length; i++) x[i] = div(x[i]!, s);
  return x;
}

/** `inplace_normalize_using_sum`: divide by a given sum unless it is 0. */
export function normalizeUsingSum(x: Float64Array, s: number): Float64Array {
  if (s === 0) return x;
  for (let i = 0; i < x.length; i++) x[i] = div(x[i]!, s);
  return x;
}
