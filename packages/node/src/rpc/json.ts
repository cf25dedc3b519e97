// JSON shapes: bigint as decimal strings, bytes as 0x hex, headers and blocks in Substrate's shape.
import { bytesToHex } from "@opentao/primitives";
import type { BlockRef } from "../chain/context.js";

/** Any runtime value as JSON: bigint → decimal string, Uint8Array → 0x hex, Map → object, Set → array. */
export function toJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return bytesToHex(value);
  if (Array.isArray(value)) return value.map(toJson);
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), toJson(v)]));
  if (value instanceof Set) return [...value].map(toJson);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJson(v);
    return out;
  }
  return value;
}

/** Substrate's header JSON (number as hex), plus ours: hash, timestamp (ms) and slot as decimal strings, author, seal. */
export function headerJson(ref: BlockRef): Record<string, unknown> {
  const h = ref.header;
  return {
    parentHash: h.parentHash,
    number: `0x${h.number.toString(16)}`,
    stateRoot: h.stateRoot,
    extrinsicsRoot: h.extrinsicsRoot,
    digest: { logs: [] },
    hash: ref.hash,
    timestamp: h.timestamp.toString(),
    slot: h.slot.toString(),
    author: h.author,
    seal: bytesToHex(h.seal),
  };
}
