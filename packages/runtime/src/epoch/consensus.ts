// Step 6 — consensus: per column, the stake-weighted median of the weights with majority kappa.
import type { SparseMatrix } from "./math/sparse.js";
import { normalizeInPlace, sum } from "./math/vector.js";

/**
 * Reusable buffers for weightedMedian, so a 4096-column epoch allocates them once. Partitions carry
 * (score, stake) values rather than indices: the search reads nothing else, and it spares an
 * indirection per element.
 */
export class MedianScratch {
  score: Float64Array;
  stake: Float64Array;
  lowerScore: Float64Array;
  lowerStake: Float64Array;
  upperScore: Float64Array;
  upperStake: Float64Array;
  constructor(size: number) {
    this.score = new Float64Array(size);
    this.stake = new Float64Array(size);
    this.lowerScore = new Float64Array(size);
    this.lowerStake = new Float64Array(size);
    this.upperScore = new Float64Array(size);
    this.upperStake = new Float64Array(size);
  }
}

/**
 * Subtensor's `weighted_median`: a binary search over the stake integral [lo, hi] that pivots on the
 * score of the MIDDLE index of the current partition (deterministic, not sorted order). Scores equal
 * to the pivot drop out of both halves; each half keeps its elements' order. `score` is read at
 * `offset + idx`.
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
  let curScore = scratch.score;
  let curStake = scratch.stake;
  let lowerScore = scratch.lowerScore;
  let lowerStake = scratch.lowerStake;
  let upperScore = scratch.upperScore;
  let upperStake = scratch.upperStake;
  for (let i = 0; i < count; i++) {
    curScore[i] = score[offset + i]!;
    curStake[i] = stake[i]!;
  }
  let m = count;
  let lo = partitionLo;
  let hi = partitionHi;
  for (let iteration = 0; iteration <= count; iteration++) {
    if (m === 0) return 0;
    if (m === 1) return curScore[0]!;
    const pivot = curScore[m >> 1]!;
    let loStake = 0;
    let hiStake = 0;
    let nl = 0;
    let nu = 0;
    // Branch-free: every element is written to both halves, and only the counts decide what stays
    // (the comparisons are unpredictable on real scores).
    for (let t = 0; t < m; t++) {
      const s = curScore[t]!;
      const w = curStake[t]!;
      const below = +(s < pivot);
      const above = +(s > pivot);
      lowerScore[nl] = s;
      lowerStake[nl] = w;
      upperScore[nu] = s;
      upperStake[nu] = w;
      loStake += w * below;
      hiStake += w * above;
      nl += below;
      nu += above;
    }
    if (minority < lo + loStake && nl > 0) {
      const ts = curScore;
      const tw = curStake;
      curScore = lowerScore;
      curStake = lowerStake;
      lowerScore = ts;
      lowerStake = tw;
      m = nl;
      hi = lo + loStake;
    } else if (hi - hiStake <= minority && nu > 0) {
      const ts = curScore;
      const tw = curStake;
      curScore = upperScore;
      curStake = upperStake;
      upperScore = ts;
      upperStake = tw;
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
  // Column-major scores, a block of columns at a time (column j's k scores at (j − j0)·k) so the block
  // stays in cache; rows sorted by uid are read with a cursor each, any other row set in one block.
  const sorted = voters.every((i) => i >= weights.rows || sortedRow(weights, i));
  const width = sorted ? Math.max(1, Math.min(columns, Math.floor(BLOCK_CELLS / Math.max(k, 1)))) : columns;
  const score = new Float64Array(width * k);
  const cursor = Int32Array.from(voters, (i) => (i < weights.rows ? weights.start[i]! : 0));
  const median = new Float64Array(columns);
  const scratch = new MedianScratch(k);
  for (let j0 = 0; j0 < columns; j0 += width) {
    const j1 = Math.min(j0 + width, columns);
    if (j0 > 0) score.fill(0);
    for (let r = 0; r < k; r++) {
      const i = voters[r]!;
      if (i >= weights.rows) continue;
      const end = weights.start[i + 1]!;
      let e = cursor[r]!;
      for (; e < end; e++) {
        const j = weights.col[e]!;
        if (j >= j1) {
          if (sorted) break;
          continue;
        }
        score[(j - j0) * k + r] = weights.val[e]!;
      }
      cursor[r] = e;
    }
    for (let j = j0; j < j1; j++) {
      median[j] = weightedMedian(useStake, score, (j - j0) * k, k, minority, 0, stakeSum, scratch);
    }
  }
  return median;
}

/** Scores of this many cells (128 KiB) per block of columns. */
const BLOCK_CELLS = 16384;

function sortedRow(m: SparseMatrix, i: number): boolean {
  for (let e = m.start[i]! + 1; e < m.start[i + 1]!; e++) if (m.col[e]! <= m.col[e - 1]!) return false;
  return true;
}
