// Signature checks on worker threads, so that the main thread (RPC, validation, block building) and the
// verifications run on separate cores. Items queued in the same tick travel as one batch per worker.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { verifySignatureOf } from "@opentao/runtime";
import type { VerifyItem } from "./verify-worker.js";

interface Pending {
  item: VerifyItem;
  resolve: (ok: boolean) => void;
}

export class SignatureVerifier {
  readonly #workers: Worker[] = [];
  readonly #inflight = new Map<number, Pending[]>();
  #queue: Pending[] = [];
  #scheduled = false;
  #next = 0;
  #batchId = 0;
  #closed = false;

  readonly #threads: number;

  /**
   * `threads` 0 verifies inline (also when running from the TypeScript sources, where workers cannot load).
   * The workers start with `start()` (the node calls it once it is ready, so they do not slow its start);
   * until then checks run inline.
   */
  constructor(threads = Math.max(1, Math.min(availableParallelism(), 4))) {
    this.#threads = import.meta.url.endsWith(".ts") ? 0 : threads;
  }

  /** Starts the worker threads. */
  start(): void {
    if (this.#workers.length > 0 || this.#closed) return;
    const url = new URL("./verify-worker.js", import.meta.url);
    for (let i = 0; i < this.#threads; i++) {
      const worker = new Worker(url);
      worker.unref();
      worker.on("message", (msg: { id?: number; results?: Uint8Array }) => {
        if (msg.id === undefined || !msg.results) return;
        const batch = this.#inflight.get(msg.id);
        this.#inflight.delete(msg.id);
        batch?.forEach((p, j) => {
          p.resolve(msg.results![j] === 1);
        });
      });
      worker.on("error", () => {
        // A dead worker's batches fall back to inline checks.
        for (const [id, batch] of this.#inflight) {
          this.#inflight.delete(id);
          for (const p of batch) p.resolve(verifyInline(p.item));
        }
      });
      this.#workers.push(worker);
    }
  }

  /** Worker threads (running or to start); 0 means inline checks. */
  get threads(): number {
    return this.#threads;
  }

  verify(item: VerifyItem): Promise<boolean> {
    if (this.#workers.length === 0 || this.#closed) return Promise.resolve(verifyInline(item));
    return new Promise((resolve) => {
      this.#queue.push({ item, resolve });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const queue = this.#queue;
    this.#queue = [];
    const n = this.#workers.length;
    const per = Math.ceil(queue.length / n);
    for (let start = 0; start < queue.length; start += per) {
      const batch = queue.slice(start, start + per);
      const id = this.#batchId++;
      this.#inflight.set(id, batch);
      const worker = this.#workers[this.#next++ % n]!;
      worker.postMessage({ id, items: batch.map((p) => p.item) });
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#workers.map((w) => w.terminate()));
  }
}

function verifyInline(item: VerifyItem): boolean {
  return verifySignatureOf(item.scheme, item.signature, item.payload, item.publicKey);
}
