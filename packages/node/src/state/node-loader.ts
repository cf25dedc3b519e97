// Where committed trie nodes come from: a bounded cache of decoded nodes in front of the database.
import { bytesToHex } from "@opentao/primitives";
import { decodeNode, type Hash, type TrieNode } from "./trie-node.js";

/** Encoded nodes by hash (the database's trie table, or a map in memory). */
export interface NodeSource {
  getNode(hash: Hash): Uint8Array | undefined;
}

export class MissingTrieNodeError extends Error {
  override readonly name = "MissingTrieNodeError";
  constructor(readonly hash: Hash) {
    super(
      `trie node ${bytesToHex(hash)} is not in the database: the state at this root was never stored, was pruned, or the database is damaged`,
    );
  }
}

const keyOf = (hash: Hash): string =>
  Buffer.from(hash.buffer, hash.byteOffset, hash.byteLength).toString("latin1");

/** Decoded nodes by hash. Committed nodes never change, so the cache needs no invalidation. */
export class NodeLoader {
  readonly #cache = new Map<string, TrieNode>();

  constructor(
    readonly source: NodeSource | undefined,
    readonly capacity = 100_000,
  ) {}

  load(hash: Hash): TrieNode {
    const key = keyOf(hash);
    const cached = this.#cache.get(key);
    if (cached) return cached;
    const encoded = this.source?.getNode(hash);
    if (encoded === undefined) throw new MissingTrieNodeError(hash);
    const node = decodeNode(encoded, hash);
    this.#put(key, node);
    return node;
  }

  /** Keeps a freshly committed node so the next block does not read it back from disk. */
  remember(node: TrieNode): void {
    if (node.hash) this.#put(keyOf(node.hash), node);
  }

  #put(key: string, node: TrieNode): void {
    if (this.#cache.size >= this.capacity) {
      // Drop the oldest tenth: recently written nodes (the top of the trie) stay.
      let drop = Math.ceil(this.capacity / 10);
      for (const k of this.#cache.keys()) {
        this.#cache.delete(k);
        if (--drop === 0) break;
      }
    }
    this.#cache.set(key, node);
  }

  clear(): void {
    this.#cache.clear();
  }
}
