// The Float64Array fast path of I32F32Vec must be bit-identical to BigInt arithmetic everywhere.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { I32F32, I32F32Vec } from "../src/fixed/index.js";

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;
const ONE = 2n ** 32n;
const TWO53 = 2n ** 53n;
const inI64 = (x: bigint) => x >= MIN && x <= MAX;
/** Reference: floor(a·b / 2^32) and trunc(a·2^32 / b), written without the library. */
function refMul(a: bigint, b: bigint): bigint {
  const p = a * b;
  const q = p / ONE;
  return p < 0n && q * ONE !== p ? q - 1n : q;
}
function refDiv(a: bigint, b: bigint): bigint {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const q = (abs(a) * ONE) / abs(b);
  return a < 0n !== b < 0n ? -q : q;
}

const i64 = fc.bigInt({ min: MIN, max: MAX });
const signed = (max: bigint) => fc.bigInt({ min: -max, max });
/** Raw bits across the whole i64 range with the interesting regions weighted up. */
const bits = fc.oneof(
  { weight: 2, arbitrary: i64 }, // mostly |value| > 2^21: side table
  { weight: 4, arbitrary: signed(ONE) }, // proportions in [-1, 1]
  { weight: 2, arbitrary: signed(65535n * ONE) }, // u16-sized weights
  { weight: 2, arbitrary: signed(TWO53) }, // the whole fast domain
  { weight: 1, arbitrary: fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n - 1n }).map((k) => k * ONE) }, // integers
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 62 }).map((e) => 2n ** BigInt(e)) }, // powers of two
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      0n,
      1n,
      -1n,
      ONE,
      -ONE,
      TWO53,
      -TWO53,
      TWO53 + 1n,
      -TWO53 - 1n,
      TWO53 - 1n,
      MIN,
      MAX,
    ),
  },
);

/** a·b lands within a few units of f·2^32: exercises the exact tie check of mul. */
const nearIntegerProduct = fc
  .tuple(
    signed(TWO53).filter((a) => a !== 0n),
    signed(2n ** 52n),
    fc.integer({ min: -3, max: 3 }),
  )
  .map(([a, f, d]) => {
    let b = (f * ONE) / a + BigInt(d);
    if (b > TWO53) b = TWO53;
    if (b < -TWO53) b = -TWO53;
    return [a, b] as const;
  });

/** a·2^32 / b lands within a few units of an integer q: exercises the exact tie check of div. */
const nearIntegerQuotient = fc
  .tuple(
    signed(TWO53).filter((b) => b !== 0n),
    signed(2n ** 52n),
    fc.integer({ min: -3, max: 3 }),
  )
  .map(([b, q, d]) => {
    let a = (q * b) / ONE + BigInt(d);
    if (a > TWO53) a = TWO53;
    if (a < -TWO53) a = -TWO53;
    return [a, b] as const;
  });

/** Checks an elementwise vector op against the reference, including which elements must throw. */
function checkElementwise(
  pairs: readonly (readonly [bigint, bigint])[],
  op: (x: I32F32Vec, y: I32F32Vec) => I32F32Vec,
  ref: (a: bigint, b: bigint) => bigint,
): void {
  const expected = pairs.map(([a, b]) => ref(a, b));
  const x = I32F32Vec.fromBits(pairs.map((p) => p[0]));
  const y = I32F32Vec.fromBits(pairs.map((p) => p[1]));
  if (expected.every(inI64)) {
    const out = op(x, y);
    expect(pairs.map((_, i) => out.bitsAt(i))).toEqual(expected);
  } else {
    expect(() => op(x, y)).toThrow(/overflow/);
  }
}

