// How much a limit order may trade before the price crosses its limit: `get_max_amount_add`,
// `get_max_amount_remove` and `get_max_amount_move` (transactions.md §4.6). Limits are rao per alpha
// (10^9 = price 1.0); for moves, the origin price over the destination price.
import { U64F64 } from "@opentao/primitives";
import type { DispatchError } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { spotPrice } from "../pool/balancer.js";
import { SwapErrors } from "../pool/errors.js";
import { isStableSubnet, poolOf } from "../pool/pool-state.js";
import { maxSwapAmount } from "../pool/swap.js";
import { SubtensorStorage as S } from "../storage.js";

export const U64_MAX = 2n ** 64n - 1n;
const PRICE_ONE = 1_000_000_000n;

type MaxAmount = bigint | DispatchError;

function dynamicMax(scope: Scope, netuid: number, direction: "buy" | "sell", limitPrice: bigint): MaxAmount {
  const config = {
    feeRate: S.FeeRate.get(scope.store, netuid),
    minimumReserve: scope.env.preset.pool.minimumReserve,
  };
  const max = maxSwapAmount(poolOf(scope.store, netuid), direction, limitPrice, config);
  return max.ok ? max.amount : SwapErrors[max.error];
}

/** TAO that `add_stake_limit` may spend (root and stable subnets: everything at a limit ≥ 1.0, else nothing). */
export function maxAmountAdd(scope: Scope, netuid: number, limitPrice: bigint): MaxAmount {
  if (isStableSubnet(scope.store, netuid)) return limitPrice >= PRICE_ONE ? U64_MAX : 0n;
  return dynamicMax(scope, netuid, "buy", limitPrice);
}

/** Alpha that `remove_stake_limit` may sell (root and stable subnets: everything at a limit ≤ 1.0, else nothing). */
export function maxAmountRemove(scope: Scope, netuid: number, limitPrice: bigint): MaxAmount {
  if (isStableSubnet(scope.store, netuid)) return limitPrice <= PRICE_ONE ? U64_MAX : 0n;
  return dynamicMax(scope, netuid, "sell", limitPrice);
}

/**
 * Origin alpha that may move before origin price / destination price falls to the limit. Unstaking x
 * alpha pays t1 − a1·t1/(a1 + x) TAO, which buys a2 − a2·t2/(t2 + tao) alpha; solving for the ratio
 * gives x = (a2·t1 − limit·a1·t2) / (limit·(t1 + t2)), computed as Subtensor does to avoid overflow.
 * Like Subtensor's, it assumes a single constant-product step.
 */
export function maxAmountMove(
  scope: Scope,
  originNetuid: number,
  destinationNetuid: number,
  limitPrice: bigint,
): MaxAmount {
  const { store } = scope;
  const originStable = isStableSubnet(store, originNetuid);
  const destinationStable = isStableSubnet(store, destinationNetuid);
  if (originStable && destinationStable) return limitPrice > PRICE_ONE ? 0n : U64_MAX;
  const one = U64F64.fromInt(PRICE_ONE);
  if (originStable) {
    if (limitPrice === 0n) return U64_MAX;
    // The destination's price is the inverse of the limit (a stable price is 1.0).
    const destinationPrice = one
      .safeDiv(U64F64.fromInt(limitPrice))
      .saturatingMul(one)
      .saturatingToNum("u64");
    return maxAmountAdd(scope, destinationNetuid, destinationPrice);
  }
  if (destinationStable) return maxAmountRemove(scope, originNetuid, limitPrice);

  const t1 = S.SubnetTAO.get(store, originNetuid);
  const t2 = S.SubnetTAO.get(store, destinationNetuid);
  const a1 = S.SubnetAlphaIn.get(store, originNetuid);
  const a2 = S.SubnetAlphaIn.get(store, destinationNetuid);
  if (t1 === 0n || t2 === 0n || a1 === 0n || a2 === 0n) return 0n;
  const limit = U64F64.fromInt(limitPrice).safeDiv(one);
  const price = (netuid: number) => spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid));
  // The relative price only falls as stake moves, so a limit above it allows nothing.
  if (limit.gt(price(originNetuid).safeDiv(price(destinationNetuid)))) return 0n;
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
