// Checking a state proof: the nodes from a root down to a key, each found by its hash.
import { bytesToHex } from "@opentao/primitives";
import { decodeNode, EMPTY_ROOT, type Hash, hashNode, nibbleAt, TrieNodeError } from "./trie-node.js";

export class ProofError extends Error {
  override readonly name = "ProofError";
}

/**
 * The value `proof` proves for `key` under `root`: the bytes, or null when it proves the key absent.
 * Throws a ProofError when the proof does not check against the root (a node missing or altered).
 */
export function verifyProof(
  root: Hash | string,
  key: string,
  proof: readonly Uint8Array[],
): Uint8Array | null {
  const rootHash = typeof root === "string" ? Buffer.from(root.replace(/^0x/, ""), "hex") : root;
  const nodes = new Map<string, Uint8Array>();
  for (const encoded of proof) nodes.set(bytesToHex(hashNode(encoded), false), encoded);
  const target = key.replace(/^0x/, "").toLowerCase();
  let hash: Hash = rootHash;
  if (Buffer.compare(Buffer.from(hash), Buffer.from(EMPTY_ROOT)) === 0) return null;
  let at = 0;
  for (;;) {
    const hex = bytesToHex(hash, false);
    const encoded = nodes.get(hex);
    if (!encoded)
      throw new ProofError(`the proof lacks trie node 0x${hex}, so it does not check against the root`);
    let node: ReturnType<typeof decodeNode>;
    try {
      node = decodeNode(encoded, hash);
    } catch (e) {
      if (e instanceof TrieNodeError)
        throw new ProofError(`the proof holds a malformed trie node: ${e.message}`);
      throw e;
    }
    const { path } = node;
    if (target.length - at < path.length || !target.startsWith(path, at)) return null;
    at += path.length;
    if (at === target.length) return node.value ?? null;
    const child = node.children?.[nibbleAt(target, at)];
    if (child === undefined) return null;
    hash = child as Hash;
    at++;
  }
}

/** True when `proof` proves exactly `value` (null: absence) for `key` under `root`; false on any mismatch. */
export function checkProof(
  root: Hash | string,
  key: string,
  value: Uint8Array | null,
  proof: readonly Uint8Array[],
): boolean {
  try {
    const proven = verifyProof(root, key, proof);
    if (proven === null || value === null) return proven === value;
    return Buffer.compare(Buffer.from(proven), Buffer.from(value)) === 0;
  } catch (e) {
    if (e instanceof ProofError) return false;
    throw e;
  }
}
