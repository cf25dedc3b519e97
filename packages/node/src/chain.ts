// The chain on disk: genesis, the best and finalized heads, block production and import, state at any
// block with proofs, replay and revert. Node II puts the transaction pool, RPC and `tao node --dev` on it.
import { cryptoReady, type Keypair, normalizeAddress } from "@opentao/primitives";
import {
  AuraStorage,
  type BlockInfo,
  devGenesis,
  type EventRecord,
  type GenesisConfig,
  getPreset,
  type KeyValueReader,
  type Preset,
  type PresetName,
  Runtime,
} from "@opentao/runtime";
import { type Block, decodeBlock } from "./block/block.js";
import type { Header } from "./block/header.js";
import { indexBlock } from "./chain/account-index.js";
import { nextSlot, prepareAuthored, type SlotChoice } from "./chain/author.js";
import { type Activity, BlockStore, FORMAT_VERSION, hashBytes, META } from "./chain/block-store.js";
import { slotAuthor } from "./chain/checks.js";
import type { BlockRef, ChainContext } from "./chain/context.js";
import type { Rejected } from "./chain/execute.js";
import { newFinalized } from "./chain/finality.js";
import { buildGenesis, type GenesisBlock } from "./chain/genesis.js";
import { type PreparedBlock, prepareImport } from "./chain/import.js";
import { type ReplayOptions, type ReplayReport, replayChain } from "./chain/replay.js";
import { revertChain } from "./chain/revert.js";
import type { Database } from "./db/kv.js";
import { LmdbDatabase } from "./db/lmdb-store.js";
import { MemoryDatabase } from "./db/memory-db.js";
import { encodeJson } from "./db/tagged-json.js";
import { BlockError, ChainError } from "./errors.js";
import { NodeLoader } from "./state/node-loader.js";
import { Trie } from "./state/trie.js";
import { FlatState, TrieState } from "./state/views.js";

export interface ChainOptions {
  /** Directory of the database (`<basePath>/chain.mdb`); omitted: the chain lives in memory. */
  basePath?: string;
  /** A database to use instead of opening one (tests wrap one to inject faults). */
  database?: Database;
  /** Genesis of a new chain (default: the dev genesis); an existing chain must have been made from it. */
  genesis?: GenesisConfig;
  /** Runtime preset of a new chain (default "fast"); an existing chain must use the same. */
  preset?: Preset | PresetName;
  /** Time of the genesis block in ms (default 0); part of the genesis hash. */
  genesisTimestamp?: bigint;
  /** Authority keys this node seals blocks with. */
  authorityKeys?: readonly Keypair[];
  /** Decoded trie nodes kept in memory (default 100 000, about 90 MB). */
  trieCacheNodes?: number;
}

/** The result of producing or importing a block. */
export interface CommittedBlock extends BlockRef {
  block: Block;
  events: EventRecord[];
  /** Whether this block is final now (always, with one authority). */
  finalized: boolean;
  /** Timings of the steps, ms. */
  timings: { execute: number; stateRoot: number; commit: number };
}

export interface ProducedBlock extends CommittedBlock {
  /** Candidates left out, with why (their positions in the list given). */
  rejected: Rejected[];
}

export interface StateProof {
  blockHash: string;
  stateRoot: string;
  key: string;
  /** The value at the key, or null when the proof shows it absent. */
  value: Uint8Array | null;
  /** Encoded trie nodes from the root down to the key. */
  nodes: Uint8Array[];
}

export type ChainEvent =
  | { type: "block"; block: BlockRef; events: EventRecord[] }
  | { type: "finalized"; block: BlockRef };

export type BlockId = string | number;

export class Chain {
  readonly preset: Preset;
  readonly runtime: Runtime;
  readonly genesisHash: string;
  readonly #db: Database;
  readonly #store: BlockStore;
  readonly #trie: Trie;
  readonly #flat: FlatState;
  readonly #keys: Map<string, Keypair>;
  readonly #listeners = new Set<(event: ChainEvent) => void>();
  #best: BlockRef;
  #finalized: BlockRef;
  #closed = false;

