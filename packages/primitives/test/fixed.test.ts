import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AnyFixed,
  type FixedFormat,
  I32F32,
  I64F64,
  I96F32,
  type IntKind,
  U64F64,
  U96F32,
} from "../src/fixed/index.js";

// ---- independent bigint reference ------------------------------------------------------------------

/** floor(n / d) for any signs (BigInt `/` truncates). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}
const fits = (f: FixedFormat, bits: bigint) => bits >= f.minBits && bits <= f.maxBits;
const clamp = (f: FixedFormat, bits: bigint) =>
  bits < f.minBits ? f.minBits : bits > f.maxBits ? f.maxBits : bits;
const refMul = (f: FixedFormat, a: bigint, b: bigint) => floorDiv(a * b, 2n ** f.frac);
/** trunc(a·2^F / b) via magnitudes, the way Rust's wide division does it. */
function refDiv(f: FixedFormat, a: bigint, b: bigint): bigint {
  const abs = (x: bigint) => (x < 0n ? -x : x);
  const q = (abs(a) * 2n ** f.frac) / abs(b);
  return a < 0n !== b < 0n ? -q : q;
}
function refRound(f: FixedFormat, bits: bigint): bigint {
  const one = 2n ** f.frac;
  const abs = bits < 0n ? -bits : bits;
  let q = abs / one;
  if (2n * (abs % one) >= one) q += 1n;
  return (bits < 0n ? -q : q) * one;
}

// ---- arbitraries -----------------------------------------------------------------------------------

type Ctor = { format: FixedFormat; fromBits(bits: bigint): AnyFixed };
const TYPES: readonly Ctor[] = [I32F32, I64F64, U64F64, I96F32, U96F32];

/** Raw bits over the whole range, biased towards small values, integers and the bounds. */
function bitsArb(f: FixedFormat): fc.Arbitrary<bigint> {
  const one = f.one;
  const smallMin = f.signed ? -(one << 24n) : 0n;
  return fc.oneof(
    { weight: 3, arbitrary: fc.bigInt({ min: f.minBits, max: f.maxBits }) },
    { weight: 3, arbitrary: fc.bigInt({ min: smallMin, max: one << 24n }) },
    {
      weight: 1,
      arbitrary: fc.bigInt({ min: f.signed ? -(1n << 30n) : 0n, max: 1n << 30n }).map((i) => i * one),
    },
    {
      weight: 1,
      arbitrary: fc
        .bigInt({ min: f.signed ? -(1n << 30n) : 0n, max: 1n << 30n })
        .map((i) => i * one + one / 2n),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        0n,
        1n,
        one,
        one - 1n,
        one + 1n,
        f.minBits,
        f.maxBits,
        f.maxBits - 1n,
        f.minBits + 1n,
      ),
    },
  );
}

type Op = (a: AnyFixed, b: AnyFixed) => AnyFixed;
const call =
  (name: string): Op =>
  (a, b) =>
    (a as unknown as Record<string, (x: AnyFixed) => AnyFixed>)[name]!.call(a, b);
const callMaybe = (name: string) => (a: AnyFixed, b: AnyFixed) =>
  (a as unknown as Record<string, (x: AnyFixed) => AnyFixed | undefined>)[name]!.call(a, b);

