// Step 7 — clipping and validator trust: weights above consensus are cut down to it.
import { nnz, rowSums, SparseBuilder, type SparseMatrix } from "./math/sparse.js";

/** `col_clip_sparse`: min(W_ij, C_j); an entry above a consensus of 0 (or less) is dropped. */
export function clipWeights(weights: SparseMatrix, consensus: Float64Array): SparseMatrix {
  const b = new SparseBuilder(weights.rows, nnz(weights));
  for (let i = 0; i < weights.rows; i++) {
    for (let e = weights.start[i]!; e < weights.start[i + 1]!; e++) {
      const j = weights.col[e]!;
      const v = weights.val[e]!;
      const th = consensus[j] ?? 0;
      if (th < v) {
        if (th > 0) b.push(j, th);
      } else {
        b.push(j, v);
      }
    }
    b.endRow();
  }
  return b.finish();
}

/** ValidatorTrust: the sum of each validator's clipped weights. */
export function validatorTrust(clipped: SparseMatrix): Float64Array {
  return rowSums(clipped);
}