  private constructor(db: Database, preset: Preset, keys: readonly Keypair[], cacheNodes: number) {
    this.#db = db;
    this.#store = new BlockStore(db);
    this.preset = preset;
    this.runtime = new Runtime(preset);
    this.genesisHash = this.#store.metaHash(META.genesis)!;
    this.#trie = new Trie(new NodeLoader(this.#store.trieSource, cacheNodes));
    this.#flat = new FlatState(db.tables.state);
    this.#keys = new Map(keys.map((k) => [k.ss58Address, k]));
    this.#best = this.#ref(this.#store.metaHash(META.best)!);
    this.#finalized = this.#ref(this.#store.metaHash(META.finalized)!);
  }

  /** Opens the chain at `basePath` (creating it from genesis if empty), or a new one in memory. */
  static async open(options: ChainOptions = {}): Promise<Chain> {
    await cryptoReady();
    const db =
      options.database ?? (options.basePath ? LmdbDatabase.open(options.basePath) : new MemoryDatabase());
    try {
      const store = new BlockStore(db);
      const format = store.meta(META.format);
      let preset: Preset;
      if (format === undefined) {
        preset = resolvePreset(options.preset ?? "fast");
        const config = options.genesis ?? devGenesis();
        const timestamp = options.genesisTimestamp ?? 0n;
        writeGenesis(store, buildGenesis(preset, config, timestamp), preset, config, timestamp);
      } else {
        const version = Buffer.from(format).readUInt32BE(0);
        if (version !== FORMAT_VERSION) {
          throw new ChainError(
            "UnsupportedFormat",
            `the database at ${db.path} has format ${version}; this node reads format ${FORMAT_VERSION}`,
          );
        }
        // The preset's values come from this build of the runtime; the chain remembers which one it uses.
        const storedName = store.metaJson<{ name: PresetName }>(META.preset)!.name;
        preset = resolvePreset(options.preset ?? storedName);
        if (preset.name !== storedName) {
          throw new ChainError(
            "PresetMismatch",
            `the chain at ${db.path} runs preset "${storedName}", not "${preset.name}"`,
          );
        }
        // The genesis state itself is stored (block 0's trie); a genesis given must reproduce it.
        if (options.genesis || options.genesisTimestamp !== undefined) {
          const settings = store.metaJson<{ config: GenesisConfig; timestamp: bigint }>(META.genesisConfig)!;
          const given = buildGenesis(
            preset,
            options.genesis ?? settings.config,
            options.genesisTimestamp ?? settings.timestamp,
          );
          const storedHash = store.metaHash(META.genesis);
          if (given.hash !== storedHash) {
            throw new ChainError(
              "GenesisMismatch",
              `the chain at ${db.path} has genesis ${storedHash}, but the genesis given gives ${given.hash} with this runtime; use another base path for another chain`,
            );
          }
        }
      }
      return new Chain(db, preset, options.authorityKeys ?? [], options.trieCacheNodes ?? 100_000);
    } catch (e) {
      if (!options.database) await db.close();
      throw e;
    }
  }

  /** The best block ("in block"). */
  head(): BlockRef {
    return this.#best;
  }

  /** The newest final block. */
  finalizedHead(): BlockRef {
    return this.#finalized;
  }

  /** Where the database lives (undefined in memory). */
  get path(): string | undefined {
    return this.#db.path;
  }

  hashAt(number: number): string | undefined {
    return this.#store.hashAt(number);
  }

  getHeader(id: BlockId): BlockRef | undefined {
    const hash = this.#hashOf(id);
    const header = hash === undefined ? undefined : this.#store.header(hash);
    return header && { hash: hash!, number: header.number, header };
  }

  getBlock(id: BlockId): (BlockRef & { block: Block }) | undefined {
    const ref = this.getHeader(id);
    const extrinsics = ref && this.#store.body(ref.hash);
    return ref && extrinsics && { ...ref, block: { header: ref.header, extrinsics } };
  }

