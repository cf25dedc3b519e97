// Exact I32F32 multiply and divide on two JS-number limbs, without BigInt on the common path.
//
// A value is held as `hi` (signed int32: floor of the value = high word of the i64 bits) and `lo`
// (uint32: the 32 fraction bits), i.e. bits = hi·2^32 + lo. Every intermediate below is an integer
// below 2^53 in magnitude, so double arithmetic is exact; where that cannot be guaranteed (integer
// parts of 2^19 or more) the kernel falls back to BigInt. Results are bit-identical to raw.ts.
import { I32F32_FORMAT } from "./format.js";
import { divRaw, mulRaw } from "./raw.js";

const TWO16 = 65536;
const TWO32 = 4294967296;
const INV16 = 1 / TWO16;
const INV32 = 1 / TWO32;
const TWO53 = 9007199254740992;
const INT_MIN = -2147483648;
const INT_LIMIT = 2147483648;
/** |hi| below this: every partial product of mul stays below 2^52. */
const MUL_FAST = 524288; // 2^19
/** |hi| below this: hi·2^32 + lo is an exact double (|bits| <= 2^53). */
const DIV_FAST = 2097152; // 2^21
/** Veltkamp splitter 2^27 + 1 for Dekker's exact product. */
const SPLITTER = 134217729;

/** Raw i64 bits of a limb pair. */
export function limbsToBits(hi: number, lo: number): bigint {
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Stores raw bits as limbs at `out[k]`; false when they do not fit i64. */
export function storeBits(bits: bigint, outHi: Int32Array, outLo: Uint32Array, k: number): boolean {
  if (bits < I32F32_FORMAT.minBits || bits > I32F32_FORMAT.maxBits) return false;
  outHi[k] = Number(bits >> 32n);
  outLo[k] = Number(bits & 0xffffffffn);
  return true;
}

/**
 * Writes `a * b` = floor(a_bits·b_bits / 2^32) to `out[k]`. Returns false (writing nothing) on overflow.
 */
export function mulLimbs(
  ah: number,
  al: number,
  bh: number,
  bl: number,
  outHi: Int32Array,
  outLo: Uint32Array,
  k: number,
): boolean {
  if (ah < MUL_FAST && ah >= -MUL_FAST && bh < MUL_FAST && bh >= -MUL_FAST) {
    // a·b / 2^32 = ah·bh·2^32 + ah·bl + al·bh + al·bl/2^32. Only al·bl (< 2^64) needs splitting: with
    // bl = b1·2^16 + b0, al·bl = x·2^16 + y where x, y < 2^48.
    const x = al * (bl >>> 16);
    const y = al * (bl & 0xffff);
    const xh = Math.floor(x * INV16);
    const low = xh + Math.floor(((x - xh * TWO16) * TWO16 + y) * INV32); // floor(al·bl / 2^32) < 2^32
    const mid = ah * bl + al * bh + low; // |mid| < 2^51 + 2^51 + 2^32
    const midHi = Math.floor(mid * INV32);
    const hi = ah * bh + midHi; // |ah·bh| < 2^38
    if (hi < INT_MIN || hi >= INT_LIMIT) return false;
    outHi[k] = hi;
    outLo[k] = mid - midHi * TWO32;
    return true;
  }
  return storeBits(mulRaw(I32F32_FORMAT, limbsToBits(ah, al), limbsToBits(bh, bl)), outHi, outLo, k);
}

/**
 * Writes `a / b` = trunc(a_bits·2^32 / b_bits) to `out[k]`. The divisor must be non-zero (callers check).
 * Returns false (writing nothing) on overflow.
 */
export function divLimbs(
  ah: number,
  al: number,
  bh: number,
  bl: number,
  outHi: Int32Array,
  outLo: Uint32Array,
  k: number,
): boolean {
  if (ah < DIV_FAST && ah >= -DIV_FAST && bh < DIV_FAST && bh >= -DIV_FAST) {
    const numerator = ah * TWO32 + al; // exact: |bits| <= 2^53
    const divisor = bh * TWO32 + bl;
    const n = Math.abs(numerator) * TWO32; // exact: scaling by a power of two
    const d = Math.abs(divisor);
    const approx = n / d; // correctly rounded quotient
    if (approx < TWO53) {
      // With the true quotient t < 2^53 and k = floor(t), rounding is monotone and k, k+1 are doubles, so
      // k <= approx <= k+1 and floor(approx) is k unless approx landed exactly on the integer k+1. Only
      // then compare n with q·d exactly: q·d = p + e (Dekker), and n - p is exact (Sterbenz), so
      // n < q·d  <=>  n - p < e.
      let q = Math.floor(approx);
      if (q === approx && q !== 0) {
        const p = q * d;
        if (n - p < productError(q, d, p)) q -= 1;
      }
      const r = numerator < 0 !== divisor < 0 ? -q : q; // truncation toward zero
      const hi = Math.floor(r * INV32);
      outHi[k] = hi;
      outLo[k] = r - hi * TWO32;
      return true;
    }
  }
  return storeBits(divRaw(I32F32_FORMAT, limbsToBits(ah, al), limbsToBits(bh, bl)), outHi, outLo, k);
}

/** The exact rounding error of p = fl(a·b): a·b = p + error (Dekker's TwoProduct without FMA). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}
