// Staking is a swap (economics §7.5): TAO into a subnet's pool buys alpha credited to a (hotkey,
// coldkey) stake pool; unstaking sells it back. These are the shared legs of every staking call.
import type { U64F64 } from "@opentao/primitives";
import type { DispatchError } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
import { reducibleBalance, transfer } from "../../balances/currency.js";
import { subnetAccountId } from "../accounts.js";
import { SubtensorErrors as E } from "../errors.js";
import { isStableSubnet, poolOf, swapAlphaForTao, swapTaoForAlpha } from "../pool/pool-state.js";
import { quoteBuy, quoteSell } from "../pool/swap.js";
import { addStakeAdjustRootClaimed, removeStakeAdjustRootClaimed } from "../root-claims/claims.js";
import { hasRootStake, indexColdkey, unindexColdkey } from "../root-claims/coldkey-index.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID, subnetExists } from "../subnets.js";
import { decreaseStake, increaseStake } from "./share-pool.js";

export type Outcome<T> = ({ ok: true } & T) | { ok: false; error: DispatchError };

const fail = (error: DispatchError) => ({ ok: false as const, error });

export const minStake = (store: KeyValueReader) => S.DefaultMinStake.get(store);

export function subtokenEnabled(store: KeyValueReader, netuid: number): boolean {
  return netuid === ROOT_NETUID || S.SubtokenEnabled.get(store, netuid);
}

/** Subnet exists and its token trades: the first checks of every staking call. */
export function checkSubnetTrades(store: KeyValueReader, netuid: number): DispatchError | undefined {
  if (!subnetExists(store, netuid)) return E.SubnetNotExists;
  if (!subtokenEnabled(store, netuid)) return E.SubtokenDisabled;
  return undefined;
}

function swapConfig(scope: Scope, netuid: number) {
  return {
    feeRate: S.FeeRate.get(scope.store, netuid),
    minimumReserve: scope.env.preset.pool.minimumReserve,
  };
}

/** What `tao` would buy now: alpha out and fee (1:1, no fee on root and stable subnets). */
export function simulateBuy(
  scope: Scope,
  netuid: number,
  tao: bigint,
): Outcome<{ alpha: bigint; fee: bigint }> {
  if (isStableSubnet(scope.store, netuid)) return { ok: true, alpha: tao, fee: 0n };
  const q = quoteBuy(poolOf(scope.store, netuid), tao, { ...swapConfig(scope, netuid), simulate: true });
  return q.ok ? { ok: true, alpha: q.amountPaidOut, fee: q.feePaid } : fail(E.InsufficientLiquidity);
}

/** What selling `alpha` would pay now. */
export function simulateSell(
  scope: Scope,
  netuid: number,
  alpha: bigint,
): Outcome<{ tao: bigint; fee: bigint }> {
  if (isStableSubnet(scope.store, netuid)) return { ok: true, tao: alpha, fee: 0n };
  const q = quoteSell(poolOf(scope.store, netuid), alpha, { ...swapConfig(scope, netuid), simulate: true });
  return q.ok ? { ok: true, tao: q.amountPaidOut, fee: q.feePaid } : fail(E.InsufficientLiquidity);
}

/** Moves `tao` from the coldkey into the pool, buys alpha and credits it: `StakeAdded`. */
export function stakeTao(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  tao: bigint,
  limitPrice?: U64F64,
  dropFees = false,
): Outcome<{ alpha: bigint; fee: bigint }> {
  // `transfer_tao_to_subnet`: what the coldkey can give while keeping its existential deposit, at most
  // `tao` (a move's destination coldkey may hold nothing but the TAO the move just gave it).
  const reducible = reducibleBalance(scope, coldkey, "Preserve");
  const staked = tao < reducible ? tao : reducible;
  if (tao > 0n && staked === 0n) return fail(E.InsufficientBalance);
  const moved = transfer(scope, coldkey, subnetAccountId(netuid), staked, "Preserve");
  if (!moved.ok) return fail(E.NotEnoughBalanceToStake);
  const bought = swapTaoForAlpha(scope, netuid, staked, limitPrice, dropFees);
  if (!bought.ok) return bought;
  if (bought.amountOut === 0n) return fail(E.AmountTooLow);
  if (!increaseStake(scope.store, hotkey, coldkey, netuid, bought.amountOut))
    return fail(E.InsufficientLiquidity);
  if (netuid === ROOT_NETUID) {
    addStakeAdjustRootClaimed(scope.store, hotkey, coldkey, bought.amountOut);
    indexColdkey(scope.store, coldkey);
  }
  scope.emit("SubtensorModule", "StakeAdded", {
    coldkey,
    hotkey,
    tao: bought.amountIn + bought.fee,
    alpha: bought.amountOut,
    netuid,
    fee: bought.fee,
  });
  return { ok: true, alpha: bought.amountOut, fee: bought.fee };
}

/** Sells `alpha` of the coldkey's stake and pays the TAO to the coldkey (or `beneficiary`): `StakeRemoved`. */
export function unstakeAlpha(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  alpha: bigint,
  limitPrice?: U64F64,
  dropFees = false,
  beneficiary = coldkey,
): Outcome<{ tao: bigint; fee: bigint }> {
  const taken = decreaseStake(scope.store, hotkey, coldkey, netuid, alpha);
  if (netuid === ROOT_NETUID) removeStakeAdjustRootClaimed(scope.store, hotkey, coldkey, taken);
  const sold = swapAlphaForTao(scope, netuid, taken, limitPrice, dropFees);
  if (!sold.ok) return sold;
  // Alpha the limit price left unsold goes back to the stake.
  const unsold = taken - sold.amountIn - sold.fee;
  if (unsold > 0n) increaseStake(scope.store, hotkey, coldkey, netuid, unsold);
  // A coldkey without root stake left leaves the auto-claim draw.
  if (netuid === ROOT_NETUID && !hasRootStake(scope.store, coldkey)) unindexColdkey(scope.store, coldkey);
  const paid = transfer(scope, subnetAccountId(netuid), beneficiary, sold.amountOut, "Expendable");
  if (!paid.ok) return fail(E.InsufficientLiquidity);
  scope.emit("SubtensorModule", "StakeRemoved", {
    coldkey,
    hotkey,
    tao: sold.amountOut,
    alpha: sold.amountIn + sold.fee,
    netuid,
    fee: sold.fee,
  });
  return { ok: true, tao: sold.amountOut, fee: sold.fee };
}
