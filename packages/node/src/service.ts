// The running node: the chain, the transaction pool, block production (interval, instant or manual) and the
// JSON-RPC server, wired together. `tao node --dev` starts one of these.
import {
  devAccount,
  dispatchErrorName,
  type EventRecord,
  type GenesisConfig,
  type PresetName,
} from "@opentao/runtime";
import { extrinsicHash } from "./block/body.js";
import { Chain, type ProducedBlock } from "./chain.js";
import { createLogger, type Logger } from "./log.js";
import { DEFAULT_LIMITS, type PoolLimits, TransactionPool, type TxStatus } from "./pool/pool.js";
import { SignatureVerifier } from "./pool/verifier.js";
import { RpcServer } from "./rpc/server.js";
import type { StaticMount } from "./rpc/static-files.js";

export type BlockMode = "interval" | "instant" | "manual";

export interface NodeOptions {
  /** Database directory; omitted: in memory. */
  basePath?: string;
  /** RPC port (0: a free one); default 9944. */
  rpcPort?: number;
  /** RPC interface; default 127.0.0.1. */
  rpcHost?: string;
  /** How blocks are made; default interval. */
  mode?: BlockMode;
  /** Interval mode's block time in ms; default the preset's. */
  blockTimeMs?: number;
  /** The wall clock (ms) interval mode stamps its blocks with; default Date.now. */
  now?: () => number;
  /** Dev node: dev RPC methods on, dev accounts as authority. */
  dev?: boolean;
  preset?: PresetName;
  /** Genesis of a new chain (default: the dev genesis): balances, subnets with neurons and stake, raw storage. */
  genesis?: GenesisConfig;
  logger?: Logger;
  /** Signature worker threads (default: cores, at most 4; 0 = verify on the main thread). */
  verifyThreads?: number;
  poolLimits?: PoolLimits;
  /** Static files the RPC server also serves over HTTP GET, each under its URL path (e.g. a web app). */
  staticFiles?: readonly StaticMount[];
  /** Most transactions per block (default 4096). */
  maxBlockTransactions?: number;
}

/** The outcome of an extrinsic in its block, from its events. */
export interface ExtrinsicOutcome {
  success: boolean;
  error?: { name: string; message: string };
  events: EventRecord[];
}

export type WatchListener = (status: TxStatus, outcome?: ExtrinsicOutcome) => void;

export class NodeService {
  readonly log: Logger;
  readonly mode: BlockMode;
  readonly blockTimeMs: number;
  readonly startedAt = Date.now();
  rpc!: RpcServer;
  #timer: NodeJS.Timeout | undefined;
  #instantScheduled = false;
  #nextTimestamp: bigint | undefined;
  #awaitingFinality = new Map<string, { blockHash: string; number: number; index: number }>();
  #watchers = new Map<string, Set<WatchListener>>();
  #stopping: Promise<void> | undefined;
  readonly #snapshots = new Map<string, number>();
  #snapshotSeq = 0;

  private constructor(
    readonly chain: Chain,
    readonly pool: TransactionPool,
    readonly verifier: SignatureVerifier,
    readonly options: NodeOptions,
  ) {
    this.log = options.logger ?? createLogger();
    this.mode = options.mode ?? "interval";
    this.blockTimeMs = options.blockTimeMs ?? chain.preset.chain.blockTimeMs;
    pool.listen((hash, status) => this.#onStatus(hash, status));
  }

  static async start(options: NodeOptions = {}): Promise<NodeService> {
    const chain = await Chain.open({
      ...(options.basePath ? { basePath: options.basePath } : {}),
      preset: options.preset ?? "fast",
      ...(options.genesis ? { genesis: options.genesis } : {}),
      authorityKeys: [devAccount("One")],
    });
    const verifier = new SignatureVerifier(options.verifyThreads);
    const pool = new TransactionPool(chain, verifier, options.poolLimits ?? DEFAULT_LIMITS);
    const node = new NodeService(chain, pool, verifier, options);
    try {
      node.rpc = await RpcServer.listen(
        node,
        options.rpcPort ?? 9944,
        options.rpcHost ?? "127.0.0.1",
        options.staticFiles,
      );
    } catch (error) {
      await verifier.close();
      await chain.close();
      throw error;
    }
    // Signature workers start once the node is up, so that loading them does not delay its start.
    setImmediate(() => verifier.start());
    if (node.mode === "interval") {
      node.#timer = setInterval(() => node.#tick(), node.blockTimeMs);
    }
    return node;
  }

  get dev(): boolean {
    return this.options.dev === true;
  }

  /** Submits a transaction; in instant mode a block follows at once. */
  async submit(bytes: Uint8Array): Promise<{ hash: string; status: "ready" | "future" }> {
    const result = await this.pool.submit(bytes);
    if (this.mode === "instant" && result.status === "ready") this.#scheduleInstant();
    return result;
  }

  /** Follows a transaction by hash: pool statuses, then in block (with its outcome) and finalized. */
  watch(hash: string, listener: WatchListener): () => void {
    const set = this.#watchers.get(hash) ?? new Set();
    set.add(listener);
    this.#watchers.set(hash, set);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.#watchers.delete(hash);
    };
  }

