// Which accounts a block touches: each extrinsic's signer and the accounts in its call's arguments, and
// every account named in an event. The node stores one `accounts` row per (account, block, item).
import { blake2b256, ss58Decode } from "@opentao/primitives";
import { decodeExtrinsic, type EventRecord } from "@opentao/runtime";
import { activityKey } from "./block-store.js";

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/;
const decoded = new Map<string, Uint8Array | null>();

/** The public key behind an SS58 string, or null for a string that is not an address (cached). */
function accountOf(text: string): Uint8Array | null {
  let key = decoded.get(text);
  if (key !== undefined) return key;
  try {
    key = ss58Decode(text);
  } catch {
    key = null;
  }
  if (decoded.size > 200_000) decoded.clear();
  decoded.set(text, key);
  return key;
}

function collect(value: unknown, out: Uint8Array[], depth = 0): void {
  if (depth > 8) return;
  if (typeof value === "string") {
    if (BASE58.test(value)) {
      const key = accountOf(value);
      if (key) out.push(key);
    }
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    for (const v of Object.values(value)) collect(v, out, depth + 1);
  }
}

/** The `accounts` rows and extrinsic hashes of a block. */
export function indexBlock(
  number: number,
  extrinsics: readonly Uint8Array[],
  events: readonly EventRecord[],
): { activity: Uint8Array[]; extrinsicHashes: Uint8Array[] } {
  const rows = new Map<string, Uint8Array>();
  const add = (accounts: Uint8Array[], kind: "extrinsic" | "event", index: number) => {
    for (const account of accounts) {
      const key = activityKey(account, number, kind, index);
      rows.set(key.toString("latin1"), key);
    }
  };
  const extrinsicHashes: Uint8Array[] = [];
  for (const [i, bytes] of extrinsics.entries()) {
    extrinsicHashes.push(blake2b256(bytes));
    const accounts: Uint8Array[] = [];
    try {
      const tx = decodeExtrinsic(bytes);
      if (tx.signed) collect(tx.signed.signer, accounts);
      collect(tx.call.args, accounts);
    } catch {
      // A block only holds extrinsics the runtime applied, so they decode; nothing to index otherwise.
    }
    add(accounts, "extrinsic", i);
  }
  for (const [i, record] of events.entries()) {
    const accounts: Uint8Array[] = [];
    collect(record.event.data, accounts);
    add(accounts, "event", i);
  }
  return { activity: [...rows.values()], extrinsicHashes };
}
