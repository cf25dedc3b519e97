// The coldkey swap (transactions.md §4.8, §2.5; Subtensor `swap/swap_coldkey.rs` and the announce /
// dispute / reset calls): a coldkey announces the hash of its successor, waits, then moves everything to
// it. While an announcement stands the coldkey may only make the swap calls; a dispute freezes it until
// root resets the swap.
import { AccountId, blake2b256, bytesToHex, Struct, ss58Decode, u64 } from "@opentao/primitives";
import { H256 } from "../../../codecs.js";
import { defineCall, type RuntimeCall } from "../../../frame/call.js";
import type { DispatchGuard } from "../../../frame/dispatch.js";
import {
  badOrigin,
  type DispatchError,
  type DispatchResult,
  fail,
  OK,
} from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { Origin } from "../../../frame/types.js";
import { weight } from "../../../frame/weights.js";
import { burn, freeBalance, reducibleBalance, transfer } from "../../balances/currency.js";
import { SubtensorErrors as E } from "../errors.js";
import { hotkeyAccountExists } from "../hotkeys.js";
import { transferRootClaimed } from "../root-claims/claims.js";
import { indexColdkey, unindexColdkey } from "../root-claims/coldkey-index.js";
import { moveAutoStakeColdkey } from "../staking/auto-stake.js";
import { decreaseStake, increaseStake, stakeOf } from "../staking/share-pool.js";
import { SubtensorStorage as S } from "../storage.js";
import { allNetuids, ROOT_NETUID } from "../subnets.js";

const PALLET = "SubtensorModule";

/** BlakeTwo256 of the SCALE-encoded account (its 32 bytes), as announced. */
export function coldkeyHash(coldkey: string): string {
  return bytesToHex(blake2b256(ss58Decode(coldkey)));
}

/**
 * `recycle_tao`: takes `amount` out of circulation; it must leave the account alive
 * (`InsufficientBalance` otherwise).
 */
export function recycleTao(scope: Scope, who: string, amount: bigint): DispatchResult {
  if (amount > reducibleBalance(scope, who, "Preserve")) return fail(E.InsufficientBalance);
  return burn(scope, who, amount, "Preserve");
}

/** `charge_swap_cost`: any failure to pay is `NotEnoughBalanceToPaySwapColdKey`. */
function chargeSwapCost(scope: Scope, coldkey: string, cost: bigint): DispatchResult {
  return recycleTao(scope, coldkey, cost).ok ? OK : fail(E.NotEnoughBalanceToPaySwapColdKey);
}

const union = (a: readonly string[], b: readonly string[]) => [...a, ...b.filter((x) => !a.includes(x))];

/**
 * `do_swap_coldkey`: identity (if the new key has none), subnet ownerships, every stake position,
 * staking hotkeys, hotkey ownership and finally the whole free balance move to `newColdkey`.
 */
export function swapColdkey(scope: Scope, oldColdkey: string, newColdkey: string): DispatchResult {
  const { store } = scope;
  if (S.StakingHotkeys.get(store, newColdkey).length > 0) return fail(E.ColdKeyAlreadyAssociated);
  if (hotkeyAccountExists(store, newColdkey)) return fail(E.NewColdKeyIsHotkey);

  const identity = S.IdentitiesV2.get(store, oldColdkey);
  if (S.IdentitiesV2.get(store, newColdkey) === undefined && identity !== undefined) {
    S.IdentitiesV2.remove(store, oldColdkey);
    S.IdentitiesV2.set(store, newColdkey, identity);
  }

  const stakingHotkeys = S.StakingHotkeys.get(store, oldColdkey);
  for (const netuid of allNetuids(store)) {
    if (S.SubnetOwner.get(store, netuid) === oldColdkey) S.SubnetOwner.set(store, netuid, newColdkey);
    moveAutoStakeColdkey(store, netuid, oldColdkey, newColdkey);
    for (const hotkey of stakingHotkeys) {
      const alpha = stakeOf(store, hotkey, oldColdkey, netuid);
      decreaseStake(store, hotkey, oldColdkey, netuid, alpha);
      increaseStake(store, hotkey, newColdkey, netuid, alpha);
      if (stakeOf(store, hotkey, newColdkey, netuid) > 0n) {
        transferRootClaimed(store, netuid, { hotkey, coldkey: oldColdkey }, { hotkey, coldkey: newColdkey });
        if (netuid === ROOT_NETUID) indexColdkey(store, newColdkey);
      }
    }
    if (netuid === ROOT_NETUID) unindexColdkey(store, oldColdkey);
  }
  S.StakingHotkeys.set(store, newColdkey, union(S.StakingHotkeys.get(store, newColdkey), stakingHotkeys));
  S.StakingHotkeys.remove(store, oldColdkey);

  const owned = S.OwnedHotkeys.get(store, oldColdkey);
  for (const hotkey of owned) S.Owner.set(store, hotkey, newColdkey);
  S.OwnedHotkeys.set(store, newColdkey, union(S.OwnedHotkeys.get(store, newColdkey), owned));
  S.OwnedHotkeys.remove(store, oldColdkey);

  const free = freeBalance(store, oldColdkey);
  if (free > 0n) {
    const moved = transfer(scope, oldColdkey, newColdkey, free, "Expendable");
    if (!moved.ok) return moved;
  }
  S.LastTxBlock.set(store, newColdkey, BigInt(scope.env.block.number));
  scope.emit(PALLET, "ColdkeySwapped", { oldColdkey, newColdkey });
  return OK;
}

