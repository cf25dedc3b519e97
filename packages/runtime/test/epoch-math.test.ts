// The epoch's arithmetic: S07 (stake-weighted median) and S08 (max-upscaling) from the vectors, and
// the fast number kernels checked bit for bit against the primitives' BigInt I32F32.
import { I32F32, vecMaxUpscaleToU16 } from "@opentao/primitives";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { consensus, weightedMedian } from "../src/epoch/consensus.js";
import { alphaSigmoid, weightedMedianCol } from "../src/epoch/dense/math.js";
import { LiquidAlpha } from "../src/epoch/liquid-alpha.js";
import { expSafeBig, expSafeFast } from "../src/epoch/math/exp.js";
import { div, floorDivInt, mul, ONE, toU16Proportion, u16Proportion } from "../src/epoch/math/fixed32.js";
import { SparseBuilder, type SparseMatrix } from "../src/epoch/math/sparse.js";
import { rowNormalizeWeights } from "../src/epoch/weights.js";
import { vector } from "./yuma/scenarios.js";

/** Rust's `fixed(f32)`: the f32 literal, then rounded to I32F32. */
const f32 = (x: number) => I32F32.fromF32(x);
const bits = (x: I32F32) => Number(x.bits);

function matrix(rows: (readonly (readonly [number, number])[])[]): SparseMatrix {
  const b = new SparseBuilder(rows.length, 16);
  for (const row of rows) {
    for (const [j, v] of row) b.push(j, v);
    b.endRow();
  }
  return b.finish();
}

describe("S07 stake-weighted median consensus", () => {
  const v = vector("S07");

  for (const [k, c] of v.cases.entries()) {
    it(`weighted_median_col case ${k}: majority ${c.majority}`, () => {
      const expected = c.expected_median.map((x: number) => f32(x).bits);
      const stake = c.stake.map(f32);
      const rows = c.weights_rows.map((r: number[]) => r.map(f32));
      // The dense reference on BigInt I32F32 …
      expect(weightedMedianCol(stake, rows, f32(c.majority)).map((x) => x.bits)).toEqual(expected);
      // … and the sparse path's consensus step on raw bits.
      const sparse = matrix(rows.map((r: I32F32[]) => r.map((x, j) => [j, bits(x)] as const)));
      const got = consensus(Float64Array.from(stake, bits), sparse, rows[0].length, bits(f32(c.majority)));
      expect(Array.from(got, BigInt)).toEqual(expected);
    });
  }

  for (const [k, c] of v.single_column_cases_weighted_median.entries()) {
    it(`weighted_median single column case ${k}`, () => {
      const stake = c.stake.map(f32);
      const score = c.score.map(f32);
      const minority = I32F32.ONE.sub(f32(c.majority));
      const hi = stake.reduce((a: I32F32, b: I32F32) => a.add(b), I32F32.ZERO);
      const got = weightedMedian(
        stake.map(bits),
        score.map(bits),
        0,
        stake.length,
        bits(minority),
        0,
        bits(hi),
      );
      expect(BigInt(got)).toBe(f32(c.expected).bits);
    });
  }
});

describe("consensus over many columns", () => {
  // consensus() reads scores a block of columns at a time with a cursor per sorted row; wide matrices
  // span several blocks. Each must equal the BigInt reference, with rows sorted or not.
  const columns = 5000;
  let seed = 7;
  const next = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return seed >>> 0;
  };
  const dense = Array.from({ length: 16 }, () =>
    Array.from({ length: columns }, () => (next() % 4 === 0 ? 0 : next() % 65536) * 65536),
  );
  const stake = Array.from({ length: 16 }, (_, i) => (i === 1 ? 0 : (next() % 1000) * 2 ** 20));
  const expected = weightedMedianCol(
    stake.map((x) => I32F32.fromBits(BigInt(x))),
    dense.map((r) => r.map((x) => I32F32.fromBits(BigInt(x)))),
    f32(0.5),
  ).map((x) => x.bits);
  const sparseRows = dense.map((r) => r.flatMap((x, j) => (x === 0 ? [] : [[j, x] as const])));

  it("rows sorted by uid", () => {
    const got = consensus(Float64Array.from(stake), matrix(sparseRows), columns, bits(f32(0.5)));
    expect(Array.from(got, BigInt)).toEqual(expected);
  });

  it("a row in reverse order", () => {
    const rows = sparseRows.map((r, i) => (i === 5 ? [...r].reverse() : r));
    const got = consensus(Float64Array.from(stake), matrix(rows), columns, bits(f32(0.5)));
    expect(Array.from(got, BigInt)).toEqual(expected);
  });
});

