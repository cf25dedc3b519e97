// add_stake, remove_stake and their limit variants, unstake_all, unstake_all_alpha
// (transactions.md §4.6).
import { AccountId, bool, Option, Struct, u16, u64 } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
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
import { reducibleBalance } from "../../balances/currency.js";
import { SubtensorErrors as E } from "../errors.js";
import { hotkeyAccountExists } from "../hotkeys.js";
import { isStableSubnet } from "../pool/pool-state.js";
import { applySlippageLimit, checkStakeInputWithinSwapLimit, limitPriceFromRao } from "../pool/swap.js";
import { SubtensorStorage as S } from "../storage.js";
import { allNetuids, ROOT_NETUID } from "../subnets.js";
import { dropPendingChildrenIfBelowThreshold } from "./children.js";
import { maxAmountAdd, maxAmountRemove } from "./max-amount.js";
import { stakeOf } from "./share-pool.js";
import { clearSmallNominationIfRequired } from "./small-nominations.js";
import {
  checkSubnetTrades,
  minStake,
  type Outcome,
  simulateBuy,
  simulateSell,
  stakeTao,
  subtokenEnabled,
  unstakeAlpha,
} from "./stake-ops.js";
import { becomeDelegate } from "./takes.js";

const STAKE_WEIGHT = () => weight(660_000_000n, 32, 16);
const refuse = (error: DispatchError) => ({ ok: false as const, error });

interface Limit {
  limitPrice: bigint;
  allowPartial: boolean;
}

/** Stakes `tao` (capped by the limit price, if any) and says how much alpha it bought. */
export function addStake(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  tao: bigint,
  limit?: Limit,
): Outcome<{ alpha: bigint }> {
  const { store } = scope;
  if (netuid !== ROOT_NETUID && !isStableSubnet(store, netuid)) {
    if (!checkStakeInputWithinSwapLimit(tao, S.SubnetTAO.get(store, netuid)).ok)
      return refuse(E.InsufficientLiquidity);
  }
  const trades = checkSubnetTrades(store, netuid);
  if (trades) return refuse(trades);
  const min = minStake(store);
  const minFee = simulateBuy(scope, netuid, min);
  if (tao < min + (minFee.ok ? minFee.fee : 0n)) return refuse(E.AmountTooLow);
  let amount = tao;
  if (limit) {
    const max = maxAmountAdd(scope, netuid, limit.limitPrice);
    if (typeof max !== "bigint") return refuse(max);
    const capped = applySlippageLimit(tao, max, limit.allowPartial);
    if (!capped.ok) return refuse(E.SlippageTooHigh);
    amount = capped.amount;
  }
  if (reducibleBalance(scope, coldkey, "Preserve") < amount) return refuse(E.NotEnoughBalanceToStake);
  if (!hotkeyAccountExists(store, hotkey)) return refuse(E.HotKeyAccountNotExists);
  const sim = simulateBuy(scope, netuid, amount);
  if (!sim.ok || sim.alpha === 0n) return refuse(E.InsufficientLiquidity);
  if (limit && S.Owner.get(store, hotkey) !== coldkey) becomeDelegate(store, hotkey);
  const staked = stakeTao(
    scope,
    coldkey,
    hotkey,
    netuid,
    amount,
    limit && limitPriceFromRao(limit.limitPrice),
  );
  return staked.ok ? { ok: true, alpha: staked.alpha } : staked;
}

const dispatched = (r: Outcome<unknown>): DispatchResult => (r.ok ? OK : fail(r.error));

export function removeStake(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  alpha: bigint,
  limit?: Limit,
): DispatchResult {
  const { store } = scope;
  if (!subtokenEnabled(store, netuid)) return fail(E.SubtokenDisabled);
  const owned = stakeOf(store, hotkey, coldkey, netuid);
  let amount = alpha < owned ? alpha : owned;
  if (netuid !== ROOT_NETUID && !isStableSubnet(store, netuid)) {
    if (!checkStakeInputWithinSwapLimit(amount, S.SubnetAlphaIn.get(store, netuid)).ok)
      return fail(E.InsufficientLiquidity);
  }
  const trades = checkSubnetTrades(store, netuid);
  if (trades) return fail(trades);
  if (amount === 0n) return fail(E.AmountTooLow);
  const sim = simulateSell(scope, netuid, amount);
  if (!sim.ok) return fail(E.InsufficientLiquidity);
  if (owned > amount && sim.tao < minStake(store)) return fail(E.AmountTooLow);
  if (limit) {
    const max = maxAmountRemove(scope, netuid, limit.limitPrice);
    if (typeof max !== "bigint") return fail(max);
    const capped = applySlippageLimit(amount, max, limit.allowPartial);
    if (!capped.ok) return fail(E.SlippageTooHigh);
    amount = capped.amount;
  }
  if (!hotkeyAccountExists(store, hotkey)) return fail(E.HotKeyAccountNotExists);
  const removed = unstakeAlpha(
    scope,
    coldkey,
    hotkey,
    netuid,
    amount,
    limit && limitPriceFromRao(limit.limitPrice),
  );
  if (!removed.ok) return fail(removed.error);
  clearSmallNominationIfRequired(scope, hotkey, coldkey, netuid);
  // A hotkey that fell below the stake threshold loses its scheduled children.
  dropPendingChildrenIfBelowThreshold(store, hotkey);
  return OK;
}

