/**
 * The key-value view the runtime reads and writes. Keys are lower-case hex without 0x, so that
 * string order is byte order (prefix iteration returns keys sorted, as a trie would).
 */
export interface KeyValueReader {
  get(key: string): Uint8Array | undefined;
  /** Every key starting with `prefix`, in ascending order. */
  keysWithPrefix(prefix: string): string[];
}

export interface KeyValueStore extends KeyValueReader {
  set(key: string, value: Uint8Array): void;
  delete(key: string): void;
}

/** Keys are grouped by their storage item (twox128(pallet) ‖ twox128(item): 64 hex digits). */
const ITEM_PREFIX = 64;

/** The in-memory backend; the node supplies an lmdb-backed one with the same interface. */
export class MemoryStore implements KeyValueStore {
  readonly #map = new Map<string, Uint8Array>();
  // Prefix queries name at least a storage item, so only that item's keys are scanned.
  readonly #byItem = new Map<string, Set<string>>();

  get(key: string): Uint8Array | undefined {
    return this.#map.get(key);
  }

  set(key: string, value: Uint8Array): void {
    if (!this.#map.has(key)) {
      const item = key.slice(0, ITEM_PREFIX);
      const keys = this.#byItem.get(item) ?? new Set<string>();
      keys.add(key);
      this.#byItem.set(item, keys);
    }
    this.#map.set(key, value);
  }

  delete(key: string): void {
    if (this.#map.delete(key)) this.#byItem.get(key.slice(0, ITEM_PREFIX))?.delete(key);
  }

  keysWithPrefix(prefix: string): string[] {
    const candidates =
      prefix.length >= ITEM_PREFIX
        ? (this.#byItem.get(prefix.slice(0, ITEM_PREFIX)) ?? [])
        : this.#map.keys();
    const keys: string[] = [];
    for (const key of candidates) if (key.startsWith(prefix)) keys.push(key);
    return keys.sort();
  }

  get size(): number {
    return this.#map.size;
  }

  entries(): IterableIterator<[string, Uint8Array]> {
    return this.#map.entries();
  }
}
