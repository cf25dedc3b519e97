// The state trie against a plain map: values, order, canonical roots, proofs and diffs.
import { cryptoReady } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { NodeLoader } from "../src/state/node-loader.js";
import { checkProof, ProofError, verifyProof } from "../src/state/proof.js";
import { type Root, rootOf, Trie } from "../src/state/trie.js";
import { EMPTY_ROOT, type Hash } from "../src/state/trie-node.js";

beforeAll(() => cryptoReady());

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return s >>> 0;
  };
}

/** Keys that share prefixes and are prefixes of each other, like storage keys. */
function randomKey(r: () => number): string {
  const length = [2, 4, 6, 8, 40, 64][r() % 6]!;
  let key = "";
  for (let i = 0; i < length; i++) key += "0123456789abcdef"[r() % 16];
  return key;
}

const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const sorted = (m: Map<string, Uint8Array>) =>
  [...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, v]) => [k, hex(v)]);

function storedTrie() {
  const nodes = new Map<string, Uint8Array>();
  const trie = new Trie(new NodeLoader({ getNode: (h) => nodes.get(hex(h)) }, 64));
  const commit = (root: Root): Hash => trie.commit(root, (h, e) => nodes.set(hex(h), e), true);
  return { trie, commit, nodes };
}

describe("state trie", () => {
  it("matches a map over random inserts and deletes, with canonical roots, at every past root", () => {
    const r = rng(7);
    const { trie, commit } = storedTrie();
    const reference = new Map<string, Uint8Array>();
    let root: Hash = EMPTY_ROOT;
    const history: [Hash, Map<string, Uint8Array>][] = [];
    for (let round = 0; round < 60; round++) {
      const changes = new Map<string, Uint8Array | null>();
      for (let i = 0; i < 60; i++)
        changes.set(randomKey(r), r() % 3 === 0 ? null : Uint8Array.of(r() % 256, round));
      root = commit(trie.update(rootOf(root), changes));
      for (const [k, v] of changes) v === null ? reference.delete(k) : reference.set(k, v);
      history.push([root, new Map(reference)]);
      // Same content, built at once in another order, in another trie: same root.
      const fresh = new Trie(new NodeLoader(undefined));
      const rebuilt = fresh.commit(
        fresh.update(undefined, [...reference.entries()].reverse()),
        undefined,
        false,
      );
      expect(hex(rebuilt)).toBe(hex(root));
    }
    for (const [h, state] of history) {
      expect([...trie.entries(rootOf(h))].map(([k, v]) => [k, hex(v)])).toEqual(sorted(state));
      for (const key of [...state.keys()].slice(0, 5))
        expect(hex(trie.get(rootOf(h), key)!)).toBe(hex(state.get(key)!));
      const prefix = [...state.keys()][0]!.slice(0, 1);
      expect(trie.keysWithPrefix(rootOf(h), prefix)).toEqual(
        [...state.keys()].filter((k) => k.startsWith(prefix)).sort(),
      );
    }
    // Deleting everything leaves the empty root.
    const empty = commit(
      trie.update(
        rootOf(root),
        [...reference.keys()].map((k) => [k, null] as const),
      ),
    );
    expect(hex(empty)).toBe(hex(EMPTY_ROOT));
  });

  it("proves present and absent keys at past roots, and refuses wrong values and roots", () => {
    const r = rng(11);
    const { trie, commit } = storedTrie();
    const state = new Map<string, Uint8Array>();
    for (let i = 0; i < 300; i++) state.set(randomKey(r), Uint8Array.of(i % 256, 1));
    const old = commit(trie.update(undefined, state));
    const key = [...state.keys()][17]!;
    const newer = commit(trie.update(rootOf(old), [[key, Uint8Array.of(9, 9)]]));

    const proof = trie.proof(rootOf(old), key);
    expect(hex(verifyProof(old, key, proof)!)).toBe(hex(state.get(key)!));
    expect(checkProof(old, key, state.get(key)!, proof)).toBe(true);
    expect(checkProof(old, key, Uint8Array.of(9, 9), proof)).toBe(false);
    expect(checkProof(newer, key, state.get(key)!, proof)).toBe(false);
    expect(() => verifyProof(newer, key, proof)).toThrow(ProofError);
    expect(hex(verifyProof(newer, key, trie.proof(rootOf(newer), key))!)).toBe("0909");

    // A node altered in the proof no longer hashes into the root.
    const tampered = proof.map((n) => Uint8Array.from(n));
    const last = tampered[tampered.length - 1]!;
    last[last.length - 1]! ^= 1;
    expect(() => verifyProof(old, key, tampered)).toThrow(ProofError);

    for (const absent of ["f", "0123456789", `${key}00`, key.slice(0, -1)]) {
      if (state.has(absent)) continue;
      expect(verifyProof(old, absent, trie.proof(rootOf(old), absent))).toBeNull();
      expect(checkProof(old, absent, null, trie.proof(rootOf(old), absent))).toBe(true);
    }
    expect(verifyProof(EMPTY_ROOT, key, [])).toBeNull();
  });

  it("diffs two roots into the changes that turn one state into the other", () => {
    const r = rng(5);
    const { trie, commit } = storedTrie();
    const states: [Hash, Map<string, Uint8Array>][] = [];
    const state = new Map<string, Uint8Array>();
    let root: Hash = EMPTY_ROOT;
    for (let round = 0; round < 20; round++) {
      const changes = new Map<string, Uint8Array | null>();
      for (let i = 0; i < 40; i++) changes.set(randomKey(r), r() % 4 === 0 ? null : Uint8Array.of(round));
      root = commit(trie.update(rootOf(root), changes));
      for (const [k, v] of changes) v === null ? state.delete(k) : state.set(k, v);
      states.push([root, new Map(state)]);
    }
    for (let i = 0; i < 30; i++) {
      const [fromRoot, from] = states[r() % states.length]!;
      const [toRoot, to] = states[r() % states.length]!;
      const result = new Map(from);
      let calls = 0;
      trie.diff(rootOf(fromRoot), rootOf(toRoot), (k, v) => {
        calls++;
        v === null ? result.delete(k) : result.set(k, v);
      });
      expect(sorted(result)).toEqual(sorted(to));
      if (hex(fromRoot) === hex(toRoot)) expect(calls).toBe(0);
    }
  });
});