export const signed =
  <A>(run: (scope: Scope, coldkey: string, args: A) => DispatchResult) =>
  (scope: Scope, origin: Origin, args: A): DispatchResult =>
    origin.kind === "Signed" ? run(scope, origin.who, args) : badOrigin();

/** Unstakes everything `coldkey` holds on `hotkey` on `netuids`, skipping subnets that refuse. */
function unstakeEverywhere(scope: Scope, coldkey: string, hotkey: string, netuids: number[]): bigint {
  let tao = 0n;
  for (const netuid of netuids) {
    const alpha = stakeOf(scope.store, hotkey, coldkey, netuid);
    if (alpha === 0n || !subtokenEnabled(scope.store, netuid)) continue;
    scope.transaction((s) => {
      const r = unstakeAlpha(s, coldkey, hotkey, netuid, alpha);
      if (!r.ok) return fail(r.error);
      tao += r.tao;
      clearSmallNominationIfRequired(s, hotkey, coldkey, netuid);
      return OK;
    });
  }
  return tao;
}

export const STAKING_CALLS = [
  defineCall({
    pallet: "SubtensorModule",
    name: "add_stake",
    index: 2,
    args: Struct({ hotkey: AccountId, netuid: u16, amountStaked: u64 }),
    weight: STAKE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => dispatched(addStake(scope, who, a.hotkey, a.netuid, a.amountStaked))),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "remove_stake",
    index: 3,
    args: Struct({ hotkey: AccountId, netuid: u16, amountUnstaked: u64 }),
    weight: STAKE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => removeStake(scope, who, a.hotkey, a.netuid, a.amountUnstaked)),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "add_stake_limit",
    index: 88,
    args: Struct({ hotkey: AccountId, netuid: u16, amountStaked: u64, limitPrice: u64, allowPartial: bool }),
    weight: STAKE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) =>
      dispatched(addStake(scope, who, a.hotkey, a.netuid, a.amountStaked, a)),
    ),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "remove_stake_limit",
    index: 89,
    args: Struct({
      hotkey: AccountId,
      netuid: u16,
      amountUnstaked: u64,
      limitPrice: u64,
      allowPartial: bool,
    }),
    weight: STAKE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => removeStake(scope, who, a.hotkey, a.netuid, a.amountUnstaked, a)),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "remove_stake_full_limit",
    index: 103,
    args: Struct({ hotkey: AccountId, netuid: u16, limitPrice: Option(u64) }),
    weight: STAKE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => {
      const all = stakeOf(scope.store, a.hotkey, who, a.netuid);
      const limit =
        a.limitPrice === undefined ? undefined : { limitPrice: a.limitPrice, allowPartial: false };
      return removeStake(scope, who, a.hotkey, a.netuid, all, limit);
    }),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "unstake_all",
    index: 83,
    args: Struct({ hotkey: AccountId }),
    weight: () => weight(1_000_000_000n, 60, 30),
    pays: true,
    dispatch: signed((scope, who, { hotkey }) => {
      if (!hotkeyAccountExists(scope.store, hotkey)) return fail(E.HotKeyAccountNotExists);
      unstakeEverywhere(scope, who, hotkey, allNetuids(scope.store));
      return OK;
    }),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "unstake_all_alpha",
    index: 84,
    args: Struct({ hotkey: AccountId }),
    weight: () => weight(1_000_000_000n, 60, 30),
    pays: true,
    dispatch: signed((scope, who, { hotkey }) => {
      if (!hotkeyAccountExists(scope.store, hotkey)) return fail(E.HotKeyAccountNotExists);
      const tao = unstakeEverywhere(
        scope,
        who,
        hotkey,
        allNetuids(scope.store).filter((n) => n !== ROOT_NETUID),
      );
      // Everything unstaked from subnets is re-staked into root on the same hotkey; with nothing
      // unstaked the root stake buys no alpha, which Subtensor refuses (AmountTooLow).
      if (tao === 0n) return fail(E.AmountTooLow);
      return stakeTaoToRoot(scope, who, hotkey, tao);
    }),
  }),
];

function stakeTaoToRoot(scope: Scope, coldkey: string, hotkey: string, tao: bigint): DispatchResult {
  const r = stakeTao(scope, coldkey, hotkey, ROOT_NETUID, tao);
  return r.ok ? OK : fail(r.error);
}
