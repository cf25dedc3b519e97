import { sha3_256 as nobleSha3_256 } from "@noble/hashes/sha3.js";
import { blake2AsU8a, xxhashAsU8a } from "@polkadot/util-crypto";
import { concatBytes, utf8 } from "./hex.js";

// util-crypto switches to its wasm implementations once `cryptoReady()` has resolved (~8x faster).

export function blake2b(data: Uint8Array, bits: 64 | 128 | 256 | 512 = 256): Uint8Array {
  return blake2AsU8a(data, bits);
}

export const blake2b256 = (data: Uint8Array): Uint8Array => blake2AsU8a(data, 256);

/** xxHash64 rounds, as Substrate's `twox_64`, `twox_128` and `twox_256`. */
export function twox(data: Uint8Array, bits: 64 | 128 | 256): Uint8Array {
  return xxhashAsU8a(data, bits);
}

export const twox128 = (data: Uint8Array | string): Uint8Array =>
  xxhashAsU8a(typeof data === "string" ? utf8(data) : data, 128);

/** Substrate's `Twox64Concat` map hasher: twox64(key) ‖ key. */
export const twox64Concat = (key: Uint8Array): Uint8Array => concatBytes(xxhashAsU8a(key, 64), key);

/** Substrate's `Blake2_128Concat` map hasher: blake2_128(key) ‖ key. */
export const blake2_128Concat = (key: Uint8Array): Uint8Array => concatBytes(blake2AsU8a(key, 128), key);

/** SHA3-256 (FIPS 202, not Keccak), as the synapse body hash uses. */
export const sha3_256 = (data: Uint8Array | string): Uint8Array =>
  nobleSha3_256(typeof data === "string" ? utf8(data) : data);