  getEvents(id: BlockId): EventRecord[] | undefined {
    const hash = this.#hashOf(id);
    return hash === undefined ? undefined : this.#store.events(hash);
  }

  /** Where an extrinsic (by its blake2-256 hash) was included. */
  findExtrinsic(hash: string): { blockHash: string; number: number; index: number } | undefined {
    const location = this.#store.extrinsicLocation(hash);
    const header = location && this.#store.header(location.blockHash);
    return location && header && { ...location, number: header.number };
  }

  /** The extrinsics that involve `address` (signed by it or naming it in their events), and block events naming it, newest first. */
  accountActivity(address: string, limit = 100): Activity[] {
    return this.#store.activity(normalizeAddress(address), limit);
  }

  /** The state after block `id`: a snapshot read through the trie (any stored block). */
  stateAt(id: BlockId): TrieState {
    const ref = this.#require(id);
    return new TrieState(this.#trie, hashBytes(ref.header.stateRoot));
  }

  /** The best head's state, read from the flat table (fast; moves with the head). */
  headState(): KeyValueReader {
    return this.#flat;
  }

  /** A proof of `key`'s value (or absence) in the state after block `id`; it checks against that header. */
  proof(key: string, id: BlockId): StateProof {
    const ref = this.#require(id);
    const k = key.replace(/^0x/, "").toLowerCase();
    const root = hashBytes(ref.header.stateRoot);
    return {
      blockHash: ref.hash,
      stateRoot: ref.header.stateRoot,
      key: k,
      value: this.#trie.get(root, k) ?? null,
      nodes: this.#trie.proof(root, k),
    };
  }

  /** The next block on the best head (number, parent, slot, time, author): what transactions are checked against. */
  nextBlock(choice: SlotChoice = {}): BlockInfo & { slot: bigint } {
    const parent = this.#best;
    const { slot, timestamp } = nextSlot(this.#context(), choice);
    const author = slotAuthor(AuraStorage.Authorities.get(this.#flat), slot);
    return {
      number: parent.number + 1,
      parentHash: parent.hash,
      timestamp,
      slot,
      ...(author ? { author } : {}),
    };
  }

  /**
   * Authors the next block from `extrinsics` (invalid ones are left out and reported) in the given slot,
   * or the parent's slot plus one. Throws ChainError NotOurSlot without the slot's authority key.
   */
  produceBlock(extrinsics: readonly Uint8Array[] = [], choice: SlotChoice = {}): ProducedBlock {
    this.#open();
    const prepared = prepareAuthored(this.#context(), this.#keys, extrinsics, choice);
    return { ...this.#commit(prepared), rejected: prepared.rejected };
  }

  /** Checks, executes and commits a block built on the best head; throws BlockError naming the check. */
  importBlock(input: Block | Uint8Array): CommittedBlock {
    this.#open();
    let block: Block;
    try {
      block = input instanceof Uint8Array ? decodeBlock(input) : input;
    } catch (e) {
      throw new BlockError("Malformed", `the block does not decode: ${(e as Error).message}`);
    }
    return this.#commit(prepareImport(this.#context(), block));
  }

  /** Re-executes the chain from genesis, checking every block and state root, and the stored state. */
  replay(options: ReplayOptions = {}): ReplayReport {
    this.#open();
    return replayChain(this.#context(), options);
  }

  /** Moves both heads back to block `id` of the best chain, deleting the blocks above it. Returns how many. */
  revertTo(id: BlockId): number {
    this.#open();
    const target = this.#require(id);
    if (this.#store.hashAt(target.number) !== target.hash) {
      throw new ChainError("NotFound", `block ${target.hash} is not on the best chain`);
    }
    const removed = revertChain(this.#context(), target);
    this.#best = target;
    if (this.#finalized.number > target.number) this.#finalized = target;
    return removed;
  }

  /**
   * Calls `listener` after each new best block and each newly finalized one; returns the unsubscribe. The
   * block is committed before listeners run; an error a listener throws is rethrown on a later tick.
   */
  subscribe(listener: (event: ChainEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#db.close();
  }

  #commit(prepared: PreparedBlock): CommittedBlock {
    const commitStarted = performance.now();
    const { hash, block, executed, state } = prepared;
    const { header, extrinsics } = block;
    const ref: BlockRef = { hash, number: header.number, header };
    const authorities = AuraStorage.Authorities.get(this.#flat).length;
    const finalized = newFinalized(
      { hash, number: header.number, author: header.author },
      (b) => {
        if (b.number === 0) return undefined;
        const parentHash = b.hash === hash ? header.parentHash : this.#store.header(b.hash)!.parentHash;
        const parent = this.#store.header(parentHash)!;
        return { hash: parentHash, number: parent.number, author: parent.author };
      },
      authorities,
      { hash: this.#finalized.hash, number: this.#finalized.number, author: this.#finalized.header.author },
    );
    const { activity, extrinsicHashes } = indexBlock(header.number, extrinsics, executed.events);
    this.#store.commit({
      hash,
      header,
      extrinsics,
      events: executed.events,
      stateChanges: executed.changes,
      trieNodes: state.nodes,
      activity,
      extrinsicHashes,
      finalized,
    });
    const commit = performance.now() - commitStarted;
    this.#best = ref;
    const finalizedChanged = finalized !== this.#finalized.hash;
    if (finalizedChanged) this.#finalized = finalized === hash ? ref : this.#ref(finalized);
    this.#emit({ type: "block", block: ref, events: executed.events });
    if (finalizedChanged) this.#emit({ type: "finalized", block: this.#finalized });
    return {
      ...ref,
      block,
      events: executed.events,
      finalized: this.#finalized.number >= header.number,
      timings: { ...prepared.timings, commit },
    };
  }

  #emit(event: ChainEvent): void {
    for (const listener of this.#listeners) {
      try {
        listener(event);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  #context(): ChainContext {
    return {
      preset: this.preset,
      runtime: this.runtime,
      store: this.#store,
      trie: this.#trie,
      flat: this.#flat,
      genesisHash: this.genesisHash,
      best: () => this.#best,
      finalized: () => this.#finalized,
    };
  }

  #ref(hash: string): BlockRef {
    const header: Header | undefined = this.#store.header(hash);
    if (!header) throw new ChainError("NotFound", `block ${hash} is not in the database`);
    return { hash, number: header.number, header };
  }

  #hashOf(id: BlockId): string | undefined {
    return typeof id === "number" ? this.#store.hashAt(id) : id.toLowerCase();
  }

  #require(id: BlockId): BlockRef {
    const ref = this.getHeader(id);
    if (!ref) throw new ChainError("NotFound", `block ${id} is not in the database`);
    return ref;
  }

  #open(): void {
    if (this.#closed) throw new ChainError("Closed", "the chain is closed");
  }
}

function resolvePreset(preset: Preset | PresetName): Preset {
  return typeof preset === "string" ? getPreset(preset) : preset;
}

function writeGenesis(
  store: BlockStore,
  genesis: GenesisBlock,
  preset: Preset,
  config: GenesisConfig,
  timestamp: bigint,
): void {
  const format = Buffer.alloc(4);
  format.writeUInt32BE(FORMAT_VERSION);
  store.commit({
    hash: genesis.hash,
    header: genesis.header,
    extrinsics: [],
    events: [],
    stateChanges: genesis.state,
    trieNodes: genesis.nodes,
    activity: [],
    extrinsicHashes: [],
    finalized: genesis.hash,
    meta: [
      [META.format, format],
      [META.genesis, hashBytes(genesis.hash)],
      [META.preset, encodeJson(preset)],
      [META.genesisConfig, encodeJson({ config, timestamp })],
    ],
  });
}
