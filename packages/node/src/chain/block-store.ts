// Blocks, events and indexes in the database, and the one transaction that commits a block.
import type { EventRecord } from "@opentao/runtime";
import { decodeBody, encodeBody } from "../block/body.js";
import { decodeHeader, encodeHeader, type Header } from "../block/header.js";
import type { Database } from "../db/kv.js";
import { decodeJson, encodeJson } from "../db/tagged-json.js";
import type { NodeSource } from "../state/node-loader.js";
import type { Hash } from "../state/trie-node.js";

/** Bumped when the on-disk layout changes; a database of another version is refused. */
export const FORMAT_VERSION = 1;

export const META = {
  format: "format",
  genesis: "genesis",
  best: "best",
  finalized: "finalized",
  preset: "preset",
  genesisConfig: "genesis-config",
} as const;

const utf8Key = (name: string): Buffer => Buffer.from(name, "utf8");
export const hashBytes = (hash: string): Buffer => Buffer.from(hash.replace(/^0x/, ""), "hex");
export const hashHex = (bytes: Uint8Array): string =>
  `0x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex")}`;

export function numberKey(n: number): Buffer {
  const key = Buffer.alloc(4);
  key.writeUInt32BE(n);
  return key;
}

export type ActivityKind = "extrinsic" | "event";

/** The `accounts` key prefix of an account: its SS58 text (prefix 42) ‖ 0x00. */
export const accountPrefix = (address: string): Buffer => Buffer.from(`${address}\0`, "latin1");

/** account SS58 ‖ 0x00 ‖ block u32 BE ‖ kind (0 extrinsic, 1 event) ‖ index u32 BE. */
export function activityKey(address: string, block: number, kind: ActivityKind, index: number): Buffer {
  const at = address.length + 1;
  const key = Buffer.alloc(at + 9);
  key.write(address, 0, "latin1");
  key.writeUInt32BE(block, at);
  key[at + 4] = kind === "extrinsic" ? 0 : 1;
  key.writeUInt32BE(index, at + 5);
  return key;
}

/**
 * An account's part in a block: extrinsic `index` (signed by it, or its events name it), or event `index`
 * emitted outside any extrinsic that names it.
 */
export interface Activity {
  block: number;
  kind: ActivityKind;
  index: number;
}

/** Everything one block changes, written by `BlockStore.commit` in a single transaction. */
export interface BlockCommit {
  hash: string;
  header: Header;
  extrinsics: readonly Uint8Array[];
  events: readonly EventRecord[];
  /** The block's storage writes (null deletes). */
  stateChanges: ReadonlyMap<string, Uint8Array | null>;
  /** New trie nodes (hash, encoding). */
  trieNodes: readonly (readonly [Hash, Uint8Array])[];
  /** `accounts` table keys (see activityKey). */
  activity: readonly Uint8Array[];
  /** blake2-256 of each extrinsic, in order. */
  extrinsicHashes: readonly Uint8Array[];
  /** The finalized head once this block is in; unchanged when it is the current one. */
  finalized: string;
  /** Extra meta entries (genesis settings). */
  meta?: readonly (readonly [string, Uint8Array])[];
}

const PRESENT = Uint8Array.of(1);

export class BlockStore {
  constructor(readonly db: Database) {}

  meta(name: string): Uint8Array | undefined {
    return this.db.tables.meta.get(utf8Key(name));
  }

  metaJson<T>(name: string): T | undefined {
    const bytes = this.meta(name);
    return bytes === undefined ? undefined : decodeJson<T>(bytes);
  }

  metaHash(name: string): string | undefined {
    const bytes = this.meta(name);
    return bytes && hashHex(bytes);
  }

  header(hash: string): Header | undefined {
    const bytes = this.db.tables.headers.get(hashBytes(hash));
    return bytes && decodeHeader(bytes);
  }

  body(hash: string): Uint8Array[] | undefined {
    const bytes = this.db.tables.bodies.get(hashBytes(hash));
    return bytes && decodeBody(bytes);
  }

  hashAt(number: number): string | undefined {
    const bytes = this.db.tables.numbers.get(numberKey(number));
    return bytes && hashHex(bytes);
  }

  events(hash: string): EventRecord[] | undefined {
    const bytes = this.db.tables.events.get(hashBytes(hash));
    return bytes && decodeJson<EventRecord[]>(bytes);
  }

  extrinsicLocation(extrinsicHash: string): { blockHash: string; index: number } | undefined {
    const bytes = this.db.tables.extrinsics.get(hashBytes(extrinsicHash));
    if (!bytes) return undefined;
    const buf = Buffer.from(bytes);
    return { blockHash: hashHex(buf.subarray(0, 32)), index: buf.readUInt32BE(32) };
  }

  /** An account's extrinsics and events (by its SS58 text, prefix 42), newest first. */
  activity(address: string, limit: number): Activity[] {
    const out: Activity[] = [];
    const prefix = accountPrefix(address);
    for (const [key] of this.db.tables.accounts.scan(prefix, { reverse: true, limit })) {
      const buf = Buffer.from(key.buffer, key.byteOffset, key.byteLength);
      const at = prefix.length;
      out.push({
        block: buf.readUInt32BE(at),
        kind: buf[at + 4] === 0 ? "extrinsic" : "event",
        index: buf.readUInt32BE(at + 5),
      });
    }
    return out;
  }

  get trieSource(): NodeSource {
    const trie = this.db.tables.trie;
    return { getNode: (hash) => trie.get(hash) };
  }

  /** Writes the block, its state and indexes, and moves the heads, atomically. */
  commit(c: BlockCommit): void {
    const { tables } = this.db;
    const key = hashBytes(c.hash);
    this.db.write(() => {
      for (const [hash, encoded] of c.trieNodes) tables.trie.put(hash, encoded);
      for (const [k, v] of c.stateChanges) {
        if (v === null) tables.state.remove(Buffer.from(k, "hex"));
        else tables.state.put(Buffer.from(k, "hex"), v);
      }
      tables.headers.put(key, encodeHeader(c.header));
      tables.bodies.put(key, encodeBody(c.extrinsics));
      tables.events.put(key, encodeJson(c.events));
      tables.numbers.put(numberKey(c.header.number), key);
      for (const k of c.activity) tables.accounts.put(k, PRESENT);
      for (const [i, h] of c.extrinsicHashes.entries()) {
        const location = Buffer.alloc(36);
        location.set(key, 0);
        location.writeUInt32BE(i, 32);
        tables.extrinsics.put(h, location);
      }
      for (const [name, value] of c.meta ?? []) tables.meta.put(utf8Key(name), value);
      tables.meta.put(utf8Key(META.best), key);
      tables.meta.put(utf8Key(META.finalized), hashBytes(c.finalized));
    });
  }
}
