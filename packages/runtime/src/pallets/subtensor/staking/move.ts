// move_stake, transfer_stake, swap_stake(_limit) (transactions.md §4.6): within a subnet the shares
// move without a swap; across subnets the stake is sold on one and bought on the other.
import { AccountId, bool, Struct, U64F64, u16, u64 } from "@opentao/primitives";
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
import { transfer } from "../../balances/currency.js";
import { SubtensorErrors as E } from "../errors.js";
import { hotkeyAccountExists } from "../hotkeys.js";
import { spotPrice } from "../pool/balancer.js";
import { poolOf } from "../pool/pool-state.js";
import { addStakeAdjustRootClaimed, removeStakeAdjustRootClaimed } from "../root-claims/claims.js";
import { indexColdkey } from "../root-claims/coldkey-index.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID } from "../subnets.js";
import { maxAmountMove } from "./max-amount.js";
import { decreaseStake, increaseStake, stakeOf } from "./share-pool.js";
import { checkSubnetTrades, minStake, simulateSell, stakeTao, unstakeAlpha } from "./stake-ops.js";
import { becomeDelegate } from "./takes.js";

interface Transition {
  originColdkey: string;
  destinationColdkey: string;
  originHotkey: string;
  destinationHotkey: string;
  originNetuid: number;
  destinationNetuid: number;
  alpha: bigint;
  /** transfer_stake checks TransferToggle. */
  isTransfer: boolean;
}

/** `validate_stake_transition`, after capping the amount at the origin stake. */
function validate(scope: Scope, t: Transition, owned: bigint): DispatchError | undefined {
  const { store } = scope;
  const sameAccounts = t.originColdkey === t.destinationColdkey && t.originHotkey === t.destinationHotkey;
  if (sameAccounts && t.originNetuid === t.destinationNetuid) return E.SameNetuid;
  for (const netuid of [t.originNetuid, t.destinationNetuid]) {
    const bad = checkSubnetTrades(store, netuid);
    if (bad) return bad;
  }
  if (!hotkeyAccountExists(store, t.originHotkey) || !hotkeyAccountExists(store, t.destinationHotkey)) {
    return E.HotKeyAccountNotExists;
  }
  if (t.alpha === 0n || t.alpha > owned) return E.NotEnoughStakeToWithdraw;
  if (t.originNetuid !== t.destinationNetuid) {
    const sim = simulateSell(scope, t.originNetuid, t.alpha);
    if (!sim.ok) return E.InsufficientLiquidity;
    if (sim.tao <= minStake(store)) return E.AmountTooLow;
  }
  if (t.isTransfer) {
    if (!S.TransferToggle.get(store, t.originNetuid) || !S.TransferToggle.get(store, t.destinationNetuid)) {
      return E.TransferDisallowed;
    }
  }
  return undefined;
}

/** A limit order on the relative price origin/destination (×10^9), optionally filled in part. */
interface MoveLimit {
  limitPrice: bigint;
  allowPartial: boolean;
}

/** Performs a validated transition; returns the TAO value moved. */
function transition(
  scope: Scope,
  t: Transition,
  limit?: MoveLimit,
): { ok: true; tao: bigint } | { ok: false; error: DispatchError } {
  const { store } = scope;
  const owned = stakeOf(store, t.originHotkey, t.originColdkey, t.originNetuid);
  const capped = { ...t, alpha: t.alpha < owned ? t.alpha : owned };
  const crossSubnet = t.originNetuid !== t.destinationNetuid;
  let max = capped.alpha;
  if (crossSubnet && limit) {
    const m = maxAmountMove(scope, t.originNetuid, t.destinationNetuid, limit.limitPrice);
    if (typeof m !== "bigint") return { ok: false, error: m };
    max = m;
  }
  const bad = validate(scope, capped, owned);
  if (bad) return { ok: false, error: bad };
  if (crossSubnet && limit && !limit.allowPartial && capped.alpha > max) {
    return { ok: false, error: E.SlippageTooHigh };
  }
  const amount = capped.alpha < max ? capped.alpha : max;
  if (!crossSubnet) {
    const price = spotPrice(poolOf(store, t.originNetuid), S.SubnetMechanism.get(store, t.originNetuid));
    const tao = U64F64.fromInt(amount).saturatingMul(price).saturatingToNum("u64");
    if (tao < minStake(store)) return { ok: false, error: E.AmountTooLow };
    const moved = decreaseStake(store, t.originHotkey, t.originColdkey, t.originNetuid, amount);
    if (t.originNetuid === ROOT_NETUID)
      removeStakeAdjustRootClaimed(store, t.originHotkey, t.originColdkey, moved);
    if (!increaseStake(store, t.destinationHotkey, t.destinationColdkey, t.destinationNetuid, moved)) {
      return { ok: false, error: E.InsufficientLiquidity };
    }
    if (t.destinationNetuid === ROOT_NETUID) {
      addStakeAdjustRootClaimed(store, t.destinationHotkey, t.destinationColdkey, moved);
      // Subtensor indexes it on a later block (`populate_root_coldkey_staking_maps`); here at once.
      indexColdkey(store, t.destinationColdkey);
    }
    const common = { tao, alpha: moved, netuid: t.originNetuid, fee: 0n };
    scope.emit("SubtensorModule", "StakeRemoved", {
      coldkey: t.originColdkey,
      hotkey: t.originHotkey,
      ...common,
    });
    scope.emit("SubtensorModule", "StakeAdded", {
      coldkey: t.destinationColdkey,
      hotkey: t.destinationHotkey,
      ...common,
    });
    return { ok: true, tao };
  }
  // The swap fee is charged on one leg only: the origin's (the sale), unless the stake leaves root,
  // whose sale is free, and then the destination's (Subtensor's `drop_fee_origin`).
  const feeOnOrigin = t.originNetuid !== ROOT_NETUID;
  const sold = unstakeAlpha(
    scope,
    t.originColdkey,
    t.originHotkey,
    t.originNetuid,
    amount,
    undefined,
    !feeOnOrigin,
  );
  if (!sold.ok) return sold;
  if (t.destinationColdkey !== t.originColdkey) {
    // `transfer_tao`: a plain transfer that may reap the origin coldkey.
    const given = transfer(scope, t.originColdkey, t.destinationColdkey, sold.tao, "Expendable");
    if (!given.ok) return { ok: false, error: E.InsufficientBalance };
  }
  // Below the minimum stake the TAO stays as free balance rather than becoming dust stake.
  if (sold.tao >= minStake(store)) {
    if (S.Owner.get(store, t.destinationHotkey) !== t.destinationColdkey)
      becomeDelegate(store, t.destinationHotkey);
    const bought = stakeTao(
      scope,
      t.destinationColdkey,
      t.destinationHotkey,
      t.destinationNetuid,
      sold.tao,
      undefined,
      feeOnOrigin,
    );
    if (!bought.ok) return bought;
  }
  return { ok: true, tao: sold.tao };
}

