// The weighted (Balancer-style) subnet pool of Subtensor's swap pallet (`pallets/swap/src/pallet/balancer.rs`
// and the conversions of `swap_step.rs`), as pure functions over the reserves and the quote weight.
//
// Notation (Subtensor's): x = alpha reserve (base, SubnetAlphaIn), y = TAO reserve (quote, SubnetTAO),
// w2 = quote weight (stored, Perquintill parts), w1 = 1 − w2 (base weight).
//   price               p  = (w1/w2)·(y/x)                                   U64F64
//   buy  (Δy TAO in)    Δx = x·(1 − (y/(y+Δy))^(w2/w1))                       floored to rao
//   sell (Δx alpha in)  Δy = y·(1 − (x/(x+Δx))^(w1/w2))
//   to reach price p' (limit orders):  buy Δy = y·((p'/p)^w1 − 1),  sell Δx = x·((p/p')^w2 − 1)
// The powers come from `powRatioScaled` (scaled by 10^18) and are then converted to U64F64 exactly as
// Subtensor does, so every integer below equals the chain's.
import { U64F64 } from "@opentao/primitives";
import { PERQUINTILL_ONE, perquintillComplement, perquintillFromRational } from "./perquintill.js";
import { powRatioScaled } from "./pow-ratio.js";

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;

/** Smallest weight either side may have: 0.01 (`MIN_WEIGHT`). */
export const MIN_POOL_WEIGHT = PERQUINTILL_ONE / 100n;
/** The quote weight of a new or default pool: 0.5 (constant product). */
export const DEFAULT_QUOTE_WEIGHT = perquintillFromRational(1n, 2n);
/** Bits of precision Subtensor asks of `pow_ratio_scaled` in swaps. */
const SWAP_POW_PRECISION = 256;
/** Bits of precision Subtensor asks of `pow_ratio_scaled` for limit-price deltas. */
const LIMIT_POW_PRECISION = 1024;

/** A subnet pool: its two reserves (rao) and its quote (TAO-side) weight in Perquintill parts. */
export interface PoolState {
  /** SubnetTAO: the quote reserve y [rao] */
  readonly taoReserve: bigint;
  /** SubnetAlphaIn: the base reserve x [alpha rao] */
  readonly alphaReserve: bigint;
  /** SwapBalancer quote weight w2 [Perquintill parts, 10^18 = 1.0] */
  readonly quoteWeight: bigint;
}

const satAdd64 = (a: bigint, b: bigint): bigint => (a + b > U64_MAX ? U64_MAX : a + b);
const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
const u64f64 = (n: bigint): U64F64 => U64F64.saturatingFromNum(n);

/** The base (alpha-side) weight w1 = 1 − w2 [Perquintill parts]. */
export function baseWeight(quoteWeight: bigint): bigint {
  return perquintillComplement(quoteWeight);
}

/** Whether a quote weight is allowed: both weights at least 0.01 (`Balancer::check_constraints`). */
export function isValidQuoteWeight(quoteWeight: bigint): boolean {
  return baseWeight(quoteWeight) >= MIN_POOL_WEIGHT && quoteWeight >= MIN_POOL_WEIGHT;
}

/** `Balancer::calculate_price(x, y)` = (w1/w2)·(y/x) in U64F64 (0 when x = 0 or w2 = 0, by safe_div). */
export function calculatePrice(quoteWeight: bigint, alphaReserve: bigint, taoReserve: bigint): U64F64 {
  const w2 = u64f64(quoteWeight);
  const w1 = u64f64(baseWeight(quoteWeight));
  return w1.safeDiv(w2).saturatingMul(u64f64(taoReserve).safeDiv(u64f64(alphaReserve)));
}

/**
 * The pool's current alpha price in TAO (`Pallet::current_price`): for a dynamic subnet (mechanism 1)
 * the balancer price, 0 while the alpha reserve is empty; 1.0 for root and stable subnets.
 */
export function spotPrice(pool: PoolState, mechanism = 1): U64F64 {
  if (mechanism !== 1) return U64F64.ONE;
  if (pool.alphaReserve === 0n) return U64F64.ZERO;
  return calculatePrice(pool.quoteWeight, pool.alphaReserve, pool.taoReserve);
}

/** Rust `SafeInt::to_u64`: the value when it is in [0, u64::MAX]. */
const toU64 = (n: bigint | undefined): bigint | undefined =>
  n !== undefined && n >= 0n && n <= U64_MAX ? n : undefined;