// ---- the CheckColdkeySwap dispatch guard -----------------------------------------------------------------

/** The calls a coldkey with a standing (undisputed) announcement may still make. */
const ALLOWED_DURING_SWAP = new Set([
  "SubtensorModule.announce_coldkey_swap",
  "SubtensorModule.swap_coldkey_announced",
  "SubtensorModule.dispute_coldkey_swap",
  "SubtensorModule.clear_coldkey_swap_announcement",
]);

/** `CheckColdkeySwap`: signed origins only (root bypasses). */
export const checkColdkeySwap: DispatchGuard = (
  scope: Scope,
  origin: Origin,
  call: RuntimeCall,
): DispatchError | undefined => {
  if (origin.kind !== "Signed") return undefined;
  const { store } = scope;
  if (S.ColdkeySwapAnnouncements.get(store, origin.who) === undefined) return undefined;
  if (S.ColdkeySwapDisputes.get(store, origin.who) !== undefined) return E.ColdkeySwapDisputed;
  return ALLOWED_DURING_SWAP.has(`${call.pallet}.${call.name}`) ? undefined : E.ColdkeySwapAnnounced;
};

// ---- calls -----------------------------------------------------------------------------------------------

const now = (scope: Scope) => scope.env.block.number;

const signed =
  <A>(run: (scope: Scope, who: string, args: A) => DispatchResult) =>
  (scope: Scope, origin: Origin, args: A): DispatchResult =>
    origin.kind === "Signed" ? run(scope, origin.who, args) : badOrigin();

export const swapColdkeyCall = defineCall({
  pallet: PALLET,
  name: "swap_coldkey",
  index: 71,
  args: Struct({ oldColdkey: AccountId, newColdkey: AccountId, swapCost: u64 }),
  weight: () => weight(312_301_000n, 37, 19),
  pays: true,
  dispatch: (scope, origin, { oldColdkey, newColdkey, swapCost }) => {
    if (origin.kind !== "Root") return badOrigin();
    if (swapCost !== 0n) {
      const paid = chargeSwapCost(scope, oldColdkey, swapCost);
      if (!paid.ok) return paid;
    }
    const swapped = swapColdkey(scope, oldColdkey, newColdkey);
    if (!swapped.ok) return swapped;
    S.ColdkeySwapAnnouncements.remove(scope.store, oldColdkey);
    S.ColdkeySwapDisputes.remove(scope.store, oldColdkey);
    return OK;
  },
});

export const scheduleSwapColdkey = defineCall({
  pallet: PALLET,
  name: "schedule_swap_coldkey",
  index: 73,
  args: Struct({ newColdkey: AccountId }),
  weight: () => weight(0n, 5),
  pays: true,
  dispatch: () => fail(E.Deprecated),
});

