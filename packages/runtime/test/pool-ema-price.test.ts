// The subnet EMA price (§7.4): scenario S11, i.e. Subtensor's test_coinbase_moving_prices,
// test_update_moving_price_initial and test_update_moving_price_after_time, with their tolerances.
import { I96F32, U64F64 } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import { emaPriceAlpha, updateEmaPrice } from "../src/pallets/subtensor/math.js";
import { getPreset } from "../src/presets/index.js";

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S11: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S11"));
const preset = getPreset("mainnet").emission;
const HALVING = BigInt(preset.emaPriceHalvingBlocks);

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
function run(c: any): I96F32 {
  // The tests set SubnetMovingAlpha with I96F32::from_num(f64) and the price with reserves 1e6/1e6.
  const movingAlpha =
    c.SubnetMovingAlpha === 3e-6
      ? I96F32.fromBits(preset.subnetMovingAlpha)
      : I96F32.fromFloat(c.SubnetMovingAlpha);
  let ema = I96F32.fromFloat(c.ema_before);
  for (let i = 0; i < c.updates; i++) {
    ema = updateEmaPrice({
      spotPrice: U64F64.fromFloat(c.spot_price),
      movingPrice: ema,
      movingAlpha,
      halvingBlocks: HALVING,
      block: BigInt(c.block),
      firstEmissionBlock: BigInt(c.first_emission_block),
    });
  }
  return ema;
}

describe("S11 EMA price", () => {
  it("SubnetMovingAlpha preset is I96F32::from_num(0.000003)", () => {
    expect(preset.subnetMovingAlpha).toBe(I96F32.fromFloat(0.000003).bits);
  });

  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(S11.cases.map((c: any, i: number) => [i, c]) as any[][])("case %i", (_i, c) => {
    const got = run(c);
    if (c.tolerance === 0) expect(got.eq(I96F32.fromFloat(c.expected_ema))).toBe(true); // exact
    if (c.expected_ema !== undefined && c.tolerance > 0) {
      expect(Math.abs(got.toNumber() - c.expected_ema)).toBeLessThanOrEqual(c.tolerance);
    }
    if (c.expected_ema_min !== undefined) expect(1 - got.toNumber()).toBeLessThan(1 - c.expected_ema_min);
    if (c.expected_ema_max !== undefined) expect(got.toNumber()).toBeLessThan(c.expected_ema_max);
  });
});

describe("EMA details", () => {
  it("caps the spot price at 1 before it enters the EMA", () => {
    const common = {
      movingPrice: I96F32.ZERO,
      movingAlpha: I96F32.fromFloat(0.5),
      halvingBlocks: 0n,
      block: 100n,
      firstEmissionBlock: 1n,
    };
    const at1 = updateEmaPrice({ ...common, spotPrice: U64F64.ONE });
    const at5 = updateEmaPrice({ ...common, spotPrice: U64F64.fromInt(5) });
    expect(at5.eq(at1)).toBe(true);
    expect(at1.toString()).toBe("0.5");
  });

  it("α = SubnetMovingAlpha · b/(b + halving), b counted from the start_call block", () => {
    const a = emaPriceAlpha(I96F32.fromFloat(0.5), 201_600n, 510n, 500n); // b = 11
    expect(a.eq(U64F64.fromFloat(0.5).mul(U64F64.fromInt(11).div(U64F64.fromInt(201_611))))).toBe(true);
    // FirstEmissionBlockNumber unset: counted from block 0; b = 0 gives α = 0 (0/0 is 0 by safe_div)
    expect(emaPriceAlpha(I96F32.fromFloat(0.5), 0n, 0n, undefined).isZero()).toBe(true);
    expect(emaPriceAlpha(I96F32.fromFloat(0.5), 10n, 10n, undefined).toString()).toBe("0.25");
  });

  it("stores the result as I96F32, dropping the low 32 fraction bits", () => {
    const got = updateEmaPrice({
      spotPrice: U64F64.fromBits(1n),
      movingPrice: I96F32.ZERO,
      movingAlpha: I96F32.ONE,
      halvingBlocks: 0n,
      block: 10n,
      firstEmissionBlock: 1n,
    });
    expect(got.isZero()).toBe(true);
  });
});
