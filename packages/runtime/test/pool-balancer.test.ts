// The weighted pool: scenario S12 and the unit tests of Subtensor's `pallets/swap/src/pallet/balancer.rs`
// and `tests.rs`, ported with their own tolerances (their references are f64 formulas; ours are exact).
import { U64F64 } from "@opentao/primitives";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  alphaInToReachPrice,
  alphaNeededForTaoOut,
  alphaOutForTaoIn,
  baseWeight,
  calculatePrice,
  DEFAULT_QUOTE_WEIGHT,
  expScaled,
  initialQuoteWeight,
  isValidQuoteWeight,
  MIN_POOL_WEIGHT,
  mulPerquintillRound,
  PERQUINTILL_ONE,
  type PoolState,
  perquintillFromRational,
  spotPrice,
  taoInToReachPrice,
  taoOutForAlphaIn,
  updateWeightsForAddedLiquidity,
} from "../src/pallets/subtensor/math.js";

const U64_MAX = (1n << 64n) - 1n;
// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S12: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S12"));
const E18 = PERQUINTILL_ONE;
const pool = (tao: bigint, alpha: bigint, w = DEFAULT_QUOTE_WEIGHT): PoolState => ({
  taoReserve: tao,
  alphaReserve: alpha,
  quoteWeight: w,
});
/** Rust's `f64 as u64`: truncation, saturating, NaN → 0. */
const f64AsU64 = (x: number): bigint =>
  Number.isNaN(x) || x <= 0 ? 0n : x >= 2 ** 64 ? U64_MAX : BigInt(Math.trunc(x));
const pq = (w: bigint) => Number(w) / 1e18;

describe("S12 initialisation", () => {
  it("without a price: w2 = 0.5 and p = y/x", () => {
    const c = S12.initialisation[0];
    const init = initialQuoteWeight(BigInt(c.tao_reserve), BigInt(c.alpha_reserve));
    expect(init).toEqual({ ok: true, quoteWeight: 500_000_000_000_000_000n });
    const p = spotPrice(pool(BigInt(c.tao_reserve), BigInt(c.alpha_reserve)));
    expect(p.toString()).toBe("0.25"); // exact
    expect(pq(init.ok ? init.quoteWeight : 0n)).toBe(c.expected_quote_weight);
  });

  it("with a price of 0.2: w2 = y/(p·x + y) and the price is 0.2 ± 1e-9", () => {
    const c = S12.initialisation[1];
    const price = U64F64.fromInt(1).div(U64F64.fromInt(5)); // the test's U64F64::from(1) / from(5)
    const init = initialQuoteWeight(BigInt(c.tao_reserve), BigInt(c.alpha_reserve), price);
    if (!init.ok) throw new Error("init refused");
    // p·x = 799_999_999 (floor of 4e9 · (2^64/5 floored)/2^64), so w2 = floor(1e27 / 1_799_999_999).
    expect(init.quoteWeight).toBe(10n ** 27n / 1_799_999_999n);
    expect(pq(init.quoteWeight)).toBeCloseTo(1e9 / (0.8e9 + 1e9), 9); // the vector's y/(p·x+y)
    const p = spotPrice(pool(BigInt(c.tao_reserve), BigInt(c.alpha_reserve), init.quoteWeight));
    expect(Math.abs(p.toNumber() - c.expected_price)).toBeLessThan(1e-9);
  });

  it("refuses a price that pushes a weight below 0.01 (ReservesOutOfBalance; migration falls back to 0.5)", () => {
    expect(initialQuoteWeight(1n, 1_000_000_000_000n, U64F64.ONE)).toEqual({
      ok: false,
      error: "ReservesOutOfBalance",
    });
    expect(initialQuoteWeight(0n, 0n, U64F64.ONE)).toEqual({ ok: false, error: "ReservesOutOfBalance" });
  });
});

describe("S12 conversions from a fresh pool (exact; the vectors' f64 reference allows ±1)", () => {
  const f = S12.swaps_from_fresh_pool;
  const p = pool(BigInt(f.tao_reserve), BigInt(f.alpha_reserve));
  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(f.cases.map((c: Record<string, unknown>) => [c.order, c.amount_in, c]) as any[][])(
    "%s %i",
    (order, _a, c) => {
      const net = BigInt(c.net_in);
      const out = String(order).startsWith("buy") ? alphaOutForTaoIn(p, net) : taoOutForAlphaIn(p, net);
      expect(out).toBe(BigInt(c.expected_out));
    },
  );
});

