// RangeErrors that say what went wrong, where, and how to get the behaviour the caller wanted.
import { bitsToDecimal } from "./decimal.js";
import type { FixedFormat } from "./format.js";

/** Human-readable value of raw bits in `format`, e.g. "1.5". */
export function show(format: FixedFormat, bits: bigint): string {
  return bitsToDecimal(bits, format.fracBits);
}

export function rangeText(format: FixedFormat): string {
  return `[${show(format, format.minBits)}, ${show(format, format.maxBits)}]`;
}

/** An arithmetic result that does not fit its type (Rust panics in debug builds, wraps in release). */
export function overflowError(format: FixedFormat, op: string, expr: string, bits: bigint): RangeError {
  const name = format.name;
  const cap = op.charAt(0).toUpperCase() + op.slice(1);
  return new RangeError(
    `${name}.${op} overflow: ${expr} = ${show(format, bits)} does not fit ${name} ${rangeText(format)}; ` +
      `use saturating${cap} to clamp, checked${cap} to get undefined, or convert to a wider type first`,
  );
}

export function divisionByZeroError(format: FixedFormat, op: string, lhsBits: bigint): RangeError {
  return new RangeError(
    `${format.name}.${op}: division of ${show(format, lhsBits)} by zero; ` +
      "use safeDiv to get 0 (Subtensor's safe_div) or test the divisor first",
  );
}

/** A value that cannot be represented when constructing or converting. */
export function notRepresentableError(
  format: FixedFormat,
  where: string,
  what: string,
  fix: string,
): RangeError {
  return new RangeError(
    `${format.name}.${where}: ${what} is outside ${format.name} ${rangeText(format)}; ${fix}`,
  );
}
