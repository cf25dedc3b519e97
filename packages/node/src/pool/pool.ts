// The transaction pool: validation through the runtime (signatures checked on worker threads first),
// per-account queues ordered by nonce, future nonces held until their predecessors arrive, block
// candidates ordered by priority across accounts, limits with eviction, and status updates for watchers.
import { bytesToHex, ss58Decode } from "@opentao/primitives";
import {
  type DecodedExtrinsic,
  decodeExtrinsic,
  eraBirth,
  type InvalidTransaction,
  invalidMessage,
  SystemStorage,
  signatureCheckKey,
  signingPayload,
  trustSignatureCheck,
} from "@opentao/runtime";
import { extrinsicHash } from "../block/body.js";
import type { Chain } from "../chain.js";
import { PoolError } from "./errors.js";
import type { SignatureVerifier } from "./verifier.js";

export interface PoolLimits {
  /** Transactions ready for the next blocks (Substrate's default 8192). */
  ready: number;
  /** Transactions waiting for an earlier nonce (Substrate's default 512). */
  future: number;
  /** Transactions of one account. */
  perAccount: number;
}

export const DEFAULT_LIMITS: PoolLimits = { ready: 8192, future: 512, perAccount: 256 };

export interface PooledTransaction {
  hash: string;
  bytes: Uint8Array;
  signer: string;
  nonce: number;
  priority: bigint;
  /** Last block it may go into (mortal transactions). */
  validTill: number;
  /** Arrival order, for ties. */
  seq: number;
  /** Whether it was last reported ready (else future). */
  ready: boolean;
}

/** Substrate's transaction status (author_extrinsicUpdate), plus the decoded outcome in a block. */
export type TxStatus =
  | { type: "future" }
  | { type: "ready" }
  | { type: "inBlock"; blockHash: string; number: number; index: number }
  | { type: "finalized"; blockHash: string; number: number; index: number }
  | { type: "usurped"; by: string }
  | { type: "dropped"; reason: string }
  | { type: "invalid"; invalid: InvalidTransaction; message: string };

export type PoolListener = (hash: string, status: TxStatus) => void;

export class TransactionPool {
  readonly #byHash = new Map<string, PooledTransaction>();
  readonly #bySigner = new Map<string, Map<number, PooledTransaction>>();
  readonly #listeners = new Set<PoolListener>();
  #seq = 0;
  #futureCount = 0;

  constructor(
    readonly chain: Chain,
    readonly verifier: SignatureVerifier,
    readonly limits: PoolLimits = DEFAULT_LIMITS,
  ) {}

  get size(): number {
    return this.#byHash.size;
  }

  has(hash: string): boolean {
    return this.#byHash.has(hash);
  }

