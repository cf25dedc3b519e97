import { amountJson, formatTao, parseTao } from "@opentao/primitives";

/** An amount typed by a person, in TAO with at most 9 decimals; the error names the flag. */
export function parseAmountOption(text: string, flag: string): bigint {
  return parseTao(text, flag);
}

/** JSON for an amount: exact rao as a decimal string plus the TAO value, e.g. { rao: "1500000000", tao: "1.5" }. */
export const money = amountJson;

/** τ1,234.567890000, as bittensor's Balance prints. */
export const tao = (rao: bigint): string => formatTao(rao);
