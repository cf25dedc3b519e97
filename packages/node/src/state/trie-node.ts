// The state trie's node: a base-16 Patricia node in Substrate's shape (a partial path on every node, no
// extension nodes), hashed with blake2-256. Paths are nibbles written as lower-case hex characters, so a
// storage key (hex) is its own path.
//
// Encoding (what is hashed and stored):
//   flags u8 (bit 0: has value, bit 1: is branch) ‖ varint(path nibbles) ‖ path packed two nibbles a byte
//   ‖ [branch: u16 LE child bitmap ‖ 32-byte hash per present child, in nibble order]
//   ‖ [value: varint(length) ‖ bytes]
// The empty trie's root is blake2-256 of the single byte 0x00 (flags 0, empty path): no node encodes so.
import { blake2b256 } from "@opentao/primitives";

export type Hash = Uint8Array;

/** A child slot: a loaded (or new) node, the hash of a node still on disk, or nothing. */
export type Child = TrieNode | Hash | undefined;

export interface TrieNode {
  /** The partial key, as hex nibbles. */
  path: string;
  value: Uint8Array | undefined;
  /** 16 slots for a branch; undefined for a leaf. */
  children: Child[] | undefined;
  /** Set once the node is committed (then it never changes); undefined while it is being built. */
  hash: Hash | undefined;
}

export const EMPTY_ROOT: Hash = blake2b256(Uint8Array.of(0));

export const isHash = (child: Child): child is Hash => child instanceof Uint8Array;

export function nibbleAt(path: string, i: number): number {
  const c = path.charCodeAt(i);
  return c < 58 ? c - 48 : c - 87;
}

export const NIBBLE = "0123456789abcdef";

function varintLength(n: number): number {
  let len = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 128);
    len++;
  }
  return len;
}

function writeVarint(out: Uint8Array, at: number, n: number): number {
  while (n >= 0x80) {
    out[at++] = (n & 0x7f) | 0x80;
    n = Math.floor(n / 128);
  }
  out[at++] = n;
  return at;
}

function writePath(out: Uint8Array, at: number, path: string): number {
  const len = path.length;
  for (let i = 0; i < len; i += 2) {
    const hi = nibbleAt(path, i);
    const lo = i + 1 < len ? nibbleAt(path, i + 1) : 0;
    out[at++] = (hi << 4) | lo;
  }
  return at;
}

export function encodeNode(node: TrieNode): Uint8Array {
  const { path, value, children } = node;
  let size = 1 + varintLength(path.length) + ((path.length + 1) >> 1);
  let bitmap = 0;
  if (children) {
    size += 2;
    for (let i = 0; i < 16; i++) {
      if (children[i] !== undefined) {
        bitmap |= 1 << i;
        size += 32;
      }
    }
  }
  if (value !== undefined) size += varintLength(value.length) + value.length;
  const out = new Uint8Array(size);
  out[0] = (value !== undefined ? 1 : 0) | (children ? 2 : 0);
  let at = writeVarint(out, 1, path.length);
  at = writePath(out, at, path);
  if (children) {
    out[at++] = bitmap & 0xff;
    out[at++] = bitmap >> 8;
    for (let i = 0; i < 16; i++) {
      const child = children[i];
      if (child === undefined) continue;
      const hash = isHash(child) ? child : child.hash;
      if (!hash) throw new Error("trie: a child must be committed before its parent is encoded");
      out.set(hash, at);
      at += 32;
    }
  }
  if (value !== undefined) {
    at = writeVarint(out, at, value.length);
    out.set(value, at);
  }
  return out;
}

export class TrieNodeError extends Error {
  override readonly name = "TrieNodeError";
}

function readVarint(bytes: Uint8Array, at: number): [number, number] {
  let n = 0;
  let scale = 1;
  for (;;) {
    const b = bytes[at++];
    if (b === undefined) throw new TrieNodeError("trie node truncated (varint)");
    n += (b & 0x7f) * scale;
    if (b < 0x80) return [n, at];
    scale *= 128;
  }
}

/** Decodes a node; `hash` is recorded as its (committed) hash. Children are left as hashes. */
export function decodeNode(input: Uint8Array, hash: Hash | undefined): TrieNode {
  // One private copy; child hashes and the value are views into it (one allocation per node).
  const bytes = Uint8Array.from(input);
  const flags = bytes[0];
  if (flags === undefined || flags === 0 || flags > 3)
    throw new TrieNodeError("trie node has an unknown kind");
  let [nibbles, at] = readVarint(bytes, 1);
  const packed = (nibbles + 1) >> 1;
  if (at + packed > bytes.length) throw new TrieNodeError("trie node truncated (path)");
  let path = Buffer.from(bytes.buffer, bytes.byteOffset + at, packed).toString("hex");
  if (path.length > nibbles) path = path.slice(0, nibbles);
  at += packed;
  let children: Child[] | undefined;
  if (flags & 2) {
    const bitmap = (bytes[at] ?? 0) | ((bytes[at + 1] ?? 0) << 8);
    at += 2;
    children = new Array<Child>(16).fill(undefined);
    for (let i = 0; i < 16; i++) {
      if (!(bitmap & (1 << i))) continue;
      if (at + 32 > bytes.length) throw new TrieNodeError("trie node truncated (child hash)");
      children[i] = bytes.subarray(at, at + 32);
      at += 32;
    }
  }
  let value: Uint8Array | undefined;
  if (flags & 1) {
    let length: number;
    [length, at] = readVarint(bytes, at);
    if (at + length > bytes.length) throw new TrieNodeError("trie node truncated (value)");
    value = bytes.slice(at, at + length); // its own buffer: scale-ts decodes views from their buffer's start
    at += length;
  }
  if (at !== bytes.length) throw new TrieNodeError("trie node has trailing bytes");
  return { path, value, children, hash };
}

export const hashNode = (encoded: Uint8Array): Hash => blake2b256(encoded);
