// Step 7 — clipping and validator trust: weights above consensus are cut down to it.
import { nnz, rowSums, type SparseMatrix } from "./math/sparse.js";

/**
 * `col_clip_sparse`: min(W_ij, C_j); an entry above a consensus of 0 (or less) is dropped. `inPlace`
 * overwrites `weights` (entries only ever drop, so the write position never passes the read position),
 * sparing a matrix as large as the weights when the caller no longer needs them.
 */
export function clipWeights(weights: SparseMatrix, consensus: Float64Array, inPlace = false): SparseMatrix {
  const { rows, start, col, val } = weights;
  const total = nnz(weights);
  const outStart = inPlace ? start : new Int32Array(rows + 1);
  const outCol = inPlace ? col : new Uint16Array(Math.max(total, 1));
  const outVal = inPlace ? val : new Float64Array(Math.max(total, 1));
  let k = 0;
  let e = start[0]!;
  for (let i = 0; i < rows; i++) {
    const end = start[i + 1]!;
    for (; e < end; e++) {
      const j = col[e]!;
      const v = val[e]!;
      const th = consensus[j] ?? 0;
      if (th < v) {
        if (th <= 0) continue;
        outCol[k] = j;
        outVal[k] = th;
      } else {
        outCol[k] = j;
        outVal[k] = v;
      }
      k++;
    }
    outStart[i + 1] = k;
  }
  return { rows, start: outStart, col: outCol, val: outVal };
}

/** ValidatorTrust: the sum of each validator's clipped weights. */
export function validatorTrust(clipped: SparseMatrix): Float64Array {
  return rowSums(clipped);
}
