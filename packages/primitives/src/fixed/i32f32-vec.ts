// A vector of I32F32 values for the epoch's hot loops: raw bits (value·2^32) as exact doubles in a
// Float64Array. Results are bit-identical to the scalar BigInt methods of I32F32 over the whole i64
// range; only the representation and the speed differ.
//
// Why the fast path is exact. Every stored value is an integer with |bits| <= 2^53, so it is an exact
// double. For a*b let p = fl(a·b) and r = p/2^32 (exact scaling); the true r* = a·b/2^32. Rounding is
// monotone and every integer below 2^53 is a double, so with f = floor(r): floor(r*) is f, or f-1 when
// p was rounded up across the integer f — which needs r - f <= |r|·2^-52. Only then is the exact test
// a·b < f·2^32 made: a·b = p + e with e from productError, and p - f·2^32 is exact (Sterbenz), so
// the test is p - f·2^32 < -e. Division is the same argument on q = floor(|a|·2^32 / |b|): floor of
// the rounded quotient is right unless the rounded quotient is exactly an integer q, when n < q·d is
// checked exactly; the sign is applied afterwards (Rust truncates toward zero).
//
// Values with |bits| > 2^53 (|value| > 2^21, never reached by the epoch's proportions and u16 weights)
// are held in a BigInt side table and marked NaN in `raw`; NaN fails every fast-path test, so those
// elements — and any result that would leave the fast domain — take the BigInt path of raw.ts.
import { overflowError } from "./errors.js";
import { productError } from "./exact-float.js";
import { I32F32_FORMAT } from "./format.js";
import { divRaw, mulRaw } from "./raw.js";
import { I32F32 } from "./types.js";

const TWO32 = 4294967296;
const INV32 = 1 / TWO32;
const TWO53 = 9007199254740992;
const EPS = 2 ** -52;
const BIG_TWO53 = 2n ** 53n;
const { minBits: MIN_BITS, maxBits: MAX_BITS } = I32F32_FORMAT;

export class I32F32Vec {
  /**
   * Raw bits (value·2^32) as exact integer doubles, |raw[i]| <= 2^53. NaN marks an element too large
   * for a double, held in the side table; read elements through bitsAt/get unless `compact` is true.
   */
  readonly raw: Float64Array;
  private wide: Map<number, bigint> | undefined;

