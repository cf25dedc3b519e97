import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  fixedProportionToU16,
  I32F32,
  u16ProportionToFixed,
  u16ToFixed,
  vecMaxUpscaleToU16,
  vecU16MaxUpscaleToU16,
} from "../src/fixed/index.js";

const ONE = 2n ** 32n;
const u16 = fc.integer({ min: 0, max: 65535 });

describe("u16 proportions (spec §0.3)", () => {
  it("u16ProportionToFixed(x) = trunc(x·2^32 / 65535)", () => {
    expect(u16ProportionToFixed(65535).eq(I32F32.ONE)).toBe(true);
    expect(u16ProportionToFixed(0).isZero()).toBe(true);
    expect(u16ProportionToFixed(32768).bits).toBe(2147516416n); // 0.500007629...
    expect(u16ProportionToFixed(32767).toNumber()).toBeCloseTo(0.49999237, 8); // default kappa
    fc.assert(
      fc.property(u16, (x) => {
        expect(u16ProportionToFixed(x).bits).toBe((BigInt(x) * ONE) / 65535n);
      }),
    );
  });

  it("fixedProportionToU16(x) = floor(x·65535), saturating at 0 and 65535", () => {
    expect(fixedProportionToU16(I32F32.ONE)).toBe(65535);
    expect(fixedProportionToU16(I32F32.fromFloat(0.5))).toBe(32767);
    expect(fixedProportionToU16(I32F32.ZERO)).toBe(0);
    expect(fixedProportionToU16(I32F32.fromFloat(-0.25))).toBe(0);
    expect(fixedProportionToU16(I32F32.fromInt(2))).toBe(65535);
    expect(fixedProportionToU16(I32F32.MAX)).toBe(65535); // saturating_mul, then saturating_to_num
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: ONE }), (bits) => {
        expect(fixedProportionToU16(I32F32.fromBits(bits))).toBe(Number((bits * 65535n) >> 32n));
      }),
    );
  });

  it("the u16 → fixed → u16 round trip loses at most one unit (1 → 0, 32768 → 32767, 65535 → 65535)", () => {
    expect(fixedProportionToU16(u16ProportionToFixed(1))).toBe(0);
    expect(fixedProportionToU16(u16ProportionToFixed(65535))).toBe(65535);
    expect(fixedProportionToU16(u16ProportionToFixed(32768))).toBe(32767);
    fc.assert(
      fc.property(u16, (x) => {
        const back = fixedProportionToU16(u16ProportionToFixed(x));
        expect(back === x || back === x - 1).toBe(true);
      }),
    );
  });

  it("u16ToFixed keeps the integer value", () => {
    expect(u16ToFixed(65535).bits).toBe(65535n * ONE);
    expect(u16ToFixed(0).isZero()).toBe(true);
    expect(() => u16ToFixed(65536)).toThrow(/65536 is not a u16/);
    expect(() => u16ProportionToFixed(-1)).toThrow(RangeError);
    expect(() => u16ProportionToFixed(1.5)).toThrow(RangeError);
  });
});

describe("vecMaxUpscaleToU16 (Subtensor's test_vec_max_upscale_to_u16 vectors)", () => {
  // Subtensor builds these with I32F32::from_num(f32)
  const f32s = (xs: number[]) => xs.map((x) => I32F32.fromF32(x));
  const cases: [string, I32F32[], number[]][] = [
    ["empty", [], []],
    ["[0]", f32s([0]), [0]],
    ["[0, 0]", f32s([0, 0]), [0, 0]],
    ["[0, 1]", f32s([0, 1]), [0, 65535]],
    ["[0, 1e-9]", f32s([0, 0.000000001]), [0, 65535]],
    ["[0, 0.000016, 1]", f32s([0, 0.000016, 1]), [0, 1, 65535]],
    ["[1e-9, 1e-9]", f32s([0.000000001, 0.000000001]), [65535, 65535]],
    [
      "decades",
      f32s([0.000001, 0.000006, 0.000007, 0.0001, 0.001, 0.01, 0.1, 0.2, 0.3, 0.4]),
      [0, 1, 1, 16, 164, 1638, 16384, 32768, 49151, 65535],
    ],
    ["[16384]", [I32F32.fromInt(16384)], [65535]],
    ["[32768]", [I32F32.fromInt(32768)], [65535]],
    ["[32769]", [I32F32.fromInt(32769)], [65535]],
    ["[65535]", [I32F32.fromInt(65535)], [65535]],
    ["[MAX]", [I32F32.MAX], [65535]],
    ["[0, 1, 65535]", f32s([0, 1, 65535]), [0, 1, 65535]],
    ["max 32768", f32s([0, 0.5, 1, 1.5, 2, 32768]), [0, 1, 2, 3, 4, 65535]],
    ["max 32769 (ratio path)", f32s([0, 0.5, 1, 1.5, 2, 32768, 32769]), [0, 1, 2, 3, 4, 65533, 65535]],
    [
      "with MAX",
      [I32F32.fromInt(0), I32F32.fromInt(1), I32F32.fromInt(32768), I32F32.fromInt(32769), I32F32.MAX],
      [0, 0, 1, 1, 65535],
    ],
  ];
  it.each(cases)("%s", (_name, input, want) => {
    expect(vecMaxUpscaleToU16(input)).toEqual(want);
  });

  it("vecU16MaxUpscaleToU16 (test_vec_u16_max_upscale_to_u16)", () => {
    const same = (xs: number[]) => expect(vecU16MaxUpscaleToU16(xs)).toEqual(xs);
    same([]);
    same([0]);
    same([0, 0]);
    same([65535]);
    same([65535, 65535]);
    same([0, 1, 2, 3, 4, 65533, 65535]);
    expect(vecU16MaxUpscaleToU16([1])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([0, 1])).toEqual([0, 65535]);
    expect(vecU16MaxUpscaleToU16([65534])).toEqual([65535]);
    expect(vecU16MaxUpscaleToU16([0, 1, 65534])).toEqual([0, 1, 65535]);
    expect(() => vecU16MaxUpscaleToU16([70000])).toThrow(/70000 is not a u16/);
  });
});
