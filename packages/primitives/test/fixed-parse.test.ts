import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnyFixed,
  type FixedFormat,
  I32F32,
  I64F64,
  I96F32,
  U64F64,
  U96F32,
} from "../src/fixed/index.js";

type Ctor = typeof I32F32;
const TYPES = [I32F32, I64F64, U64F64, I96F32, U96F32] as unknown as readonly Ctor[];
const fits = (f: FixedFormat, bits: bigint) => bits >= f.minBits && bits <= f.maxBits;

/**
 * Reference for from_num(f64): x·2^F is exact in binary64 (a power-of-two scaling), and rounding that
 * double to an integer with ties to even is done here with plain float steps.
 */
function refFromFloat(x: number, fracBits: number): bigint {
  const y = x * 2 ** fracBits;
  if (Math.abs(y) >= 2 ** 52) return BigInt(y); // already an integer
  const fl = Math.floor(y);
  const diff = y - fl; // exact
  const up = diff > 0.5 || (diff === 0.5 && fl % 2 !== 0);
  return BigInt(up ? fl + 1 : fl);
}

describe("fromFloat (Rust from_num(f64): round to nearest, ties to even)", () => {
  it("from_num(0.1) == round(0.1·2^32) and other literals", () => {
    expect(I32F32.fromFloat(0.1).bits).toBe(429496730n);
    expect(I32F32.fromFloat(0.1).bits).toBe(BigInt(Math.round(0.1 * 2 ** 32)));
    expect(I32F32.fromFloat(0.5).bits).toBe(2n ** 31n);
    expect(I32F32.fromFloat(-0.1).bits).toBe(-429496730n);
    expect(I64F64.fromFloat(0.1).bits).toBe(1844674407370955264n); // 0.1 as f64 is 0x3FB999999999999A
    expect(I32F32.fromFloat(65535).bits).toBe(65535n << 32n);
    expect(I32F32.fromFloat(-0).bits).toBe(0n);
  });

  it("breaks exact ties towards the even neighbour, symmetric for negatives", () => {
    const ulp = 2 ** -32;
    expect(I32F32.fromFloat(ulp / 2).bits).toBe(0n); // 0.5 ulp → 0
    expect(I32F32.fromFloat((3 * ulp) / 2).bits).toBe(2n); // 1.5 ulp → 2
    expect(I32F32.fromFloat((5 * ulp) / 2).bits).toBe(2n); // 2.5 ulp → 2
    expect(I32F32.fromFloat(-(3 * ulp) / 2).bits).toBe(-2n);
    expect(I32F32.fromFloat(-ulp / 2).bits).toBe(0n);
    expect(I32F32.fromFloat(ulp / 2 + 2 ** -80).bits).toBe(1n); // just above the tie
    expect(I32F32.fromFloat(2 ** -1074).bits).toBe(0n); // smallest subnormal
  });

  it("matches the reference for random doubles in every type", () => {
    const doubles = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -(2 ** 40), max: 2 ** 40 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -1, max: 1 }),
      fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((k) => (k + 0.5) * 2 ** -32), // ties of I32F32
      fc.integer({ min: -(2 ** 30), max: 2 ** 30 }).map((k) => (k + 0.5) * 2 ** -64), // ties of I64F64
    );
    fc.assert(
      fc.property(doubles, fc.constantFrom(...TYPES), (x, T) => {
        const f = T.format;
        const want = refFromFloat(x, f.fracBits);
        if (fits(f, want)) {
          expect(T.fromFloat(x).bits).toBe(want);
          expect(T.fromNum(x).bits).toBe(want);
        } else {
          expect(() => T.fromFloat(x)).toThrow(/outside/);
          expect(T.saturatingFromNum(x).bits).toBe(want < 0n ? f.minBits : f.maxBits);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("fromF32 rounds to binary32 first, like Rust's from_num(0.1f32)", () => {
    expect(I32F32.fromF32(0.1).bits).toBe(refFromFloat(Math.fround(0.1), 32));
    expect(I32F32.fromF32(0.1).bits).not.toBe(I32F32.fromFloat(0.1).bits);
    expect(I32F32.fromF32(0.5).bits).toBe(2n ** 31n);
  });

  it("rejects NaN and infinities with a RangeError", () => {
    expect(() => I32F32.fromFloat(Number.NaN)).toThrow(/I32F32\.fromFloat: NaN is outside/);
    expect(() => I32F32.fromFloat(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => I32F32.fromFloat(2 ** 31)).toThrow(/use saturatingFromNum/);
  });
});

describe("toString (exact decimal) and fromString", () => {
  it("prints the exact expansion", () => {
    expect(I32F32.fromBits(1n).toString()).toBe("0.00000000023283064365386962890625");
    expect(I32F32.fromFloat(0.1).toString()).toBe("0.1000000000931322574615478515625");
    expect(I32F32.fromFloat(-1.5).toString()).toBe("-1.5");
    expect(I32F32.fromBits(-1n).toString()).toBe("-0.00000000023283064365386962890625");
    expect(I32F32.MIN.toString()).toBe("-2147483648");
    expect(U64F64.MAX.toString()).toBe(
      "18446744073709551615.9999999999999999999457898913757247782996273599565029144287109375",
    );
    expect(I32F32.fromInt(42).toString()).toBe("42");
  });

  it("every value's string is exactly bits / 2^F (checked with integer arithmetic)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TYPES),
        fc.bigInt({ min: -(2n ** 127n), max: 2n ** 128n - 1n }),
        (T, raw) => {
          const f = T.format;
          const bits = raw < f.minBits || raw > f.maxBits ? raw % (f.maxBits + 1n) : raw;
          if (!fits(f, bits)) return;
          const s = T.fromBits(bits).toString();
          const m = /^(-?)(\d+)(?:\.(\d*[1-9]))?$/.exec(s);
          expect(m).not.toBeNull();
          const digits = m![3] ?? "";
          const scaled = BigInt(m![2]! + digits) * (m![1] === "-" ? -1n : 1n); // value · 10^L
          expect(scaled * 2n ** f.frac).toBe(bits * 10n ** BigInt(digits.length));
          expect(T.fromString(s).bits).toBe(bits); // and it parses back exactly
        },
      ),
      { numRuns: 500 },
    );
  });

  it("rounds decimals to nearest with ties to even, like from_str", () => {
    expect(I32F32.fromString("0.1").bits).toBe(429496730n);
    expect(I32F32.fromString("-0.1").bits).toBe(-429496730n);
    // exact ties: (2k+1)·2^-33 written out in decimal
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }), (k) => {
        const tie = I64F64.fromBits((2n * k + 1n) << 31n).toString(); // (2k+1)·2^-33 exactly
        const even = k % 2n === 0n ? k : k + 1n;
        expect(I32F32.fromString(tie).bits).toBe(even);
      }),
      { numRuns: 300 },
    );
    expect(I32F32.fromString(".5").bits).toBe(2n ** 31n);
    expect(I32F32.fromString("7.").bits).toBe(7n << 32n);
    expect(I32F32.fromString("+3").bits).toBe(3n << 32n);
  });

  it("rejects non-decimals and out-of-range values", () => {
    expect(() => I32F32.fromString("1e5")).toThrow(/not a plain decimal number/);
    expect(() => I32F32.fromString("0x10")).toThrow(RangeError);
    expect(() => I32F32.fromString("")).toThrow(RangeError);
    expect(() => I32F32.fromString("2147483648")).toThrow(/outside I32F32/);
    expect(() => U64F64.fromString("-1")).toThrow(/outside U64F64/);
  });
});

describe("toNumber (display only)", () => {
  it("is the nearest double", () => {
    expect(I32F32.fromFloat(0.1).toNumber()).toBe(0.10000000009313226);
    expect(I32F32.fromFloat(-2.75).toNumber()).toBe(-2.75);
    expect(U64F64.MAX.toNumber()).toBe(2 ** 64);
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (x) => {
        const v: AnyFixed = I64F64.fromFloat(x);
        expect(Math.abs(v.toNumber() - x)).toBeLessThanOrEqual(2 ** -64); // within one I64F64 ulp
      }),
    );
  });
});