describe("I32F32Vec fast path is bit-identical to BigInt", () => {
  it("mul over the whole range", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(bits, bits), { maxLength: 20 }), (pairs) =>
        checkElementwise(pairs, (x, y) => x.mul(y), refMul),
      ),
      { numRuns: 3000 },
    );
  });

  it("mul near integer results (the tie check)", () => {
    fc.assert(
      fc.property(fc.array(nearIntegerProduct, { minLength: 1, maxLength: 20 }), (pairs) =>
        checkElementwise(pairs, (x, y) => x.mul(y), refMul),
      ),
      { numRuns: 3000 },
    );
  });

  it("div over the whole range", () => {
    const nonZero = bits.filter((b) => b !== 0n);
    fc.assert(
      fc.property(fc.array(fc.tuple(bits, nonZero), { maxLength: 20 }), (pairs) =>
        checkElementwise(pairs, (x, y) => x.div(y), refDiv),
      ),
      { numRuns: 3000 },
    );
  });

  it("div near integer quotients (the tie check)", () => {
    fc.assert(
      fc.property(fc.array(nearIntegerQuotient, { minLength: 1, maxLength: 20 }), (pairs) =>
        checkElementwise(pairs, (x, y) => x.div(y), refDiv),
      ),
      { numRuns: 3000 },
    );
  });

  it("mulScalar and divScalar equal the scalar I32F32 methods", () => {
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 20 }), bits, (xs, s) => {
        const scalar = I32F32.fromBits(s);
        const v = I32F32Vec.fromBits(xs);
        const products = xs.map((a) => refMul(a, s));
        if (products.every(inI64)) {
          const out = v.mulScalar(scalar);
          for (const [i, a] of xs.entries()) expect(out.get(i).eq(I32F32.fromBits(a).mul(scalar))).toBe(true);
        } else {
          expect(() => v.mulScalar(scalar)).toThrow(/I32F32\.mul overflow: I32F32Vec element/);
        }
        if (s === 0n) {
          expect(() => v.divScalar(scalar)).toThrow(/scalar divisor is zero/);
          return;
        }
        const quotients = xs.map((a) => refDiv(a, s));
        if (quotients.every(inI64)) {
          const out = v.divScalar(scalar);
          for (const [i, a] of xs.entries()) expect(out.get(i).eq(I32F32.fromBits(a).div(scalar))).toBe(true);
        } else {
          expect(() => v.divScalar(scalar)).toThrow(/I32F32\.div overflow/);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("sum is the exact left-to-right sum and throws when a partial sum overflows", () => {
    fc.assert(
      fc.property(fc.array(bits, { maxLength: 30 }), (xs) => {
        let acc = 0n;
        let overflow = false;
        for (const x of xs) {
          acc += x;
          if (!inI64(acc)) overflow = true;
        }
        const v = I32F32Vec.fromBits(xs);
        if (overflow) expect(() => v.sum()).toThrow(/I32F32\.add overflow: I32F32Vec\.sum/);
        else expect(v.sum().bits).toBe(acc);
      }),
      { numRuns: 2000 },
    );
  });

  it("sum stays exact when the running total passes 2^53", () => {
    const xs = [TWO53 - 1n, 3n, 5n, -(TWO53 - 1n)];
    expect(I32F32Vec.fromBits(xs).sum().bits).toBe(8n);
    const many = Array.from({ length: 2000 }, (_, i) => (i % 2 ? ONE * 65535n + 7n : 2n ** 52n + 1n));
    expect(I32F32Vec.fromBits(many).sum().bits).toBe(many.reduce((s, x) => s + x, 0n));
  });

  it("max, normalizeInPlace, get/set and aliasing", () => {
    fc.assert(
      fc.property(fc.array(bits, { minLength: 1, maxLength: 20 }), (xs) => {
        const v = I32F32Vec.fromBits(xs);
        const largest = [...xs].sort((p, q) => (p < q ? 1 : p > q ? -1 : 0))[0];
        expect(v.max()!.bits).toBe(largest);
        expect(v.toArray().map((x) => x.bits)).toEqual(xs);
        expect(v.compact).toBe(xs.every((x) => x <= TWO53 && x >= -TWO53));
        // in place (out === this) gives the same as a fresh output
        if (!xs.every((x) => inI64(refMul(x, x)))) return;
        const same = v.clone();
        same.mul(same, same);
        expect(same.toArray().map((x) => x.bits)).toEqual(xs.map((x) => refMul(x, x)));
        expect(same.compact).toBe(xs.every((x) => refMul(x, x) <= TWO53 && refMul(x, x) >= -TWO53));
      }),
      { numRuns: 1000, examples: [[[MAX, 1n]]] },
    );
  });
});

describe("I32F32Vec behaviour", () => {
  it("normalizes like Subtensor's inplace_normalize", () => {
    const v = I32F32Vec.fromInts([1, 2, 3, 4]);
    v.normalizeInPlace();
    const ten = I32F32.fromInt(10);
    expect(v.toArray().map((x) => x.bits)).toEqual([1, 2, 3, 4].map((k) => I32F32.fromInt(k).div(ten).bits));
    const zeros = I32F32Vec.fromInts([0, 0]);
    expect(
      zeros
        .normalizeInPlace()
        .toArray()
        .every((x) => x.isZero()),
    ).toBe(true);
  });

  it("reports a zero divisor element and overflowing elements by index", () => {
    const a = I32F32Vec.fromInts([1, 2]);
    const b = I32F32Vec.fromInts([1, 0]);
    expect(() => a.div(b)).toThrow(/I32F32Vec\.div: divisor element 1 is zero/);
    const big = I32F32Vec.fromInts([3, 2_000_000_000]);
    expect(() => big.mul(big)).toThrow(/I32F32\.mul overflow: I32F32Vec element 1: 2000000000 \* 2000000000/);
    expect(() => a.mul(I32F32Vec.fromInts([1]))).toThrow(/lengths differ/);
  });

  it("keeps values beyond ±2^21 exact in its side table", () => {
    const v = I32F32Vec.fromInts([3_000_000, -2_000_000_000, 5]);
    expect(v.compact).toBe(false);
    expect(v.get(1).toString()).toBe("-2000000000");
    const half = I32F32.fromFloat(0.5);
    const out = v.mulScalar(half);
    expect(out.toArray().map(String)).toEqual(["1500000", "-1000000000", "2.5"]);
    expect(out.compact).toBe(false); // -1e9 still needs the side table
    v.mulScalar(I32F32.fromFloat(1 / 1024), v); // in place: every value drops below 2^21
    expect(v.compact).toBe(true);
    expect(v.toArray().map(String)).toEqual(["2929.6875", "-1953125", "0.0048828125"]);
    expect(v.max()!.toString()).toBe("2929.6875");
  });

  it("validates its inputs", () => {
    expect(() => I32F32Vec.fromBits([2n ** 63n])).toThrow(/bits\[0\] = 9223372036854775808 is not an i64/);
    expect(() => I32F32Vec.fromInts([2 ** 31])).toThrow(/not an integer in \[-2\^31, 2\^31\)/);
    expect(() => new I32F32Vec(2).get(2)).toThrow(/index 2 is outside 0\.\.1/);
    expect(new I32F32Vec(0).max()).toBeUndefined();
    expect(new I32F32Vec(0).sum().isZero()).toBe(true);
  });
});
