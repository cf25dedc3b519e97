// A vector of I32F32 values in two typed arrays, for the epoch's hot loops. Same results as the scalar
// I32F32 methods, bit for bit, over the whole i64 range (see i32f32-limbs.ts for how).
import { overflowError } from "./errors.js";
import { I32F32_FORMAT } from "./format.js";
import { divLimbs, limbsToBits, mulLimbs, storeBits } from "./i32f32-limbs.js";
import { I32F32 } from "./types.js";

const TWO32 = 4294967296;
const INT_MIN = -2147483648;
const INT_LIMIT = 2147483648;

export class I32F32Vec {
  /** High words: floor of each value (signed). */
  readonly hi: Int32Array;
  /** Low words: the 32 fraction bits of each value. */
  readonly lo: Uint32Array;

  /** A vector of `length` zeros. */
  constructor(length: number) {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`I32F32Vec: length must be a non-negative integer, got ${length}`);
    }
    this.hi = new Int32Array(length);
    this.lo = new Uint32Array(length);
  }

  static from(values: readonly I32F32[]): I32F32Vec {
    const v = new I32F32Vec(values.length);
    for (let i = 0; i < values.length; i++) v.set(i, values[i]!);
    return v;
  }

  /** From raw i64 bits (value·2^32). */
  static fromBits(bits: readonly bigint[]): I32F32Vec {
    const v = new I32F32Vec(bits.length);
    for (let i = 0; i < bits.length; i++) {
      if (!storeBits(bits[i]!, v.hi, v.lo, i)) {
        throw new RangeError(`I32F32Vec.fromBits: bits[${i}] = ${bits[i]} is outside the i64 range`);
      }
    }
    return v;
  }

  /** From integers in [-2^31, 2^31) (e.g. stored u16 weights read as I32F32 integers, `u16_to_fixed`). */
  static fromInts(ints: ArrayLike<number>): I32F32Vec {
    const v = new I32F32Vec(ints.length);
    for (let i = 0; i < ints.length; i++) {
      const x = ints[i]!;
      if (!Number.isInteger(x) || x < INT_MIN || x >= INT_LIMIT) {
        throw new RangeError(`I32F32Vec.fromInts: ints[${i}] = ${x} is not an integer in [-2^31, 2^31)`);
      }
      v.hi[i] = x;
    }
    return v;
  }

  get length(): number {
    return this.hi.length;
  }

  get(i: number): I32F32 {
    return I32F32.fromBits(this.bitsAt(i));
  }

  bitsAt(i: number): bigint {
    this.index(i, "get");
    return limbsToBits(this.hi[i]!, this.lo[i]!);
  }

  set(i: number, value: I32F32): void {
    this.index(i, "set");
    if (!(value instanceof I32F32)) {
      throw new TypeError(`I32F32Vec.set needs an I32F32; convert first with value.to(I32F32)`);
    }
    storeBits(value.bits, this.hi, this.lo, i);
  }

  toArray(): I32F32[] {
    const out: I32F32[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.get(i));
    return out;
  }

  clone(): I32F32Vec {
    const v = new I32F32Vec(this.length);
    v.hi.set(this.hi);
    v.lo.set(this.lo);
    return v;
  }

  /** Left-to-right sum; RangeError if a partial sum overflows (as `add` would). */
  sum(): I32F32 {
    const { hi, lo } = this;
    let sh = 0;
    let sl = 0;
    for (let i = 0; i < hi.length; i++) {
      sl += lo[i]!;
      sh += hi[i]!;
      if (sl >= TWO32) {
        sl -= TWO32;
        sh += 1;
      }
      if (sh < INT_MIN || sh >= INT_LIMIT) {
        const partial = limbsToBits(sh, sl);
        throw overflowError(I32F32_FORMAT, "add", `I32F32Vec.sum up to index ${i}`, partial);
      }
    }
    return I32F32.fromBits(limbsToBits(sh, sl));
  }

  /** The largest element, or undefined for an empty vector. */
  max(): I32F32 | undefined {
    const { hi, lo } = this;
    if (hi.length === 0) return undefined;
    let best = 0;
    for (let i = 1; i < hi.length; i++) {
      if (hi[i]! > hi[best]! || (hi[i] === hi[best] && lo[i]! > lo[best]!)) best = i;
    }
    return this.get(best);
  }

  /** Elementwise `a[i] * b[i]` into `out` (a new vector by default; may be `this` or `rhs`). */
  mul(rhs: I32F32Vec, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(rhs, out, "mul");
    const { hi: ah, lo: al } = this;
    const { hi: bh, lo: bl } = rhs;
    const { hi: oh, lo: ol } = out;
    for (let i = 0; i < ah.length; i++) {
      if (!mulLimbs(ah[i]!, al[i]!, bh[i]!, bl[i]!, oh, ol, i)) this.overflow("mul", "*", i, rhs, i);
    }
    return out;
  }

  /** Elementwise `a[i] * s`. */
  mulScalar(s: I32F32, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(this, out, "mulScalar");
    const scalar = I32F32Vec.from([s]);
    const sh = scalar.hi[0]!;
    const sl = scalar.lo[0]!;
    const { hi: ah, lo: al } = this;
    const { hi: oh, lo: ol } = out;
    for (let i = 0; i < ah.length; i++) {
      if (!mulLimbs(ah[i]!, al[i]!, sh, sl, oh, ol, i)) this.overflow("mul", "*", i, scalar, 0);
    }
    return out;
  }

  /** Elementwise `a[i] / b[i]` (truncating); RangeError on overflow or a zero divisor. */
  div(rhs: I32F32Vec, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(rhs, out, "div");
    const { hi: ah, lo: al } = this;
    const { hi: bh, lo: bl } = rhs;
    const { hi: oh, lo: ol } = out;
    for (let i = 0; i < ah.length; i++) {
      const dh = bh[i]!;
      const dl = bl[i]!;
      if (dh === 0 && dl === 0) throw this.zeroDivisor(i);
      if (!divLimbs(ah[i]!, al[i]!, dh, dl, oh, ol, i)) this.overflow("div", "/", i, rhs, i);
    }
    return out;
  }

  /** Elementwise `a[i] / s` (truncating); RangeError on overflow or s = 0. */
  divScalar(s: I32F32, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(this, out, "divScalar");
    if (s.isZero()) throw this.zeroDivisor(-1);
    const scalar = I32F32Vec.from([s]);
    const sh = scalar.hi[0]!;
    const sl = scalar.lo[0]!;
    const { hi: ah, lo: al } = this;
    const { hi: oh, lo: ol } = out;
    for (let i = 0; i < ah.length; i++) {
      if (!divLimbs(ah[i]!, al[i]!, sh, sl, oh, ol, i)) this.overflow("div", "/", i, scalar, 0);
    }
    return out;
  }

  /** Subtensor's `inplace_normalize`: divides every element by the sum, unless the sum is 0. */
  normalizeInPlace(): this {
    const total = this.sum();
    if (!total.isZero()) this.divScalar(total, this);
    return this;
  }

  private index(i: number, op: string): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.length) {
      throw new RangeError(`I32F32Vec.${op}: index ${i} is outside 0..${this.length - 1}`);
    }
  }

  private sameLength(rhs: I32F32Vec, out: I32F32Vec, op: string): void {
    if (rhs.length !== this.length || out.length !== this.length) {
      throw new RangeError(
        `I32F32Vec.${op}: lengths differ (${this.length}, ${rhs.length}, out ${out.length}); all must be equal`,
      );
    }
  }

  private overflow(op: string, symbol: string, i: number, rhs: I32F32Vec, j: number): never {
    const a = this.get(i);
    const b = rhs.get(j);
    const exact = op === "mul" ? a.bits * b.bits : a.bits << 32n;
    throw overflowError(
      I32F32_FORMAT,
      op,
      `element ${i}: ${a} ${symbol} ${b}`,
      op === "mul" ? exact >> 32n : exact / b.bits,
    );
  }

  private zeroDivisor(i: number): RangeError {
    const where = i < 0 ? "the scalar divisor" : `divisor element ${i}`;
    return new RangeError(
      `I32F32Vec.div: ${where} is zero; test the divisor first (Subtensor's normalize skips a zero sum)`,
    );
  }
}
