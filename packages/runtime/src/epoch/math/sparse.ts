// A compressed-row sparse matrix of I32F32 raw bits: the shape of Subtensor's `Vec<Vec<(u16, I32F32)>>`.
// Row order and the order of entries inside a row are kept exactly as Subtensor would hold them, since
// a few steps (Yuma3's liquid alpha, bond storage) depend on it; explicit zero entries are kept too.

export interface SparseMatrix {
  /** Number of rows (= UIDs). Columns are UIDs as well: 0..rows-1. */
  readonly rows: number;
  /** Row i holds entries start[i] .. start[i+1]-1. */
  readonly start: Int32Array;
  readonly col: Int32Array;
  /** Raw I32F32 bits (value·2^32), exact integers in doubles. */
  readonly val: Float64Array;
}

/** A stored sparse row: [uid, value] pairs as on chain (u16 weights or bonds). */
export type SparseRow = readonly (readonly [number, number])[];

/** Builds a matrix row by row; `capacity` is an upper bound on the number of entries. */
export class SparseBuilder {
  private readonly start: Int32Array;
  private col: Int32Array;
  private val: Float64Array;
  private len = 0;
  private row = 0;

  constructor(
    readonly rows: number,
    capacity: number,
  ) {
    this.start = new Int32Array(rows + 1);
    this.col = new Int32Array(Math.max(capacity, 1));
    this.val = new Float64Array(Math.max(capacity, 1));
  }

  push(j: number, bits: number): void {
    if (this.len === this.col.length) this.grow();
    this.col[this.len] = j;
    this.val[this.len] = bits;
    this.len++;
  }

  /** Closes the current row; call once per row, in order. */
  endRow(): void {
    this.row++;
    this.start[this.row] = this.len;
  }

  finish(): SparseMatrix {
    if (this.row !== this.rows) throw new Error(`SparseBuilder: ${this.row} of ${this.rows} rows ended`);
    return { rows: this.rows, start: this.start, col: this.col, val: this.val };
  }

  private grow(): void {
    const col = new Int32Array(this.col.length * 2);
    col.set(this.col);
    const val = new Float64Array(this.val.length * 2);
    val.set(this.val);
    this.col = col;
    this.val = val;
  }
}

/** Number of stored entries. */
export function nnz(m: SparseMatrix): number {
  return m.start[m.rows]!;
}

/** Stored rows read as I32F32 (`from_num(u16)` integers when `asBits` maps u → u·2^32). */
export function fromRows(
  rows: readonly SparseRow[],
  n: number,
  asBits: (value: number) => number,
): SparseMatrix {
  let total = 0;
  for (let i = 0; i < n; i++) total += rows[i]?.length ?? 0;
  const b = new SparseBuilder(n, total);
  for (let i = 0; i < n; i++) {
    for (const [j, v] of rows[i] ?? []) b.push(j, asBits(v));
    b.endRow();
  }
  return b.finish();
}

/** Column sums (left to right over rows, exact: every partial sum stays far below 2^53). */
export function colSums(m: SparseMatrix, columns: number): Float64Array {
  const sums = new Float64Array(columns);
  const { col, val } = m;
  const end = nnz(m);
  for (let k = 0; k < end; k++) sums[col[k]!]! += val[k]!;
  return sums;
}

/** Sum of each row's entries. */
export function rowSums(m: SparseMatrix): Float64Array {
  const out = new Float64Array(m.rows);
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    for (let k = m.start[i]!; k < m.start[i + 1]!; k++) s += m.val[k]!;
    out[i] = s;
  }
  return out;
}

/** A copy with every entry mapped (same structure). */
export function mapValues(
  m: SparseMatrix,
  f: (bits: number, row: number, col: number) => number,
): SparseMatrix {
  const val = new Float64Array(m.val.length);
  for (let i = 0; i < m.rows; i++) {
    for (let e = m.start[i]!; e < m.start[i + 1]!; e++) val[e] = f(m.val[e]!, i, m.col[e]!);
  }
  return { rows: m.rows, start: m.start, col: m.col, val };
}

/** A copy without the entries whose column fails `keep`. */
export function filterColumns(m: SparseMatrix, keep: (col: number) => boolean): SparseMatrix {
  const b = new SparseBuilder(m.rows, nnz(m));
  for (let i = 0; i < m.rows; i++) {
    for (let e = m.start[i]!; e < m.start[i + 1]!; e++) if (keep(m.col[e]!)) b.push(m.col[e]!, m.val[e]!);
    b.endRow();
  }
  return b.finish();
}
