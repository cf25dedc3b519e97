// The database in memory, for tests and dev chains without a base path. Same semantics as lmdb: a write
// that throws leaves nothing behind.
import { type Database, type ScanOptions, TABLES, type Table, type TableName } from "./kv.js";

const str = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
const bin = (key: string): Uint8Array => Buffer.from(key, "latin1");

class MemoryTable implements Table {
  readonly #map = new Map<string, Uint8Array>();
  #sorted: string[] | undefined;

  constructor(
    private readonly undo: () => Map<string, [MemoryTable, string, Uint8Array | undefined]> | undefined,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    return this.#map.get(str(key));
  }

  put(key: Uint8Array, value: Uint8Array): void {
    this.#set(str(key), Uint8Array.from(value));
  }

  remove(key: Uint8Array): void {
    this.#set(str(key), undefined);
  }

  #set(key: string, value: Uint8Array | undefined): void {
    const log = this.undo();
    if (!log) throw new Error("memory store: writes must happen inside Database.write");
    const previous = this.#map.get(key);
    const id = `${TABLE_IDS.get(this)}:${key}`;
    if (!log.has(id)) log.set(id, [this, key, previous]);
    this.restore(key, value);
  }

  /** Sets without logging (used to roll back). */
  restore(key: string, value: Uint8Array | undefined): void {
    const had = this.#map.has(key);
    if (value === undefined) {
      if (had) {
        this.#map.delete(key);
        this.#sorted = undefined;
      }
    } else {
      this.#map.set(key, value);
      if (!had) this.#sorted = undefined;
    }
  }

  *scan(prefix: Uint8Array, options: ScanOptions = {}): Iterable<[Uint8Array, Uint8Array]> {
    this.#sorted ??= [...this.#map.keys()].sort();
    const keys = this.#sorted;
    const p = str(prefix);
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (keys[mid]! < p) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < keys.length && keys[end]!.startsWith(p)) end++;
    const selected = keys.slice(lo, end);
    if (options.reverse) selected.reverse();
    let left = options.limit ?? Number.POSITIVE_INFINITY;
    for (const key of selected) {
      if (left-- <= 0) return;
      const value = this.#map.get(key);
      if (value !== undefined) yield [bin(key), value];
    }
  }
}

const TABLE_IDS = new WeakMap<MemoryTable, number>();

export class MemoryDatabase implements Database {
  readonly path = undefined;
  readonly tables: Readonly<Record<TableName, Table>>;
  #log: Map<string, [MemoryTable, string, Uint8Array | undefined]> | undefined;

  constructor() {
    const tables = {} as Record<TableName, Table>;
    for (const [i, name] of TABLES.entries()) {
      const table = new MemoryTable(() => this.#log);
      TABLE_IDS.set(table, i);
      tables[name] = table;
    }
    this.tables = tables;
  }

  write<T>(fn: () => T): T {
    if (this.#log) return fn();
    this.#log = new Map();
    try {
      return fn();
    } catch (e) {
      for (const [table, key, previous] of [...this.#log.values()].reverse()) table.restore(key, previous);
      throw e;
    } finally {
      this.#log = undefined;
    }
  }

  async close(): Promise<void> {}
}