/**
 * `Balancer::exp_scaled`: (r/(r+Δ))^(w1/w2) when `baseOverQuote`, else (r/(r+Δ))^(w2/w1), as U64F64.
 * Δ may be negative. r+Δ saturates in u64; 0 when it is 0 or the power does not fit u64 after scaling
 * by 10^18; for Δ ≥ 0 the result is capped at 1.
 */
export function expScaled(
  quoteWeight: bigint,
  reserve: bigint,
  delta: bigint,
  baseOverQuote: boolean,
): U64F64 {
  const sum = delta >= 0n ? satAdd64(reserve, delta) : satSub(reserve, -delta);
  if (sum === 0n) return U64F64.ZERO;
  const w1 = baseWeight(quoteWeight);
  const w2 = quoteWeight;
  const scaled = toU64(
    baseOverQuote
      ? powRatioScaled(reserve, sum, w1, w2, SWAP_POW_PRECISION, PERQUINTILL_ONE)
      : powRatioScaled(reserve, sum, w2, w1, SWAP_POW_PRECISION, PERQUINTILL_ONE),
  );
  if (scaled === undefined) return U64F64.ZERO;
  const result = u64f64(scaled).safeDiv(u64f64(PERQUINTILL_ONE));
  return delta >= 0n ? result.min(U64F64.ONE) : result;
}

/** Alpha paid out for `taoIn` net TAO put in (`convert_deltas` of a buy): floor(x·(1 − (y/(y+Δy))^(w2/w1))). */
export function alphaOutForTaoIn(pool: PoolState, taoIn: bigint): bigint {
  const e = expScaled(pool.quoteWeight, pool.taoReserve, taoIn, false);
  return u64f64(pool.alphaReserve).saturatingMul(U64F64.ONE.saturatingSub(e)).saturatingToNum("u64");
}

/** TAO paid out for `alphaIn` net alpha put in (`convert_deltas` of a sell): floor(y·(1 − (x/(x+Δx))^(w1/w2))). */
export function taoOutForAlphaIn(pool: PoolState, alphaIn: bigint): bigint {
  const e = expScaled(pool.quoteWeight, pool.alphaReserve, alphaIn, true);
  return u64f64(pool.taoReserve).saturatingMul(U64F64.ONE.saturatingSub(e)).saturatingToNum("u64");
}

/**
 * Alpha that must be sold to take `taoOut` TAO out of the pool (`get_base_needed_for_quote`):
 * x·((y/(y−Δy))^(w2/w1) − 1), floored; 0 where Subtensor's conversion gives 0.
 */
export function alphaNeededForTaoOut(pool: PoolState, taoOut: bigint): bigint {
  const e = expScaled(pool.quoteWeight, pool.taoReserve, -taoOut, false);
  return u64f64(pool.alphaReserve).saturatingMul(e.saturatingSub(U64F64.ONE)).saturatingToNum("u64");
}

/** `reserve · (num/den)^(weight/10^18) − reserve`, Subtensor's limit-delta conversion. */
function limitDelta(num: bigint, den: bigint, weight: bigint, reserve: bigint): bigint {
  const pow = powRatioScaled(num, den, weight, PERQUINTILL_ONE, LIMIT_POW_PRECISION, PERQUINTILL_ONE);
  if (pow === undefined) return 0n;
  const fixed = toU64(pow) !== undefined ? u64f64(pow) : pow > U64_MAX ? u64f64(U64_MAX) : U64F64.ZERO;
  return u64f64(reserve)
    .saturatingMul(fixed.safeDiv(u64f64(PERQUINTILL_ONE)).saturatingSub(U64F64.ONE))
    .saturatingToNum("u64");
}

/**
 * TAO to put in to move the price up from `currentPrice` to `targetPrice` (`calculate_quote_delta_in`):
 * y·((p'/p)^w1 − 1), floored; 0 when p' ≤ p.
 */
export function taoInToReachPrice(
  quoteWeight: bigint,
  currentPrice: U64F64,
  targetPrice: U64F64,
  taoReserve: bigint,
): bigint {
  return limitDelta(targetPrice.bits, currentPrice.bits, baseWeight(quoteWeight), taoReserve);
}

/**
 * Alpha to put in to move the price down from `currentPrice` to `targetPrice` (`calculate_base_delta_in`):
 * x·((p/p')^w2 − 1), floored; 0 when p' ≥ p.
 */
export function alphaInToReachPrice(
  quoteWeight: bigint,
  currentPrice: U64F64,
  targetPrice: U64F64,
  alphaReserve: bigint,
): bigint {
  return limitDelta(currentPrice.bits, targetPrice.bits, quoteWeight, alphaReserve);
}

