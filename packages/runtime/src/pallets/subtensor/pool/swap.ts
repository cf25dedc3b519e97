// One swap through a dynamic subnet's pool, as the swap pallet runs it (`impls.rs` `do_swap` /
// `swap_inner`, `swap_step.rs` `BasicSwapStep`): fee, input cap, reserve checks, limit price with partial
// fill, output. Pure: the caller reads the reserves and writes the result (Subtensor's `stake_utils`
// moves SubnetTAO/SubnetAlphaIn by `amountPaidIn`/`amountPaidOut`; the fee is not added to the pool).
// Root and stable subnets (mechanism ≠ 1) swap 1:1 without fee in the caller and never come here.
import { U64F64 } from "@opentao/primitives";
import {
  alphaInToReachPrice,
  alphaOutForTaoIn,
  type PoolState,
  priceAfterBuy,
  priceAfterSell,
  spotPrice,
  taoInToReachPrice,
  taoOutForAlphaIn,
} from "./balancer.js";

const U64_MAX = (1n << 64n) - 1n;
const U16_MAX = 65_535n;

/** `MAX_SWAP_INPUT_RESERVE_MULTIPLIER`: the net input may be at most 1000 × the input reserve. */
export const MAX_SWAP_INPUT_RESERVE_MULTIPLIER = 1000n;
/** `min_price_inner`: the default limit of a sell, 1000 rao per alpha (0.000001 TAO). */
export const MIN_PRICE_LIMIT_RAO = 1_000n;
/** `max_price_inner`: the default limit of a buy, 10^18 rao per alpha. */
export const MAX_PRICE_LIMIT_RAO = 1_000_000_000_000_000_000n;

/** Buy alpha with TAO (`GetAlphaForTao`) or sell alpha for TAO (`GetTaoForAlpha`). */
export type SwapDirection = "buy" | "sell";

/**
 * Errors a swap can fail with, named as Subtensor's swap pallet names them:
 * - `SwapInputTooLarge`: net input above 1000 × the input reserve;
 * - `ReservesTooLow`: output reserve below MinimumReserve, or a non-zero input that buys nothing;
 * - `PriceLimitExceeded`: the current price is already at or beyond the limit;
 * - `InsufficientLiquidity`: (a real swap) the output would exceed the output reserve.
 */
export type SwapError =
  | "SwapInputTooLarge"
  | "ReservesTooLow"
  | "PriceLimitExceeded"
  | "InsufficientLiquidity";

/** The pool parameters a swap reads. */
export interface SwapConfig {
  /** FeeRate of the subnet [u16, 65535 = 1.0] */
  readonly feeRate: number;
  /** MinimumReserve: the output reserve must be at least this before the swap [rao] */
  readonly minimumReserve: bigint;
  /** No fee (Subtensor's `drop_fees`: block-author fee resale, internal moves) */
  readonly dropFees?: boolean;
  /** A simulation (`sim_swap`, max-amount queries): the output-above-reserve check is skipped */
  readonly simulate?: boolean;
}

/** What a successful swap did. */
export interface SwapQuote {
  readonly ok: true;
  /** The net input that entered the pool (Δ, after the fee; less than asked when the limit was reached) [rao] */
  readonly amountPaidIn: bigint;
  /** The output taken out of the pool [rao] */
  readonly amountPaidOut: bigint;
  /** The fee, in the input token (recomputed on a partial fill) [rao] */
  readonly feePaid: bigint;
  /** The part of the fee that goes to the block author: the fee, or 0 when nothing was swapped [rao] */
  readonly feeToBlockAuthor: bigint;
  /** Input not used: amount − amountPaidIn − feePaid (saturating), refunded by Subtensor's callers [rao] */
  readonly refund: bigint;
  /** Whether the limit price stopped the swap before the whole amount was used */
  readonly partial: boolean;
  /** The pool after the swap, as `swap_tao_for_alpha` / `swap_alpha_for_tao` leave it */
  readonly poolAfter: PoolState;
}

export type SwapOutcome = SwapQuote | { readonly ok: false; readonly error: SwapError };

const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
const satAdd64 = (a: bigint, b: bigint): bigint => (a + b > U64_MAX ? U64_MAX : a + b);

