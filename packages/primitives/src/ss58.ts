import { base58Decode, base58Encode, blake2AsU8a } from "@polkadot/util-crypto";
import { bytesEqual, concatBytes, hexToBytes, utf8 } from "./hex.js";

/** The generic Substrate prefix Bittensor uses: addresses start with 5 and have 48 characters. */
export const SS58_PREFIX = 42;
const SS58PRE = utf8("SS58PRE");
const BASE58 = /^[1-9A-HJ-NP-Za-km-z]+$/;

export class AddressError extends Error {
  override readonly name = "AddressError";
}

function checksum(payload: Uint8Array): Uint8Array {
  return blake2AsU8a(concatBytes(SS58PRE, payload), 512).subarray(0, 2);
}

function prefixBytes(prefix: number): Uint8Array {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 16383 || prefix === 46 || prefix === 47) {
    throw new AddressError(`SS58 prefix ${prefix} is not valid (0–16383, except 46 and 47)`);
  }
  if (prefix < 64) return Uint8Array.of(prefix);
  return Uint8Array.of(((prefix & 0xfc) >> 2) | 0x40, (prefix >> 8) | ((prefix & 0x03) << 6));
}

/** Encodes a 32-byte public key as an SS58 address (prefix 42 by default). */
export function ss58Encode(publicKey: Uint8Array, prefix = SS58_PREFIX): string {
  if (publicKey.length !== 32) {
    throw new AddressError(`a public key must be 32 bytes to make an address, got ${publicKey.length}`);
  }
  const payload = concatBytes(prefixBytes(prefix), publicKey);
  return base58Encode(concatBytes(payload, checksum(payload)));
}

export interface DecodedAddress {
  publicKey: Uint8Array;
  prefix: number;
}

/** Decodes an SS58 address of any prefix, checking its alphabet, length and checksum. */
export function ss58DecodeWithPrefix(address: string): DecodedAddress {
  const text = address.trim();
  if (!BASE58.test(text)) {
    throw new AddressError(
      `"${text}" is not an SS58 address: it contains characters outside base58 (0, O, I and l are never used)`,
    );
  }
  const raw = base58Decode(text);
  const prefixLength = raw[0] !== undefined && raw[0] >= 64 ? 2 : 1;
  if (raw.length !== prefixLength + 32 + 2) {
    throw new AddressError(
      `"${text}" is not an account address: it decodes to ${raw.length} bytes, an account address has ${prefixLength + 34}`,
    );
  }
  const payload = raw.subarray(0, prefixLength + 32);
  if (!bytesEqual(checksum(payload), raw.subarray(prefixLength + 32))) {
    throw new AddressError(`"${text}" has a bad checksum: a character is probably mistyped`);
  }
  const prefix =
    prefixLength === 1 ? raw[0]! : (((raw[0]! & 0x3f) << 2) | (raw[1]! >> 6) | ((raw[1]! & 0x3f) << 8)) >>> 0;
  return { publicKey: Uint8Array.from(payload.subarray(prefixLength)), prefix };
}

export function ss58Decode(address: string): Uint8Array {
  return ss58DecodeWithPrefix(address).publicKey;
}

export function isValidSs58(address: string): boolean {
  try {
    ss58Decode(address);
    return true;
  } catch {
    return false;
  }
}

/** Accepts an SS58 address or a 0x-prefixed 32-byte hex public key, as btcli's `--address` does. */
export function publicKeyFromAddressOrHex(input: string, what = "address"): Uint8Array {
  const text = input.trim();
  if (/^(0x)?[0-9a-fA-F]{64}$/.test(text)) return hexToBytes(text, what, 32);
  try {
    return ss58Decode(text);
  } catch (e) {
    throw new AddressError(`${what}: ${(e as Error).message}`);
  }
}

/** Re-encodes any valid address (or hex public key) with prefix 42. */
export function normalizeAddress(input: string): string {
  return ss58Encode(publicKeyFromAddressOrHex(input));
}
