// Substrate's extrinsic v4 layout, with the signed extensions Subtensor encodes:
//   compact(len) ‖ 0x84 ‖ MultiAddress::Id(signer) ‖ MultiSignature ‖ era ‖ compact(nonce) ‖ compact(tip)
//   ‖ metadata-hash mode (0) ‖ call
// The signed payload is call ‖ extra ‖ (spec version, transaction version, genesis hash, birth-block
// hash, no metadata hash), blake2-256-hashed when longer than 256 bytes.
import {
  AccountId,
  blake2b256,
  compact,
  concatBytes,
  decodeExact,
  hexToBytes,
  type Keypair,
  u32,
} from "@opentao/primitives";
import { type RuntimeCall, RuntimeCallCodec } from "./call.js";
import { decodeEra, type Era, encodeEra, IMMORTAL } from "./era.js";

/** Bump `specVersion` when the runtime's behaviour changes; `transactionVersion` when call encodings do. */
export const RUNTIME_VERSION = Object.freeze({
  specName: "opentao",
  implName: "opentao-ts",
  specVersion: 1,
  transactionVersion: 1,
});

const SIGNED_V4 = 0x84;
const UNSIGNED_V4 = 0x04;

export type SignatureScheme = "Ed25519" | "Sr25519" | "Ecdsa";
const SIGNATURE_LENGTH: Record<number, { scheme: SignatureScheme; length: number }> = {
  0: { scheme: "Ed25519", length: 64 },
  1: { scheme: "Sr25519", length: 64 },
  2: { scheme: "Ecdsa", length: 65 },
};

/** A malformed extrinsic; `part` tells whether the envelope or the call inside it is at fault. */
export class ExtrinsicFormatError extends Error {
  override readonly name = "ExtrinsicFormatError";
  constructor(
    readonly part: "envelope" | "call",
    message: string,
  ) {
    super(message);
  }
}

export interface SignedExtra {
  era: Era;
  nonce: number;
  tip: bigint;
}

export interface DecodedExtrinsic {
  signed: { signer: string; scheme: SignatureScheme; signature: Uint8Array; extra: SignedExtra } | undefined;
  call: RuntimeCall;
  callBytes: Uint8Array;
  extraBytes: Uint8Array;
  /** Encoded length including the length prefix: what the length fee charges. */
  length: number;
}

export function encodeExtra(extra: SignedExtra): Uint8Array {
  return concatBytes(
    encodeEra(extra.era),
    compact.enc(extra.nonce),
    compact.enc(extra.tip),
    Uint8Array.of(0),
  );
}

export interface SigningContext {
  genesisHash: string;
  /** Hash of the era's birth block (the genesis hash for an immortal transaction). */
  birthHash: string;
  specVersion?: number;
  transactionVersion?: number;
}

export function signingPayload(
  callBytes: Uint8Array,
  extraBytes: Uint8Array,
  ctx: SigningContext,
): Uint8Array {
  const payload = concatBytes(
    callBytes,
    extraBytes,
    u32.enc(ctx.specVersion ?? RUNTIME_VERSION.specVersion),
    u32.enc(ctx.transactionVersion ?? RUNTIME_VERSION.transactionVersion),
    hexToBytes(ctx.genesisHash, "genesis hash", 32),
    hexToBytes(ctx.birthHash, "birth block hash", 32),
    Uint8Array.of(0),
  );
  return payload.length > 256 ? blake2b256(payload) : payload;
}

export interface SignOptions extends SigningContext {
  nonce: number;
  tip?: bigint;
  era?: Era;
}

