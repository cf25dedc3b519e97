// The node's database as the rest of the node sees it: named tables of binary keys and values, and
// atomic writes. `lmdb-store.ts` is the embedded default; `memory-db.ts` serves tests and dev chains
// without a base path.

export const TABLES = [
  /** Chain pointers and settings: best and finalized head, genesis, preset, format version. */
  "meta",
  /** block hash → SCALE header (sealed). */
  "headers",
  /** block hash → SCALE body (the extrinsics). */
  "bodies",
  /** u32 BE block number → hash of the block on the best chain. */
  "numbers",
  /** block hash → the block's events (tagged JSON). */
  "events",
  /** account SS58 ‖ 0 ‖ u32 BE block ‖ kind (0 extrinsic, 1 event) ‖ u32 BE index → 1. */
  "accounts",
  /** blake2-256 of an extrinsic → block hash ‖ u32 BE index. */
  "extrinsics",
  /** trie node hash → encoded node; never pruned, so every past root stays readable. */
  "trie",
  /** storage key → value at the best head (what blocks execute against). */
  "state",
] as const;

export type TableName = (typeof TABLES)[number];

export interface ScanOptions {
  /** Descending order. */
  reverse?: boolean;
  limit?: number;
}

export interface Table {
  get(key: Uint8Array): Uint8Array | undefined;
  /** Only inside `Database.write`. */
  put(key: Uint8Array, value: Uint8Array): void;
  /** Only inside `Database.write`. */
  remove(key: Uint8Array): void;
  /** Entries whose key starts with `prefix`, ascending (or descending); `prefix` may be empty. */
  scan(prefix: Uint8Array, options?: ScanOptions): Iterable<[Uint8Array, Uint8Array]>;
}

export interface Database {
  readonly tables: Readonly<Record<TableName, Table>>;
  /** Runs `fn` as one atomic, durable transaction: all of its writes or, if it throws, none. */
  write<T>(fn: () => T): T;
  close(): Promise<void>;
  /** Where the data lives; undefined in memory. */
  readonly path: string | undefined;
}

/** The smallest key greater than every key starting with `prefix` (undefined: no such key). */
export function prefixEnd(prefix: Uint8Array): Uint8Array | undefined {
  const end = Uint8Array.from(prefix);
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i]! < 0xff) {
      end[i]! += 1;
      return end.subarray(0, i + 1);
    }
  }
  return undefined;
}