  /**
   * Authors one block with the ready transactions. Its time: the one dev_setNextBlockTimestamp set; else
   * in interval mode the wall clock, as a Substrate dev chain, but at least one slot after the parent's
   * (slots must increase); else (instant, manual) the parent's time plus one slot, so runs repeat exactly.
   */
  produceBlock(): ProducedBlock {
    const candidates = this.pool.ready(this.options.maxBlockTransactions ?? 4096);
    const timestamp = this.#nextTimestamp ?? (this.mode === "interval" ? this.#wallClockTime() : undefined);
    this.#nextTimestamp = undefined;
    const block = this.chain.produceBlock(candidates, timestamp !== undefined ? { timestamp } : {});
    for (const r of block.rejected) {
      if (r.invalid.kind === "ExhaustsResources" || r.invalid.kind === "Future") continue;
      this.pool.reject(candidates[r.index]!, r.invalid);
    }
    const included = block.block.extrinsics.map((x) => extrinsicHash(x));
    this.pool.onBlock(block.hash, block.number, included);
    this.#settleFinality();
    this.log.debug("block", { number: block.number, hash: block.hash, extrinsics: included.length });
    return block;
  }

  /** Sets the time of the next block (ms); it must fall in a later slot than the head's. */
  setNextTimestamp(ms: bigint): void {
    this.#nextTimestamp = ms;
  }

  #wallClockTime(): bigint {
    const earliest = this.chain.head().header.timestamp + BigInt(this.chain.preset.chain.blockTimeMs);
    const now = BigInt(Math.floor((this.options.now ?? Date.now)()));
    return now > earliest ? now : earliest;
  }

  snapshot(): string {
    const id = `0x${(++this.#snapshotSeq).toString(16)}`;
    this.#snapshots.set(id, this.chain.head().number);
    return id;
  }

  revert(id: string): boolean {
    const number = this.#snapshots.get(id);
    if (number === undefined) return false;
    for (const [k, n] of this.#snapshots) if (n >= number && k !== id) this.#snapshots.delete(k);
    this.#snapshots.delete(id);
    this.pool.clear("the chain was reverted to a snapshot");
    this.chain.revertTo(number);
    return true;
  }

  outcomeOf(blockHash: string, index: number): ExtrinsicOutcome {
    const events = (this.chain.getEvents(blockHash) ?? []).filter(
      (e) => e.phase.kind === "ApplyExtrinsic" && e.phase.index === index,
    );
    const failed = events.find((e) => e.event.pallet === "System" && e.event.name === "ExtrinsicFailed");
    if (!failed) return { success: true, events };
    const error = failed.event.data.dispatchError as Parameters<typeof dispatchErrorName>[0];
    const name = dispatchErrorName(error);
    return { success: false, error: { name, message: `the call failed in its block: ${name}` }, events };
  }

  async stop(): Promise<void> {
    this.#stopping ??= (async () => {
      if (this.#timer) clearInterval(this.#timer);
      await this.rpc?.close();
      await this.verifier.close();
      await this.chain.close();
    })();
    return this.#stopping;
  }

  #tick(): void {
    try {
      this.produceBlock();
    } catch (error) {
      this.log.error("block production failed", { error: (error as Error).message });
    }
  }

  #scheduleInstant(): void {
    if (this.#instantScheduled) return;
    this.#instantScheduled = true;
    setImmediate(() => {
      this.#instantScheduled = false;
      if (this.#stopping) return;
      // A block per batch of transactions that arrived together, until none is ready.
      for (let i = 0; i < 1000 && this.pool.ready(1).length > 0; i++) this.#tick();
    });
  }

  #onStatus(hash: string, status: TxStatus): void {
    if (status.type === "inBlock") {
      this.#awaitingFinality.set(hash, {
        blockHash: status.blockHash,
        number: status.number,
        index: status.index,
      });
    }
    const set = this.#watchers.get(hash);
    if (!set) return;
    const outcome = status.type === "inBlock" ? this.outcomeOf(status.blockHash, status.index) : undefined;
    for (const l of [...set]) l(status, outcome);
  }

  #settleFinality(): void {
    const finalized = this.chain.finalizedHead().number;
    for (const [hash, at] of this.#awaitingFinality) {
      if (at.number > finalized) continue;
      this.#awaitingFinality.delete(hash);
      const set = this.#watchers.get(hash);
      if (set) for (const l of [...set]) l({ type: "finalized", ...at });
    }
  }
}
