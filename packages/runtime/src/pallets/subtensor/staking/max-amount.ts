// How much a limit order may trade before the price crosses its limit: `get_max_amount_add`,
// `get_max_amount_remove` and `get_max_amount_move` (transactions.md §4.6). Limits are rao per alpha
// (10^9 = price 1.0); for moves, the origin price over the destination price. The math works on a view
// of the pools, so a client holding the same reserves gets the chain's answer before it sends.
import { U64F64 } from "@opentao/primitives";
import type { DispatchError } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
import { type PoolState, spotPrice } from "../pool/balancer.js";
import { SwapErrors } from "../pool/errors.js";
import { poolOf } from "../pool/pool-state.js";
import { maxSwapAmount, type SwapError } from "../pool/swap.js";
import { SubtensorStorage as S } from "../storage.js";

export const U64_MAX = 2n ** 64n - 1n;
const PRICE_ONE = 1_000_000_000n;

/** A subnet's pool as the limit math reads it. */
export interface PoolView {
  readonly pool: PoolState;
  /** SubnetMechanism: 0 stable (root and 1:1 subnets), 1 dynamic. */
  readonly mechanism: number;
  /** FeeRate [u16, 65535 = 1.0] */
  readonly feeRate: number;
}

/** The most an order may trade, or the swap error that stops any amount. */
export type MaxAmount = bigint | SwapError;

const isStable = (view: PoolView) => view.mechanism === 0;

function dynamicMax(view: PoolView, direction: "buy" | "sell", limitPrice: bigint, minimumReserve: bigint) {
  const max = maxSwapAmount(view.pool, direction, limitPrice, { feeRate: view.feeRate, minimumReserve });
  return max.ok ? max.amount : max.error;
}

/** TAO that `add_stake_limit` may spend (root and stable subnets: everything at a limit ≥ 1.0, else nothing). */
export function maxStakeAmount(view: PoolView, limitPrice: bigint, minimumReserve: bigint): MaxAmount {
  if (isStable(view)) return limitPrice >= PRICE_ONE ? U64_MAX : 0n;
  return dynamicMax(view, "buy", limitPrice, minimumReserve);
}

/** Alpha that `remove_stake_limit` may sell (root and stable subnets: everything at a limit ≤ 1.0, else nothing). */
export function maxUnstakeAmount(view: PoolView, limitPrice: bigint, minimumReserve: bigint): MaxAmount {
  if (isStable(view)) return limitPrice <= PRICE_ONE ? U64_MAX : 0n;
  return dynamicMax(view, "sell", limitPrice, minimumReserve);
}

/**
 * Origin alpha that may move before origin price / destination price falls to the limit. Unstaking x
 * alpha pays t1 − a1·t1/(a1 + x) TAO, which buys a2 − a2·t2/(t2 + tao) alpha; solving for the ratio
 * gives x = (a2·t1 − limit·a1·t2) / (limit·(t1 + t2)), computed as Subtensor does to avoid overflow.
 * Like Subtensor's, it assumes a single constant-product step.
 */
export function maxMoveAmount(
  origin: PoolView,
  destination: PoolView,
  limitPrice: bigint,
  minimumReserve: bigint,
): MaxAmount {
  if (isStable(origin) && isStable(destination)) return limitPrice > PRICE_ONE ? 0n : U64_MAX;
  const one = U64F64.fromInt(PRICE_ONE);
  if (isStable(origin)) {
    if (limitPrice === 0n) return U64_MAX;
    // The destination's price is the inverse of the limit (a stable price is 1.0).
    const destinationPrice = one
      .safeDiv(U64F64.fromInt(limitPrice))
      .saturatingMul(one)
      .saturatingToNum("u64");
    return maxStakeAmount(destination, destinationPrice, minimumReserve);
  }
  if (isStable(destination)) return maxUnstakeAmount(origin, limitPrice, minimumReserve);

  const { taoReserve: t1, alphaReserve: a1 } = origin.pool;
  const { taoReserve: t2, alphaReserve: a2 } = destination.pool;
  if (t1 === 0n || t2 === 0n || a1 === 0n || a2 === 0n) return 0n;
  const limit = U64F64.fromInt(limitPrice).safeDiv(one);
  const price = (view: PoolView) => spotPrice(view.pool, view.mechanism);
  // The relative price only falls as stake moves, so a limit above it allows nothing.
  if (limit.gt(price(origin).safeDiv(price(destination)))) return 0n;
  if (limitPrice === 0n) return U64_MAX;
  const t1f = U64F64.fromInt(t1);
  const t2f = U64F64.fromInt(t2);
  const sum = t1f.saturatingAdd(t2f);
  return U64F64.fromInt(a2)
    .saturatingMul(t1f.safeDiv(sum))
    .safeDiv(limit)
    .saturatingSub(U64F64.fromInt(a1).saturatingMul(t2f.safeDiv(sum)))
    .saturatingToNum("u64");
}

function viewOf(store: KeyValueReader, netuid: number): PoolView {
  return {
    pool: poolOf(store, netuid),
    mechanism: S.SubnetMechanism.get(store, netuid),
    feeRate: S.FeeRate.get(store, netuid),
  };
}

const dispatch = (max: MaxAmount): bigint | DispatchError =>
  typeof max === "bigint" ? max : SwapErrors[max];

export function maxAmountAdd(scope: Scope, netuid: number, limitPrice: bigint): bigint | DispatchError {
  return dispatch(
    maxStakeAmount(viewOf(scope.store, netuid), limitPrice, scope.env.preset.pool.minimumReserve),
  );
}

export function maxAmountRemove(scope: Scope, netuid: number, limitPrice: bigint): bigint | DispatchError {
  return dispatch(
    maxUnstakeAmount(viewOf(scope.store, netuid), limitPrice, scope.env.preset.pool.minimumReserve),
  );
}

export function maxAmountMove(
  scope: Scope,
  originNetuid: number,
  destinationNetuid: number,
  limitPrice: bigint,
): bigint | DispatchError {
  const { store, env } = scope;
  const [origin, destination] = [viewOf(store, originNetuid), viewOf(store, destinationNetuid)];
  return dispatch(maxMoveAmount(origin, destination, limitPrice, env.preset.pool.minimumReserve));
}