/** Price after a buy of `taoIn` net TAO (`price_target` of a buy step). */
export function priceAfterBuy(pool: PoolState, taoIn: bigint): U64F64 {
  const alphaOut = alphaOutForTaoIn(pool, taoIn);
  return calculatePrice(
    pool.quoteWeight,
    satSub(pool.alphaReserve, alphaOut),
    satAdd64(pool.taoReserve, taoIn),
  );
}

/** Price after a sell of `alphaIn` net alpha (`price_target` of a sell step). */
export function priceAfterSell(pool: PoolState, alphaIn: bigint): U64F64 {
  const taoOut = taoOutForAlphaIn(pool, alphaIn);
  return calculatePrice(
    pool.quoteWeight,
    satAdd64(pool.alphaReserve, alphaIn),
    satSub(pool.taoReserve, taoOut),
  );
}

/** `mul_perquintill_round`: round(value · p) with halves rounded up, capped at u128::MAX. */
export function mulPerquintillRound(parts: bigint, value: bigint): bigint {
  const r = (value * parts + PERQUINTILL_ONE / 2n) / PERQUINTILL_ONE;
  return r > U128_MAX ? U128_MAX : r;
}

/** Why a new quote weight was refused: it would leave one side below 0.01. */
export type WeightError = "InvalidValue";

/** A new quote weight, or the refusal (Subtensor then keeps the old weight and injects nothing). */
export type WeightUpdate = { ok: true; quoteWeight: bigint } | { ok: false; error: WeightError };

/**
 * `update_weights_for_added_liquidity`: the quote weight that keeps the price when Δy TAO and Δx alpha
 * are added to the reserves — w2' = q2/(q1+q2) with q1 = round(w1·y·(x+Δx)), q2 = round(w2·x·(y+Δy)),
 * or 0.5 when both are 0. Refused (`InvalidValue`) when a weight would fall below 0.01; the protocol
 * then injects nothing (`adjust_protocol_liquidity` returns (0, 0)).
 */
export function updateWeightsForAddedLiquidity(
  quoteWeight: bigint,
  taoReserve: bigint,
  alphaReserve: bigint,
  taoDelta: bigint,
  alphaDelta: bigint,
): WeightUpdate {
  const satMul128 = (a: bigint, b: bigint): bigint => (a * b > U128_MAX ? U128_MAX : a * b);
  const newTao = taoReserve + taoDelta; // u64 + u64 always fits u128
  const newAlpha = alphaReserve + alphaDelta;
  const q1 = mulPerquintillRound(baseWeight(quoteWeight), satMul128(taoReserve, newAlpha));
  const q2 = mulPerquintillRound(quoteWeight, satMul128(alphaReserve, newTao));
  const sum = q1 + q2 > U128_MAX ? U128_MAX : q1 + q2;
  const next = sum !== 0n ? perquintillFromRational(q2, sum) : DEFAULT_QUOTE_WEIGHT;
  return isValidQuoteWeight(next) ? { ok: true, quoteWeight: next } : { ok: false, error: "InvalidValue" };
}

/** Why a pool could not be initialised (`maybe_initialize_palswap`). */
export type PoolInitError = "ReservesOutOfBalance";

/**
 * The quote weight a new pool starts with (`maybe_initialize_palswap`): 0.5 without a price; with a target
 * price p, w2 = y/(p·x + y) where p·x = floor(p)·x + floor(x·frac(p)). `ReservesOutOfBalance` when p·x + y
 * is 0 or the weight falls outside [0.01, 0.99].
 */
export function initialQuoteWeight(
  taoReserve: bigint,
  alphaReserve: bigint,
  price?: U64F64,
): { ok: true; quoteWeight: bigint } | { ok: false; error: PoolInitError } {
  if (price === undefined) return { ok: true, quoteWeight: DEFAULT_QUOTE_WEIGHT };
  const pxHigh = price.saturatingToNum("u64") * alphaReserve;
  const frac = U64F64.fromBits(price.bits & U64_MAX);
  const pxLow = u64f64(alphaReserve).saturatingMul(frac).saturatingToNum("u128");
  let pxPlusY = pxHigh + pxLow + taoReserve;
  if (pxPlusY > U128_MAX) pxPlusY = U128_MAX;
  if (pxPlusY === 0n) return { ok: false, error: "ReservesOutOfBalance" };
  const quoteWeight = perquintillFromRational(taoReserve, pxPlusY);
  return isValidQuoteWeight(quoteWeight)
    ? { ok: true, quoteWeight }
    : { ok: false, error: "ReservesOutOfBalance" };
}