describe("S08 weight max-upscaling", () => {
  const v = vector("S08");
  for (const [k, c] of v.cases.entries()) {
    it(`vec_max_upscale_to_u16 case ${k}`, () => {
      expect(vecMaxUpscaleToU16(c.input.map(f32))).toEqual(c.expected);
    });
  }

  it("the stored row of test_bonds normalises to the traced I32F32 values", () => {
    const ex = v.set_weights_example;
    const row = ex.stored.map((w: number, j: number) => [j, w] as const);
    const normalized = rowNormalizeWeights(matrix([row]));
    const stored = normalized.val.subarray(0, ex.stored.length);
    const values = Array.from(stored, (b) => I32F32.fromBits(BigInt(b)).toNumber());
    for (const [j, x] of values.entries())
      expect(Math.abs(x - ex.row_normalised_I32F32[j])).toBeLessThan(1e-10);
    // Exactly trunc(w·2^32 / Σw):
    const total = ex.stored.reduce((a: number, b: number) => a + b, 0);
    expect(Array.from(stored, BigInt)).toEqual(
      ex.stored.map((w: number) => (BigInt(w) << 32n) / BigInt(total)),
    );
  });
});

describe("fast I32F32 kernels equal BigInt I32F32 bit for bit", () => {
  const domain = 2 ** 53 - 1;
  const operand = fc.oneof(
    fc.integer({ min: -ONE, max: ONE }),
    fc.integer({ min: 0, max: 65535 }).map((u) => u * ONE),
    fc.integer({ min: -domain, max: domain }),
    fc.constantFrom(0, 1, -1, ONE, -ONE, ONE - 1, 65535 * ONE, 2 ** 52, -(2 ** 52)),
  );

  it("mul = floor(a·b / 2^32)", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        const exact = I32F32.fromBits(BigInt(a)).checkedMul(I32F32.fromBits(BigInt(b)));
        fc.pre(exact !== undefined && exact.bits <= BigInt(domain) && exact.bits >= -BigInt(domain));
        expect(BigInt(mul(a, b))).toBe(exact!.bits);
      }),
      { numRuns: 20000 },
    );
  });

  it("div = trunc(a·2^32 / b)", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        fc.pre(b !== 0);
        const exact = I32F32.fromBits(BigInt(a)).checkedDiv(I32F32.fromBits(BigInt(b)));
        fc.pre(exact !== undefined && exact.bits <= BigInt(domain) && exact.bits >= -BigInt(domain));
        expect(BigInt(div(a, b))).toBe(exact!.bits);
      }),
      { numRuns: 20000 },
    );
  });

  it("floorDivInt, u16 proportions both ways", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 53 - 1 }),
        fc.integer({ min: 1, max: 2 ** 53 - 1 }),
        (a, b) => {
          expect(BigInt(floorDivInt(a, b))).toBe(BigInt(a) / BigInt(b));
        },
      ),
      { numRuns: 20000 },
    );
    for (let u = 0; u <= 65535; u += 7) {
      const exact = I32F32.fromInt(u).safeDiv(I32F32.fromInt(65535));
      expect(BigInt(u16Proportion(u))).toBe(exact.bits);
      expect(toU16Proportion(u16Proportion(u))).toBe(
        exact.saturatingMul(I32F32.fromInt(65535)).saturatingToNum("u16"),
      );
    }
  });
});

describe("exp_safe and liquid alpha", () => {
  it("the number path of exp equals the BigInt series for |x| <= 8", () => {
    fc.assert(
      fc.property(fc.integer({ min: -8 * ONE, max: 8 * ONE }), (x) => {
        const fast = expSafeFast(x);
        if (fast !== undefined) expect(BigInt(fast)).toBe(expSafeBig(BigInt(x)));
      }),
      { numRuns: 5000 },
    );
  });

  it("exp follows substrate_fixed: exp(0) = 1, exp(1) is its constant e, inputs clamp at ±20", () => {
    expect(expSafeBig(0n)).toBe(1n << 32n);
    expect(expSafeBig(1n << 32n)).toBe(22802600n << 9n); // I9F23 e: floor(e·2^23) = 22802600, widened
    expect(expSafeBig(25n << 32n)).toBe(expSafeBig(20n << 32n));
    expect(expSafeBig(-(25n << 32n))).toBe(expSafeBig(-(20n << 32n)));
    const e5 = Number(expSafeBig(5n << 32n)) / 2 ** 32;
    expect(Math.abs(e5 - Math.exp(5))).toBeLessThan(1e-6);
  });

  it("LiquidAlpha equals the BigInt alpha_sigmoid for any steepness", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: ONE }),
        fc.integer({ min: 0, max: ONE }),
        fc.integer({ min: 0, max: ONE }),
        fc.integer({ min: -32768, max: 32767 }),
        fc.integer({ min: 0, max: 65535 }),
        fc.integer({ min: 0, max: 65535 }),
        (c, w, b, steep, x, y) => {
          const [alphaLow, alphaHigh] = x <= y ? [x, y] : [y, x];
          const fast = new LiquidAlpha({ alphaLow, alphaHigh, alphaSigmoidSteepness: steep }).alpha(c, w, b);
          const q = (u: number) => I32F32.fromInt(u).safeDiv(I32F32.fromInt(65535));
          const F = (r: number) => I32F32.fromBits(BigInt(r));
          const exact = alphaSigmoid(F(c), F(w), F(b), q(alphaLow), q(alphaHigh), I32F32.fromInt(steep));
          expect(BigInt(fast)).toBe(exact.bits);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