/** Builds and signs an extrinsic (sr25519); returns its bytes with the length prefix. */
export function signExtrinsic(keypair: Keypair, call: RuntimeCall, options: SignOptions): Uint8Array {
  const callBytes = RuntimeCallCodec.enc(call);
  const extraBytes = encodeExtra({
    era: options.era ?? IMMORTAL,
    nonce: options.nonce,
    tip: options.tip ?? 0n,
  });
  const signature = keypair.sign(signingPayload(callBytes, extraBytes, options));
  const body = concatBytes(
    Uint8Array.of(SIGNED_V4, 0),
    keypair.publicKey,
    Uint8Array.of(1),
    signature,
    extraBytes,
    callBytes,
  );
  return concatBytes(compact.enc(body.length), body);
}

/** Parses an extrinsic (with its length prefix); throws an ExtrinsicFormatError saying what is malformed. */
export function decodeExtrinsic(bytes: Uint8Array): DecodedExtrinsic {
  try {
    return decodeEnvelope(bytes);
  } catch (e) {
    if (e instanceof ExtrinsicFormatError) throw e;
    throw new ExtrinsicFormatError("envelope", (e as Error).message);
  }
}

function decodeEnvelope(bytes: Uint8Array): DecodedExtrinsic {
  const { value: prefix, length: prefixLength } = readCompact(bytes, 0);
  const bodyLength = Number(prefix);
  if (prefixLength + bodyLength !== bytes.length) {
    throw new Error(`length prefix says ${bodyLength} bytes but ${bytes.length - prefixLength} follow`);
  }
  let offset = prefixLength;
  const version = bytes[offset++];
  if (version === UNSIGNED_V4) {
    const callBytes = bytes.slice(offset);
    return {
      signed: undefined,
      call: decodeCall(callBytes),
      callBytes,
      extraBytes: new Uint8Array(0),
      length: bytes.length,
    };
  }
  if (version !== SIGNED_V4)
    throw new Error(`unsupported extrinsic version byte 0x${(version ?? 0).toString(16)}`);
  if (bytes[offset++] !== 0) throw new Error("the signer must be a MultiAddress::Id (variant 0)");
  const signer = decodeExact(AccountId, bytes.slice(offset, offset + 32), "signer");
  offset += 32;
  const sig = SIGNATURE_LENGTH[bytes[offset++] ?? 255];
  if (!sig) throw new Error("unknown signature type (expected 0 ed25519, 1 sr25519 or 2 ecdsa)");
  const signature = bytes.slice(offset, offset + sig.length);
  if (signature.length !== sig.length) throw new Error("signature truncated");
  offset += sig.length;
  const extraStart = offset;
  const { era, length: eraLength } = decodeEra(bytes, offset);
  offset += eraLength;
  const nonce = readCompact(bytes, offset);
  offset += nonce.length;
  const tip = readCompact(bytes, offset);
  offset += tip.length;
  if (bytes[offset++] !== 0) throw new Error("metadata-hash checking must be disabled (mode 0)");
  const extraBytes = bytes.slice(extraStart, offset);
  const callBytes = bytes.slice(offset);
  if (nonce.value > 0xffffffffn) throw new Error("nonce does not fit in u32");
  return {
    signed: {
      signer,
      scheme: sig.scheme,
      signature,
      extra: { era, nonce: Number(nonce.value), tip: tip.value },
    },
    call: decodeCall(callBytes),
    callBytes,
    extraBytes,
    length: bytes.length,
  };
}

function decodeCall(callBytes: Uint8Array): RuntimeCall {
  try {
    return decodeExact(RuntimeCallCodec, callBytes, "call");
  } catch (e) {
    throw new ExtrinsicFormatError("call", (e as Error).message);
  }
}

/** SCALE compact integer at `offset`; its length comes from the mode bits of the first byte. */
function readCompact(bytes: Uint8Array, offset: number): { value: bigint; length: number } {
  const first = bytes[offset];
  if (first === undefined) throw new Error("compact integer truncated");
  const mode = first & 3;
  const length = mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : (first >> 2) + 5;
  if (offset + length > bytes.length) throw new Error("compact integer truncated");
  return { value: BigInt(compact.dec(bytes.slice(offset, offset + length))), length };
}
