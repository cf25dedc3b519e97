// Sparse-matrix operations of Subtensor's epoch/math.rs, on I32F32 raw bits. Each is a plain loop
// over the typed arrays (no callbacks): at 4096 UIDs every pass touches about a million entries.
import { div, floorDivInt, mul, ONE } from "./fixed32.js";
import { colSums, nnz, SparseBuilder, type SparseMatrix } from "./sparse.js";

/** Same structure, new values. */
function withValues(m: SparseMatrix, val: Float64Array): SparseMatrix {
  return val === m.val ? m : { rows: m.rows, start: m.start, col: m.col, val };
}

/** `inPlace` overwrites an intermediate the caller no longer needs, sparing a large allocation. */
function target(m: SparseMatrix, inPlace: boolean): Float64Array {
  return inPlace ? m.val : new Float64Array(nnz(m));
}

/** `inplace_col_normalize_sparse`: each entry divided by its column sum when that sum is not 0. */
export function colNormalize(m: SparseMatrix, columns: number, inPlace = false): SparseMatrix {
  const sums = colSums(m, columns);
  const { col, val } = m;
  const end = nnz(m);
  const out = target(m, inPlace);
  for (let k = 0; k < end; k++) {
    const s = sums[col[k]!]!;
    out[k] = s === 0 ? val[k]! : div(val[k]!, s);
  }
  return withValues(m, out);
}

/**
 * `inplace_col_normalize_sparse` over u16 integers read as I32F32 (original Yuma's stored bonds): the
 * quotient's bits are trunc(b·2^32 / Σb), computed on the integers since Σb·2^32 can pass 2^53.
 * Returns raw bits.
 */
export function colNormalizeIntegers(m: SparseMatrix, columns: number, inPlace = false): SparseMatrix {
  const sums = colSums(m, columns);
  const { col, val } = m;
  const end = nnz(m);
  const out = target(m, inPlace);
  for (let k = 0; k < end; k++) {
    const s = sums[col[k]!]!;
    out[k] = s === 0 ? val[k]! * ONE : floorDivInt(val[k]! * ONE, s);
  }
  return withValues(m, out);
}

/** `inplace_col_max_upscale_sparse`: each entry divided by its column max when that max is not 0. */
export function colMaxUpscale(m: SparseMatrix, columns: number, inPlace = false): SparseMatrix {
  const max = new Float64Array(columns);
  const { col, val } = m;
  const end = nnz(m);
  for (let k = 0; k < end; k++) {
    const j = col[k]!;
    if (max[j]! < val[k]!) max[j] = val[k]!;
  }
  const out = target(m, inPlace);
  for (let k = 0; k < end; k++) {
    const x = max[col[k]!]!;
    out[k] = x === 0 ? val[k]! : div(val[k]!, x);
  }
  return withValues(m, out);
}

/** `row_hadamard_sparse`: W_ij · s_i. */
export function rowHadamard(m: SparseMatrix, s: Float64Array, inPlace = false): SparseMatrix {
  const { start, val } = m;
  const out = target(m, inPlace);
  for (let i = 0; i < m.rows; i++) {
    const si = s[i]!;
    const end = start[i + 1]!;
    for (let k = start[i]!; k < end; k++) out[k] = mul(val[k]!, si);
  }
  return withValues(m, out);
}

/** `matmul_transpose_sparse`: out_i = Σ_j v_j · M_ij. */
export function matmulTranspose(m: SparseMatrix, v: Float64Array): Float64Array {
  const { start, col, val } = m;
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let acc = 0;
    const end = start[i + 1]!;
    for (let k = start[i]!; k < end; k++) acc += mul(v[col[k]!] ?? 0, val[k]!);
    out[i] = acc;
  }
  return out;
}

/** True when the row's column indices strictly increase (rows as set by Subtensor's clients are). */
function sortedRow(m: SparseMatrix, i: number): boolean {
  const { start, col } = m;
  for (let k = start[i]! + 1; k < start[i + 1]!; k++) if (col[k]! <= col[k - 1]!) return false;
  return true;
}

/**
 * `mat_ema_sparse`: α·new + (1−α)·old per cell, each row densified and only entries > 0 kept, in
 * column order. Sums of integers are exact, so two sorted rows can simply be merged; other rows go
 * through a dense accumulator as in Subtensor. Rows empty in both inputs stay empty.
 */
export function matEma(next: SparseMatrix, old: SparseMatrix, alpha: number, columns: number): SparseMatrix {
  const oneMinus = ONE - alpha;
  const n = next.rows;
  const b = new SparseBuilder(n, Math.max(nnz(next), nnz(old)) + (Math.min(nnz(next), nnz(old)) >> 3));
  let acc: Float64Array | undefined;
  const nc = next.col;
  const nv = next.val;
  const oc = old.col;
  const ov = old.val;
  for (let i = 0; i < n; i++) {
    let p = next.start[i]!;
    const pe = next.start[i + 1]!;
    let q = i < old.rows ? old.start[i]! : 0;
    const qe = i < old.rows ? old.start[i + 1]! : 0;
    if (p === pe && q === qe) {
      b.endRow();
      continue;
    }
    if (!sortedRow(next, i) || (i < old.rows && !sortedRow(old, i))) {
      acc ??= new Float64Array(columns);
      emaDense(b, next, old, i, alpha, oneMinus, columns, acc);
      continue;
    }
    while (p < pe || q < qe) {
      const jn = p < pe ? nc[p]! : columns;
      const jo = q < qe ? oc[q]! : columns;
      if (jn >= columns && jo >= columns) break;
      let v: number;
      let j: number;
      if (jn < jo) {
        j = jn;
        v = mul(alpha, nv[p++]!);
      } else if (jo < jn) {
        j = jo;
        v = mul(oneMinus, ov[q++]!);
      } else {
        j = jn;
        v = mul(alpha, nv[p++]!) + mul(oneMinus, ov[q++]!);
      }
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
  return b.finish();
}

/** One row of `mat_ema_sparse` through a dense accumulator (any entry order, repeated columns add up). */
function emaDense(
  b: SparseBuilder,
  next: SparseMatrix,
  old: SparseMatrix,
  i: number,
  alpha: number,
  oneMinus: number,
  columns: number,
  acc: Float64Array,
): void {
  for (let k = next.start[i]!; k < next.start[i + 1]!; k++) {
    const j = next.col[k]!;
    if (j < columns) acc[j] = acc[j]! + mul(alpha, next.val[k]!);
  }
  if (i < old.rows) {
    for (let k = old.start[i]!; k < old.start[i + 1]!; k++) {
      const j = old.col[k]!;
      if (j < columns) acc[j] = acc[j]! + mul(oneMinus, old.val[k]!);
    }
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
