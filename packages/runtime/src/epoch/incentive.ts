// Step 8 — incentive: rank R_j = Σ_i A_i · W̄_ij, normalised.
import { mul } from "./math/fixed32.js";
import type { SparseMatrix } from "./math/sparse.js";
import { normalizeInPlace } from "./math/vector.js";

/** `matmul_sparse`: R_j = Σ_i A_i · W̄_ij. */
export function ranks(clipped: SparseMatrix, activeStake: Float64Array, columns: number): Float64Array {
  const r = new Float64Array(columns);
  for (let i = 0; i < clipped.rows; i++) {
    const a = activeStake[i] ?? 0;
    for (let e = clipped.start[i]!; e < clipped.start[i + 1]!; e++) {
      const j = clipped.col[e]!;
      if (j < columns) r[j] = r[j]! + mul(a, clipped.val[e]!);
    }
  }
  return r;
}

/** Incentive = normalize(ranks). */
export function incentive(clipped: SparseMatrix, activeStake: Float64Array, columns: number): Float64Array {
  return normalizeInPlace(ranks(clipped, activeStake, columns));
}
