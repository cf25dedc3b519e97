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

/** The in-memory backend; the node supplies an lmdb-backed one with the same interface. */
export class MemoryStore implements KeyValueStore {
  readonly #map = new Map<string, Uint8Array>();

  get(key: string): Uint8Array | undefined {
    return this.#map.get(key);
  }

  set(key: string, value: Uint8Array): void {
    this.#map.set(key, value);
  }

  delete(key: string): void {
    this.#map.delete(key);
  }

  keysWithPrefix(prefix: string): string[] {
    const keys: string[] = [];
    for (const key of this.#map.keys()) if (key.startsWith(prefix)) keys.push(key);
    return keys.sort();
  }

  get size(): number {
    return this.#map.size;
  }

  entries(): IterableIterator<[string, Uint8Array]> {
    return this.#map.entries();
  }
}