  /** A vector of `length` zeros. */
  constructor(length: number) {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new RangeError(`I32F32Vec: length must be a non-negative integer, got ${length}`);
    }
    this.raw = new Float64Array(length);
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
      const b = bits[i]!;
      if (typeof b !== "bigint" || b < MIN_BITS || b > MAX_BITS) {
        throw new RangeError(`I32F32Vec.fromBits: bits[${i}] = ${b} is not an i64; raw bits are value·2^32`);
      }
      v.store(i, b);
    }
    return v;
  }

  /** From integers in [-2^31, 2^31), e.g. stored u16 weights read as I32F32 integers (`u16_to_fixed`). */
  static fromInts(ints: ArrayLike<number>): I32F32Vec {
    const v = new I32F32Vec(ints.length);
    for (let i = 0; i < ints.length; i++) {
      const x = ints[i]!;
      if (!Number.isInteger(x) || x < -2147483648 || x >= 2147483648) {
        throw new RangeError(`I32F32Vec.fromInts: ints[${i}] = ${x} is not an integer in [-2^31, 2^31)`);
      }
      v.store(i, BigInt(x) << 32n);
    }
    return v;
  }

  get length(): number {
    return this.raw.length;
  }

  /** True when every element is in `raw` (no value beyond ±2^21), so `raw` can be read directly. */
  get compact(): boolean {
    return this.wide === undefined || this.wide.size === 0;
  }

  bitsAt(i: number): bigint {
    this.index(i, "bitsAt");
    return this.bitsOf(i);
  }

  get(i: number): I32F32 {
    return I32F32.fromBits(this.bitsAt(i));
  }

  set(i: number, value: I32F32): void {
    this.index(i, "set");
    if (!(value instanceof I32F32)) {
      throw new TypeError("I32F32Vec.set needs an I32F32; convert first with value.to(I32F32)");
    }
    this.store(i, value.bits);
  }

  toArray(): I32F32[] {
    const out: I32F32[] = [];
    for (let i = 0; i < this.length; i++) out.push(I32F32.fromBits(this.bitsOf(i)));
    return out;
  }

  clone(): I32F32Vec {
    const v = new I32F32Vec(this.length);
    v.raw.set(this.raw);
    if (!this.compact) v.wide = new Map(this.wide);
    return v;
  }

  /** Left-to-right sum; RangeError if a partial sum leaves I32F32 (as a chain of `add` would). */
  sum(): I32F32 {
    const a = this.raw;
    const n = a.length;
    let s = 0;
    let k = 0;
    for (; k < n; k++) {
      const t = s + a[k]!;
      if (!(t < TWO53 && t > -TWO53)) break; // inexact, or a side-table element: finish in BigInt
      s = t;
    }
    if (k === n) return I32F32.fromBits(BigInt(s));
    let big = BigInt(s);
    for (; k < n; k++) {
      big += this.bitsOf(k);
      if (big < MIN_BITS || big > MAX_BITS) {
        throw overflowError(I32F32_FORMAT, "add", `I32F32Vec.sum of elements 0..${k}`, big);
      }
    }
    return I32F32.fromBits(big);
  }

  /** The largest element, or undefined for an empty vector. */
  max(): I32F32 | undefined {
    const a = this.raw;
    if (a.length === 0) return undefined;
    if (!this.compact) {
      let best = this.bitsOf(0);
      for (let k = 1; k < a.length; k++) {
        const x = this.bitsOf(k);
        if (x > best) best = x;
      }
      return I32F32.fromBits(best);
    }
    let m = a[0]!;
    for (let k = 1; k < a.length; k++) if (a[k]! > m) m = a[k]!;
    return I32F32.fromBits(BigInt(m));
  }

  /** Elementwise `a[i] * b[i]` = floor(a·b / 2^32) into `out` (new by default; may be `this` or `rhs`). */
  mul(rhs: I32F32Vec, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(rhs, out, "mul");
    const A = this.raw;
    const B = rhs.raw;
    const O = out.raw;
    const aWide = this.wide;
    const bWide = rhs.wide;
    for (let k = 0; k < A.length; k++) {
      const a = A[k]!;
      const b = B[k]!;
      const p = a * b;
      const r = p * INV32;
      if (r < TWO53 && r > -TWO53) {
        let f = Math.floor(r);
        if (r - f <= Math.abs(r) * EPS && p - f * TWO32 < -productError(a, b, p)) f -= 1;
        O[k] = f;
      } else {
        out.mulSlow(k, wideOr(a, aWide, k), wideOr(b, bWide, k));
      }
    }
    out.dropStale();
    return out;
  }

  /** Elementwise `a[i] * s`. */
  mulScalar(s: I32F32, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(this, out, "mulScalar");
    const A = this.raw;
    const O = out.raw;
    const aWide = this.wide;
    const sBits = s.bits;
    const b = compactNumber(sBits);
    for (let k = 0; k < A.length; k++) {
      const a = A[k]!;
      const p = a * b;
      const r = p * INV32;
      if (r < TWO53 && r > -TWO53) {
        let f = Math.floor(r);
        if (r - f <= Math.abs(r) * EPS && p - f * TWO32 < -productError(a, b, p)) f -= 1;
        O[k] = f;
      } else {
        out.mulSlow(k, wideOr(a, aWide, k), sBits);
      }
    }
    out.dropStale();
    return out;
  }

  /** Elementwise `a[i] / b[i]` = trunc(a·2^32 / b); RangeError on a zero divisor or overflow. */
  div(rhs: I32F32Vec, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(rhs, out, "div");
    const A = this.raw;
    const B = rhs.raw;
    const O = out.raw;
    const aWide = this.wide;
    const bWide = rhs.wide;
    for (let k = 0; k < A.length; k++) {
      const a = A[k]!;
      const b = B[k]!;
      if (b === 0) throw zeroDivisor(`divisor element ${k}`);
      const n = Math.abs(a) * TWO32;
      const d = Math.abs(b);
      const approx = n / d;
      if (approx < TWO53) {
        let q = Math.floor(approx);
        if (q === approx && q !== 0 && n - q * d < productError(q, d, q * d)) q -= 1;
        O[k] = a < 0 !== b < 0 ? -q : q;
      } else {
        out.divSlow(k, wideOr(a, aWide, k), wideOr(b, bWide, k));
      }
    }
    out.dropStale();
    return out;
  }

  /** Elementwise `a[i] / s`; RangeError when s is zero or a quotient overflows. */
  divScalar(s: I32F32, out: I32F32Vec = new I32F32Vec(this.length)): I32F32Vec {
    this.sameLength(this, out, "divScalar");
    if (s.isZero()) throw zeroDivisor("the scalar divisor");
    const A = this.raw;
    const O = out.raw;
    const aWide = this.wide;
    const sBits = s.bits;
    const b = compactNumber(sBits);
    const d = Math.abs(b);
    for (let k = 0; k < A.length; k++) {
      const a = A[k]!;
      const n = Math.abs(a) * TWO32;
      const approx = n / d;
      if (approx < TWO53) {
        let q = Math.floor(approx);
        if (q === approx && q !== 0 && n - q * d < productError(q, d, q * d)) q -= 1;
        O[k] = a < 0 !== b < 0 ? -q : q;
      } else {
        out.divSlow(k, wideOr(a, aWide, k), sBits);
      }
    }
    out.dropStale();
    return out;
  }

  /** Subtensor's `inplace_normalize`: every element divided by the sum, unless the sum is 0. */
  normalizeInPlace(): this {
    const total = this.sum();
    if (!total.isZero()) this.divScalar(total, this);
    return this;
  }

  // ---- internals -----------------------------------------------------------------------------------

  /**
   * Side-table entries whose element was since overwritten in `raw` by the fast path. They are never
   * read (raw is not NaN there) but would make `compact` false; an operation that throws half-way
   * leaves every element valid, old or new.
   */
  private dropStale(): void {
    if (this.wide === undefined || this.wide.size === 0) return;
    for (const k of [...this.wide.keys()]) if (!Number.isNaN(this.raw[k]!)) this.wide.delete(k);
  }

  private bitsOf(k: number): bigint {
    const x = this.raw[k]!;
    return Number.isNaN(x) ? this.wide!.get(k)! : BigInt(x);
  }

  /** Stores in-range i64 bits at k, in `raw` when exact as a double, else in the side table. */
  private store(k: number, bits: bigint): void {
    if (bits <= BIG_TWO53 && bits >= -BIG_TWO53) {
      this.raw[k] = Number(bits);
      this.wide?.delete(k);
    } else {
      this.raw[k] = Number.NaN;
      if (this.wide === undefined) this.wide = new Map();
      this.wide.set(k, bits);
    }
  }

  private mulSlow(k: number, a: bigint, b: bigint): void {
    const bits = mulRaw(I32F32_FORMAT, a, b);
    if (bits < MIN_BITS || bits > MAX_BITS) throw elementOverflow("mul", k, a, "*", b, bits);
    this.store(k, bits);
  }

  private divSlow(k: number, a: bigint, b: bigint): void {
    const bits = divRaw(I32F32_FORMAT, a, b);
    if (bits < MIN_BITS || bits > MAX_BITS) throw elementOverflow("div", k, a, "/", b, bits);
    this.store(k, bits);
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
}

/** Bits of an element read as `x` from raw: the double itself, or the side-table entry when x is NaN. */
function wideOr(x: number, wide: Map<number, bigint> | undefined, k: number): bigint {
  return Number.isNaN(x) ? wide!.get(k)! : BigInt(x);
}

/** A scalar's bits as a double when exact, else NaN (which routes every element to the BigInt path). */
function compactNumber(bits: bigint): number {
  return bits <= BIG_TWO53 && bits >= -BIG_TWO53 ? Number(bits) : Number.NaN;
}

function elementOverflow(
  op: string,
  k: number,
  a: bigint,
  symbol: string,
  b: bigint,
  bits: bigint,
): RangeError {
  const f = I32F32_FORMAT;
  const show = (x: bigint) => I32F32.fromBits(x).toString();
  return overflowError(f, op, `I32F32Vec element ${k}: ${show(a)} ${symbol} ${show(b)}`, bits);
}

function zeroDivisor(what: string): RangeError {
  return new RangeError(
    `I32F32Vec.div: ${what} is zero; test it first (Subtensor's normalize skips a zero sum, safe_div gives 0)`,
  );
}