  listen(listener: PoolListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Validates and adds a transaction; returns its hash and whether it is ready or waits for a nonce. */
  async submit(bytes: Uint8Array): Promise<{ hash: string; status: "ready" | "future" }> {
    const hash = extrinsicHash(bytes);
    if (this.#byHash.has(hash)) {
      throw new PoolError("AlreadyImported", `Transaction Already Imported: ${hash} is in the pool already`);
    }
    await this.#preverify(bytes);
    if (this.#byHash.has(hash)) {
      throw new PoolError("AlreadyImported", `Transaction Already Imported: ${hash} is in the pool already`);
    }
    const next = this.chain.nextBlock();
    const result = this.chain.runtime.validateTransaction(this.chain.headState(), next, bytes);
    if (!result.ok) throw PoolError.invalid(result.invalid);
    const { signer, nonce, priority, longevity } = result.value;
    const queue = this.#bySigner.get(signer) ?? new Map<number, PooledTransaction>();
    const existing = queue.get(nonce);
    if (existing) {
      if (priority <= existing.priority) {
        throw new PoolError(
          "TooLowPriority",
          `Priority is too low: ${priority} vs ${existing.priority} of ${existing.hash} with the same nonce ${nonce}; raise the tip to replace it`,
        );
      }
      this.#remove(existing);
      this.#emit(existing.hash, { type: "usurped", by: hash });
    } else if (queue.size >= this.limits.perAccount) {
      throw new PoolError(
        "ImmediatelyDropped",
        `Immediately Dropped: ${signer} has ${queue.size} transactions in the pool already (the limit)`,
      );
    }
    const tx: PooledTransaction = {
      hash,
      bytes,
      signer,
      nonce,
      priority,
      validTill: longevity >= Number.MAX_SAFE_INTEGER - next.number ? Infinity : next.number + longevity - 1,
      seq: this.#seq++,
      ready: false,
    };
    queue.set(nonce, tx);
    this.#bySigner.set(signer, queue);
    this.#byHash.set(hash, tx);
    tx.ready = this.#isReady(tx);
    if (!tx.ready) this.#futureCount++;
    const status = tx.ready ? "ready" : "future";
    this.#enforceLimits(tx);
    if (!this.#byHash.has(hash)) {
      throw new PoolError(
        "ImmediatelyDropped",
        "Immediately Dropped: the pool is full of transactions of higher priority",
      );
    }
    this.#emit(hash, { type: status });
    if (tx.ready) this.#promote(signer);
    return { hash, status };
  }

  /** Ready transactions in block order: each account's by nonce, accounts interleaved by priority then arrival. */
  ready(max = Infinity): Uint8Array[] {
    const heads: { queue: PooledTransaction[]; at: number }[] = [];
    for (const [signer, queue] of this.#bySigner) {
      const chainNonce = this.#accountNonce(signer);
      const run: PooledTransaction[] = [];
      for (let n = chainNonce; queue.has(n); n++) run.push(queue.get(n)!);
      if (run.length) heads.push({ queue: run, at: 0 });
    }
    const out: Uint8Array[] = [];
    while (out.length < max && heads.length) {
      let best = 0;
      for (let i = 1; i < heads.length; i++) {
        const a = heads[i]!.queue[heads[i]!.at]!;
        const b = heads[best]!.queue[heads[best]!.at]!;
        if (a.priority > b.priority || (a.priority === b.priority && a.seq < b.seq)) best = i;
      }
      const h = heads[best]!;
      out.push(h.queue[h.at++]!.bytes);
      if (h.at >= h.queue.length) heads.splice(best, 1);
    }
    return out;
  }

  /** All transactions, for author_pendingExtrinsics. */
  all(): PooledTransaction[] {
    return [...this.#byHash.values()].sort((a, b) => a.seq - b.seq);
  }

  /** Drops a transaction that could not go into a block. */
  reject(bytes: Uint8Array, invalid: InvalidTransaction): void {
    const tx = this.#byHash.get(extrinsicHash(bytes));
    if (!tx) return;
    this.#remove(tx);
    this.#emit(tx.hash, { type: "invalid", invalid, message: invalidMessage(invalid) });
  }

  /** After a block: drops what it included (reported in block), what is stale now and what has expired. */
  onBlock(blockHash: string, number: number, included: readonly string[]): void {
    included.forEach((hash, index) => {
      const tx = this.#byHash.get(hash);
      if (tx) this.#remove(tx);
      this.#emit(hash, { type: "inBlock", blockHash, number, index });
    });
    for (const [signer, queue] of this.#bySigner) {
      const nonce = this.#accountNonce(signer);
      for (const tx of queue.values()) {
        if (tx.nonce < nonce) {
          this.#remove(tx);
          const invalid: InvalidTransaction = {
            kind: "Stale",
            detail: `nonce ${tx.nonce} was used by another transaction; the account's next nonce is ${nonce}`,
          };
          this.#emit(tx.hash, { type: "invalid", invalid, message: invalidMessage(invalid) });
        } else if (tx.validTill < number + 1) {
          this.#remove(tx);
          this.#emit(tx.hash, { type: "dropped", reason: "its mortal era ended before it was included" });
        }
      }
      this.#promote(signer);
    }
  }

  /** Empties the pool (dev revert), reporting each as dropped. */
  clear(reason: string): void {
    for (const tx of [...this.#byHash.values()]) {
      this.#remove(tx);
      this.#emit(tx.hash, { type: "dropped", reason });
    }
  }

  /** Reports ready the account's transactions that waited for a nonce now filled. */
  #promote(signer: string): void {
    const queue = this.#bySigner.get(signer);
    if (!queue) return;
    for (let n = this.#accountNonce(signer); queue.has(n); n++) {
      const tx = queue.get(n)!;
      if (!tx.ready) {
        tx.ready = true;
        this.#futureCount--;
        this.#emit(tx.hash, { type: "ready" });
      }
    }
  }

  #accountNonce(signer: string): number {
    return SystemStorage.Account.get(this.chain.headState(), signer).nonce;
  }

  #isReady(tx: PooledTransaction): boolean {
    const queue = this.#bySigner.get(tx.signer)!;
    for (let n = this.#accountNonce(tx.signer); n < tx.nonce; n++) if (!queue.has(n)) return false;
    return true;
  }

  /** Over a limit: the future transaction (or ready, at the ready limit) of lowest priority, newest first, goes. */
  #enforceLimits(added: PooledTransaction): void {
    const evict = (wantReady: boolean) => {
      let worst: PooledTransaction | undefined;
      for (const tx of this.#byHash.values()) {
        if (tx.ready !== wantReady) continue;
        if (!worst || tx.priority < worst.priority || (tx.priority === worst.priority && tx.seq > worst.seq))
          worst = tx;
      }
      if (!worst) return false;
      this.#remove(worst);
      if (worst !== added) this.#emit(worst.hash, { type: "dropped", reason: "the pool is full" });
      return true;
    };
    while (this.#futureCount > this.limits.future && evict(false)) {}
    while (this.#byHash.size - this.#futureCount > this.limits.ready && evict(true)) {}
  }

  async #preverify(bytes: Uint8Array): Promise<void> {
    let tx: DecodedExtrinsic;
    try {
      tx = decodeExtrinsic(bytes);
    } catch {
      return; // validation reports it
    }
    if (!tx.signed) return;
    const next = this.chain.nextBlock();
    const birth = eraBirth(tx.signed.extra.era, next.number);
    const head = this.chain.head();
    const birthHash =
      birth === 0
        ? this.chain.genesisHash
        : birth === head.number
          ? head.hash
          : SystemStorage.BlockHash.getOptional(this.chain.headState(), birth);
    if (birthHash === undefined) return;
    const payload = signingPayload(tx.callBytes, tx.extraBytes, {
      genesisHash: this.chain.genesisHash,
      birthHash,
    });
    const publicKey = ss58Decode(tx.signed.signer);
    const item = { scheme: tx.signed.scheme, signature: tx.signed.signature, payload, publicKey };
    if (this.verifier.threads === 0) return; // validation verifies inline
    if (await this.verifier.verify(item)) {
      trustSignatureCheck(signatureCheckKey(item.scheme, item.signature, payload, publicKey));
    }
  }

  #remove(tx: PooledTransaction): void {
    if (!this.#byHash.delete(tx.hash)) return;
    if (!tx.ready) this.#futureCount--;
    const queue = this.#bySigner.get(tx.signer);
    if (queue?.get(tx.nonce) === tx) queue.delete(tx.nonce);
    if (queue?.size === 0) this.#bySigner.delete(tx.signer);
  }

  #emit(hash: string, status: TxStatus): void {
    for (const l of this.#listeners) {
      try {
        l(hash, status);
      } catch {
        // a listener's error is its own
      }
    }
  }
}

export const hexOf = (b: Uint8Array): string => bytesToHex(b);
