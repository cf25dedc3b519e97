// The authenticated state: a base-16 Patricia Merkle trie over the storage keys (see trie-node.ts).
// Updates are copy-on-write: a block's changes produce new nodes along their paths and leave every older
// root readable, which is what "state at block N", proofs at past blocks and cheap reverts rest on.
import { bytesEqual } from "@opentao/primitives";
import type { NodeLoader } from "./node-loader.js";
import {
  type Child,
  EMPTY_ROOT,
  encodeNode,
  type Hash,
  hashNode,
  isHash,
  NIBBLE,
  nibbleAt,
  type TrieNode,
} from "./trie-node.js";

/** A root as the trie walks it: a committed hash, a node in memory, or empty. */
export type Root = Child;

export const rootOf = (hash: Hash): Root => (bytesEqual(hash, EMPTY_ROOT) ? undefined : hash);

const leaf = (path: string, value: Uint8Array): TrieNode => ({
  path,
  value,
  children: undefined,
  hash: undefined,
});

/** A node this update may change in place: new nodes are; committed ones are copied first. */
function own(node: TrieNode): TrieNode {
  if (node.hash === undefined) return node;
  return {
    path: node.path,
    value: node.value,
    children: node.children?.slice(),
    hash: undefined,
  };
}

export class Trie {
  constructor(readonly loader: NodeLoader) {}

  resolve(child: Child): TrieNode | undefined {
    return isHash(child) ? this.loader.load(child) : child;
  }

  get(root: Root, key: string): Uint8Array | undefined {
    let node = this.resolve(root);
    let at = 0;
    while (node) {
      const { path } = node;
      if (key.length - at < path.length || !key.startsWith(path, at)) return undefined;
      at += path.length;
      if (at === key.length) return node.value;
      if (!node.children) return undefined;
      node = this.resolve(node.children[nibbleAt(key, at)]);
      at++;
    }
    return undefined;
  }

  /** Applies `changes` (null deletes) and returns the new root, not yet committed. */
  update(root: Root, changes: Iterable<readonly [string, Uint8Array | null]>): Root {
    let node = root;
    for (const [key, value] of changes) {
      node = value === null ? this.#remove(node, key, 0) : this.#insert(node, key, 0, value);
    }
    return node;
  }

