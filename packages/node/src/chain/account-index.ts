// Which accounts a block touches. An extrinsic involves its signer and every account its events name (a
// transfer's destination, the author paid its fee, a stake's hotkey): one row (account, block,
// "extrinsic", i) each. Events outside extrinsics (block hooks) give rows (account, block, "event", j).
// Rows are keyed by the account's SS58 text (prefix 42) as the runtime writes it in events, so indexing
// never decodes base58.
import { blake2b256, ss58Encode } from "@opentao/primitives";
import type { EventRecord } from "@opentao/runtime";
import { activityKey } from "./block-store.js";

const BASE58 = /^[1-9A-HJ-NP-Za-km-z]{46,48}$/;

function collect(value: unknown, out: string[], depth = 0): void {
  if (depth > 8) return;
  if (typeof value === "string") {
    if (BASE58.test(value)) out.push(value);
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, out, depth + 1);
  } else if (value && typeof value === "object" && !(value instanceof Uint8Array)) {
    for (const v of Object.values(value)) collect(v, out, depth + 1);
  }
}

const encoded = new Map<string, string>();

/**
 * The signer of a signed v4 extrinsic, read in place (decoding the whole extrinsic would re-encode every
 * account as SS58): compact length ‖ 0x84 ‖ MultiAddress::Id (0x00) ‖ 32-byte account.
 */
function signerOf(bytes: Uint8Array): string | undefined {
  const first = bytes[0] ?? 0;
  const mode = first & 3;
  const at = mode === 0 ? 1 : mode === 1 ? 2 : mode === 2 ? 4 : (first >> 2) + 5;
  if (bytes[at] !== 0x84 || bytes[at + 1] !== 0 || bytes.length < at + 34) return undefined;
  const key = bytes.subarray(at + 2, at + 34);
  const hex = Buffer.from(key.buffer, key.byteOffset, 32).toString("hex");
  let address = encoded.get(hex);
  if (address === undefined) {
    address = ss58Encode(key);
    if (encoded.size > 100_000) encoded.clear();
    encoded.set(hex, address);
  }
  return address;
}

/** The `accounts` rows and extrinsic hashes of a block. */
export function indexBlock(
  number: number,
  extrinsics: readonly Uint8Array[],
  events: readonly EventRecord[],
): { activity: Uint8Array[]; extrinsicHashes: Uint8Array[] } {
  const rows = new Map<string, Uint8Array>();
  const add = (accounts: string[], kind: "extrinsic" | "event", index: number) => {
    for (const account of accounts) {
      const key = activityKey(account, number, kind, index);
      rows.set(key.toString("latin1"), key);
    }
  };
  const extrinsicHashes: Uint8Array[] = [];
  for (const [i, bytes] of extrinsics.entries()) {
    extrinsicHashes.push(blake2b256(bytes));
    const signer = signerOf(bytes);
    if (signer) add([signer], "extrinsic", i);
  }
  for (const [j, record] of events.entries()) {
    const accounts: string[] = [];
    collect(record.event.data, accounts);
    const { phase } = record;
    if (phase.kind === "ApplyExtrinsic") add(accounts, "extrinsic", phase.index);
    else add(accounts, "event", j);
  }
  return { activity: [...rows.values()], extrinsicHashes };
}
