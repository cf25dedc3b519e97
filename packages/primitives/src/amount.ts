/** 1 TAO = 10^9 rao. Alpha tokens use the same 9 decimals. */
export const RAO_PER_TAO = 1_000_000_000n;
export const TAO_DECIMALS = 9;
export const TAO_SYMBOL = "τ";
export const RAO_SYMBOL = "ρ";
/** Balances on chain are u64 rao. */
export const U64_MAX = 2n ** 64n - 1n;

export class AmountError extends Error {
  override readonly name = "AmountError";
}

const AMOUNT = /^(\d+)(?:\.(\d*))?$|^\.(\d+)$/;
/** A whole part grouped in threes with one kind of separator: 1,000 or 12_345_678. */
const GROUPED = /^\d{1,3}(?:(,)\d{3})(?:\1\d{3})*$|^\d{1,3}(?:(_)\d{3})(?:\2\d{3})*$/;

/**
 * Parses a decimal TAO (or alpha) amount into rao: `parseTao("1.5") === 1_500_000_000n`.
 * Accepts an optional leading τ and `,` or `_` only as thousands grouping of the whole part (1,000.5);
 * rejects anything else that is not an exact non-negative amount of at most 9 decimals, so a typo
 * (a decimal comma such as 1,5) can never move a different sum.
 */
export function parseTao(input: string, what = "amount"): bigint {
  const text = input.trim().replace(/^τ\s*/, "");
  if (text.startsWith("-")) {
    throw new AmountError(`${what} "${input}" is negative; give an amount of zero or more TAO, e.g. 1.5`);
  }
  const m = AMOUNT.exec(withoutGrouping(text, input, what));
  if (!m) {
    throw new AmountError(
      `${what} "${input}" is not a number; write a decimal amount of TAO such as 1.5 or 0.000000001`,
    );
  }
  const whole = m[1] ?? "0";
  const frac = m[2] ?? m[3] ?? "";
  if (frac.length > TAO_DECIMALS) {
    throw new AmountError(
      `${what} "${input}" has ${frac.length} decimal places; TAO has at most ${TAO_DECIMALS} (1 rao = 0.000000001 TAO)`,
    );
  }
  return BigInt(whole) * RAO_PER_TAO + BigInt(frac.padEnd(TAO_DECIMALS, "0") || "0");
}

/** `text` with its thousands separators removed; a separator anywhere else is an error. */
function withoutGrouping(text: string, input: string, what: string): string {
  const at = text.search(/[,_]/);
  if (at < 0 || !/^[\d,_.]+$/.test(text)) return text; // not a number at all: say that instead
  const dot = text.indexOf(".");
  const whole = dot < 0 ? text : text.slice(0, dot);
  if (at < whole.length && GROUPED.test(whole)) return whole.replace(/[,_]/g, "") + text.slice(whole.length);
  const sep = text.charAt(at);
  const decimalComma = sep === "," && dot < 0 && /^\d+,\d+$/.test(text);
  const fix = decimalComma
    ? `for a decimal write ${text.replace(",", ".")}, not ${text}`
    : dot >= 0 && at > dot
      ? "the part after the decimal point is digits only"
      : 'use "." for decimals: write 1.5, not 1,5';
  throw new AmountError(
    `${what} "${input}" has a misplaced "${sep}" (character ${input.indexOf(sep) + 1}): "," and "_" may only group the whole part in threes, as in 1,000 or 12,345.5; ${fix}`,
  );
}

/** Parses an integer rao amount ("1500000000"), as used in JSON. */
export function parseRao(input: string | number | bigint, what = "amount"): bigint {
  if (typeof input === "bigint") return checkRao(input, what);
  if (typeof input === "number") {
    if (!Number.isSafeInteger(input)) {
      throw new AmountError(
        `${what} ${input} is not an exact integer number of rao; pass it as a decimal string`,
      );
    }
    return checkRao(BigInt(input), what);
  }
  if (!/^\d+$/.test(input.trim())) {
    throw new AmountError(`${what} "${input}" is not a whole number of rao (digits only, e.g. 1500000000)`);
  }
  return checkRao(BigInt(input.trim()), what);
}

function checkRao(rao: bigint, what: string): bigint {
  if (rao < 0n) throw new AmountError(`${what} ${rao} rao is negative`);
  return rao;
}

/** The exact decimal TAO value of `rao` with no trailing zeros: 1_500_000_000n → "1.5". */
export function raoToTaoString(rao: bigint): string {
  const sign = rao < 0n ? "-" : "";
  const abs = rao < 0n ? -rao : rao;
  const whole = abs / RAO_PER_TAO;
  const frac = (abs % RAO_PER_TAO).toString().padStart(TAO_DECIMALS, "0").replace(/0+$/, "");
  return `${sign}${whole}${frac ? `.${frac}` : ""}`;
}

export interface FormatTaoOptions {
  /** Decimal places shown (0–9, default 9); the last one is rounded half away from zero. */
  decimals?: number;
  /** Unit symbol placed in front; `""` for none. Default τ. */
  symbol?: string;
  /** Thousands separators in the whole part (default true). */
  grouping?: boolean;
}

/** Formats rao for people: `formatTao(1_500_000_000n) === "τ1.500000000"`, like bittensor's Balance. */
export function formatTao(rao: bigint, options: FormatTaoOptions = {}): string {
  const decimals = options.decimals ?? TAO_DECIMALS;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > TAO_DECIMALS) {
    throw new AmountError(`decimals must be an integer from 0 to ${TAO_DECIMALS}, got ${decimals}`);
  }
  const symbol = options.symbol ?? TAO_SYMBOL;
  const negative = rao < 0n;
  let abs = negative ? -rao : rao;
  const unit = 10n ** BigInt(TAO_DECIMALS - decimals);
  abs = ((abs + unit / 2n) / unit) * unit;
  const wholeDigits = (abs / RAO_PER_TAO).toString();
  const whole = options.grouping === false ? wholeDigits : wholeDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const frac = (abs % RAO_PER_TAO).toString().padStart(TAO_DECIMALS, "0").slice(0, decimals);
  return `${negative ? "-" : ""}${symbol}${whole}${decimals > 0 ? `.${frac}` : ""}`;
}

/** JSON shape for amounts: exact rao as a decimal string plus a formatted TAO string. */
export interface AmountJson {
  rao: string;
  tao: string;
}

export function amountJson(rao: bigint): AmountJson {
  return { rao: rao.toString(), tao: raoToTaoString(rao) };
}
