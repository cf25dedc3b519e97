// A database wrapper that fails a write transaction after a given number of writes: a crash mid-commit.
import type { Database, Table, TableName } from "../src/index.js";
import { TABLES } from "../src/index.js";

export class InjectedFault extends Error {
  override readonly name = "InjectedFault";
}

export class FaultyDatabase implements Database {
  readonly tables: Readonly<Record<TableName, Table>>;
  /** Writes left before the next one throws; undefined: never. */
  failAfter: number | undefined;
  writes = 0;

  constructor(readonly inner: Database) {
    const tables = {} as Record<TableName, Table>;
    for (const name of TABLES) {
      const table = inner.tables[name];
      tables[name] = {
        get: (key) => table.get(key),
        scan: (prefix, options) => table.scan(prefix, options),
        put: (key, value) => {
          this.#tick();
          table.put(key, value);
        },
        remove: (key) => {
          this.#tick();
          table.remove(key);
        },
      };
    }
    this.tables = tables;
  }

  get path(): string | undefined {
    return this.inner.path;
  }

  #tick(): void {
    this.writes++;
    if (this.failAfter === undefined) return;
    if (this.failAfter-- <= 0) {
      this.failAfter = undefined;
      throw new InjectedFault("injected failure in the middle of a commit");
    }
  }

  write<T>(fn: () => T): T {
    return this.inner.write(fn);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
