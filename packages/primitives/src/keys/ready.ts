import { cryptoWaitReady } from "@polkadot/util-crypto";

let ready: Promise<void> | undefined;

/**
 * Loads the wasm crypto (sr25519, blake2, xxhash). Call once before signing or verifying;
 * hashing works before it too, only slower.
 */
export function cryptoReady(): Promise<void> {
  ready ??= cryptoWaitReady().then((ok) => {
    if (!ok) throw new Error("the wasm crypto library failed to load; reinstall dependencies with `npm ci`");
  });
  return ready;
}
