/** Names of the fixed-point formats Subtensor uses (crate `substrate_fixed`). */
export type FixedName = "I32F32" | "I64F64" | "U64F64" | "I96F32" | "U96F32";

/**
 * Static description of one fixed-point format: a `totalBits`-wide two's-complement (signed) or plain
 * (unsigned) integer whose low `fracBits` bits are the fraction. Raw bits are held as exact bigints.
 */
export interface FixedFormat {
  readonly name: FixedName;
  readonly signed: boolean;
  /** Width of the underlying Rust integer (i64, i128, u128). */
  readonly totalBits: number;
  readonly fracBits: number;
  /** `BigInt(fracBits)`, for shifts. */
  readonly frac: bigint;
  /** `2^fracBits - 1`: the fraction bits of a raw value. */
  readonly fracMask: bigint;
  /** Raw bits of 1.0. */
  readonly one: bigint;
  readonly minBits: bigint;
  readonly maxBits: bigint;
  /** Name of the Rust integer behind it, for messages ("i64", "u128"). */
  readonly inner: string;
}

function defineFormat(name: FixedName, signed: boolean, totalBits: number, fracBits: number): FixedFormat {
  const frac = BigInt(fracBits);
  const width = BigInt(totalBits);
  return Object.freeze({
    name,
    signed,
    totalBits,
    fracBits,
    frac,
    fracMask: (1n << frac) - 1n,
    one: 1n << frac,
    minBits: signed ? -(1n << (width - 1n)) : 0n,
    maxBits: signed ? (1n << (width - 1n)) - 1n : (1n << width) - 1n,
    inner: `${signed ? "i" : "u"}${totalBits}`,
  });
}

export const I32F32_FORMAT: FixedFormat = defineFormat("I32F32", true, 64, 32);
export const I64F64_FORMAT: FixedFormat = defineFormat("I64F64", true, 128, 64);
export const U64F64_FORMAT: FixedFormat = defineFormat("U64F64", false, 128, 64);
export const I96F32_FORMAT: FixedFormat = defineFormat("I96F32", true, 128, 32);
export const U96F32_FORMAT: FixedFormat = defineFormat("U96F32", false, 128, 32);

/** True when raw `bits` are representable in `format`. */
export function bitsFit(format: FixedFormat, bits: bigint): boolean {
  return bits >= format.minBits && bits <= format.maxBits;
}

/** Clamps raw `bits` into `format`'s range (the saturating_* behaviour). */
export function clampBits(format: FixedFormat, bits: bigint): bigint {
  if (bits > format.maxBits) return format.maxBits;
  if (bits < format.minBits) return format.minBits;
  return bits;
}
