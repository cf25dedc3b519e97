// Exact decimal text <-> raw bits. Every value with F fractional bits has a finite decimal expansion
// (at most F digits after the point), so printing is exact; parsing rounds like Rust's `from_str`.

/**
 * The exact decimal expansion of `bits / 2^fracBits`, without trailing zeros:
 * `bitsToDecimal(3n << 31n, 32) === "1.5"`, `bitsToDecimal(1n, 32) === "0.00000000023283064365386962890625"`.
 */
export function bitsToDecimal(bits: bigint, fracBits: number): string {
  const negative = bits < 0n;
  const abs = negative ? -bits : bits;
  const frac = BigInt(fracBits);
  const whole = abs >> frac;
  const rest = abs & ((1n << frac) - 1n);
  const sign = negative ? "-" : "";
  if (rest === 0n) return `${sign}${whole}`;
  // rest / 2^F == rest * 5^F / 10^F: the digits are those of rest * 5^F padded to F places.
  const digits = (rest * 5n ** frac).toString().padStart(fracBits, "0").replace(/0+$/, "");
  return `${sign}${whole}.${digits}`;
}

const DECIMAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))$/;

/**
 * Parses a plain decimal ("-12.375", ".5", "7.") into raw bits with `fracBits` fraction bits, rounding to
 * the nearest representable value with ties to even (what `fixed`'s `from_str` does). The result is not
 * range-checked. Returns undefined when `text` is not a plain decimal (no exponents, no separators).
 */
export function decimalToBits(text: string, fracBits: number): bigint | undefined {
  const m = DECIMAL.exec(text.trim());
  if (!m) return undefined;
  const negative = m[1] === "-";
  const whole = m[2] ?? "0";
  const fraction = m[3] ?? m[4] ?? "";
  const scale = 10n ** BigInt(fraction.length);
  const numerator = BigInt(whole + fraction) << BigInt(fracBits);
  const abs = roundHalfEvenDiv(numerator, scale);
  return negative ? -abs : abs;
}

/** round(n / d) for n >= 0, d > 0, ties to even. */
export function roundHalfEvenDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  const twiceRem = (n - q * d) * 2n;
  if (twiceRem > d || (twiceRem === d && (q & 1n) === 1n)) return q + 1n;
  return q;
}
