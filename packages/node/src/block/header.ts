// A block header: what a block commits to, sealed by its author.
//
// SCALE layout (212 bytes): parentHash [32] ‖ number u32 ‖ stateRoot [32] ‖ extrinsicsRoot [32]
//   ‖ timestamp u64 (ms) ‖ slot u64 ‖ author AccountId [32] ‖ seal [64]
// The block hash is blake2-256 of all of it, seal included (as in Substrate, where the seal is the last
// digest item). The seal is the author's sr25519 signature of the pre-seal hash: blake2-256 of
// "opentao/seal/v1" ‖ the header without its seal. The genesis header carries an all-zero seal and the
// all-zero author; nobody authored it.
import {
  AccountId,
  Bytes,
  blake2b256,
  bytesToHex,
  concatBytes,
  decodeExact,
  type Keypair,
  Struct,
  u32,
  u64,
  utf8,
  verifySignature,
} from "@opentao/primitives";
import { H256 } from "@opentao/runtime";

export interface Header {
  /** 0x-hex hash of the parent block; all zeros for genesis. */
  parentHash: string;
  number: number;
  /** 0x-hex root of the state trie after this block. */
  stateRoot: string;
  /** 0x-hex Merkle root of the extrinsics (see body.ts). */
  extrinsicsRoot: string;
  /** Milliseconds since the Unix epoch; always inside the block's slot. */
  timestamp: bigint;
  /** Aura slot: timestamp / slot duration. */
  slot: bigint;
  /** SS58 account of the authority whose slot this is. */
  author: string;
  /** sr25519 signature of the pre-seal hash by `author` (64 bytes). */
  seal: Uint8Array;
}

const UNSEALED = {
  parentHash: H256,
  number: u32,
  stateRoot: H256,
  extrinsicsRoot: H256,
  timestamp: u64,
  slot: u64,
  author: AccountId,
};
const UnsealedHeaderCodec = Struct(UNSEALED);
export const HeaderCodec = Struct({ ...UNSEALED, seal: Bytes(64) });

export const HEADER_SIZE = 212;
export const ZERO_HASH = `0x${"00".repeat(32)}`;
export const NO_SEAL = new Uint8Array(64);
const SEAL_DOMAIN = utf8("opentao/seal/v1");

export const encodeHeader = (header: Header): Uint8Array => HeaderCodec.enc(header);

export function decodeHeader(bytes: Uint8Array): Header {
  // scale-ts reads from the start of the underlying buffer, and Buffer views do not copy on slice().
  const own =
    bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
  const decoded = decodeExact(HeaderCodec, own, "block header");
  return { ...decoded, seal: Uint8Array.from(decoded.seal) };
}

export const hashHeader = (header: Header): string => bytesToHex(blake2b256(encodeHeader(header)));

/** What the author signs. */
export function preSealHash(header: Header): Uint8Array {
  return blake2b256(concatBytes(SEAL_DOMAIN, UnsealedHeaderCodec.enc(header)));
}

export function sealHeader(header: Header, author: Keypair): Header {
  return { ...header, seal: author.sign(preSealHash(header)) };
}

export function sealIsValid(header: Header): boolean {
  const key = AccountId.enc(header.author);
  try {
    return verifySignature(preSealHash(header), header.seal, key);
  } catch {
    return false;
  }
}
