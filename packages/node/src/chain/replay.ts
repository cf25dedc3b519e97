// Re-executing the stored chain from genesis in memory: every header is checked as on import (link,
// slot, author, seal, extrinsics root) and every state root recomputed. At the end the stored state
// (flat table and trie at the head) must equal the replayed one, so a damaged database is found.
import { bytesToHex } from "@opentao/primitives";
import { AuraStorage, MemoryStore } from "@opentao/runtime";
import { type Header, hashHeader } from "../block/header.js";
import { BlockError, ReplayError } from "../errors.js";
import { NodeLoader } from "../state/node-loader.js";
import { type Root, rootOf, Trie } from "../state/trie.js";
import { decodeNode, type Hash, hashNode, isHash } from "../state/trie-node.js";
import { hashBytes, hashHex } from "./block-store.js";
import { checkBody, checkHeader } from "./checks.js";
import type { ChainContext } from "./context.js";
import { executeBlock } from "./execute.js";

export interface ReplayReport {
  /** Blocks re-executed (the head's number). */
  blocks: number;
  head: { hash: string; number: number };
  stateRoot: string;
  /** Storage entries in the head state. */
  entries: number;
  ms: number;
}

export interface ReplayOptions {
  onProgress?: (number: number, of: number) => void;
}

/**
 * Replays from the stored genesis state (block 0's trie, checked node by node against its header), so a
 * chain made by an older runtime's genesis builder still replays with this runtime's block rules.
 */
export function replayChain(ctx: ChainContext, options: ReplayOptions = {}): ReplayReport {
  const started = performance.now();
  const { store } = ctx;
  const genesisHash = store.hashAt(0);
  const genesis = genesisHash === undefined ? undefined : store.header(genesisHash);
  if (!genesis || genesisHash !== ctx.genesisHash || hashHeader(genesis) !== genesisHash) {
    throw new ReplayError(
      "GenesisMismatch",
      `block 0 is missing or is not the chain's genesis ${ctx.genesisHash}`,
      0,
    );
  }
  const genesisRoot = hashBytes(genesis.stateRoot);
  verifyStoredTrie(ctx, genesisRoot);
  const state = new MemoryStore();
  for (const [key, value] of ctx.trie.entries(rootOf(genesisRoot))) state.set(key, value);
  const trie = new Trie(new NodeLoader(undefined));
  let root: Root = trie.update(undefined, state.entries());
  if (hashHex(trie.commit(root, undefined, false)) !== genesis.stateRoot) {
    throw new ReplayError(
      "GenesisMismatch",
      "the stored genesis state does not hash to the genesis state root",
      0,
    );
  }
  let parent: Header = genesis;
  let parentHash = genesisHash;
  const best = ctx.best();
  for (let n = 1; n <= best.number; n++) {
    const hash = store.hashAt(n);
    const header = hash === undefined ? undefined : store.header(hash);
    const body = hash === undefined ? undefined : store.body(hash);
    if (!hash || !header || !body)
      throw new ReplayError("MissingBlock", `block ${n} is missing from the database`, n);
    if (hashHeader(header) !== hash) {
      throw new ReplayError("InvalidBlock", `block ${n}: the stored header does not hash to ${hash}`, n);
    }
    if (header.parentHash !== parentHash) {
      throw new ReplayError(
        "BrokenLink",
        `block ${n} names parent ${header.parentHash}, but block ${n - 1} is ${parentHash}`,
        n,
      );
    }
    let changes: Map<string, Uint8Array | null>;
    try {
      checkHeader(parent, header, AuraStorage.Authorities.get(state), ctx.preset);
      checkBody(header, body);
      changes = executeBlock(ctx.runtime, state, header, body).changes;
    } catch (e) {
      if (e instanceof BlockError) throw new ReplayError("InvalidBlock", e.message, n);
      throw e;
    }
    for (const [key, value] of changes) {
      if (value === null) state.delete(key);
      else state.set(key, value);
    }
    root = trie.update(root, changes);
    const computed = hashHex(trie.commit(root, undefined, false));
    if (computed !== header.stateRoot) {
      throw new ReplayError(
        "StateRootMismatch",
        `block ${n}: re-executing it gives state root ${computed}, its header says ${header.stateRoot}`,
        n,
      );
    }
    parent = header;
    parentHash = hash;
    if (n % 1000 === 0) options.onProgress?.(n, best.number);
  }
  compareStoredState(ctx, state);
  verifyStoredTrie(ctx, hashBytes(parent.stateRoot));
  return {
    blocks: best.number,
    head: { hash: parentHash, number: parent.number },
    stateRoot: parent.stateRoot,
    entries: state.size,
    ms: performance.now() - started,
  };
}

function compareStoredState(ctx: ChainContext, replayed: MemoryStore): void {
  const expected = [...replayed.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  let i = 0;
  for (const [key, value] of ctx.flat.entries()) {
    const want = expected[i];
    if (!want || want[0] !== key) {
      const missing = want && want[0] < key;
      throw new ReplayError(
        "StoredStateMismatch",
        missing
          ? `the stored head state lacks key ${want[0]}`
          : `the stored head state has key ${key}, which re-execution does not produce`,
      );
    }
    if (Buffer.compare(Buffer.from(value), Buffer.from(want[1])) !== 0) {
      throw new ReplayError(
        "StoredStateMismatch",
        `the stored head state holds 0x${Buffer.from(value).toString("hex")} at key ${key}; re-execution gives ${bytesToHex(want[1])}`,
      );
    }
    i++;
  }
  if (i < expected.length)
    throw new ReplayError("StoredStateMismatch", `the stored head state lacks key ${expected[i]![0]}`);
}

/** Every node under the head root is stored and hashes to its reference. */
function verifyStoredTrie(ctx: ChainContext, root: Hash): void {
  if (rootOf(root) === undefined) return;
  const source = ctx.store.trieSource;
  const stack: Hash[] = [root];
  while (stack.length > 0) {
    const hash = stack.pop()!;
    const encoded = source.getNode(hash);
    if (!encoded) throw new ReplayError("StoredTrieMismatch", `trie node ${bytesToHex(hash)} is missing`);
    if (Buffer.compare(Buffer.from(hashNode(encoded)), Buffer.from(hash)) !== 0) {
      throw new ReplayError("StoredTrieMismatch", `trie node ${bytesToHex(hash)} does not hash to its key`);
    }
    for (const child of decodeNode(encoded, hash).children ?? []) if (isHash(child)) stack.push(child);
  }
}
