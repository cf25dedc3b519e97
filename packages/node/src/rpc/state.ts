// state_*: raw storage and read proofs at any block, and typed storage queries by pallet, item and keys.
import { bytesToHex } from "@opentao/primitives";
import {
  type AnyStorageItem,
  findStorageItem,
  RUNTIME_VERSION,
  STORAGE,
  StorageDoubleMap,
  StorageMap,
} from "@opentao/runtime";
import type { BlockId } from "../chain.js";
import { invalidParams, notFound } from "./errors.js";
import { toJson } from "./json.js";
import type { Params, RpcContext, SubscriptionStart } from "./types.js";

const strip = (key: string) => key.replace(/^0x/, "").toLowerCase();

export function stateAt(at: unknown, ctx: RpcContext) {
  const id = (at as BlockId | undefined) ?? ctx.node.chain.head().hash;
  if (!ctx.node.chain.getHeader(id)) throw notFound(`block ${id} is not in this chain`);
  return id === ctx.node.chain.head().hash ? ctx.node.chain.headState() : ctx.node.chain.stateAt(id);
}

export function getStorage([key, at]: Params, ctx: RpcContext): unknown {
  const value = stateAt(at, ctx).get(strip(key as string));
  return value === undefined ? null : bytesToHex(value);
}

export function getReadProof([keys, at]: Params, ctx: RpcContext): unknown {
  const id = (at as BlockId | undefined) ?? ctx.node.chain.head().hash;
  if (!ctx.node.chain.getHeader(id)) throw notFound(`block ${id} is not in this chain`);
  const nodes = new Set<string>();
  let blockHash = "";
  for (const key of keys as unknown[]) {
    if (typeof key !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(key))
      throw invalidParams("state_getReadProof: keys must be 0x hex strings");
    const p = ctx.node.chain.proof(key, id);
    blockHash = p.blockHash;
    for (const n of p.nodes) nodes.add(bytesToHex(n));
  }
  return { at: blockHash || ctx.node.chain.getHeader(id)!.hash, proof: [...nodes] };
}

export function getRuntimeVersion(): unknown {
  return { ...RUNTIME_VERSION, authoringVersion: 1, implVersion: 1, apis: [], stateVersion: 1 };
}

/** What Substrate puts in its metadata's constants (the existential deposit, pool limits, …): here the preset. */
export function getConstants(_: Params, ctx: RpcContext): unknown {
  return toJson(ctx.node.chain.preset);
}

/** The form of a JSON key the item's key codec takes: as given, or a digit string as bigint or number. */
function keyForm(encode: (k: unknown) => unknown, raw: unknown, what: string): unknown {
  const tries: unknown[] = [raw];
  if (typeof raw === "string" && /^\d+$/.test(raw)) tries.push(BigInt(raw), Number(raw));
  if (typeof raw === "number") tries.push(BigInt(raw));
  for (const k of tries) {
    try {
      encode(k);
      return k;
    } catch {
      // next form
    }
  }
  throw invalidParams(`${what}: key ${JSON.stringify(raw)} does not fit the item's key type`);
}

/** A storage item's value as JSON (u64 as decimal strings), by pallet, item and keys. */
export function getTyped([pallet, item, keys, at]: Params, ctx: RpcContext): unknown {
  const found = findStorageItem(pallet as string, item as string);
  if (!found) {
    const known = (STORAGE as Record<string, Record<string, unknown>>)[pallet as string];
    throw invalidParams(
      known
        ? `${pallet} has no storage item ${item}; it has ${Object.keys(known).join(", ")}`
        : `no pallet ${pallet}; pallets with storage: ${Object.keys(STORAGE).join(", ")}`,
    );
  }
  const store = stateAt(at, ctx);
  const k = (keys as unknown[] | undefined) ?? [];
  const name = `${pallet}.${item}`;
  const it = found as AnyStorageItem;
  if (it instanceof StorageDoubleMap) {
    if (k.length !== 2) throw invalidParams(`${name} is a double map: give two keys`);
    const a = keyForm((x) => it.prefixOf(x), k[0], name);
    const b = keyForm((x) => it.keyOf(a, x), k[1], name);
    return toJson(it.get(store, a, b));
  }
  if (it instanceof StorageMap) {
    if (k.length !== 1) throw invalidParams(`${name} is a map: give one key`);
    const a = keyForm((x) => it.keyOf(x), k[0], name);
    return toJson(it.get(store, a));
  }
  if (k.length !== 0) throw invalidParams(`${name} is a plain value: give no keys`);
  return toJson(it.get(store));
}

/**
 * Substrate's state_subscribeStorage: the keys' current values at once, then each block that changes
 * any of them, as `{ block, changes: [[key, value | null], …] }` with only the changed keys.
 */
export const subscribeStorage: SubscriptionStart = ([keys], ctx, send) => {
  const list = (keys as unknown[]).map((k) => {
    if (typeof k !== "string" || !/^0x([0-9a-fA-F]{2})*$/.test(k))
      throw invalidParams("state_subscribeStorage: keys must be 0x hex strings");
    return k.toLowerCase();
  });
  const read = () => {
    const state = ctx.node.chain.headState();
    return list.map((k) => {
      const v = state.get(strip(k));
      return v === undefined ? null : bytesToHex(v);
    });
  };
  let last = read();
  send({ block: ctx.node.chain.head().hash, changes: list.map((k, i) => [k, last[i]]) });
  return ctx.node.chain.subscribe((e) => {
    if (e.type !== "block") return;
    const now = read();
    const changes = list.flatMap((k, i) => (now[i] !== last[i] ? [[k, now[i]]] : []));
    last = now;
    if (changes.length) send({ block: e.block.hash, changes });
  });
};