describe("S12 injection keeps the price", () => {
  const c = S12.injection_keeps_price;
  it("w2' = 0.5001249063 and the price stays 0.25 (± 1e-9)", () => {
    const r = updateWeightsForAddedLiquidity(
      DEFAULT_QUOTE_WEIGHT,
      BigInt(c.tao_reserve),
      BigInt(c.alpha_reserve),
      BigInt(c.tao_delta),
      BigInt(c.alpha_delta),
    );
    if (!r.ok) throw new Error("refused");
    expect(r.quoteWeight).toBe(500124906320259805n);
    expect(pq(r.quoteWeight)).toBeCloseTo(c.expected_new_quote_weight, 10);
    const after = calculatePrice(
      r.quoteWeight,
      BigInt(c.alpha_reserve) + BigInt(c.alpha_delta),
      BigInt(c.tao_reserve) + BigInt(c.tao_delta),
    );
    expect(Math.abs(after.toNumber() - c.expected_price_after)).toBeLessThan(1e-9);
  });
});

describe("balancer.rs unit tests", () => {
  it("test_balancer_rejects_invalid_boundary_weights", () => {
    for (const q of [0n, 1n, MIN_POOL_WEIGHT - 1n, E18 - MIN_POOL_WEIGHT + 1n, E18]) {
      expect(isValidQuoteWeight(q)).toBe(false);
    }
    expect(isValidQuoteWeight(MIN_POOL_WEIGHT)).toBe(true);
    expect(isValidQuoteWeight(E18 - MIN_POOL_WEIGHT)).toBe(true);
    expect(DEFAULT_QUOTE_WEIGHT).toBe(perquintillFromRational(1n, 2n));
  });

  it("test_exp_scaled (± 1e-9)", () => {
    const cases: [bigint, bigint, bigint, bigint, boolean, number][] = [
      [5n, 10n, 100000n, 100n, true, 0.999000999000999],
      [1n, 4n, 500000n, 5000n, true, 0.970590147927644],
      [3n, 4n, 200000n, 2000n, false, 0.970590147927644],
      [9n, 10n, 13513642n, 1673n, false, 0.998886481979889],
      [773n, 1000n, 7_000_000_000n, 10_000n, true, 0.999999580484586],
    ];
    for (const [n, d, r, dr, bq, want] of cases) {
      const got = expScaled(perquintillFromRational(n, d), r, dr, bq).toNumber();
      expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9);
    }
  });

  it("test_balancer_extreme_exp_inputs_do_not_panic: all defined, in [0, 1] for Δ ≥ 0", () => {
    const inputs: [bigint, bigint][] = [
      [0n, 0n],
      [0n, 1n],
      [1n, 0n],
      [1n, 1n],
      [1n, U64_MAX],
      [U64_MAX, 0n],
      [U64_MAX, 1n],
      [U64_MAX, U64_MAX],
    ];
    for (const q of [MIN_POOL_WEIGHT, DEFAULT_QUOTE_WEIGHT, E18 - MIN_POOL_WEIGHT]) {
      for (const [r, d] of inputs) {
        for (const bq of [true, false]) {
          expect(expScaled(q, r, d, bq).lte(U64F64.ONE)).toBe(true);
          expect(expScaled(q, r, -d, bq)).toBeInstanceOf(U64F64);
        }
      }
    }
  });

  it("test_balancer_price_and_limit_delta_corner_cases_do_not_panic", () => {
    const prices = [U64F64.ZERO, U64F64.ONE, U64F64.fromInt(U64_MAX)];
    const reserves = [0n, 1n, U64_MAX];
    for (const x of reserves) for (const y of reserves) calculatePrice(MIN_POOL_WEIGHT, x, y);
    for (const a of prices) {
      for (const b of prices) {
        for (const r of reserves) {
          expect(taoInToReachPrice(MIN_POOL_WEIGHT, a, b, r)).toBeGreaterThanOrEqual(0n);
          expect(alphaInToReachPrice(MIN_POOL_WEIGHT, a, b, r)).toBeGreaterThanOrEqual(0n);
        }
      }
    }
  });

  it("test_balancer_liquidity_weight_update_extremes_do_not_panic", () => {
    const inputs: [bigint, bigint, bigint, bigint][] = [
      [0n, 0n, 0n, 0n],
      [0n, 0n, U64_MAX, U64_MAX],
      [0n, U64_MAX, U64_MAX, 0n],
      [U64_MAX, 0n, 0n, U64_MAX],
      [U64_MAX, U64_MAX, U64_MAX, U64_MAX],
      [1n, U64_MAX, U64_MAX, 1n],
      [U64_MAX, 1n, 1n, U64_MAX],
    ];
    for (const [t, a, dt, da] of inputs) {
      const r = updateWeightsForAddedLiquidity(DEFAULT_QUOTE_WEIGHT, t, a, dt, da);
      if (r.ok) expect(isValidQuoteWeight(r.quoteWeight)).toBe(true);
      else expect(r.error).toBe("InvalidValue");
    }
    expect(updateWeightsForAddedLiquidity(DEFAULT_QUOTE_WEIGHT, 0n, 0n, 0n, 0n)).toEqual({
      ok: true,
      quoteWeight: DEFAULT_QUOTE_WEIGHT,
    });
  });

  it("test_calculate_quote_delta_in / base_delta_in: equal to the f64 formula truncated", () => {
    const w = perquintillFromRational(250_000_000_000n, 1_000_000_000_000n);
    const p1 = U64F64.fromFloat(0.1);
    const p2 = U64F64.fromFloat(0.2);
    const dy = taoInToReachPrice(w, p1, p2, 1_000_000_000n); // w1 = 0.75
    expect(dy).toBe(f64AsU64(1e9 * ((p2.toNumber() / p1.toNumber()) ** 0.75 - 1)));
    const dx = alphaInToReachPrice(w, p2, p1, 1_000_000_000n); // w2 = 0.25
    expect(dx).toBe(f64AsU64(1e9 * ((p2.toNumber() / p1.toNumber()) ** 0.25 - 1)));
  });

  it("test_calculate_{quote,base}_delta_in_impossible: 0 when the target is on the wrong side", () => {
    const w = perquintillFromRational(250_000_000_000n, 1_000_000_000_000n);
    expect(taoInToReachPrice(w, U64F64.fromFloat(0.1), U64F64.fromFloat(0.05), 1_000_000_000n)).toBe(0n);
    expect(alphaInToReachPrice(w, U64F64.fromFloat(0.1), U64F64.fromFloat(0.2), 1_000_000_000n)).toBe(0n);
  });

  it("test_calculate_delta_in_reverse_swap: buying Δy reaches the target price (± p'/1e9)", () => {
    const w = perquintillFromRational(500_000_000_000n, 1_000_000_000_000n);
    const current = U64F64.fromFloat(0.1);
    const target = U64F64.fromFloat(0.2);
    const y = 1_000_000_000n;
    const x = f64AsU64(1e9 / current.toNumber());
    const dy = taoInToReachPrice(w, current, target, y);
    const dx = Number(x) * (1 - Number(y) / (Number(y) + Number(dy)));
    const p = calculatePrice(w, x - f64AsU64(dx), y + dy);
    expect(Math.abs(p.toNumber() - target.toNumber())).toBeLessThanOrEqual(target.toNumber() / 1e9);
  });

  it("test_base_needed_for_quote: equal to the f64 formula truncated", () => {
    const w = perquintillFromRational(250_000_000_000n, 1_000_000_000_000n);
    const dx = alphaNeededForTaoOut(pool(1_000_000_000n, 1_000_000_000n, w), 1_123_432n);
    expect(dx).toBe(f64AsU64(1e9 * ((1e9 / (1e9 - 1_123_432)) ** (0.25 / 0.75) - 1)));
  });

  it("test_balancer_base_needed_for_quote_extremes_do_not_panic", () => {
    const w = E18 - MIN_POOL_WEIGHT;
    for (const [t, a, d] of [
      [0n, 0n, 0n],
      [0n, 1n, 1n],
      [1n, 0n, 1n],
      [U64_MAX, U64_MAX, U64_MAX],
      [1n, U64_MAX, 1n],
    ] as const) {
      expect(alphaNeededForTaoOut(pool(t, a, w), d)).toBeGreaterThanOrEqual(0n);
    }
  });

  it("test_mul_round_*: round half up, exact for 1.0, capped at u128", () => {
    const half = perquintillFromRational(1n, 2n);
    expect([0n, 1n, 2n, 3n, 4n, 5n, 1023n, 1025n].map((v) => mulPerquintillRound(half, v))).toEqual([
      0n,
      1n,
      1n,
      2n,
      2n,
      3n,
      512n,
      513n,
    ]);
    const third = perquintillFromRational(1n, 3n);
    expect([3n, 4n, 5n, 6n].map((v) => mulPerquintillRound(third, v))).toEqual([1n, 1n, 2n, 2n]);
    expect(mulPerquintillRound(0n, 1_000_000n)).toBe(0n);
    expect(mulPerquintillRound(E18, 1_000_000n)).toBe(1_000_000n);
    const v = 10n ** 18n;
    expect(mulPerquintillRound(perquintillFromRational(7n, 10n), v)).toBe((v * 7n + 5n) / 10n);
    const u128Max = (1n << 128n) - 1n;
    expect(mulPerquintillRound(E18, u128Max)).toBe(u128Max);
  });

  it("test_price_*: (w1/w2)·(y/x)", () => {
    expect(Math.abs(calculatePrice(perquintillFromRational(1n, 2n), 2n, 5n).toNumber() - 2.5)).toBeLessThan(
      1e-12,
    );
    expect(Math.abs(calculatePrice(perquintillFromRational(1n, 3n), 4n, 10n).toNumber() - 5)).toBeLessThan(
      1e-10,
    );
    expect(calculatePrice(perquintillFromRational(3n, 10n), 10n, 0n).isZero()).toBe(true);
    const h = perquintillFromRational(1n, 2n);
    expect(
      Math.abs(calculatePrice(h, 3n, 7n).toNumber() - calculatePrice(h, 30n, 70n).toNumber()),
    ).toBeLessThan(1e-12);
    const q = perquintillFromRational(2n, 5n);
    const want = (Number(baseWeight(q)) / Number(q)) * (25 / 9);
    expect(Math.abs(calculatePrice(q, 9n, 25n).toNumber() - want)).toBeLessThan(1e-9);
    const q3 = perquintillFromRational(3n, 10n);
    const x = 21_000_000_000_000_000n;
    const y = 15_000_000_000_000_000n;
    const want3 = (Number(baseWeight(q3)) / Number(q3)) * (Number(y) / Number(x));
    expect(Math.abs(calculatePrice(q3, x, y).toNumber() - want3)).toBeLessThan(1e-9);
  });
});

