import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// The worker verifies batches of sr25519 signatures with the wasm schnorrkel; like
// `verifySignature` it retries with the message wrapped in <Bytes>…</Bytes>.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { waitReady, sr25519Verify } = require(workerData.wasmCrypto);
const enc = new TextEncoder();
waitReady().then(() => {
  parentPort.on("message", (batch) => {
    const out = new Uint8Array(batch.length);
    for (let i = 0; i < batch.length; i++) {
      const [message, signature, publicKey] = batch[i];
      let ok = false;
      try {
        ok = sr25519Verify(signature, enc.encode(message), publicKey) ||
          sr25519Verify(signature, enc.encode("<Bytes>" + message + "</Bytes>"), publicKey);
      } catch { ok = false; }
      out[i] = ok ? 1 : 0;
    }
    parentPort.postMessage(out);
  });
  parentPort.postMessage("ready");
});
`;

type Job = [message: string, signature: Uint8Array, publicKey: Uint8Array];

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  inflight: ((results: Uint8Array) => void)[];
}

/** Verifies sr25519 signatures on worker threads, batching what arrives in the same tick. */
export class VerifyPool {
  readonly #slots: Slot[] = [];
  #next = 0;
  #pending: { job: Job; resolve: (ok: boolean) => void }[] = [];
  #scheduled = false;

  constructor(readonly size: number) {
    // The wasm schnorrkel, found through util-crypto (its dependency), as @opentao/primitives uses it.
    const utilCrypto = createRequire(import.meta.url).resolve("@polkadot/util-crypto");
    const wasmCrypto = createRequire(utilCrypto).resolve("@polkadot/wasm-crypto");
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { wasmCrypto } });
      worker.unref();
      const slot: Slot = { worker, inflight: [], ready: Promise.resolve() };
      slot.ready = new Promise((resolve, reject) => {
        worker.once("error", reject);
        worker.on("message", (m: Uint8Array | string) => {
          if (m === "ready") resolve();
          else slot.inflight.shift()?.(m as Uint8Array);
        });
      });
      this.#slots.push(slot);
    }
  }

  /** Resolves once every worker has loaded the wasm. */
  async ready(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.ready));
  }

  verify(message: string, signature: Uint8Array, publicKey: Uint8Array): Promise<boolean> {
    return new Promise((resolve) => {
      this.#pending.push({ job: [message, signature, publicKey], resolve });
      if (!this.#scheduled) {
        this.#scheduled = true;
        setImmediate(() => this.#flush());
      }
    });
  }

  #flush(): void {
    this.#scheduled = false;
    const all = this.#pending;
    this.#pending = [];
    const per = Math.ceil(all.length / this.#slots.length);
    for (let start = 0; start < all.length; start += per) {
      const part = all.slice(start, start + per);
      const slot = this.#slots[this.#next++ % this.#slots.length]!;
      slot.inflight.push((results) => {
        for (let i = 0; i < part.length; i++) part[i]!.resolve(results[i] === 1);
      });
      slot.worker.postMessage(part.map((p) => p.job));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
