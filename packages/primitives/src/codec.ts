// The one binary codec for transactions and storage values: SCALE, through scale-ts.
import { Bytes, type Codec, createDecoder, enhanceCodec } from "scale-ts";
import { ss58Decode, ss58Encode } from "./ss58.js";

export * from "scale-ts";

// Storage keys and values name the same accounts over and over; SS58 costs a blake2 and a base58 each
// way, so both directions are remembered (bounded, and dropped whole when full).
const CACHE_LIMIT = 200_000;
const toAddress = new Map<string, string>();
const toBytes = new Map<string, Uint8Array>();

function remember<K, V>(cache: Map<K, V>, key: K, value: V): V {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
  return value;
}

function encodeAccount(address: string): Uint8Array {
  return toBytes.get(address) ?? remember(toBytes, address, ss58Decode(address));
}

function decodeAccount(bytes: Uint8Array): string {
  let key = "";
  for (const b of bytes) key += String.fromCharCode(b);
  return toAddress.get(key) ?? remember(toAddress, key, ss58Encode(Uint8Array.from(bytes)));
}

/** A 32-byte account id; SS58 (prefix 42) on the TypeScript side. */
export const AccountId: Codec<string> = enhanceCodec(Bytes(32), encodeAccount, decodeAccount);

export class CodecError extends Error {
  override readonly name = "CodecError";
}

/**
 * Decodes `bytes` as exactly one `codec` value: trailing bytes and truncated input are errors, never
 * exceptions of another kind. (scale-ts decodes a view from the start of its underlying buffer, so
 * a view into a larger buffer is copied first.)
 */
export function decodeExact<T>(codec: Codec<T>, bytes: Uint8Array, what = "value"): T {
  // Buffer.prototype.slice returns a view, so copy through Uint8Array's own slice.
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
      ? bytes
      : Uint8Array.prototype.slice.call(bytes);
  try {
    return exact(codec, what)(own);
  } catch (e) {
    if (e instanceof CodecError) throw e;
    throw new CodecError(
      `cannot decode ${what}: the bytes are truncated or malformed (${(e as Error).message})`,
    );
  }
}

const exact = <T>(codec: Codec<T>, what: string) =>
  createDecoder((input) => {
    const value = codec.dec(input);
    const rest = input.length - (input as unknown as { i: number }).i;
    if (rest !== 0) throw new CodecError(`cannot decode ${what}: ${rest} unexpected trailing byte(s)`);
    return value;
  });
