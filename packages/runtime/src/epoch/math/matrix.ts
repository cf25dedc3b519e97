// Sparse-matrix operations of Subtensor's epoch/math.rs, on I32F32 raw bits.
import { div, floorDivInt, mul, ONE } from "./fixed32.js";
import { colSums, mapValues, SparseBuilder, type SparseMatrix } from "./sparse.js";

/** `inplace_col_normalize_sparse`: each entry divided by its column sum when that sum is not 0. */
export function colNormalize(m: SparseMatrix, columns: number): SparseMatrix {
  const sums = colSums(m, columns);
  return mapValues(m, (v, _i, j) => {
    const s = sums[j]!;
    return s === 0 ? v : div(v, s);
  });
}

/**
 * `inplace_col_normalize_sparse` over u16 integers read as I32F32 (original Yuma's stored bonds): the
 * quotient's bits are trunc(b·2^32 / Σb), computed on the integers since Σb·2^32 can pass 2^53.
 * Returns raw bits.
 */
export function colNormalizeIntegers(m: SparseMatrix, columns: number): SparseMatrix {
  const sums = colSums(m, columns);
  return mapValues(m, (v, _i, j) => {
    const s = sums[j]!;
    return s === 0 ? v * ONE : floorDivInt(v * ONE, s);
  });
}

/** `inplace_col_max_upscale_sparse`: each entry divided by its column max when that max is not 0. */
export function colMaxUpscale(m: SparseMatrix, columns: number): SparseMatrix {
  const max = new Float64Array(columns);
  const end = m.start[m.rows]!;
  for (let e = 0; e < end; e++) {
    const j = m.col[e]!;
    if (max[j]! < m.val[e]!) max[j] = m.val[e]!;
  }
  return mapValues(m, (v, _i, j) => (max[j] === 0 ? v : div(v, max[j]!)));
}

/** `row_hadamard_sparse`: W_ij · s_i. */
export function rowHadamard(m: SparseMatrix, s: Float64Array): SparseMatrix {
  return mapValues(m, (v, i) => mul(v, s[i]!));
}

/** `matmul_transpose_sparse`: out_i = Σ_j v_j · M_ij. */
export function matmulTranspose(m: SparseMatrix, v: Float64Array): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    for (let e = m.start[i]!; e < m.start[i + 1]!; e++) acc += mul(v[m.col[e]!] ?? 0, m.val[e]!);
    out[i] = acc;
  }
  return out;
}

/**
 * `mat_ema_sparse`: α·new + (1−α)·old per cell (new added first), each row densified and only entries
 * > 0 kept, in column order. Rows empty in both inputs stay empty.
 */
export function matEma(next: SparseMatrix, old: SparseMatrix, alpha: number, columns: number): SparseMatrix {
  const oneMinus = ONE - alpha;
  const n = next.rows;
  const b = new SparseBuilder(n, next.start[n]! + old.start[old.rows]!);
  const acc = new Float64Array(columns);
  for (let i = 0; i < n; i++) {
    const ns = next.start[i]!;
    const ne = next.start[i + 1]!;
    const os = i < old.rows ? old.start[i]! : 0;
    const oe = i < old.rows ? old.start[i + 1]! : 0;
    if (ns === ne && os === oe) {
      b.endRow();
      continue;
    }
    for (let e = ns; e < ne; e++) {
      const j = next.col[e]!;
      if (j < columns) acc[j] = acc[j]! + mul(alpha, next.val[e]!);
    }
    for (let e = os; e < oe; e++) {
      const j = old.col[e]!;
      if (j < columns) acc[j] = acc[j]! + mul(oneMinus, old.val[e]!);
    }
    for (let j = 0; j < columns; j++) {
      const v = acc[j]!;
      if (v !== 0) {
        if (v > 0) b.push(j, v);
        acc[j] = 0;
      }
    }
    b.endRow();
  }
  return b.finish();
}
