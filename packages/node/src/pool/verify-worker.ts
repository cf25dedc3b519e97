// A signature-checking worker thread: batches of (scheme, signature, payload, public key) in, a byte per
// item out (1 = valid). The pool runs one per core.
import { parentPort } from "node:worker_threads";
import { cryptoReady } from "@opentao/primitives";
import { type SignatureScheme, verifySignatureOf } from "@opentao/runtime";

export interface VerifyItem {
  scheme: SignatureScheme;
  signature: Uint8Array;
  payload: Uint8Array;
  publicKey: Uint8Array;
}

await cryptoReady();
parentPort!.on("message", (batch: { id: number; items: VerifyItem[] }) => {
  const results = new Uint8Array(batch.items.length);
  for (const [i, item] of batch.items.entries()) {
    results[i] = verifySignatureOf(item.scheme, item.signature, item.payload, item.publicKey) ? 1 : 0;
  }
  parentPort!.postMessage({ id: batch.id, results });
});
parentPort!.postMessage({ ready: true });
