// The subnet pools in storage: reading a pool, and swapping through it with the reserve, stake and
// volume bookkeeping of economics §7.2. The formulas themselves are the pure functions in `swap.ts`.
import type { U64F64 } from "@opentao/primitives";
import type { DispatchError } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
import { payAuthor, withdrawFee } from "../../balances/currency.js";
import { subnetAccountId } from "../accounts.js";
import { SubtensorStorage as S } from "../storage.js";
import type { PoolState } from "./balancer.js";
import { SwapErrors } from "./errors.js";
import { quoteBuy, quoteSell, type SwapError } from "./swap.js";

export function poolOf(store: KeyValueReader, netuid: number): PoolState {
  return {
    taoReserve: S.SubnetTAO.get(store, netuid),
    alphaReserve: S.SubnetAlphaIn.get(store, netuid),
    quoteWeight: S.PoolQuoteWeight.get(store, netuid),
  };
}

/** Root and other stable (mechanism 0) subnets swap 1:1 without fees. */
export const isStableSubnet = (store: KeyValueReader, netuid: number) =>
  S.SubnetMechanism.get(store, netuid) === 0;

export interface SwapResult {
  ok: true;
  /** Net input that entered the pool [rao]. */
  amountIn: bigint;
  /** Output paid out [rao]. */
  amountOut: bigint;
  /** Fee, in the input token [rao]. */
  fee: bigint;
}

const U64_MAX = 2n ** 64n - 1n;
const add64 = (a: bigint, b: bigint) => (a + b > U64_MAX ? U64_MAX : a + b);
const sub = (a: bigint, b: bigint) => (a > b ? a - b : 0n);
const asError = (e: SwapError): DispatchError => SwapErrors[e];

/**
 * `swap_tao_for_alpha`: `tao` (already in the subnet account) buys alpha. The fee goes from the subnet
 * account to the block author. Updates SubnetTAO, SubnetAlphaIn/Out, TotalStake and SubnetVolume.
 */
export function swapTaoForAlpha(
  scope: Scope,
  netuid: number,
  tao: bigint,
  limitPrice?: U64F64,
  dropFees = false,
): SwapResult | { ok: false; error: DispatchError } {
  const { store } = scope;
  let amountIn = tao;
  let amountOut = tao;
  let fee = 0n;
  if (!isStableSubnet(store, netuid)) {
    const { feeRate, minimumReserve } = {
      feeRate: S.FeeRate.get(store, netuid),
      minimumReserve: scope.env.preset.pool.minimumReserve,
    };
    const quote = quoteBuy(poolOf(store, netuid), tao, { feeRate, minimumReserve, dropFees }, limitPrice);
    if (!quote.ok) return { ok: false, error: asError(quote.error) };
    amountIn = quote.amountPaidIn;
    amountOut = quote.amountPaidOut;
    fee = quote.feeToBlockAuthor;
  }
  S.SubnetTAO.mutate(store, netuid, (x) => add64(x, amountIn));
  S.SubnetAlphaIn.mutate(store, netuid, (x) => sub(x, isStableSubnet(store, netuid) ? 0n : amountOut));
  S.SubnetAlphaOut.mutate(store, netuid, (x) => add64(x, amountOut));
  S.TotalStake.mutate(store, (x) => add64(x, amountIn + fee));
  S.SubnetVolume.mutate(store, netuid, (x) => x + amountIn + fee);
  if (fee > 0n && withdrawFee(scope, subnetAccountId(netuid), fee)) payAuthor(scope, fee);
  return { ok: true, amountIn, amountOut, fee };
}

/** `swap_alpha_for_tao`: `alpha` sells for TAO, which stays in the subnet account for the caller to pay out. */
export function swapAlphaForTao(
  scope: Scope,
  netuid: number,
  alpha: bigint,
  limitPrice?: U64F64,
  dropFees = false,
): SwapResult | { ok: false; error: DispatchError } {
  const { store } = scope;
  let amountIn = alpha;
  let amountOut = alpha;
  let fee = 0n;
  if (!isStableSubnet(store, netuid)) {
    const config = {
      feeRate: S.FeeRate.get(store, netuid),
      minimumReserve: scope.env.preset.pool.minimumReserve,
      dropFees,
    };
    const quote = quoteSell(poolOf(store, netuid), alpha, config, limitPrice);
    if (!quote.ok) return { ok: false, error: asError(quote.error) };
    amountIn = quote.amountPaidIn;
    amountOut = quote.amountPaidOut;
    fee = quote.feeToBlockAuthor;
  }
  S.SubnetAlphaIn.mutate(store, netuid, (x) => add64(x, isStableSubnet(store, netuid) ? 0n : amountIn));
  S.SubnetAlphaOut.mutate(store, netuid, (x) => sub(x, amountIn));
  S.SubnetTAO.mutate(store, netuid, (x) => sub(x, amountOut));
  S.TotalStake.mutate(store, (x) => sub(x, amountOut));
  S.SubnetVolume.mutate(store, netuid, (x) => x + amountOut);
  return { ok: true, amountIn, amountOut, fee };
}
