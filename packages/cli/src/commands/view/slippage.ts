// What a stake would really fetch if sold now: the runtime's own swap (fee and price impact included),
// against its TAO value at the pool's price. btcli calls the gap slippage.
import { type PoolView, quoteSell } from "@opentao/runtime";

/**
 * TAO (rao) that unstaking `alpha` alone would pay out: 1:1 on root and stable subnets; on a dynamic
 * one the swap remove_stake runs, without a price limit. 0 when the pool cannot take the sale at all.
 */
export function saleValue(view: PoolView, alpha: bigint, minimumReserve: bigint): bigint {
  if (view.mechanism === 0 || alpha === 0n) return alpha;
  const quote = quoteSell(view.pool, alpha, { feeRate: view.feeRate, minimumReserve });
  return quote.ok ? quote.amountPaidOut : 0n;
}

/** (ideal − actual) / ideal as a percentage with two decimals ("1.25"); "0.00" when nothing is staked. */
export function slippagePercent(ideal: bigint, actual: bigint): string {
  if (ideal <= 0n) return "0.00";
  const hundredths = ((ideal - actual) * 10_000n) / ideal;
  const sign = hundredths < 0n ? "-" : "";
  const abs = hundredths < 0n ? -hundredths : hundredths;
  return `${sign}${abs / 100n}.${(abs % 100n).toString().padStart(2, "0")}`;
}
