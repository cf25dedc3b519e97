// A compressed-row sparse matrix of I32F32 raw bits: the shape of Subtensor's `Vec<Vec<(u16, I32F32)>>`.
// Row order and the order of entries inside a row are kept exactly as Subtensor would hold them, since
// a few steps (Yuma3's liquid alpha, bond storage) depend on it; explicit zero entries are kept too.
import { u16Proportion } from "./fixed32.js";
import type { U16Rows } from "./rows.js";

export interface SparseMatrix {
  /** Number of rows (= UIDs). Columns are UIDs as well: 0..rows-1. */
  readonly rows: number;
  /** Row i holds entries start[i] .. start[i+1]-1. */
  readonly start: Int32Array;
  /** Column uids (u16, as on chain). */
  readonly col: Uint16Array;
  /** Raw I32F32 bits (value·2^32), exact integers in doubles. */
  readonly val: Float64Array;
}

/** A stored sparse row: [uid, value] pairs as on chain (u16 weights or bonds). */
export type SparseRow = readonly (readonly [number, number])[];

/** Builds a matrix row by row; `capacity` is an upper bound on the number of entries. */
export class SparseBuilder {
  private readonly start: Int32Array;
  private col: Uint16Array;
  private val: Float64Array;
  private len = 0;
  private row = 0;

  /**
   * `over` writes into that matrix's own arrays instead of new ones: only for a pass that never writes
   * an entry before reading the input entry at that position, nor writes row i's end before reading it.
   */
  constructor(
    readonly rows: number,
    capacity: number,
    over?: SparseMatrix,
  ) {
    this.start = over?.start ?? new Int32Array(rows + 1);
    this.col = over?.col ?? new Uint16Array(Math.max(capacity, 1));
    this.val = over?.val ?? new Float64Array(Math.max(capacity, 1));
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
    const col = new Uint16Array(this.col.length * 2);
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

/** `u16Proportion` of every u16, built on first use (each entry a pure function of its index). */
let proportions: Float64Array | undefined;
function proportionTable(): Float64Array {
  proportions ??= Float64Array.from({ length: 65536 }, (_, x) => u16Proportion(x));
  return proportions;
}

/**
 * Stored u16 rows as a matrix: values as integers (`u16_to_fixed`, still to be scaled) or as
 * proportions (u16 / 65535). Entries to uids >= n are left out: Subtensor reads them but every later
 * step ignores them. `drop[j] = 1` leaves out column j as well (a column mask applied while reading).
 */
export function fromPacked(
  p: U16Rows,
  n: number,
  read: "integer" | "proportion",
  drop?: Uint8Array,
): SparseMatrix {
  const rows = Math.min(n, p.rows);
  const table = read === "proportion" ? proportionTable() : null;
  const b = new SparseBuilder(n, p.start[rows]!);
  const { start, uid, value } = p;
  for (let i = 0; i < n; i++) {
    if (i < rows) {
      const end = start[i + 1]!;
      for (let k = start[i]!; k < end; k++) {
        const j = uid[k]!;
        if (j < n && drop?.[j] !== 1) b.push(j, table === null ? value[k]! : table[value[k]!]!);
      }
    }
    b.endRow();
  }
  return b.finish();
}

/** Column sums (exact: every partial sum stays far below 2^53). */
export function colSums(m: SparseMatrix, columns: number): Float64Array {
  const sums = new Float64Array(columns);
  const { col, val } = m;
  const end = nnz(m);
  for (let k = 0; k < end; k++) {
    const j = col[k]!;
    sums[j] = sums[j]! + val[k]!;
  }
  return sums;
}

/** Sum of each row's entries. */
export function rowSums(m: SparseMatrix): Float64Array {
  const out = new Float64Array(m.rows);
  const { start, val } = m;
  for (let i = 0; i < m.rows; i++) {
    let s = 0;
    const end = start[i + 1]!;
    for (let k = start[i]!; k < end; k++) s += val[k]!;
    out[i] = s;
  }
  return out;
}
