// Authoring a block in our slot: build it from candidate extrinsics over the best head, compute its roots,
// and seal it with the slot's authority key.
import type { Keypair } from "@opentao/primitives";
import { AuraStorage } from "@opentao/runtime";
import { extrinsicsRoot } from "../block/body.js";
import { type Header, hashHeader, NO_SEAL, sealHeader } from "../block/header.js";
import { ChainError } from "../errors.js";
import { hashBytes, hashHex } from "./block-store.js";
import { slotAuthor } from "./checks.js";
import type { ChainContext } from "./context.js";
import { blockInfo, buildBlock, type Rejected } from "./execute.js";
import { slotOf } from "./genesis.js";
import type { PreparedBlock } from "./import.js";
import { updateState } from "./state-root.js";

export interface SlotChoice {
  /** The block's time (ms); its slot is timestamp / slot duration. */
  timestamp?: bigint;
  /** The slot; the block's time is then the slot's start. */
  slot?: bigint;
}

/**
 * The slot and time of the next block: from the time given, from the slot given (its start), or (instant
 * and manual mode) the parent's time plus one slot duration — which is always the parent's slot plus one.
 */
export function nextSlot(ctx: ChainContext, choice: SlotChoice): { slot: bigint; timestamp: bigint } {
  const parent = ctx.best().header;
  const duration = BigInt(ctx.preset.chain.blockTimeMs);
  const timestamp =
    choice.timestamp ?? (choice.slot !== undefined ? choice.slot * duration : parent.timestamp + duration);
  const slot = slotOf(timestamp, ctx.preset);
  if (slot <= parent.slot) {
    throw new ChainError(
      "SlotNotAfterParent",
      `slot ${slot} (time ${timestamp} ms) is not after the best block's slot ${parent.slot}`,
    );
  }
  return { slot, timestamp };
}

export function prepareAuthored(
  ctx: ChainContext,
  keys: ReadonlyMap<string, Keypair>,
  candidates: readonly Uint8Array[],
  choice: SlotChoice,
): PreparedBlock & { rejected: Rejected[] } {
  const parent = ctx.best();
  const { slot, timestamp } = nextSlot(ctx, choice);
  const authorities = AuraStorage.Authorities.get(ctx.flat);
  const author = slotAuthor(authorities, slot);
  const key = author === undefined ? undefined : keys.get(author);
  if (!author || !key) {
    throw new ChainError(
      "NotOurSlot",
      `slot ${slot} belongs to ${author ?? "no authority"}, and this node holds no key for it`,
    );
  }
  const draft = { number: parent.number + 1, parentHash: parent.hash, timestamp, author };
  const started = performance.now();
  const built = buildBlock(ctx.runtime, ctx.flat, blockInfo(draft), candidates);
  const executedAt = performance.now();
  const state = updateState(ctx.trie, hashBytes(parent.header.stateRoot), built.changes);
  const timings = { execute: executedAt - started, stateRoot: performance.now() - executedAt };
  const unsealed: Header = {
    ...draft,
    stateRoot: hashHex(state.root),
    extrinsicsRoot: extrinsicsRoot(built.included),
    slot,
    seal: NO_SEAL,
  };
  const header = sealHeader(unsealed, key);
  return {
    hash: hashHeader(header),
    block: { header, extrinsics: built.included },
    executed: built,
    state,
    rejected: built.rejected,
    timings,
  };
}
