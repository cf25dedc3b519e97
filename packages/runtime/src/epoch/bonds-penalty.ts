// Step 9 — bonds penalty: the weights bonds are bought with, W_b = W + β·(W̄ − W).
import { mul, ONE } from "./math/fixed32.js";
import { nnz, SparseBuilder, type SparseMatrix } from "./math/sparse.js";

/**
 * `interpolate_sparse`: β = 0 gives W, β = 1 gives W̄ (both as they are, zeros kept); otherwise each
 * row is densified and only entries > 0 are kept, in column order.
 */
export function weightsForBonds(
  weights: SparseMatrix,
  clipped: SparseMatrix,
  columns: number,
  beta: number,
): SparseMatrix {
  if (beta === 0) return weights;
  if (beta === ONE) return clipped;
  const n = weights.rows;
  const b = new SparseBuilder(n, nnz(weights));
  const row1 = new Float64Array(columns);
  const row2 = new Float64Array(columns);
  const touched = new Uint8Array(columns);
  const cols: number[] = [];
  for (let i = 0; i < n; i++) {
    for (const [m, row] of [
      [weights, row1],
      [clipped, row2],
    ] as const) {
      for (let e = m.start[i]!; e < m.start[i + 1]!; e++) {
        const j = m.col[e]!;
        if (j >= columns) continue;
        row[j] = m.val[e]!;
        if (touched[j] === 0) {
          touched[j] = 1;
          cols.push(j);
        }
      }
    }
    // Untouched columns interpolate 0 → 0 and are never kept, so only touched ones need visiting.
    cols.sort((x, y) => x - y);
    for (const j of cols) {
      const v1 = row1[j]!;
      const v = v1 + mul(beta, row2[j]! - v1);
      if (v > 0) b.push(j, v);
      row1[j] = 0;
      row2[j] = 0;
      touched[j] = 0;
    }
    cols.length = 0;
    b.endRow();
  }
  return b.finish();
}
