// Subnet registration cost and the new subnet's pool (spec §9.3; `coinbase/root.rs`
// `get_network_lock_cost` / `get_lock_reduction_interval`, `subnets/subnet.rs` `do_register_network`,
// `staking/stake_utils.rs` `get_median_subnet_alpha_price`).
//   interval = floor(NetworkLockReductionInterval · (block_emission / 10^9))        in I64F64
//   cost     = max(min_lock, last_lock·mult − floor(last_lock/interval)·(now − last_lock_block))
//   mult     = 1 before any registration (last_lock_block == 0), else 2; u64 saturating arithmetic.
import { I64F64, U64F64 } from "@opentao/primitives";

const U64_MAX = (1n << 64n) - 1n;
const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
const satMul64 = (a: bigint, b: bigint): bigint => (a * b > U64_MAX ? U64_MAX : a * b);

/**
 * The effective lock reduction interval (`get_lock_reduction_interval`): NetworkLockReductionInterval
 * scaled by the current block emission over 1 TAO, in I64F64, floored. Halvings shorten it.
 */
export function lockReductionInterval(networkLockReductionInterval: bigint, blockEmission: bigint): bigint {
  const interval = I64F64.saturatingFromNum(networkLockReductionInterval);
  const emission = I64F64.saturatingFromNum(blockEmission);
  const halving = emission.checkedDiv(I64F64.saturatingFromNum(1_000_000_000n)) ?? I64F64.ZERO;
  return interval.saturatingMul(halving).saturatingToNum("u64");
}

/** What the lock cost reads. */
export interface LockCostInput {
  /** NetworkLastLockCost: what the last registration locked [rao] */
  readonly lastLock: bigint;
  /** The block of the last subnet registration (0 = never) */
  readonly lastLockBlock: bigint;
  /** The current block */
  readonly block: bigint;
  /** NetworkMinLockCost [rao] */
  readonly minLock: bigint;
  /** The effective reduction interval (`lockReductionInterval`) [blocks]; 0 means no decay */
  readonly reductionInterval: bigint;
}

/** `get_network_lock_cost`: the TAO a subnet registration locks now. */
export function networkLockCost(input: LockCostInput): bigint {
  const mult = input.lastLockBlock === 0n ? 1n : 2n;
  const perBlock = input.reductionInterval === 0n ? 0n : input.lastLock / input.reductionInterval;
  const decay = satMul64(perBlock, satSub(input.block, input.lastLockBlock));
  const cost = satSub(satMul64(input.lastLock, mult), decay);
  if (cost < input.minLock) return input.minLock;
  return cost;
}

/**
 * `get_median_subnet_alpha_price`: the median of the current prices of the existing subnets (the caller
 * passes those of added, non-root subnets); zero prices are ignored, two middles are averaged
 * ((a + b) / 2 in U64F64, saturating sum), and 1.0 is the answer when no price is left.
 */
export function medianSpotPrice(prices: readonly U64F64[]): U64F64 {
  const sorted = prices.filter((p) => !p.isZero()).sort((a, b) => a.cmp(b));
  const n = sorted.length;
  if (n === 0) return U64F64.ONE;
  const lower = sorted[(n - 1) >> 1]!;
  const upper = sorted[n >> 1]!;
  if ((n - 1) >> 1 === n >> 1) return upper;
  return lower.saturatingAdd(upper).safeDiv(U64F64.fromInt(2));
}

/** The reserves of a newly registered subnet's pool. */
export interface NewSubnetPool {
  /** SubnetTAO: max(locked, NetworkMinLockCost) [rao] */
  readonly taoReserve: bigint;
  /** SubnetAlphaIn: floor(taoReserve / median price) (0 if that overflows U64F64) [alpha rao] */
  readonly alphaReserve: bigint;
  /** SubnetLocked: the TAO actually locked [rao] */
  readonly locked: bigint;
  /** TAO recycled: locked − taoReserve (saturating; normally 0) [rao] */
  readonly recycled: bigint;
}

/**
 * The pool a subnet registration creates (`do_register_network`): the whole lock stays in the pool,
 * topped up to NetworkMinLockCost, and the alpha reserve is that TAO at the median price of the existing
 * subnets, taken before the new subnet exists.
 */
export function newSubnetPool(locked: bigint, minLock: bigint, medianPrice: U64F64): NewSubnetPool {
  const taoReserve = locked >= minLock ? locked : minLock;
  const alphaReserve = U64F64.saturatingFromNum(taoReserve)
    .safeDiv(medianPrice)
    .floor()
    .saturatingToNum("u64");
  return { taoReserve, alphaReserve, locked, recycled: satSub(locked, taoReserve) };
}
