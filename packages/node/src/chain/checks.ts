// What a block must satisfy before it is executed: its place after the parent, its Aura slot and
// author, the author's seal, and its extrinsics root. Import and replay run the same checks.
import type { Preset } from "@opentao/runtime";
import { extrinsicsRoot } from "../block/body.js";
import { type Header, sealIsValid } from "../block/header.js";
import { BlockError } from "../errors.js";
import { slotOf } from "./genesis.js";

/** The authority whose turn `slot` is: authorities[slot mod n]. */
export function slotAuthor(authorities: readonly string[], slot: bigint): string | undefined {
  if (authorities.length === 0) return undefined;
  return authorities[Number(slot % BigInt(authorities.length))];
}

export function checkHeader(
  parent: Header,
  header: Header,
  authorities: readonly string[],
  preset: Preset,
): void {
  const n = header.number;
  if (n !== parent.number + 1) {
    throw new BlockError("WrongNumber", `block ${n} cannot follow block ${parent.number}`, n);
  }
  if (header.slot <= parent.slot) {
    throw new BlockError(
      "WrongSlot",
      `block ${n} has slot ${header.slot}, not after its parent's slot ${parent.slot}`,
      n,
    );
  }
  const slot = slotOf(header.timestamp, preset);
  if (slot !== header.slot) {
    throw new BlockError(
      "WrongSlot",
      `block ${n}: timestamp ${header.timestamp} ms lies in slot ${slot} of ${preset.chain.blockTimeMs} ms, not in the header's slot ${header.slot}`,
      n,
    );
  }
  const expected = slotAuthor(authorities, header.slot);
  if (header.author !== expected) {
    throw new BlockError(
      "WrongAuthor",
      `block ${n}: slot ${header.slot} belongs to ${expected ?? "no authority"}, but the header names ${header.author}`,
      n,
    );
  }
  if (!sealIsValid(header)) {
    throw new BlockError(
      "BadSeal",
      `block ${n}: the seal is not ${header.author}'s signature of the header`,
      n,
    );
  }
}

export function checkBody(header: Header, extrinsics: readonly Uint8Array[]): void {
  const root = extrinsicsRoot(extrinsics);
  if (root !== header.extrinsicsRoot) {
    throw new BlockError(
      "ExtrinsicsRootMismatch",
      `block ${header.number}: the body's extrinsics root is ${root}, the header says ${header.extrinsicsRoot}`,
      header.number,
    );
  }
}
