// What the chain's steps (import, authoring, replay, revert) share.
import type { Preset, Runtime } from "@opentao/runtime";
import type { Header } from "../block/header.js";
import type { Trie } from "../state/trie.js";
import type { FlatState } from "../state/views.js";
import type { BlockStore } from "./block-store.js";

export interface BlockRef {
  hash: string;
  number: number;
  header: Header;
}

export interface ChainContext {
  readonly preset: Preset;
  readonly runtime: Runtime;
  readonly store: BlockStore;
  readonly trie: Trie;
  /** The best head's state. */
  readonly flat: FlatState;
  readonly genesisHash: string;
  best(): BlockRef;
  finalized(): BlockRef;
}