describe.each(TYPES.map((T) => [T.format.name, T] as const))("%s arithmetic vs bigint math", (_name, T) => {
  const f = T.format;
  const pair = fc.tuple(bitsArb(f), bitsArb(f));

  const cases: [string, (a: bigint, b: bigint) => bigint | undefined][] = [
    ["add", (a, b) => a + b],
    ["sub", (a, b) => a - b],
    ["mul", (a, b) => refMul(f, a, b)],
    ["div", (a, b) => (b === 0n ? undefined : refDiv(f, a, b))],
  ];

  for (const [op, ref] of cases) {
    const cap = op[0]!.toUpperCase() + op.slice(1);
    it(`${op}, checked${cap}, saturating${cap} agree with the exact result`, () => {
      fc.assert(
        fc.property(pair, ([a, b]) => {
          const x = T.fromBits(a);
          const y = T.fromBits(b);
          const exact = ref(a, b);
          if (exact === undefined) {
            expect(() => call(op)(x, y)).toThrow(/by zero/);
            expect(callMaybe(`checked${cap}`)(x, y)).toBeUndefined();
            expect(() => call(`saturating${cap}`)(x, y)).toThrow(RangeError);
            return;
          }
          if (fits(f, exact)) {
            expect(call(op)(x, y).bits).toBe(exact);
            expect(callMaybe(`checked${cap}`)(x, y)?.bits).toBe(exact);
          } else {
            expect(() => call(op)(x, y)).toThrow(RangeError);
            expect(callMaybe(`checked${cap}`)(x, y)).toBeUndefined();
          }
          expect(call(`saturating${cap}`)(x, y).bits).toBe(clamp(f, exact));
        }),
        { numRuns: 400 },
      );
    });
  }

  it("safeDiv is checked division or 0 (on a zero divisor and on overflow)", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const exact = b === 0n ? undefined : refDiv(f, a, b);
        const want = exact !== undefined && fits(f, exact) ? exact : 0n;
        expect(call("safeDiv")(T.fromBits(a), T.fromBits(b)).bits).toBe(want);
      }),
      { numRuns: 400 },
    );
  });

  it("compares, min and max like the raw integers", () => {
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const x = T.fromBits(a) as I32F32;
        const y = T.fromBits(b) as I32F32;
        expect(x.cmp(y)).toBe(a < b ? -1 : a > b ? 1 : 0);
        expect([x.lt(y), x.lte(y), x.gt(y), x.gte(y), x.eq(y)]).toEqual([
          a < b,
          a <= b,
          a > b,
          a >= b,
          a === b,
        ]);
        const sorted = [a, b].sort((p, q) => (p < q ? -1 : p > q ? 1 : 0));
        expect(x.min(y).bits).toBe(sorted[0]);
        expect(x.max(y).bits).toBe(sorted[1]);
      }),
    );
  });

  it("floor, ceil and round (half away from zero) match the reference", () => {
    fc.assert(
      fc.property(bitsArb(f), (a) => {
        const x = T.fromBits(a);
        const one = 2n ** f.frac;
        expect(x.floor().bits).toBe(floorDiv(a, one) * one);
        const c = -floorDiv(-a, one) * one;
        if (fits(f, c)) expect(x.ceil().bits).toBe(c);
        else expect(() => x.ceil()).toThrow(/ceil overflow/);
        const r = refRound(f, a);
        if (fits(f, r)) expect(x.round().bits).toBe(r);
        else expect(() => x.round()).toThrow(/round overflow/);
        expect(x.toInt()).toBe(floorDiv(a, one));
      }),
      { numRuns: 300 },
    );
  });

  it("toNum floors and throws out of range; saturatingToNum clamps", () => {
    const kinds: IntKind[] = ["u8", "u16", "u32", "u64", "u128", "i8", "i16", "i32", "i64", "i128"];
    fc.assert(
      fc.property(bitsArb(f), fc.constantFrom(...kinds), (a, kind) => {
        const x = T.fromBits(a) as I32F32;
        const width = BigInt(kind.slice(1));
        const [lo, hi] = kind.startsWith("u")
          ? [0n, 2n ** width - 1n]
          : [-(2n ** (width - 1n)), 2n ** (width - 1n) - 1n];
        const v = floorDiv(a, 2n ** f.frac);
        const sat = v < lo ? lo : v > hi ? hi : v;
        const asKind = (n: bigint) => (width <= 32n ? Number(n) : n);
        expect(x.saturatingToNum(kind)).toBe(asKind(sat));
        if (v === sat) expect(x.toNum(kind)).toBe(asKind(v));
        else expect(() => x.toNum(kind)).toThrow(RangeError);
      }),
      { numRuns: 300 },
    );
  });

  it("converts to every other type by flooring extra fraction bits, saturating on request", () => {
    fc.assert(
      fc.property(bitsArb(f), fc.constantFrom(...TYPES), (a, U) => {
        const x = T.fromBits(a) as I32F32;
        const g = U.format;
        const exact = floorDiv(a * 2n ** g.frac, 2n ** f.frac);
        const Target = U as unknown as typeof I32F32;
        expect(x.saturatingTo(Target).bits).toBe(clamp(g, exact));
        expect(Target.saturatingFromNum(x).bits).toBe(clamp(g, exact));
        if (fits(g, exact)) {
          expect(x.to(Target).bits).toBe(exact);
          expect(Target.fromNum(x).bits).toBe(exact);
        } else {
          expect(() => x.to(Target)).toThrow(/saturatingTo/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("fromInt is exact and range-checked; saturatingFromNum clamps integers", () => {
    const T32 = T as unknown as typeof I32F32;
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 130n), max: 2n ** 130n }), (n) => {
        const bits = n * 2n ** f.frac;
        if (fits(f, bits)) expect(T32.fromInt(n).bits).toBe(bits);
        else expect(() => T32.fromInt(n)).toThrow(/outside/);
        expect(T32.saturatingFromNum(n).bits).toBe(clamp(f, bits));
      }),
      { numRuns: 300 },
    );
  });
});

