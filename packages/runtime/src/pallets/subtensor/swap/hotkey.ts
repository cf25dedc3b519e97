// swap_hotkey / swap_hotkey_v2 (transactions.md §4.8; Subtensor `swap/swap_hotkey.rs`): a coldkey moves
// one of its hotkeys' identity to a new hotkey, on every subnet or on one: ownership, uids (so weights,
// bonds and the per-uid vectors stay with the uid), axon, prometheus, certificate, weight commits,
// child/parent links and pending children, childkey take, the subnet-owner hotkey and, unless
// `keep_stake`, every nominator's alpha.
import { AccountId, bool, Option, Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import {
  badOrigin,
  type DispatchError,
  type DispatchResult,
  fail,
  OK,
} from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { weight } from "../../../frame/weights.js";
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { freeBalance } from "../../balances/currency.js";
import { isSubnetAccount } from "../accounts.js";
import { CoinbaseStorage as C } from "../coinbase/storage.js";
import { SubtensorErrors as E } from "../errors.js";
import { coldkeyOwnsHotkey, hotkeyAccountExists } from "../hotkeys.js";
import { transferRootClaimed } from "../root-claims/claims.js";
import { RootClaimStorage as R } from "../root-claims/storage.js";
import { moveAutoStakeHotkey } from "../staking/auto-stake.js";
import { swapChildLinks } from "../staking/children.js";
import { decreaseStake, increaseStake, stakeOf } from "../staking/share-pool.js";
import { SubtensorStorage as S } from "../storage.js";
import { allNetuids, isRegistered, ROOT_NETUID } from "../subnets.js";
import { netuidIndex } from "../weights/set-weights.js";
import { recycleTao } from "./coldkey.js";

const PALLET = "SubtensorModule";

/** `exceeds_tx_rate_limit`: TxRateLimit ≠ 0, a previous block, and `now − last ≤ limit` (strict). */
export function exceedsTxRateLimit(store: KeyValueReader, last: bigint, block: bigint): boolean {
  const limit = S.TxRateLimit.get(store);
  if (limit === 0n || last === 0n) return false;
  return block - last <= limit;
}

/** No root stake and no root dividends claimable: a hotkey that may take over root stake. */
function cleanOnRoot(store: KeyValueReader, hotkey: string): boolean {
  return (
    S.TotalHotkeyAlpha.get(store, hotkey, ROOT_NETUID) === 0n &&
    C.RootClaimable.entriesOf(store, hotkey).next().done === true
  );
}

function registeredAnywhere(store: KeyValueReader, hotkey: string): boolean {
  return allNetuids(store).some((netuid) => isRegistered(store, netuid, hotkey));
}

function moveOptional<K1, K2, V>(
  item: {
    getOptional(s: KeyValueReader, a: K1, b: K2): V | undefined;
    set(s: KeyValueStore, a: K1, b: K2, v: V): void;
    remove(s: KeyValueStore, a: K1, b: K2): void;
  },
  store: KeyValueStore,
  from: [K1, K2],
  to: [K1, K2],
): void {
  const value = item.getOptional(store, ...from);
  if (value === undefined) return;
  item.remove(store, ...from);
  item.set(store, ...to, value);
}

/** `perform_hotkey_swap_on_one_subnet`. */
function swapOnOneSubnet(
  scope: Scope,
  oldHotkey: string,
  newHotkey: string,
  netuid: number,
  keepStake: boolean,
): DispatchError | undefined {
  const { store } = scope;
  const member = S.IsNetworkMember.get(store, oldHotkey, netuid);
  S.IsNetworkMember.remove(store, oldHotkey, netuid);
  S.IsNetworkMember.set(store, newHotkey, netuid, member);
  if (member) {
    const uid = S.Uids.get(store, netuid, oldHotkey);
    if (uid !== undefined) {
      S.Uids.remove(store, netuid, oldHotkey);
      S.Uids.set(store, netuid, newHotkey, uid);
      S.Keys.set(store, netuid, uid, newHotkey);
    }
    moveOptional(S.Prometheus, store, [netuid, oldHotkey], [netuid, newHotkey]);
    moveOptional(S.Axons, store, [netuid, oldHotkey], [netuid, newHotkey]);
    for (let mecid = 0; mecid < S.MechanismCountCurrent.get(store, netuid); mecid++) {
      const index = netuidIndex(netuid, mecid);
      moveOptional(S.WeightCommits, store, [index, oldHotkey], [index, newHotkey]);
    }
    moveOptional(S.NeuronCertificates, store, [netuid, oldHotkey], [netuid, newHotkey]);
  }
  moveOptional(S.ChildkeyTake, store, [oldHotkey, netuid], [newHotkey, netuid]);

  const links = swapChildLinks(store, oldHotkey, newHotkey, netuid);
  if (links) return links;
  // Others' pending lists naming the old hotkey as a child now name the new one (moved to the end).
  for (const [parent, [children, cooldown]] of [...S.PendingChildKeys.entriesOf(store, netuid)]) {
    const at = children.findIndex(([, child]) => child === oldHotkey);
    if (at < 0) continue;
    const [proportion] = children[at]!;
    const next = children.filter((_, i) => i !== at);
    next.push([proportion, newHotkey]);
    S.PendingChildKeys.set(store, netuid, parent, [next, cooldown]);
  }
  moveAutoStakeHotkey(store, netuid, oldHotkey, newHotkey);

  if (S.SubnetOwnerHotkey.contains(store, netuid) && S.SubnetOwnerHotkey.get(store, netuid) === oldHotkey) {
    if (isSubnetAccount(newHotkey)) return E.CannotUseSystemAccount;
    S.SubnetOwnerHotkey.set(store, netuid, newHotkey);
    scope.emit(PALLET, "SubnetOwnerHotkeySet", { netuid, hotkey: newHotkey });
  }

  if (!keepStake) {
    // Dividend records: the last epoch's alpha dividends add up on the new hotkey.
    const dividends = C.AlphaDividendsPerSubnet.get(store, netuid, oldHotkey);
    C.AlphaDividendsPerSubnet.remove(store, netuid, oldHotkey);
    C.AlphaDividendsPerSubnet.set(
      store,
      netuid,
      newHotkey,
      dividends + C.AlphaDividendsPerSubnet.get(store, netuid, newHotkey),
    );
    const coldkeys = [...S.AlphaShares.entriesOf(store, oldHotkey)]
      .filter(([[, n]]) => n === netuid)
      .map(([[coldkey]]) => coldkey);
    for (const coldkey of coldkeys) {
      const alpha = stakeOf(store, oldHotkey, coldkey, netuid);
      decreaseStake(store, oldHotkey, coldkey, netuid, alpha);
      increaseStake(store, newHotkey, coldkey, netuid, alpha);
      const staking = S.StakingHotkeys.get(store, coldkey);
      if (staking.includes(oldHotkey) && !staking.includes(newHotkey))
        S.StakingHotkeys.set(store, coldkey, [...staking, newHotkey]);
    }
    if (netuid === ROOT_NETUID) {
      // Root dividends still claimable by the old hotkey's root stakers follow the stake.
      for (const [subnet, rate] of [...C.RootClaimable.entriesOf(store, oldHotkey)]) {
        C.RootClaimable.remove(store, oldHotkey, subnet);
        C.RootClaimable.mutate(store, newHotkey, subnet, (r) => r + rate);
      }
      // So does what each of them has claimed already, or it could be claimed again.
      for (const [subnet] of [...C.RootClaimable.entriesOf(store, newHotkey)]) {
        const claimants = [...R.RootClaimed.entriesOf(store, oldHotkey)]
          .filter(([[, n]]) => n === subnet)
          .map(([[coldkey]]) => coldkey);
        for (const coldkey of claimants) {
          transferRootClaimed(store, subnet, { hotkey: oldHotkey, coldkey }, { hotkey: newHotkey, coldkey });
        }
      }
    }
    if (netuid === ROOT_NETUID && S.AutoParentDelegationEnabled.contains(store, oldHotkey)) {
      const enabled = S.AutoParentDelegationEnabled.get(store, oldHotkey);
      S.AutoParentDelegationEnabled.remove(store, oldHotkey);
      S.AutoParentDelegationEnabled.set(store, newHotkey, enabled);
    }
  }
  return undefined;
}

/** `perform_hotkey_swap_on_all_subnets`. */
function swapOnAllSubnets(
  scope: Scope,
  coldkey: string,
  oldHotkey: string,
  newHotkey: string,
  keepStake: boolean,
): DispatchError | undefined {
  const { store } = scope;
  const nominations = [...S.AlphaShares.entriesOf(store, oldHotkey)];
  S.Owner.remove(store, oldHotkey);
  if (isSubnetAccount(newHotkey)) return E.CannotUseSystemAccount;
  S.Owner.set(store, newHotkey, coldkey);
  const owned = S.OwnedHotkeys.get(store, coldkey);
  S.OwnedHotkeys.set(
    store,
    coldkey,
    (owned.includes(newHotkey) ? owned : [...owned, newHotkey]).filter((h) => h !== oldHotkey),
  );
  for (const netuid of allNetuids(store)) {
    const bad = swapOnOneSubnet(scope, oldHotkey, newHotkey, netuid, keepStake);
    if (bad) return bad;
  }
  S.LastTxBlock.remove(store, oldHotkey);
  S.LastTxBlockDelegateTake.remove(store, oldHotkey);
  S.LastTxBlockChildKeyTake.remove(store, oldHotkey);
  const take = S.Delegates.getOptional(store, oldHotkey);
  if (take !== undefined) {
    S.Delegates.remove(store, oldHotkey);
    S.Delegates.set(store, newHotkey, take);
  }
  if (!keepStake) {
    for (const [[nominator], shares] of nominations) {
      if (shares === 0n) continue;
      const staking = S.StakingHotkeys.get(store, nominator);
      if (!staking.includes(oldHotkey)) continue;
      S.StakingHotkeys.set(store, nominator, [
        ...staking.filter((h) => h !== oldHotkey && h !== newHotkey),
        newHotkey,
      ]);
    }
  }
  return undefined;
}

/** `do_swap_hotkey`, Subtensor's checks in order. */
export function swapHotkey(
  scope: Scope,
  coldkey: string,
  oldHotkey: string,
  newHotkey: string,
  netuid: number | undefined,
  keepStake: boolean,
): DispatchResult {
  const { store } = scope;
  if (!coldkeyOwnsHotkey(store, coldkey, oldHotkey)) return fail(E.NonAssociatedColdKey);
  if (hotkeyAccountExists(store, newHotkey) && !coldkeyOwnsHotkey(store, coldkey, newHotkey))
    return fail(E.NonAssociatedColdKey);
  if (oldHotkey === newHotkey) return fail(E.NewHotKeyIsSameWithOld);
  const block = BigInt(scope.env.block.number);
  if (exceedsTxRateLimit(store, S.LastTxBlock.get(store, coldkey), block))
    return fail(E.HotKeySetTxRateLimitExceeded);
  const taken =
    netuid === undefined ? registeredAnywhere(store, newHotkey) : isRegistered(store, netuid, newHotkey);
  if (taken) return fail(E.HotKeyAlreadyRegisteredInSubNet);
  if ((netuid === undefined || netuid === ROOT_NETUID) && !cleanOnRoot(store, newHotkey))
    return fail(E.NewHotKeyNotCleanForRootSwap);

  S.LastTxBlock.set(store, newHotkey, S.LastTxBlock.get(store, oldHotkey));
  S.LastTxBlockDelegateTake.set(store, newHotkey, S.LastTxBlockDelegateTake.get(store, oldHotkey));
  S.LastTxBlockChildKeyTake.set(store, newHotkey, S.LastTxBlockChildKeyTake.get(store, oldHotkey));

  if (netuid !== undefined)
    return swapHotkeyOnSubnet(scope, coldkey, oldHotkey, newHotkey, netuid, keepStake);

  // The per-subnet cooldown holds on every subnet the old hotkey is a member of or a parent on.
  const interval = BigInt(scope.env.preset.swaps.hotkeySwapOnSubnetInterval);
  const affected = allNetuids(store).filter(
    (n) => S.IsNetworkMember.get(store, oldHotkey, n) || S.ChildKeys.get(store, oldHotkey, n).length > 0,
  );
  for (const n of affected) {
    const last = S.LastHotkeySwapOnNetuid.get(store, n, coldkey);
    if (last !== 0n && !(last + interval < block)) return fail(E.HotKeySwapOnSubnetIntervalNotPassed);
  }
  const cost = scope.env.preset.swaps.keySwapCost;
  if (cost > freeBalance(store, coldkey)) return fail(E.NotEnoughBalanceToPaySwapHotKey);
  const paid = recycleTao(scope, coldkey, cost);
  if (!paid.ok) return paid;
  const bad = swapOnAllSubnets(scope, coldkey, oldHotkey, newHotkey, keepStake);
  if (bad) return fail(bad);
  for (const n of affected) S.LastHotkeySwapOnNetuid.set(store, n, coldkey, block);
  S.LastTxBlock.set(store, coldkey, block);
  scope.emit(PALLET, "HotkeySwapped", { coldkey, oldHotkey, newHotkey });
  return OK;
}

/** `swap_hotkey_on_subnet`: only that subnet's data moves; the old hotkey stays owned. */
function swapHotkeyOnSubnet(
  scope: Scope,
  coldkey: string,
  oldHotkey: string,
  newHotkey: string,
  netuid: number,
  keepStake: boolean,
): DispatchResult {
  const { store } = scope;
  const block = BigInt(scope.env.block.number);
  const interval = BigInt(scope.env.preset.swaps.hotkeySwapOnSubnetInterval);
  if (!(S.LastHotkeySwapOnNetuid.get(store, netuid, coldkey) + interval < block))
    return fail(E.HotKeySwapOnSubnetIntervalNotPassed);
  if (isSubnetAccount(newHotkey)) return fail(E.CannotUseSystemAccount);
  if (isRegistered(store, netuid, newHotkey)) return fail(E.HotKeyAlreadyRegisteredInSubNet);
  const cost = scope.env.preset.swaps.keySwapOnSubnetCost;
  if (cost > freeBalance(store, coldkey)) return fail(E.NotEnoughBalanceToPaySwapHotKey);
  const paid = recycleTao(scope, coldkey, cost);
  if (!paid.ok) return paid;
  S.Owner.set(store, newHotkey, coldkey);
  const owned = S.OwnedHotkeys.get(store, coldkey);
  if (!owned.includes(newHotkey)) S.OwnedHotkeys.set(store, coldkey, [...owned, newHotkey]);
  const bad = swapOnOneSubnet(scope, oldHotkey, newHotkey, netuid, keepStake);
  if (bad) return fail(bad);
  S.LastTxBlock.set(store, coldkey, block);
  S.LastHotkeySwapOnNetuid.set(store, netuid, coldkey, block);
  scope.emit(PALLET, "HotkeySwappedOnSubnet", { coldkey, oldHotkey, newHotkey, netuid });
  return OK;
}

const swapWeight = () => weight(275_300_000n, 52, 35);

export const swapHotkeyCall = defineCall({
  pallet: PALLET,
  name: "swap_hotkey",
  index: 70,
  args: Struct({ hotkey: AccountId, newHotkey: AccountId, netuid: Option(u16) }),
  weight: () => weight(1_242_038_000n, 182, 99),
  pays: true,
  dispatch: (scope, origin, { hotkey, newHotkey, netuid }) =>
    origin.kind === "Signed" ? swapHotkey(scope, origin.who, hotkey, newHotkey, netuid, false) : badOrigin(),
});

export const swapHotkeyV2 = defineCall({
  pallet: PALLET,
  name: "swap_hotkey_v2",
  index: 72,
  args: Struct({ hotkey: AccountId, newHotkey: AccountId, netuid: Option(u16), keepStake: bool }),
  weight: swapWeight,
  pays: true,
  dispatch: (scope, origin, { hotkey, newHotkey, netuid, keepStake }) =>
    origin.kind === "Signed"
      ? swapHotkey(scope, origin.who, hotkey, newHotkey, netuid, keepStake)
      : badOrigin(),
});

export const HOTKEY_SWAP_CALLS = [swapHotkeyCall, swapHotkeyV2];
