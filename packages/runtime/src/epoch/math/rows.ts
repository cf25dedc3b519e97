// Stored u16 rows (weights, bonds) packed in typed arrays. A 4096-UID subnet holds about a million
// bond entries; as [uid, value] arrays they cost more to allocate and collect than the whole epoch's
// arithmetic, so the epoch reads and writes this form and converts only at the edges.
import type { SparseRow } from "./sparse.js";

/** Row i is uid[k], value[k] for k in start[i] .. start[i+1]-1, in stored order. */
export interface U16Rows {
  readonly rows: number;
  readonly start: Int32Array;
  readonly uid: Uint16Array;
  readonly value: Uint16Array;
}

export function isPacked(x: readonly SparseRow[] | U16Rows): x is U16Rows {
  return !Array.isArray(x);
}

/** Packs `n` rows (missing rows are empty). */
export function packRows(rows: readonly SparseRow[], n: number = rows.length): U16Rows {
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += rows[i]?.length ?? 0;
    start[i + 1] = total;
  }
  const uid = new Uint16Array(total);
  const value = new Uint16Array(total);
  let k = 0;
  for (let i = 0; i < n; i++) {
    for (const [j, v] of rows[i] ?? []) {
      uid[k] = j;
      value[k] = v;
      k++;
    }
  }
  return { rows: n, start, uid, value };
}

export function asPacked(x: readonly SparseRow[] | U16Rows, n: number): U16Rows {
  return isPacked(x) ? x : packRows(x, n);
}

export function rowOf(p: U16Rows, i: number): [number, number][] {
  const out: [number, number][] = [];
  if (i >= p.rows) return out;
  for (let k = p.start[i]!; k < p.start[i + 1]!; k++) out.push([p.uid[k]!, p.value[k]!]);
  return out;
}

export function unpackRows(p: U16Rows): [number, number][][] {
  return Array.from({ length: p.rows }, (_, i) => rowOf(p, i));
}

/** Assembles rows: `pick(i)` says which source row i comes from (sources must have >= n rows). */
export function mergeRows(n: number, sources: readonly U16Rows[], pick: (i: number) => number): U16Rows {
  const start = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const s = sources[pick(i)]!;
    total += s.start[i + 1]! - s.start[i]!;
    start[i + 1] = total;
  }
  const uid = new Uint16Array(total);
  const value = new Uint16Array(total);
  for (let i = 0; i < n; i++) {
    const s = sources[pick(i)]!;
    const a = s.start[i]!;
    const b = s.start[i + 1]!;
    uid.set(s.uid.subarray(a, b), start[i]!);
    value.set(s.value.subarray(a, b), start[i]!);
  }
  return { rows: n, start, uid, value };
}
