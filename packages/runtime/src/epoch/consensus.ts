// Step 6 — consensus: per column, the stake-weighted median of the weights with majority kappa.
import type { SparseMatrix } from "./math/sparse.js";
import { normalizeInPlace, sum } from "./math/vector.js";

/** Reusable index buffers for weightedMedian, so a 4096-column epoch allocates them once. */
export class MedianScratch {
  a: Int32Array;
  lower: Int32Array;
  upper: Int32Array;
  constructor(size: number) {
    this.a = new Int32Array(size);
    this.lower = new Int32Array(size);
    this.upper = new Int32Array(size);
  }
}

/**
 * Subtensor's `weighted_median`: a binary search over the stake integral [lo, hi] that pivots on the
 * score of the MIDDLE index of the current partition (deterministic, not sorted order). Scores equal
 * to the pivot drop out of both halves. `score` is read at `offset + idx`.
 */
export function weightedMedian(
  stake: ArrayLike<number>,
  score: ArrayLike<number>,
  offset: number,
  count: number,
  minority: number,
  partitionLo: number,
  partitionHi: number,
  scratch: MedianScratch = new MedianScratch(count),
): number {
  let cur = scratch.a;
  let lower = scratch.lower;
  let upper = scratch.upper;
  for (let i = 0; i < count; i++) cur[i] = i;
  let m = count;
  let lo = partitionLo;
  let hi = partitionHi;
  for (let iteration = 0; iteration <= count; iteration++) {
    if (m === 0) return 0;
    if (m === 1) return score[offset + cur[0]!]!;
    const pivot = score[offset + cur[m >> 1]!]!;
    let loStake = 0;
    let hiStake = 0;
    let nl = 0;
    let nu = 0;
    for (let t = 0; t < m; t++) {
      const idx = cur[t]!;
      const s = score[offset + idx]!;
      if (s === pivot) continue;
      if (s < pivot) {
        loStake += stake[idx]!;
        lower[nl++] = idx;
      } else {
        hiStake += stake[idx]!;
        upper[nu++] = idx;
      }
    }
    if (minority < lo + loStake && nl > 0) {
      const t = cur;
      cur = lower;
      lower = t;
      m = nl;
      hi = lo + loStake;
    } else if (hi - hiStake <= minority && nu > 0) {
      const t = cur;
      cur = upper;
      upper = t;
      m = nu;
      lo = hi - hiStake;
    } else {
      return pivot;
    }
  }
  return 0; // Subtensor's safety limit: more iterations than indices
}

/**
 * `weighted_median_col_sparse`: validators with positive active stake, their stakes renormalised;
 * minority = Σ stake − kappa; each column's median over those validators (absent weight = 0).
 */
export function consensus(
  activeStake: Float64Array,
  weights: SparseMatrix,
  columns: number,
  kappa: number,
): Float64Array {
  const voters: number[] = [];
  for (let i = 0; i < activeStake.length; i++) if (activeStake[i]! > 0) voters.push(i);
  const k = voters.length;
  const useStake = normalizeInPlace(Float64Array.from(voters, (i) => activeStake[i]!));
  const stakeSum = sum(useStake);
  const minority = stakeSum - kappa;
  // Column-major scores: column j's k scores at j·k.
  const score = new Float64Array(columns * k);
  for (let r = 0; r < k; r++) {
    const i = voters[r]!;
    if (i >= weights.rows) continue;
    for (let e = weights.start[i]!; e < weights.start[i + 1]!; e++) {
      const j = weights.col[e]!;
      if (j < columns) score[j * k + r] = weights.val[e]!;
    }
  }
  const median = new Float64Array(columns);
  const scratch = new MedianScratch(k);
  for (let j = 0; j < columns; j++) {
    median[j] = weightedMedian(useStake, score, j * k, k, minority, 0, stakeSum, scratch);
  }
  return median;
}
