// A block body: the extrinsics, each in the runtime's format (compact length ‖ extrinsic v4), encoded as
// Substrate encodes `Vec<UncheckedExtrinsic>`: compact(count) ‖ each extrinsic with its own length prefix.
//
// The extrinsics root is a binary Merkle tree of blake2-256 hashes (domain-separated leaves and nodes, an
// odd node carried up unchanged); the root of an empty body is blake2-256 of nothing.
import { blake2b256, bytesToHex, CodecError, compact, concatBytes } from "@opentao/primitives";

export function encodeBody(extrinsics: readonly Uint8Array[]): Uint8Array {
  return concatBytes(compact.enc(extrinsics.length), ...extrinsics);
}

/** Reads a SCALE compact integer at `at`: [value, bytes used]. */
function readCompact(bytes: Uint8Array, at: number): [number, number] {
  const first = bytes[at];
  if (first === undefined) throw new CodecError("block body truncated (compact length)");
  const mode = first & 3;
  const length = mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : (first >> 2) + 5;
  if (at + length > bytes.length) throw new CodecError("block body truncated (compact length)");
  const value = Number(compact.dec(bytes.slice(at, at + length)));
  return [value, length];
}

export function decodeBody(bytes: Uint8Array): Uint8Array[] {
  return decodeBodyAt(bytes, 0, true)[0];
}

/** Decodes a body starting at `at`; returns the extrinsics and the offset after them. */
export function decodeBodyAt(input: Uint8Array, at: number, exact: boolean): [Uint8Array[], number] {
  // A plain Uint8Array view, so that slice() copies (Buffer's slice shares memory).
  const bytes = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const [count, used] = readCompact(bytes, at);
  let offset = at + used;
  const extrinsics: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const [length, prefix] = readCompact(bytes, offset);
    const end = offset + prefix + length;
    if (end > bytes.length) throw new CodecError(`block body truncated in extrinsic ${i}`);
    extrinsics.push(bytes.slice(offset, end));
    offset = end;
  }
  if (exact && offset !== bytes.length) {
    throw new CodecError(`block body has ${bytes.length - offset} unexpected trailing byte(s)`);
  }
  return [extrinsics, offset];
}

const LEAF = Uint8Array.of(0);
const NODE = Uint8Array.of(1);

export function extrinsicsRoot(extrinsics: readonly Uint8Array[]): string {
  if (extrinsics.length === 0) return bytesToHex(blake2b256(new Uint8Array(0)));
  let level = extrinsics.map((x) => blake2b256(concatBytes(LEAF, x)));
  while (level.length > 1) {
    const next: Uint8Array[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const right = level[i + 1];
      next.push(right ? blake2b256(concatBytes(NODE, level[i]!, right)) : level[i]!);
    }
    level = next;
  }
  return bytesToHex(level[0]!);
}

export const extrinsicHash = (extrinsic: Uint8Array): string => bytesToHex(blake2b256(extrinsic));
