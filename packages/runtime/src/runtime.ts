import { CallTable, installCallTable } from "./frame/call.js";
import { installDispatchGuards } from "./frame/dispatch.js";
import {
  type ApplyOutcome,
  BlockExecution,
  type BlockHooks,
  type ValidTransaction,
  validateTransaction,
} from "./frame/executive.js";
import type { InvalidTransaction } from "./frame/invalid.js";
import type { BlockInfo, EventRecord } from "./frame/types.js";
import { ADMIN_UTILS_CALLS } from "./pallets/admin-utils/setters.js";
import { BALANCES_CALLS } from "./pallets/balances/calls.js";
import { subtensorBlockStep } from "./pallets/subtensor/block-step.js";
import { SUBTENSOR_CALLS } from "./pallets/subtensor/calls.js";
import { checkColdkeySwap } from "./pallets/subtensor/swap/coldkey.js";
import { SUDO_CALLS } from "./pallets/sudo/calls.js";
import { SYSTEM_CALLS } from "./pallets/system/calls.js";
import { UTILITY_CALLS } from "./pallets/utility/calls.js";
import type { Preset } from "./presets/index.js";
import { Overlay } from "./storage/overlay.js";
import type { KeyValueReader, KeyValueStore } from "./storage/store.js";

/** Pallets with Subtensor's `construct_runtime!` indexes (§3 of transactions.md). */
export const PALLETS = [
  { name: "System", index: 0, calls: SYSTEM_CALLS },
  { name: "Timestamp", index: 2, calls: [] },
  { name: "Aura", index: 3, calls: [] },
  { name: "Balances", index: 5, calls: BALANCES_CALLS },
  { name: "TransactionPayment", index: 6, calls: [] },
  { name: "SubtensorModule", index: 7, calls: SUBTENSOR_CALLS },
  { name: "Utility", index: 11, calls: UTILITY_CALLS },
  { name: "Sudo", index: 12, calls: SUDO_CALLS },
  { name: "AdminUtils", index: 19, calls: ADMIN_UTILS_CALLS },
] as const;

export const CALL_TABLE = new CallTable(PALLETS);
installCallTable(CALL_TABLE);

/** Checks run at every dispatch site (Subtensor's `DispatchExtension`s), in order. */
export const DISPATCH_GUARDS = [checkColdkeySwap] as const;
installDispatchGuards(DISPATCH_GUARDS);

/** The per-block hooks, in Subtensor's order; the subnet, emission and epoch issues add theirs. */
export const BLOCK_HOOKS: BlockHooks = { onInitialize: [subtensorBlockStep], onFinalize: [] };

export type BlockOutcome =
  | { ok: true; events: EventRecord[]; outcomes: ApplyOutcome[] }
  | { ok: false; index: number; invalid: InvalidTransaction };

/** The runtime with its preset, frozen at start. Every method is a pure function of its inputs. */
export class Runtime {
  constructor(
    readonly preset: Preset,
    readonly hooks: BlockHooks = BLOCK_HOOKS,
  ) {}

  /** Starts a block over `store` (normally an overlay the caller commits when the block is done). */
  beginBlock(store: KeyValueStore, block: BlockInfo): BlockExecution {
    const execution = new BlockExecution(store, this.preset, block, this.hooks);
    execution.initialize();
    return execution;
  }

  /**
   * Imports a block: all of it applies to `store`, or (an invalid extrinsic) none of it does.
   * Failed calls are part of a valid block; they only pay their fee.
   */
  executeBlock(store: KeyValueStore, block: BlockInfo, extrinsics: readonly Uint8Array[]): BlockOutcome {
    const overlay = new Overlay(store);
    const execution = this.beginBlock(overlay, block);
    const outcomes: ApplyOutcome[] = [];
    for (const [index, bytes] of extrinsics.entries()) {
      const outcome = execution.applyExtrinsic(bytes);
      if (outcome.kind === "Invalid") return { ok: false, index, invalid: outcome.invalid };
      outcomes.push(outcome);
    }
    const events = execution.finalize();
    overlay.commitInto(store);
    return { ok: true, events, outcomes };
  }

  /** The transaction pool's check of `bytes` for inclusion in `nextBlock`; changes nothing. */
  validateTransaction(
    store: KeyValueReader,
    nextBlock: BlockInfo,
    bytes: Uint8Array,
  ): { ok: true; value: ValidTransaction } | { ok: false; invalid: InvalidTransaction } {
    return validateTransaction(store, this.preset, nextBlock, bytes);
  }
}