describe("tests.rs: test_convert_deltas (± 2 rao against the f64 formula)", () => {
  const cases: [bigint, bigint, number][] = [];
  for (const w of [0.5, 0.50000001, 0.49999999, 0.1, 0.9]) {
    for (const [t, a] of [
      [1500n, 1000n],
      [1n, 1_000_000n],
      [1_000_000n, 1n],
    ] as const) {
      cases.push([t, a, w]);
    }
  }
  it.each(cases)("tao %i alpha %i w_quote %f", (tao, alpha, wq) => {
    const w = perquintillFromRational(BigInt(Math.trunc(wq * 1e9)), 1_000_000_000n);
    const p = pool(tao, alpha, w);
    for (const d of [1n, 10_000n, 1_000_000n, U64_MAX]) {
      const y = Number(tao);
      const x = Number(alpha);
      const dd = Number(d);
      const sell = f64AsU64(y * (1 - (x / (x + dd)) ** ((1 - wq) / wq)));
      const buy = f64AsU64(x * (1 - (y / (y + dd)) ** (wq / (1 - wq))));
      const gotSell = taoOutForAlphaIn(p, d);
      const gotBuy = alphaOutForTaoIn(p, d);
      expect(gotSell >= sell - 2n && gotSell <= sell + 2n, `sell ${d}: ${gotSell} vs ${sell}`).toBe(true);
      expect(gotBuy >= buy - 2n && gotBuy <= buy + 2n, `buy ${d}: ${gotBuy} vs ${buy}`).toBe(true);
    }
  });
});

