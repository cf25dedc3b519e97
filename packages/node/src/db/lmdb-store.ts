// The embedded database: one lmdb environment (`<base-path>/chain.mdb`) holding every table as a named
// database, so one lmdb transaction covers a whole block. Commits are synchronous and flushed to disk
// before they return (overlappingSync off): a block counts as committed only once it is durable.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Database as LmdbTableDb, open, type RootDatabase } from "lmdb";
import { lockBasePath } from "./base-path-lock.js";
import { type Database, prefixEnd, type ScanOptions, TABLES, type Table, type TableName } from "./kv.js";

export const DATA_FILE = "chain.mdb";

class LmdbTable implements Table {
  constructor(private readonly db: LmdbTableDb<Buffer, Buffer>) {}

  get(key: Uint8Array): Uint8Array | undefined {
    return this.db.getBinary(key as Buffer);
  }

  put(key: Uint8Array, value: Uint8Array): void {
    this.db.putSync(key as Buffer, value as Buffer);
  }

  remove(key: Uint8Array): void {
    this.db.removeSync(key as Buffer);
  }

  *scan(prefix: Uint8Array, options: ScanOptions = {}): Iterable<[Uint8Array, Uint8Array]> {
    const end = prefixEnd(prefix);
    const low = prefix.length > 0 ? Buffer.from(prefix) : undefined;
    const high = end ? Buffer.from(end) : undefined;
    const range = options.reverse
      ? { ...(high ? { start: high } : {}), ...(low ? { end: low } : {}), reverse: true }
      : { ...(low ? { start: low } : {}), ...(high ? { end: high } : {}) };
    let left = options.limit ?? Number.POSITIVE_INFINITY;
    if (left <= 0) return;
    for (const { key, value } of this.db.getRange(range)) {
      // Reverse ranges start inclusive at `high`, which lies outside the prefix.
      if (high && options.reverse && Buffer.compare(key, high) === 0) continue;
      yield [key, value];
      if (--left <= 0) return;
    }
  }
}

export class LmdbDatabase implements Database {
  readonly tables: Readonly<Record<TableName, Table>>;
  readonly #root: RootDatabase;

  readonly #release: () => void;

  private constructor(
    readonly path: string,
    root: RootDatabase,
    release: () => void,
  ) {
    this.#root = root;
    this.#release = release;
    const tables = {} as Record<TableName, Table>;
    for (const name of TABLES) {
      tables[name] = new LmdbTable(
        root.openDB<Buffer, Buffer>({
          name,
          encoding: "binary",
          keyEncoding: "binary",
          ...(name === "events" ? { compression: true } : {}),
        }),
      );
    }
    this.tables = tables;
  }

  /** Opens (creating if needed) the database under `basePath`. */
  static open(basePath: string, options: { readOnly?: boolean } = {}): LmdbDatabase {
    mkdirSync(basePath, { recursive: true });
    const release = options.readOnly ? () => {} : lockBasePath(basePath);
    const path = join(basePath, DATA_FILE);
    try {
      const root = open({
        path,
        maxDbs: TABLES.length + 4,
        overlappingSync: false,
        ...(options.readOnly ? { readOnly: true } : {}),
      });
      return new LmdbDatabase(path, root, release);
    } catch (e) {
      release();
      throw e;
    }
  }

  write<T>(fn: () => T): T {
    return this.#root.transactionSync(fn) as T;
  }

  async close(): Promise<void> {
    await this.#root.close();
    this.#release();
  }
}
