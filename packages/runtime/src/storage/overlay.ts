import type { KeyValueReader, KeyValueStore } from "./store.js";

/**
 * Uncommitted changes over a parent store. Overlays nest: a block runs in one, each extrinsic in a
 * child of it, each call inside a batch in a grandchild. Committing merges the changes into the
 * parent; dropping the overlay discards them, which is how a failed call leaves no trace.
 */
export class Overlay implements KeyValueStore {
  /** `null` marks a deletion. */
  readonly changes = new Map<string, Uint8Array | null>();

  constructor(readonly parent: KeyValueReader) {}

  get(key: string): Uint8Array | undefined {
    const change = this.changes.get(key);
    if (change !== undefined) return change ?? undefined;
    return this.parent.get(key);
  }

  set(key: string, value: Uint8Array): void {
    this.changes.set(key, value);
  }

  delete(key: string): void {
    this.changes.set(key, null);
  }

  keysWithPrefix(prefix: string): string[] {
    const keys = new Set(this.parent.keysWithPrefix(prefix));
    for (const [key, value] of this.changes) {
      if (!key.startsWith(prefix)) continue;
      if (value === null) keys.delete(key);
      else keys.add(key);
    }
    return [...keys].sort();
  }

  /** Applies the changes to `target` (normally the parent) and clears them. */
  commitInto(target: KeyValueStore): void {
    for (const [key, value] of this.changes) {
      if (value === null) target.delete(key);
      else target.set(key, value);
    }
    this.changes.clear();
  }
}

/**
 * Runs `fn` on a child overlay of `store`; keeps its writes only when `keep(result)` says so.
 * An exception discards the writes and propagates.
 */
export function transactional<T>(
  store: KeyValueStore,
  fn: (child: Overlay) => T,
  keep: (result: T) => boolean,
): T {
  const child = new Overlay(store);
  const result = fn(child);
  if (keep(result)) child.commitInto(store);
  return result;
}