const signed =
  <A>(run: (scope: Scope, coldkey: string, args: A) => DispatchResult) =>
  (scope: Scope, origin: Origin, args: A): DispatchResult =>
    origin.kind === "Signed" ? run(scope, origin.who, args) : badOrigin();

const MOVE_WEIGHT = () => weight(900_000_000n, 40, 24);

export const MOVE_CALLS = [
  defineCall({
    pallet: "SubtensorModule",
    name: "move_stake",
    index: 85,
    args: Struct({
      originHotkey: AccountId,
      destinationHotkey: AccountId,
      originNetuid: u16,
      destinationNetuid: u16,
      alphaAmount: u64,
    }),
    weight: MOVE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => {
      const r = transition(scope, {
        originColdkey: who,
        destinationColdkey: who,
        originHotkey: a.originHotkey,
        destinationHotkey: a.destinationHotkey,
        originNetuid: a.originNetuid,
        destinationNetuid: a.destinationNetuid,
        alpha: a.alphaAmount,
        isTransfer: false,
      });
      if (!r.ok) return fail(r.error);
      scope.emit("SubtensorModule", "StakeMoved", {
        coldkey: who,
        originHotkey: a.originHotkey,
        originNetuid: a.originNetuid,
        destinationHotkey: a.destinationHotkey,
        destinationNetuid: a.destinationNetuid,
        tao: r.tao,
      });
      return OK;
    }),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "transfer_stake",
    index: 86,
    args: Struct({
      destinationColdkey: AccountId,
      hotkey: AccountId,
      originNetuid: u16,
      destinationNetuid: u16,
      alphaAmount: u64,
    }),
    weight: MOVE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => {
      const r = transition(scope, {
        originColdkey: who,
        destinationColdkey: a.destinationColdkey,
        originHotkey: a.hotkey,
        destinationHotkey: a.hotkey,
        originNetuid: a.originNetuid,
        destinationNetuid: a.destinationNetuid,
        alpha: a.alphaAmount,
        isTransfer: true,
      });
      if (!r.ok) return fail(r.error);
      scope.emit("SubtensorModule", "StakeTransferred", {
        originColdkey: who,
        destinationColdkey: a.destinationColdkey,
        hotkey: a.hotkey,
        originNetuid: a.originNetuid,
        destinationNetuid: a.destinationNetuid,
        tao: r.tao,
      });
      return OK;
    }),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "swap_stake",
    index: 87,
    args: Struct({ hotkey: AccountId, originNetuid: u16, destinationNetuid: u16, alphaAmount: u64 }),
    weight: MOVE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => swapStake(scope, who, a)),
  }),
  defineCall({
    pallet: "SubtensorModule",
    name: "swap_stake_limit",
    index: 90,
    args: Struct({
      hotkey: AccountId,
      originNetuid: u16,
      destinationNetuid: u16,
      alphaAmount: u64,
      limitPrice: u64,
      allowPartial: bool,
    }),
    weight: MOVE_WEIGHT,
    pays: true,
    dispatch: signed((scope, who, a) => swapStake(scope, who, a, a)),
  }),
];

function swapStake(
  scope: Scope,
  who: string,
  a: { hotkey: string; originNetuid: number; destinationNetuid: number; alphaAmount: bigint },
  limit?: MoveLimit,
): DispatchResult {
  const r = transition(
    scope,
    {
      originColdkey: who,
      destinationColdkey: who,
      originHotkey: a.hotkey,
      destinationHotkey: a.hotkey,
      originNetuid: a.originNetuid,
      destinationNetuid: a.destinationNetuid,
      alpha: a.alphaAmount,
      isTransfer: false,
    },
    limit,
  );
  if (!r.ok) return fail(r.error);
  scope.emit("SubtensorModule", "StakeSwapped", {
    coldkey: who,
    hotkey: a.hotkey,
    originNetuid: a.originNetuid,
    destinationNetuid: a.destinationNetuid,
    tao: r.tao,
  });
  return OK;
}