  #insert(child: Child, key: string, at: number, value: Uint8Array): TrieNode {
    const node = this.resolve(child);
    if (!node) return leaf(key.slice(at), value);
    const path = node.path;
    const plen = path.length;
    const max = Math.min(plen, key.length - at);
    let c = 0;
    while (c < max && path.charCodeAt(c) === key.charCodeAt(at + c)) c++;
    if (c < plen) {
      // The key leaves this node's path: a new branch at the divergence holds both.
      const branch: TrieNode = {
        path: path.slice(0, c),
        value: undefined,
        children: new Array<Child>(16).fill(undefined),
        hash: undefined,
      };
      const moved = own(node);
      moved.path = path.slice(c + 1);
      branch.children![nibbleAt(path, c)] = moved;
      if (at + c === key.length) branch.value = value;
      else branch.children![nibbleAt(key, at + c)] = leaf(key.slice(at + c + 1), value);
      return branch;
    }
    const rest = at + plen;
    if (rest === key.length) {
      if (node.value !== undefined && bytesEqual(node.value, value)) return node;
      const changed = own(node);
      changed.value = value;
      return changed;
    }
    const i = nibbleAt(key, rest);
    const before = node.children?.[i];
    const after = this.#insert(before, key, rest + 1, value);
    if (after === before) return node;
    const changed = own(node);
    changed.children ??= new Array<Child>(16).fill(undefined);
    changed.children[i] = after;
    return changed;
  }

  #remove(child: Child, key: string, at: number): Child {
    const node = this.resolve(child);
    if (!node) return child;
    const { path } = node;
    if (key.length - at < path.length || !key.startsWith(path, at)) return child;
    const rest = at + path.length;
    if (rest === key.length) {
      if (node.value === undefined) return child;
      if (!node.children) return undefined;
      const changed = own(node);
      changed.value = undefined;
      return this.#normalize(changed);
    }
    if (!node.children) return child;
    const i = nibbleAt(key, rest);
    const before = node.children[i];
    if (before === undefined) return child;
    const after = this.#remove(before, key, rest + 1);
    if (after === before) return child;
    const changed = own(node);
    changed.children![i] = after;
    return this.#normalize(changed);
  }

  /** Restores the canonical shape after a removal: no empty branches, no branch with one child and no value. */
  #normalize(node: TrieNode): TrieNode | undefined {
    const children = node.children!;
    let count = 0;
    let only = -1;
    for (let i = 0; i < 16; i++) {
      if (children[i] !== undefined) {
        count++;
        only = i;
      }
    }
    if (count === 0) {
      if (node.value === undefined) return undefined;
      node.children = undefined;
      return node;
    }
    if (count === 1 && node.value === undefined) {
      const child = own(this.resolve(children[only])!);
      child.path = node.path + NIBBLE[only] + child.path;
      return child;
    }
    return node;
  }

  /**
   * Hashes the new nodes under `root`, bottom up, handing each (hash, encoding) to `write`. With
   * `detach`, committed children are replaced by their hashes and kept in the loader's cache, so memory
   * holds only what the cache holds; without it the nodes stay linked (an in-memory trie).
   */
  commit(root: Root, write: ((hash: Hash, encoded: Uint8Array) => void) | undefined, detach: boolean): Hash {
    if (root === undefined) return EMPTY_ROOT;
    if (isHash(root)) return root;
    return this.#commitNode(root, write, detach);
  }

  #commitNode(
    node: TrieNode,
    write: ((hash: Hash, encoded: Uint8Array) => void) | undefined,
    detach: boolean,
  ): Hash {
    if (node.hash) return node.hash;
    const children = node.children;
    if (children) {
      for (let i = 0; i < 16; i++) {
        const child = children[i];
        if (child === undefined || isHash(child)) continue;
        const hash = this.#commitNode(child, write, detach);
        if (detach) {
          this.loader.remember(child);
          children[i] = hash;
        }
      }
    }
    const encoded = encodeNode(node);
    const hash = hashNode(encoded);
    node.hash = hash;
    write?.(hash, encoded);
    if (detach) this.loader.remember(node);
    return hash;
  }

  /** Every key under `prefix`, ascending (a branch's own key sorts before its children's). */
  keysWithPrefix(root: Root, prefix: string): string[] {
    const keys: string[] = [];
    for (const [key] of this.entries(root, prefix)) keys.push(key);
    return keys;
  }

  /** Every (key, value) under `prefix`, in ascending key order. */
  *entries(root: Root, prefix = ""): Generator<[string, Uint8Array]> {
    let node = this.resolve(root);
    let at = 0;
    let base = "";
    while (node) {
      const { path } = node;
      const remaining = prefix.length - at;
      if (remaining <= path.length) {
        if (!path.startsWith(prefix.slice(at))) return;
        yield* this.#walk(node, base + path);
        return;
      }
      if (!prefix.startsWith(path, at) || !node.children) return;
      at += path.length;
      const i = nibbleAt(prefix, at);
      base += path + NIBBLE[i];
      at++;
      node = this.resolve(node.children[i]);
    }
  }

  *#walk(node: TrieNode, key: string): Generator<[string, Uint8Array]> {
    if (node.value !== undefined) yield [key, node.value];
    const children = node.children;
    if (!children) return;
    for (let i = 0; i < 16; i++) {
      const child = this.resolve(children[i]);
      if (child) yield* this.#walk(child, key + NIBBLE[i] + child.path);
    }
  }

  /** The encoded nodes from the root down to `key` (or to where its absence shows): a proof. */
  proof(root: Root, key: string): Uint8Array[] {
    const nodes: Uint8Array[] = [];
    let node = this.resolve(root);
    let at = 0;
    while (node) {
      nodes.push(encodeNode(node));
      const { path } = node;
      if (key.length - at < path.length || !key.startsWith(path, at)) break;
      at += path.length;
      if (at === key.length || !node.children) break;
      node = this.resolve(node.children[nibbleAt(key, at)]);
      at++;
    }
    return nodes;
  }

  /**
   * Calls `change(key, value)` for every key whose value differs between `from` and `to` (null: absent in
   * `to`), skipping subtrees whose hashes are equal — the cost follows the size of the difference.
   */
  diff(from: Root, to: Root, change: (key: string, value: Uint8Array | null) => void): void {
    this.#diff(this.#cursor(from), this.#cursor(to), "", change);
  }

  #cursor(child: Child): Cursor | undefined {
    const node = this.resolve(child);
    return node && { node, at: 0 };
  }

  #diff(
    a: Cursor | undefined,
    b: Cursor | undefined,
    key: string,
    change: (key: string, value: Uint8Array | null) => void,
  ): void {
    if (!a && !b) return;
    if (
      a &&
      b &&
      a.at === 0 &&
      b.at === 0 &&
      a.node.hash &&
      b.node.hash &&
      bytesEqual(a.node.hash, b.node.hash)
    ) {
      return;
    }
    if (!b) {
      for (const [k] of this.#walk(a!.node, key + a!.node.path.slice(a!.at))) change(k, null);
      return;
    }
    if (!a) {
      for (const [k, v] of this.#walk(b.node, key + b.node.path.slice(b.at))) change(k, v);
      return;
    }
    const va = a.at === a.node.path.length ? a.node.value : undefined;
    const vb = b.at === b.node.path.length ? b.node.value : undefined;
    if (vb === undefined) {
      if (va !== undefined) change(key, null);
    } else if (va === undefined || !bytesEqual(va, vb)) change(key, vb);
    const na = this.#nextNibbles(a);
    const nb = this.#nextNibbles(b);
    for (let i = 0; i < 16; i++) {
      if (!(na & (1 << i)) && !(nb & (1 << i))) continue;
      this.#diff(this.#step(a, i), this.#step(b, i), key + NIBBLE[i], change);
    }
  }

  #nextNibbles(c: Cursor): number {
    const { node, at } = c;
    if (at < node.path.length) return 1 << nibbleAt(node.path, at);
    let mask = 0;
    if (node.children) for (let i = 0; i < 16; i++) if (node.children[i] !== undefined) mask |= 1 << i;
    return mask;
  }

  #step(c: Cursor, i: number): Cursor | undefined {
    const { node, at } = c;
    if (at < node.path.length) return nibbleAt(node.path, at) === i ? { node, at: at + 1 } : undefined;
    return this.#cursor(node.children?.[i]);
  }
}

/** A position inside the trie: `at` nibbles into `node`'s path. */
interface Cursor {
  node: TrieNode;
  at: number;
}