describe("edge cases", () => {
  const q = (x: number) => I32F32.fromFloat(x);

  it("multiplication floors negative products (arithmetic shift)", () => {
    expect(I32F32.fromBits(-1n).mul(q(0.5)).bits).toBe(-1n); // -2^-32 · 0.5 = -2^-33 → floor → -2^-32
    expect(I32F32.fromBits(1n).mul(q(0.5)).bits).toBe(0n);
    expect(q(-1.5).mul(I32F32.fromBits(1n)).bits).toBe(-2n); // -1.5·2^-32 → -2
    expect(I64F64.fromBits(-3n).mul(I64F64.fromFloat(0.5)).bits).toBe(-2n);
  });

  it("division truncates toward zero, like Rust integer division", () => {
    expect(I32F32.fromBits(-1n).div(q(2)).bits).toBe(0n);
    expect(I32F32.fromBits(-3n).div(q(2)).bits).toBe(-1n);
    expect(I32F32.fromBits(3n).div(q(-2)).bits).toBe(-1n);
    expect(I32F32.fromInt(1).div(I32F32.fromInt(3)).bits).toBe(1431655765n); // trunc(2^32/3)
    expect(I32F32.fromInt(-1).div(I32F32.fromInt(3)).bits).toBe(-1431655765n);
  });

  it("division by zero is a RangeError that points to safeDiv; safeDiv gives 0", () => {
    expect(() => I32F32.ONE.div(I32F32.ZERO)).toThrow(/I32F32\.div: division of 1 by zero; use safeDiv/);
    expect(I32F32.ONE.safeDiv(I32F32.ZERO).bits).toBe(0n);
    expect(U64F64.fromInt(7).safeDiv(U64F64.ZERO).bits).toBe(0n);
    expect(I32F32.ONE.checkedDiv(I32F32.ZERO)).toBeUndefined();
  });

  it("safeDiv returns 0 on overflow too (checked_div().unwrap_or_default())", () => {
    expect(I32F32.MAX.safeDiv(q(0.5)).bits).toBe(0n);
    expect(I32F32.MAX.saturatingDiv(q(0.5)).bits).toBe(I32F32.MAX.bits);
    expect(I32F32.MIN.saturatingDiv(q(0.5)).bits).toBe(I32F32.MIN.bits);
    expect(I32F32.MIN.saturatingDiv(q(-0.5)).bits).toBe(I32F32.MAX.bits);
  });

  it("saturates at each type's bounds", () => {
    expect(I32F32.MAX.saturatingAdd(I32F32.ONE).bits).toBe(2n ** 63n - 1n);
    expect(I32F32.MIN.saturatingSub(I32F32.ONE).bits).toBe(-(2n ** 63n));
    expect(I32F32.MAX.saturatingMul(q(-2)).bits).toBe(-(2n ** 63n));
    expect(U64F64.ZERO.saturatingSub(U64F64.ONE).bits).toBe(0n);
    expect(U64F64.MAX.saturatingAdd(U64F64.ONE).bits).toBe(2n ** 128n - 1n);
    expect(U96F32.MAX.saturatingMul(U96F32.fromInt(2)).bits).toBe(2n ** 128n - 1n);
    expect(I96F32.MIN.saturatingMul(I96F32.fromInt(2)).bits).toBe(-(2n ** 127n));
    expect(I64F64.MAX.bits).toBe(2n ** 127n - 1n);
  });

  it("overflow errors say what, where and how to fix", () => {
    expect(() => I32F32.MAX.add(I32F32.ONE)).toThrow(
      /^I32F32\.add overflow: 2147483647\.99999999976716935634613037109375 \+ 1 = .* does not fit I32F32 \[-2147483648, .*\]; use saturatingAdd to clamp, checkedAdd to get undefined/,
    );
    expect(() => U64F64.ZERO.sub(U64F64.ONE)).toThrow(
      /U64F64\.sub overflow: 0 - 1 = -1 does not fit U64F64 \[0, /,
    );
    expect(() => I32F32.fromInt(65536).mul(I32F32.fromInt(65536))).toThrow(
      /I32F32\.mul overflow: 65536 \* 65536 = 4294967296/,
    );
    expect(() => I32F32.MIN.neg()).toThrow(/I32F32\.neg overflow/);
    expect(() => U64F64.ONE.neg()).toThrow(/U64F64\.neg overflow/);
    expect(U64F64.ZERO.neg().bits).toBe(0n);
  });

  it("rounds half away from zero on ±x.5", () => {
    const r = (x: number) => q(x).round().toNumber();
    expect([r(0.5), r(1.5), r(2.5), r(-0.5), r(-1.5), r(-2.5)]).toEqual([1, 2, 3, -1, -2, -3]);
    expect([r(2.4999999), r(-2.4999999), r(2.5000001), r(-2.5000001)]).toEqual([2, -2, 3, -3]);
    expect(U64F64.fromFloat(2.5).round().toNumber()).toBe(3);
    expect(() => I32F32.MAX.round()).toThrow(/I32F32\.round overflow/);
  });

  it("floor and ceil of negatives", () => {
    expect(q(-1.5).floor().toNumber()).toBe(-2);
    expect(q(-1.5).ceil().toNumber()).toBe(-1);
    expect(q(1.5).floor().toNumber()).toBe(1);
    expect(q(-2).floor().toNumber()).toBe(-2);
    expect(q(-0.25).toInt()).toBe(-1n);
  });

  it("I64F64 → I32F32 drops the low 32 fraction bits (floor), also for negatives", () => {
    const x = I64F64.fromBits((5n << 64n) + (1n << 32n) + 0xffff_ffffn);
    expect(x.to(I32F32).bits).toBe((5n << 32n) + 1n);
    expect(I64F64.fromBits(-1n).to(I32F32).bits).toBe(-1n); // -2^-64 floors to -2^-32
    expect(I64F64.fromBits(1n).to(I32F32).bits).toBe(0n);
    // Subtensor's test_math_u64_normalization: 4_889_444 / 21e15 in I64F64, then to I32F32
    const frac = I64F64.fromInt(4_889_444).div(I64F64.fromInt(21_000_000_000_000_000n));
    expect(frac.to(I32F32).eq(I32F32.fromFloat(0.0000000002))).toBe(true);
    expect(I64F64.fromInt(1).div(I64F64.fromInt(21_000_000_000_000_000n)).to(I32F32).isZero()).toBe(true);
  });

  it("I64F64 bonds moving average: 1 - 900_000/1_000_000 == from_num(0.1) in I32F32 (test_math_fixed_overflow)", () => {
    const bma = I64F64.fromInt(900_000).div(I64F64.fromInt(1_000_000));
    expect(I32F32.ONE.sub(bma.to(I32F32)).eq(I32F32.fromFloat(0.1))).toBe(true);
  });

  it("conversions out of range saturate or throw", () => {
    expect(I64F64.fromInt(2n ** 40n).saturatingTo(I32F32).bits).toBe(I32F32.MAX.bits);
    expect(I32F32.fromInt(-5).saturatingTo(U64F64).bits).toBe(0n);
    expect(() => I32F32.fromInt(-5).to(U64F64)).toThrow(/U64F64\.fromNum: I32F32\(-5\) is outside U64F64/);
    expect(I32F32.saturatingFromNum(I64F64.fromInt(2n ** 40n)).eq(I32F32.MAX)).toBe(true);
    expect(I32F32.saturatingFromNum(1e300).eq(I32F32.MAX)).toBe(true);
    expect(I32F32.saturatingFromNum(Number.NEGATIVE_INFINITY).eq(I32F32.MIN)).toBe(true);
    expect(() => I32F32.saturatingFromNum(Number.NaN)).toThrow(RangeError);
    expect(() => I32F32.fromInt(2 ** 31)).toThrow(/outside I32F32/);
    expect(() => I32F32.fromInt(1.5)).toThrow(/not an integer; use I32F32\.fromFloat/);
  });

  it("toNum follows Rust: floor, negatives saturate to 0 for unsigned only on request", () => {
    expect(q(-1.5).saturatingToNum("u64")).toBe(0n);
    expect(q(-1.5).saturatingToNum("i64")).toBe(-2n);
    expect(q(70000.9).saturatingToNum("u16")).toBe(65535);
    expect(q(65535.99).toNum("u16")).toBe(65535);
    expect(() => q(-1).toNum("u64")).toThrow(
      /wraps to 18446744073709551615 in release.*saturatingToNum\("u64"\)/,
    );
    expect(I96F32.fromInt(2n ** 64n - 1n).toNum("u64")).toBe(2n ** 64n - 1n);
  });

  it("fromRatio is from_num(a) / from_num(b)", () => {
    expect(I32F32.fromRatio(1, 3).bits).toBe(1431655765n);
    expect(U64F64.fromRatio(2n, 4n).toString()).toBe("0.5");
    expect(() => I32F32.fromRatio(1, 0)).toThrow(/by zero/);
  });
});

describe("type safety", () => {
  it("rejects mixing formats at compile time and at run time", () => {
    const a = I32F32.ONE;
    const b = U64F64.ONE;
    // @ts-expect-error an U64F64 is not an I32F32
    expect(() => a.add(b)).toThrow(/I32F32\.add needs another I32F32, got U64F64; convert first/);
    // @ts-expect-error I96F32 and U96F32 are distinct too
    const c: I96F32 = U96F32.ONE;
    expect(c.kind).toBe("U96F32");
    expect(a.add(b.to(I32F32)).toString()).toBe("2");
  });

  it("refuses JS operator coercion but prints in templates", () => {
    const a = I32F32.fromFloat(1.5);
    expect(`${a}`).toBe("1.5");
    expect(() => (a as unknown as number) + 1).toThrow(/cannot be used with JS operators/);
    expect(() => (a as unknown as number) < 2).toThrow(TypeError);
    expect(JSON.stringify({ a })).toBe('{"a":"1.5"}');
  });

  it("validates raw bits", () => {
    expect(() => I32F32.fromBits(2n ** 63n)).toThrow(
      /raw bits 9223372036854775808 are outside the i64 range/,
    );
    expect(() => U64F64.fromBits(-1n)).toThrow(/outside the u128 range/);
    expect(() => I32F32.fromBits(1 as unknown as bigint)).toThrow(TypeError);
    expect(new I32F32(5n).bits).toBe(5n);
  });
});
