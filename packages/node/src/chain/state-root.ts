// A block's changes into the trie: the new state root and the nodes to store with the block.
import type { Trie } from "../state/trie.js";
import { rootOf } from "../state/trie.js";
import type { Hash } from "../state/trie-node.js";

export interface StateUpdate {
  root: Hash;
  nodes: [Hash, Uint8Array][];
}

export function updateState(
  trie: Trie,
  parentRoot: Hash,
  changes: ReadonlyMap<string, Uint8Array | null>,
): StateUpdate {
  const nodes: [Hash, Uint8Array][] = [];
  const next = trie.update(rootOf(parentRoot), changes);
  const root = trie.commit(next, (hash, encoded) => nodes.push([hash, encoded]), true);
  return { root, nodes };
}