/** A limit price given in rao per alpha as U64F64 TAO per alpha: `from_num(limit) / from_num(10^9)`. */
export function limitPriceFromRao(raoPerAlpha: bigint): U64F64 {
  return U64F64.saturatingFromNum(raoPerAlpha).safeDiv(U64F64.saturatingFromNum(1_000_000_000n));
}

/** The limit a swap uses when none is given (`default_price_limit`): 10^18 rao for a buy, 1000 rao for a sell. */
export function defaultPriceLimit(direction: SwapDirection): U64F64 {
  return limitPriceFromRao(direction === "buy" ? MAX_PRICE_LIMIT_RAO : MIN_PRICE_LIMIT_RAO);
}

/** `calculate_fee_amount` of a dynamic subnet: floor(amount · FeeRate/65535) in U64F64; 0 with `dropFees`. */
export function swapFee(amount: bigint, feeRate: number, dropFees = false): bigint {
  if (dropFees) return 0n;
  const rate = U64F64.saturatingFromNum(BigInt(feeRate)).safeDiv(U64F64.saturatingFromNum(U16_MAX));
  return U64F64.saturatingFromNum(amount).saturatingMul(rate).saturatingToNum("u64");
}

/** The fee of a partial fill of net `delta`: floor(Δ · fee/(65535 − fee)), so that Δ + fee ≈ the gross amount. */
export function partialFillFee(delta: bigint, feeRate: number, dropFees = false): bigint {
  const rate = dropFees ? U64F64.ZERO : U64F64.saturatingFromNum(BigInt(feeRate));
  const u16Max = U64F64.saturatingFromNum(U16_MAX);
  return U64F64.saturatingFromNum(delta)
    .saturatingMul(rate.safeDiv(u16Max.saturatingSub(rate)))
    .saturatingToNum("u64");
}

/**
 * Swap `amount` of the input token through the pool (`do_swap`), stopping at `limitPrice` (TAO per alpha;
 * a buy stops when the price would rise above it, a sell when it would fall below it). Checks in
 * Subtensor's order: input cap, output reserve ≥ MinimumReserve, price not already beyond the limit,
 * then the step (full amount, or the part that reaches the limit with the fee recomputed), a non-zero
 * input must buy something, and (unless simulating) the output must not exceed the output reserve.
 */
export function swap(
  pool: PoolState,
  direction: SwapDirection,
  amount: bigint,
  limitPrice: U64F64,
  config: SwapConfig,
): SwapOutcome {
  const buy = direction === "buy";
  const dropFees = config.dropFees ?? false;
  const inReserve = buy ? pool.taoReserve : pool.alphaReserve;
  const outReserve = buy ? pool.alphaReserve : pool.taoReserve;

  // ensure_swap_input_within_reserve_limit
  const fee = swapFee(amount, config.feeRate, dropFees);
  const requested = satSub(amount, fee);
  const maxInput = inReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER;
  if (requested > (maxInput > U64_MAX ? U64_MAX : maxInput)) return { ok: false, error: "SwapInputTooLarge" };

  // swap_inner
  if (outReserve < config.minimumReserve) return { ok: false, error: "ReservesTooLow" };
  const current = spotPrice(pool);
  if (!(buy ? current.lt(limitPrice) : current.gt(limitPrice)))
    return { ok: false, error: "PriceLimitExceeded" };

  // BasicSwapStep::determine_action
  const target = buy ? priceAfterBuy(pool, requested) : priceAfterSell(pool, requested);
  const full = buy ? target.lte(limitPrice) : target.gte(limitPrice);
  let deltaIn = requested;
  let feePaid = fee;
  if (!full) {
    deltaIn = buy
      ? taoInToReachPrice(pool.quoteWeight, current, limitPrice, pool.taoReserve)
      : alphaInToReachPrice(pool.quoteWeight, current, limitPrice, pool.alphaReserve);
    feePaid = partialFillFee(deltaIn, config.feeRate, dropFees);
  }

  // BasicSwapStep::process_swap
  const deltaOut = buy ? alphaOutForTaoIn(pool, deltaIn) : taoOutForAlphaIn(pool, deltaIn);
  if (deltaIn !== 0n && deltaOut === 0n) return { ok: false, error: "ReservesTooLow" };
  if (!(config.simulate ?? false) && outReserve < deltaOut)
    return { ok: false, error: "InsufficientLiquidity" };

  const poolAfter: PoolState = buy
    ? {
        taoReserve: satAdd64(pool.taoReserve, deltaIn),
        alphaReserve: satSub(pool.alphaReserve, deltaOut),
        quoteWeight: pool.quoteWeight,
      }
    : {
        taoReserve: satSub(pool.taoReserve, deltaOut),
        alphaReserve: satAdd64(pool.alphaReserve, deltaIn),
        quoteWeight: pool.quoteWeight,
      };
  return {
    ok: true,
    amountPaidIn: deltaIn,
    amountPaidOut: deltaOut,
    feePaid,
    feeToBlockAuthor: deltaIn !== 0n ? feePaid : 0n,
    refund: satSub(satSub(amount, deltaIn), feePaid),
    partial: !full,
    poolAfter,
  };
}

