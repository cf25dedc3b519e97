// The five formats Subtensor uses. Each is a distinct class: its literal `kind` makes the types
// incompatible in TypeScript, and Fixed checks the format again at run time.
import { Fixed } from "./fixed.js";
import {
  type FixedFormat,
  I32F32_FORMAT,
  I64F64_FORMAT,
  I96F32_FORMAT,
  U64F64_FORMAT,
  U96F32_FORMAT,
} from "./format.js";

/** Signed, i64 raw bits, 32 fraction bits: the whole Yuma epoch. Range [-2^31, 2^31 - 2^-32]. */
export class I32F32 extends Fixed<I32F32> {
  static readonly format: FixedFormat = I32F32_FORMAT;
  static readonly ZERO: I32F32 = new I32F32(0n);
  static readonly ONE: I32F32 = new I32F32(I32F32_FORMAT.one);
  static readonly MIN: I32F32 = new I32F32(I32F32_FORMAT.minBits);
  static readonly MAX: I32F32 = new I32F32(I32F32_FORMAT.maxBits);
  get format(): FixedFormat {
    return I32F32_FORMAT;
  }
  get kind(): "I32F32" {
    return "I32F32";
  }
}

/** Signed, i128 raw bits, 64 fraction bits: stake before normalisation, moving averages, flow EMAs. */
export class I64F64 extends Fixed<I64F64> {
  static readonly format: FixedFormat = I64F64_FORMAT;
  static readonly ZERO: I64F64 = new I64F64(0n);
  static readonly ONE: I64F64 = new I64F64(I64F64_FORMAT.one);
  static readonly MIN: I64F64 = new I64F64(I64F64_FORMAT.minBits);
  static readonly MAX: I64F64 = new I64F64(I64F64_FORMAT.maxBits);
  get format(): FixedFormat {
    return I64F64_FORMAT;
  }
  get kind(): "I64F64" {
    return "I64F64";
  }
}

/** Unsigned, u128 raw bits, 64 fraction bits: prices, EMA prices, shares, swap math. */
export class U64F64 extends Fixed<U64F64> {
  static readonly format: FixedFormat = U64F64_FORMAT;
  static readonly ZERO: U64F64 = new U64F64(0n);
  static readonly ONE: U64F64 = new U64F64(U64F64_FORMAT.one);
  static readonly MIN: U64F64 = new U64F64(U64F64_FORMAT.minBits);
  static readonly MAX: U64F64 = new U64F64(U64F64_FORMAT.maxBits);
  get format(): FixedFormat {
    return U64F64_FORMAT;
  }
  get kind(): "U64F64" {
    return "U64F64";
  }
}

/** Signed, i128 raw bits, 32 fraction bits: emission amounts in rao, coinbase math. */
export class I96F32 extends Fixed<I96F32> {
  static readonly format: FixedFormat = I96F32_FORMAT;
  static readonly ZERO: I96F32 = new I96F32(0n);
  static readonly ONE: I96F32 = new I96F32(I96F32_FORMAT.one);
  static readonly MIN: I96F32 = new I96F32(I96F32_FORMAT.minBits);
  static readonly MAX: I96F32 = new I96F32(I96F32_FORMAT.maxBits);
  get format(): FixedFormat {
    return I96F32_FORMAT;
  }
  get kind(): "I96F32" {
    return "I96F32";
  }
}

/** Unsigned, u128 raw bits, 32 fraction bits: emission amounts, dividend distribution. */
export class U96F32 extends Fixed<U96F32> {
  static readonly format: FixedFormat = U96F32_FORMAT;
  static readonly ZERO: U96F32 = new U96F32(0n);
  static readonly ONE: U96F32 = new U96F32(U96F32_FORMAT.one);
  static readonly MIN: U96F32 = new U96F32(U96F32_FORMAT.minBits);
  static readonly MAX: U96F32 = new U96F32(U96F32_FORMAT.maxBits);
  get format(): FixedFormat {
    return U96F32_FORMAT;
  }
  get kind(): "U96F32" {
    return "U96F32";
  }
}

/** Any of the five fixed-point types. */
export type AnyFixed = I32F32 | I64F64 | U64F64 | I96F32 | U96F32;