describe("tests.rs: protocol liquidity injection", () => {
  const deltas: [bigint, bigint][] = [
    [0n, 0n],
    [0n, 1n],
    [1n, 0n],
    [1n, 1n],
    [0n, 10n],
    [10n, 0n],
    [10n, 10n],
    [0n, 100n],
    [100n, 0n],
    [100n, 100n],
    [0n, 1_000n],
    [1_000n, 0n],
    [1_000n, 1_000n],
    [1_000_000n, 0n],
    [0n, 1_000_000n],
    [1_000_000n, 1_000_000n],
    [1_000_000_000n, 0n],
    [0n, 1_000_000_000n],
    [1_000_000_000n, 1_000_000_000n],
    [1_000_000_000_000n, 0n],
    [0n, 1_000_000_000_000n],
    [1_000_000_000_000n, 1_000_000_000_000n],
    [1n, 2n],
    [2n, 1n],
    [10n, 20n],
    [20n, 10n],
    [100n, 200n],
    [200n, 100n],
    [1_000n, 2_000n],
    [2_000n, 1_000n],
    [1_000_000n, 2_000_000n],
    [2_000_000n, 1_000_000n],
    [1_000_000_000n, 2_000_000_000n],
    [2_000_000_000n, 1_000_000_000n],
    [1_000_000_000_000n, 2_000_000_000_000n],
    [2_000_000_000_000n, 1_000_000_000_000n],
    [1_234_567n, 2_432_765n],
    [1_234_567n, 2_432_765_890n],
  ];

  it.each(deltas)("test_adjust_protocol_liquidity_happy Δtao %i Δalpha %i", (dt, da) => {
    const tao = 1_000_000_000_000n;
    const alpha = 4_000_000_000_000n;
    const before = spotPrice(pool(tao, alpha)).toNumber();
    const r = updateWeightsForAddedLiquidity(DEFAULT_QUOTE_WEIGHT, tao, alpha, dt, da);
    if (!r.ok) throw new Error("refused");
    const after = spotPrice(pool(tao + dt, alpha + da, r.quoteWeight)).toNumber();
    expect(Math.abs(after - before)).toBeLessThanOrEqual(before / 1e12);
    const newTao = Number(tao + dt);
    const newAlpha = Number(alpha + da);
    const expected = newTao / (newAlpha * before + newTao);
    expect(Math.abs(expected - 0.5 - (pq(r.quoteWeight) - 0.5))).toBeLessThanOrEqual(expected / 1e12);
  });

  it.each(deltas)("test_adjust_protocol_liquidity_zero_alpha Δtao %i Δalpha %i", (dt, da) => {
    const tao = 1_000_000_000_000n;
    const r = updateWeightsForAddedLiquidity(DEFAULT_QUOTE_WEIGHT, tao, 0n, dt, da);
    const w = r.ok ? r.quoteWeight : DEFAULT_QUOTE_WEIGHT; // refused: the weight is kept
    expect(w).toBe(DEFAULT_QUOTE_WEIGHT);
    const price = spotPrice(pool(tao + dt, da, w));
    if (da === 0n) expect(price.isZero()).toBe(true);
    else expect(price.toNumber()).toBe(Number(tao + dt) / Number(da));
  });
});

