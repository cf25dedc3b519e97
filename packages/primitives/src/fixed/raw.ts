// The arithmetic of `substrate_fixed` on raw bits held as exact bigints: the reference semantics.
// Results are NOT range-checked here; callers decide between throwing, clamping and returning undefined.
import type { FixedFormat } from "./format.js";

/** `a*b`: the double-width product shifted right by F. BigInt `>>` is arithmetic, i.e. floor. */
export function mulRaw(format: FixedFormat, a: bigint, b: bigint): bigint {
  return (a * b) >> format.frac;
}

/** `a/b`: `(a << F) / b` with integer division truncating toward zero (Rust `/`). `b` must be non-zero. */
export function divRaw(format: FixedFormat, a: bigint, b: bigint): bigint {
  return (a << format.frac) / b;
}

/** Largest integer <= x (clears the fraction bits; floor also for negatives). */
export function floorRaw(format: FixedFormat, bits: bigint): bigint {
  return (bits >> format.frac) << format.frac;
}

/** Smallest integer >= x. */
export function ceilRaw(format: FixedFormat, bits: bigint): bigint {
  return ((bits + format.fracMask) >> format.frac) << format.frac;
}

/** Nearest integer, ties away from zero (`fixed`'s `round()`). */
export function roundRaw(format: FixedFormat, bits: bigint): bigint {
  const half = 1n << (format.frac - 1n);
  return bits >= 0n ? floorRaw(format, bits + half) : -floorRaw(format, half - bits);
}

/** Re-expresses raw bits with another number of fraction bits; dropping bits floors (arithmetic shift). */
export function convertRaw(from: FixedFormat, to: FixedFormat, bits: bigint): bigint {
  const d = to.fracBits - from.fracBits;
  return d >= 0 ? bits << BigInt(d) : bits >> BigInt(-d);
}
