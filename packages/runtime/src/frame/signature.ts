// Signature checks of extrinsics, and the set of checks already done elsewhere: the node's transaction pool
// verifies signatures on worker threads and records each success here, so that validation and block
// building on the main thread do not verify the same signature again. An entry names the public key, the
// signed payload and the signature (blake2-256 of all three), so it vouches for exactly that check.
import { blake2b256, bytesToHex, concatBytes } from "@opentao/primitives";
import { ed25519Verify, sr25519Verify } from "@polkadot/wasm-crypto";
import type { SignatureScheme } from "./extrinsic.js";

const MAX_TRUSTED = 200_000;
let trusted = new Set<string>();
let previous = new Set<string>();

/** The key a verified (scheme, signature, payload, public key) is remembered under. */
export function signatureCheckKey(
  scheme: SignatureScheme,
  signature: Uint8Array,
  payload: Uint8Array,
  publicKey: Uint8Array,
): string {
  return bytesToHex(
    blake2b256(concatBytes(Uint8Array.of(scheme.length), publicKey, signature, payload)),
    false,
  );
}

/** Verifies one signature (no caching): what the pool's workers run. */
export function verifySignatureOf(
  scheme: SignatureScheme,
  signature: Uint8Array,
  payload: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (scheme === "Sr25519") return sr25519Verify(signature, payload, publicKey);
  if (scheme === "Ed25519") return ed25519Verify(signature, payload, publicKey);
  return false;
}

/** Records that the check with this key succeeded (the pool calls it after a worker verified it). */
export function trustSignatureCheck(key: string): void {
  if (trusted.size >= MAX_TRUSTED) {
    previous = trusted;
    trusted = new Set();
  }
  trusted.add(key);
}

/** Verifies, or finds the same check already done. */
export function checkSignature(
  scheme: SignatureScheme,
  signature: Uint8Array,
  payload: Uint8Array,
  publicKey: Uint8Array,
): boolean {
  if (trusted.size > 0 || previous.size > 0) {
    const key = signatureCheckKey(scheme, signature, payload, publicKey);
    if (trusted.has(key) || previous.has(key)) return true;
  }
  return verifySignatureOf(scheme, signature, payload, publicKey);
}
