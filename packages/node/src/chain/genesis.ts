// Block 0: the genesis state and its header. The genesis hash (hash of this header, so it commits to the
// genesis state root) is what transactions sign as `CheckGenesis`, and the parent of block 1.
import { applyGenesis, type GenesisConfig, MemoryStore, type Preset, ZERO_ACCOUNT } from "@opentao/runtime";
import { extrinsicsRoot } from "../block/body.js";
import { type Header, hashHeader, NO_SEAL, ZERO_HASH } from "../block/header.js";
import { NodeLoader } from "../state/node-loader.js";
import { Trie } from "../state/trie.js";
import type { Hash } from "../state/trie-node.js";
import { hashHex } from "./block-store.js";

export interface GenesisBlock {
  header: Header;
  hash: string;
  /** The genesis state, key → value. */
  state: Map<string, Uint8Array>;
  /** Its trie nodes (hash, encoding). */
  nodes: [Hash, Uint8Array][];
}

export const slotOf = (timestamp: bigint, preset: Preset): bigint =>
  timestamp / BigInt(preset.chain.blockTimeMs);

export function buildGenesis(preset: Preset, config: GenesisConfig, timestamp = 0n): GenesisBlock {
  const store = new MemoryStore();
  applyGenesis(store, preset, config);
  const state = new Map(store.entries());
  const trie = new Trie(new NodeLoader(undefined));
  const nodes: [Hash, Uint8Array][] = [];
  const root = trie.commit(
    trie.update(undefined, state),
    (hash, encoded) => nodes.push([hash, encoded]),
    false,
  );
  const header: Header = {
    parentHash: ZERO_HASH,
    number: 0,
    stateRoot: hashHex(root),
    extrinsicsRoot: extrinsicsRoot([]),
    timestamp,
    slot: slotOf(timestamp, preset),
    author: ZERO_ACCOUNT,
    seal: NO_SEAL,
  };
  return { header, hash: hashHeader(header), state, nodes };
}