/** Buy alpha with `taoIn` TAO (gross, fee included), up to `limitPrice` (default: no limit). */
export function quoteBuy(
  pool: PoolState,
  taoIn: bigint,
  config: SwapConfig,
  limitPrice?: U64F64,
): SwapOutcome {
  return swap(pool, "buy", taoIn, limitPrice ?? defaultPriceLimit("buy"), config);
}

/** Sell `alphaIn` alpha (gross, fee included) for TAO, down to `limitPrice` (default: no limit). */
export function quoteSell(
  pool: PoolState,
  alphaIn: bigint,
  config: SwapConfig,
  limitPrice?: U64F64,
): SwapOutcome {
  return swap(pool, "sell", alphaIn, limitPrice ?? defaultPriceLimit("sell"), config);
}

/**
 * The most that can be swapped before the price reaches `limitPriceRao` (rao per alpha), fee included
 * (`get_max_amount_add` for a buy, `get_max_amount_remove` for a sell, dynamic subnets): a simulated swap
 * of 1000 × the input reserve; its error when that swap fails (e.g. `PriceLimitExceeded`).
 */
export function maxSwapAmount(
  pool: PoolState,
  direction: SwapDirection,
  limitPriceRao: bigint,
  config: SwapConfig,
): { ok: true; amount: bigint } | { ok: false; error: SwapError } {
  const inReserve = direction === "buy" ? pool.taoReserve : pool.alphaReserve;
  const probe = inReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER;
  const r = swap(pool, direction, probe > U64_MAX ? U64_MAX : probe, limitPriceFromRao(limitPriceRao), {
    feeRate: config.feeRate,
    minimumReserve: config.minimumReserve,
    dropFees: false,
    simulate: true,
  });
  if (!r.ok) return r;
  return { ok: true, amount: satAdd64(r.amountPaidIn, r.feePaid) };
}

/**
 * SubtensorModule's own pre-check in add_stake / remove_stake on dynamic subnets
 * (`ensure_*_stake_input_within_swap_limit`): the gross amount may be at most 1000 × the input reserve
 * (SubnetTAO for add, SubnetAlphaIn for remove), else `InsufficientLiquidity`. The swap pallet checks the
 * net amount again later (`SwapInputTooLarge`).
 */
export function checkStakeInputWithinSwapLimit(
  amount: bigint,
  inputReserve: bigint,
): { ok: true } | { ok: false; error: "InsufficientLiquidity" } {
  const max = inputReserve * MAX_SWAP_INPUT_RESERVE_MULTIPLIER;
  return amount <= (max > U64_MAX ? U64_MAX : max)
    ? { ok: true }
    : { ok: false, error: "InsufficientLiquidity" };
}

/**
 * The slippage check of the limit staking calls: without partial fills the amount must not exceed the
 * maximum (`SlippageTooHigh`, a SubtensorModule error); with them it is capped at the maximum.
 */
export function applySlippageLimit(
  amount: bigint,
  maxAmount: bigint,
  allowPartial: boolean,
): { ok: true; amount: bigint } | { ok: false; error: "SlippageTooHigh" } {
  if (!allowPartial)
    return amount <= maxAmount ? { ok: true, amount } : { ok: false, error: "SlippageTooHigh" };
  return { ok: true, amount: amount < maxAmount ? amount : maxAmount };
}