export const announceColdkeySwap = defineCall({
  pallet: PALLET,
  name: "announce_coldkey_swap",
  index: 125,
  args: Struct({ newColdkeyHash: H256 }),
  weight: () => weight(47_248_000n, 4, 3),
  pays: true,
  dispatch: signed((scope, who, { newColdkeyHash }) => {
    const { store } = scope;
    const block = now(scope);
    const existing = S.ColdkeySwapAnnouncements.get(store, who);
    if (existing) {
      if (block < existing[0] + S.ColdkeySwapReannouncementDelay.get(store))
        return fail(E.ColdkeySwapReannouncedTooEarly);
    } else {
      // Only the first announcement pays.
      const paid = chargeSwapCost(scope, who, scope.env.preset.swaps.keySwapCost);
      if (!paid.ok) return paid;
    }
    const when = block + S.ColdkeySwapAnnouncementDelay.get(store);
    S.ColdkeySwapAnnouncements.set(store, who, [when, newColdkeyHash]);
    scope.emit(PALLET, "ColdkeySwapAnnounced", { who, newColdkeyHash });
    return OK;
  }),
});

export const swapColdkeyAnnounced = defineCall({
  pallet: PALLET,
  name: "swap_coldkey_announced",
  index: 126,
  args: Struct({ newColdkey: AccountId }),
  weight: () => weight(288_156_000n, 37, 15),
  pays: true,
  dispatch: signed((scope, who, { newColdkey }) => {
    const { store } = scope;
    const announced = S.ColdkeySwapAnnouncements.get(store, who);
    if (!announced) return fail(E.ColdkeySwapAnnouncementNotFound);
    S.ColdkeySwapAnnouncements.remove(store, who);
    const [when, hash] = announced;
    if (hash !== coldkeyHash(newColdkey)) return fail(E.AnnouncedColdkeyHashDoesNotMatch);
    if (now(scope) < when) return fail(E.ColdkeySwapTooEarly);
    return swapColdkey(scope, who, newColdkey);
  }),
});

export const disputeColdkeySwap = defineCall({
  pallet: PALLET,
  name: "dispute_coldkey_swap",
  index: 127,
  args: Struct({}),
  weight: () => weight(23_293_000n, 2, 1),
  pays: true,
  dispatch: signed((scope, coldkey) => {
    const { store } = scope;
    if (!S.ColdkeySwapAnnouncements.get(store, coldkey)) return fail(E.ColdkeySwapAnnouncementNotFound);
    if (S.ColdkeySwapDisputes.get(store, coldkey) !== undefined) return fail(E.ColdkeySwapAlreadyDisputed);
    S.ColdkeySwapDisputes.set(store, coldkey, now(scope));
    scope.emit(PALLET, "ColdkeySwapDisputed", { coldkey });
    return OK;
  }),
});

export const resetColdkeySwap = defineCall({
  pallet: PALLET,
  name: "reset_coldkey_swap",
  index: 128,
  args: Struct({ coldkey: AccountId }),
  weight: () => weight(8_857_000n, 0, 2),
  pays: true,
  dispatch: (scope, origin, { coldkey }) => {
    if (origin.kind !== "Root") return badOrigin();
    S.ColdkeySwapAnnouncements.remove(scope.store, coldkey);
    S.ColdkeySwapDisputes.remove(scope.store, coldkey);
    scope.emit(PALLET, "ColdkeySwapReset", { who: coldkey });
    return OK;
  },
});

export const clearColdkeySwapAnnouncement = defineCall({
  pallet: PALLET,
  name: "clear_coldkey_swap_announcement",
  index: 133,
  args: Struct({}),
  weight: () => weight(17_890_000n, 2, 1),
  pays: true,
  dispatch: signed((scope, who) => {
    const { store } = scope;
    const announced = S.ColdkeySwapAnnouncements.get(store, who);
    if (!announced) return fail(E.ColdkeySwapAnnouncementNotFound);
    if (now(scope) < announced[0] + S.ColdkeySwapReannouncementDelay.get(store))
      return fail(E.ColdkeySwapClearTooEarly);
    S.ColdkeySwapAnnouncements.remove(store, who);
    scope.emit(PALLET, "ColdkeySwapCleared", { who });
    return OK;
  }),
});

export const COLDKEY_SWAP_CALLS = [
  swapColdkeyCall,
  scheduleSwapColdkey,
  announceColdkeySwap,
  swapColdkeyAnnounced,
  disputeColdkeySwap,
  resetColdkeySwap,
  clearColdkeySwapAnnouncement,
];
