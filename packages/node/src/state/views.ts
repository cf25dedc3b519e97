// Read-only views of the state in the runtime's KeyValueReader shape: the flat table at the best head
// (what blocks execute against) and the trie at any stored root (state at a past block).
import type { KeyValueReader } from "@opentao/runtime";
import type { Table } from "../db/kv.js";
import type { Root, Trie } from "./trie.js";

const keyBytes = (hex: string): Buffer => Buffer.from(hex, "hex");

/** The best head's state, one lmdb read per key. Live: it moves when a block commits. */
export class FlatState implements KeyValueReader {
  constructor(private readonly table: Table) {}

  get(key: string): Uint8Array | undefined {
    return this.table.get(keyBytes(key));
  }

  keysWithPrefix(prefix: string): string[] {
    const keys: string[] = [];
    const whole = prefix.length & 1 ? prefix.slice(0, -1) : prefix;
    for (const [key] of this.table.scan(keyBytes(whole))) {
      const hex = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("hex");
      if (hex.startsWith(prefix)) keys.push(hex);
    }
    return keys;
  }

  *entries(): Generator<[string, Uint8Array]> {
    for (const [key, value] of this.table.scan(new Uint8Array(0))) {
      yield [Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString("hex"), value];
    }
  }
}

/** The state under one trie root: a snapshot that never changes. */
export class TrieState implements KeyValueReader {
  constructor(
    private readonly trie: Trie,
    readonly root: Root,
  ) {}

  get(key: string): Uint8Array | undefined {
    return this.trie.get(this.root, key);
  }

  keysWithPrefix(prefix: string): string[] {
    return this.trie.keysWithPrefix(this.root, prefix);
  }

  entries(prefix = ""): Generator<[string, Uint8Array]> {
    return this.trie.entries(this.root, prefix);
  }
}