describe("properties", () => {
  const reserve = fc.bigInt({ min: 1_000_000n, max: 10n ** 16n });
  it("w1 = w2 is constant product: floor(x·Δ/(y+Δ)) within ±1 rao", () => {
    fc.assert(
      fc.property(reserve, reserve, fc.bigInt({ min: 0n, max: 10n ** 15n }), (y, x, d) => {
        const p = pool(y, x);
        const buy = alphaOutForTaoIn(p, d);
        const cpBuy = (x * d) / (y + d);
        expect(buy >= cpBuy - 1n && buy <= cpBuy + 1n).toBe(true);
        const sell = taoOutForAlphaIn(p, d);
        const cpSell = (y * d) / (x + d);
        expect(sell >= cpSell - 1n && sell <= cpSell + 1n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("the output never reaches the reserve for weights in [0.25, 0.75] and inputs up to 1000× the reserve", () => {
    fc.assert(
      fc.property(
        reserve,
        reserve,
        fc.bigInt({ min: E18 / 4n, max: (3n * E18) / 4n }),
        fc.bigInt({ min: 1n, max: 1000n }),
        fc.bigInt({ min: 0n, max: 10n ** 18n }),
        (y, x, w, k, frac) => {
          const p = pool(y, x, w);
          expect(alphaOutForTaoIn(p, (y * k * frac) / 10n ** 18n) < x).toBe(true);
          expect(taoOutForAlphaIn(p, (x * k * frac) / 10n ** 18n) < y).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});
