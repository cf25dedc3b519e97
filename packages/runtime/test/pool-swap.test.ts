// Swaps through the pool (`do_swap`): scenario S12's fees and outputs, the swap tests of Subtensor's
// `pallets/swap/src/pallet/tests.rs`, limit prices with partial fills, each error, and properties.
import { U64F64 } from "@opentao/primitives";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  alphaOutForTaoIn,
  applySlippageLimit,
  checkStakeInputWithinSwapLimit,
  DEFAULT_QUOTE_WEIGHT,
  defaultPriceLimit,
  limitPriceFromRao,
  maxSwapAmount,
  PERQUINTILL_ONE,
  type PoolState,
  partialFillFee,
  quoteBuy,
  quoteSell,
  type SwapOutcome,
  type SwapQuote,
  spotPrice,
  swap,
  swapFee,
  taoOutForAlphaIn,
} from "../src/pallets/subtensor/math.js";
import { getPreset } from "../src/presets/index.js";

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S12: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S12"));
const mainnet = getPreset("mainnet").pool;
const mock = getPreset("test").pool;
const CFG = { feeRate: mainnet.feeRate, minimumReserve: mainnet.minimumReserve };
const pool = (tao: bigint, alpha: bigint, w = DEFAULT_QUOTE_WEIGHT): PoolState => ({
  taoReserve: tao,
  alphaReserve: alpha,
  quoteWeight: w,
});
const ok = (r: SwapOutcome): SwapQuote => {
  if (!r.ok) throw new Error(`swap failed: ${r.error}`);
  return r;
};
const fresh = pool(1_000_000_000n, 4_000_000_000n);

describe("S12 swaps from a fresh pool (fee and net exact; output exact, vector tolerance ±1)", () => {
  it.each(
    // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
    S12.swaps_from_fresh_pool.cases.map((c: Record<string, unknown>) => [c.order, c.amount_in, c]) as any[][],
  )("%s %i", (order, _a, c) => {
    const amount = BigInt(c.amount_in);
    const r = ok(
      String(order).startsWith("buy") ? quoteBuy(fresh, amount, CFG) : quoteSell(fresh, amount, CFG),
    );
    expect(r.feePaid).toBe(BigInt(c.fee));
    expect(r.amountPaidIn).toBe(BigInt(c.net_in));
    expect(r.amountPaidOut).toBe(BigInt(c.expected_out));
    expect(r.feeToBlockAuthor).toBe(r.feePaid);
    expect(r.refund).toBe(0n);
    expect(r.partial).toBe(false);
    // reserve deltas: the fee is not added to the pool
    if (String(order).startsWith("buy")) {
      expect(r.poolAfter.taoReserve).toBe(fresh.taoReserve + r.amountPaidIn);
      expect(r.poolAfter.alphaReserve).toBe(fresh.alphaReserve - r.amountPaidOut);
    } else {
      expect(r.poolAfter.alphaReserve).toBe(fresh.alphaReserve + r.amountPaidIn);
      expect(r.poolAfter.taoReserve).toBe(fresh.taoReserve - r.amountPaidOut);
    }
  });
});

describe("tests.rs: test_swap_basic (±1 against its f64 reference) and price direction", () => {
  const cases: [string, bigint, number][] = [
    ["buy", 1_000n, 1000.0],
    ["buy", 2_000n, 1000.0],
    ["buy", 123_456n, 1000.0],
    ["sell", 1_000n, 0.0001],
    ["sell", 2_000n, 0.0001],
    ["sell", 123_456n, 0.0001],
    ["buy", 1_000_000_000n, 1000.0],
    ["buy", 10_000_000_000n, 1000.0],
  ];
  it.each(cases)("%s %i limit %f", (dir, amount, limit) => {
    const buy = dir === "buy";
    const r = ok(swap(fresh, buy ? "buy" : "sell", amount, U64F64.fromFloat(limit), CFG));
    const feeRate = mainnet.feeRate / 65535;
    const fee = Math.trunc(Number(amount) * feeRate);
    const d = Number(amount) - fee;
    const x = 4e9;
    const y = 1e9;
    const want = Math.trunc(buy ? x * (1 - y / (y + d)) : y * (1 - x / (x + d)));
    expect(Math.abs(Number(r.amountPaidOut) - want)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(r.amountPaidIn) - d)).toBeLessThanOrEqual(1);
    const after = spotPrice(r.poolAfter);
    expect(after.gte(spotPrice(fresh))).toBe(buy);
  });
});

describe("tests.rs: edge cases and the input cap", () => {
  it("test_swap_precision_edge_case: tiny reserves, huge sell at the minimum price still pays out", () => {
    for (const [t, a, amount] of [
      [1_000n, 1_000n, 999_500n],
      [1_000_000n, 1_000_000n, 999_500_000n],
    ] as const) {
      const r = swap(pool(t, a), "sell", amount, defaultPriceLimit("sell"), {
        feeRate: mock.feeRate,
        minimumReserve: mock.minimumReserve,
        simulate: true,
      });
      expect(ok(r).amountPaidOut > 0n).toBe(true);
    }
  });

  it("test_swap_rejects_input_over_1000x_input_reserve: SwapInputTooLarge (also simulated)", () => {
    const p = pool(1_000n, 1_000n);
    const c = { feeRate: mock.feeRate, minimumReserve: mock.minimumReserve, dropFees: true };
    expect(swap(p, "sell", 1_000_001n, defaultPriceLimit("sell"), c)).toEqual({
      ok: false,
      error: "SwapInputTooLarge",
    });
    expect(swap(p, "buy", 1_000_001n, defaultPriceLimit("buy"), c)).toEqual({
      ok: false,
      error: "SwapInputTooLarge",
    });
    const sim = { feeRate: mock.feeRate, minimumReserve: mock.minimumReserve, simulate: true };
    expect(quoteSell(p, 1_001_000n, sim)).toEqual({ ok: false, error: "SwapInputTooLarge" });
    expect(quoteBuy(p, 1_001_000n, sim)).toEqual({ ok: false, error: "SwapInputTooLarge" });
  });

  it("test_swap_allows_input_at_1000x_input_reserve", () => {
    const p = pool(1_000n, 1_000n);
    const c = { feeRate: mock.feeRate, minimumReserve: mock.minimumReserve, dropFees: true, simulate: true };
    expect(swap(p, "sell", 1_000_000n, defaultPriceLimit("sell"), c).ok).toBe(true);
    expect(swap(p, "buy", 1_000_000n, defaultPriceLimit("buy"), c).ok).toBe(true);
  });

  it("the cap applies to the net amount, after the fee", () => {
    const p = pool(1_000_000_000n, 1_000_000_000n);
    const over = 1_000_000_000_001n;
    expect(quoteBuy(p, over, { ...CFG, simulate: true, dropFees: true })).toEqual({
      ok: false,
      error: "SwapInputTooLarge",
    });
    expect(quoteBuy(p, over, { ...CFG, simulate: true }).ok).toBe(true); // its fee brings the net under the cap
  });

  it("add_stake / remove_stake pre-check: gross amount ≤ 1000 × reserve, else InsufficientLiquidity", () => {
    expect(checkStakeInputWithinSwapLimit(1_000_000n, 1_000n)).toEqual({ ok: true });
    expect(checkStakeInputWithinSwapLimit(1_000_001n, 1_000n)).toEqual({
      ok: false,
      error: "InsufficientLiquidity",
    });
    expect(checkStakeInputWithinSwapLimit(2n ** 64n - 1n, 2n ** 63n)).toEqual({ ok: true });
  });

  it("test_rollback_works: a simulation and a real swap give the same result", () => {
    const p = pool(1_000_000_000_000n, 1_000_000_000_000n);
    const limit = limitPriceFromRao((1n << 64n) - 1n);
    expect(swap(p, "buy", 1_000_000n, limit, { ...CFG, simulate: true })).toEqual(
      swap(p, "buy", 1_000_000n, limit, CFG),
    );
  });
});

describe("errors, in Subtensor's order", () => {
  it("ReservesTooLow when the output reserve is below MinimumReserve", () => {
    expect(quoteBuy(pool(1_000_000_000n, 999_999n), 1_000n, CFG)).toEqual({
      ok: false,
      error: "ReservesTooLow",
    });
    expect(quoteSell(pool(999_999n, 1_000_000_000n), 1_000n, CFG)).toEqual({
      ok: false,
      error: "ReservesTooLow",
    });
  });

  it("SwapInputTooLarge is checked before ReservesTooLow", () => {
    expect(quoteBuy(pool(1n, 1n), 10_000n, CFG)).toEqual({ ok: false, error: "SwapInputTooLarge" });
  });

  it("ReservesTooLow when a non-zero input buys nothing", () => {
    // 1 rao of TAO into a pool where alpha is cheap in TAO terms: x·Δ/(y+Δ) < 1.
    expect(quoteBuy(pool(10_000_000_000n, 1_000_000n), 1n, CFG)).toEqual({
      ok: false,
      error: "ReservesTooLow",
    });
  });

  it("PriceLimitExceeded when the price is already at or beyond the limit", () => {
    const p = spotPrice(fresh); // 0.25
    expect(swap(fresh, "buy", 1_000n, p, CFG)).toEqual({ ok: false, error: "PriceLimitExceeded" });
    expect(swap(fresh, "buy", 1_000n, limitPriceFromRao(200_000_000n), CFG)).toEqual({
      ok: false,
      error: "PriceLimitExceeded",
    });
    expect(swap(fresh, "sell", 1_000n, p, CFG)).toEqual({ ok: false, error: "PriceLimitExceeded" });
    expect(swap(fresh, "sell", 1_000n, limitPriceFromRao(300_000_000n), CFG)).toEqual({
      ok: false,
      error: "PriceLimitExceeded",
    });
  });

  it("InsufficientLiquidity cannot be reached through the formula: at worst the whole reserve is paid out", () => {
    // With w2 = 0.99, (y/(y+Δ))^99 floors to 0 for Δ = 1000·y, so the output equals the reserve, which the
    // check (reserve < out) lets through — exactly as on chain.
    const w = PERQUINTILL_ONE - PERQUINTILL_ONE / 100n;
    const p = pool(1_000_000_000n, 4_000_000_000n, w);
    const r = ok(quoteBuy(p, 1_000_000_000_000n, { ...CFG, dropFees: true }));
    expect(r.amountPaidOut).toBe(p.alphaReserve);
    expect(r.poolAfter.alphaReserve).toBe(0n);
  });
});

describe("limit prices: partial fills", () => {
  it("a buy stops at the limit price and pays the fee of the partial amount", () => {
    const limit = limitPriceFromRao(300_000_000n); // 0.3 TAO per alpha
    const r = ok(quoteBuy(fresh, 1_000_000_000n, CFG, limit));
    expect(r.partial).toBe(true);
    // Δy = y·(sqrt(0.3/0.25) − 1) ≈ 95_445_115 rao
    expect(Number(r.amountPaidIn)).toBeCloseTo(1e9 * (Math.sqrt(1.2) - 1), -1);
    expect(r.feePaid).toBe(partialFillFee(r.amountPaidIn, CFG.feeRate));
    expect(r.refund).toBe(1_000_000_000n - r.amountPaidIn - r.feePaid);
    const after = spotPrice(r.poolAfter).toNumber();
    expect(after).toBeLessThanOrEqual(0.3 + 1e-9);
    expect(after).toBeGreaterThan(0.3 - 1e-6);
  });

  it("a sell stops at the limit price", () => {
    const limit = limitPriceFromRao(200_000_000n); // 0.2
    const r = ok(quoteSell(fresh, 10_000_000_000n, CFG, limit));
    expect(r.partial).toBe(true);
    // Δx = x·(sqrt(0.25/0.2) − 1)
    expect(Number(r.amountPaidIn)).toBeCloseTo(4e9 * (Math.sqrt(1.25) - 1), -1);
    const after = spotPrice(r.poolAfter).toNumber();
    expect(after).toBeGreaterThanOrEqual(0.2 - 1e-9);
    expect(after).toBeLessThan(0.2 + 1e-6);
  });

  it("a limit beyond the whole trade's price fills it completely", () => {
    const r = ok(quoteBuy(fresh, 1_000_000n, CFG, limitPriceFromRao(300_000_000n)));
    expect(r.partial).toBe(false);
    expect(r.amountPaidIn).toBe(1_000_000n - swapFee(1_000_000n, CFG.feeRate));
  });

  it("maxSwapAmount and the SlippageTooHigh check of the limit staking calls", () => {
    const m = maxSwapAmount(fresh, "buy", 300_000_000n, CFG);
    if (!m.ok) throw new Error(m.error);
    const partial = ok(quoteBuy(fresh, 1_000_000_000n, CFG, limitPriceFromRao(300_000_000n)));
    expect(m.amount).toBe(partial.amountPaidIn + partial.feePaid);
    expect(applySlippageLimit(m.amount + 1n, m.amount, false)).toEqual({
      ok: false,
      error: "SlippageTooHigh",
    });
    expect(applySlippageLimit(m.amount + 1n, m.amount, true)).toEqual({ ok: true, amount: m.amount });
    expect(applySlippageLimit(5n, m.amount, false)).toEqual({ ok: true, amount: 5n });
    expect(maxSwapAmount(fresh, "buy", 100_000_000n, CFG)).toEqual({
      ok: false,
      error: "PriceLimitExceeded",
    });
    const s = maxSwapAmount(fresh, "sell", 200_000_000n, CFG);
    expect(s.ok && s.amount > 0n).toBe(true);
  });
});

describe("fees", () => {
  it("floor(amount · 33/65535) in U64F64; none with dropFees", () => {
    expect([1_000n, 1_985n, 1_986n, 2_000n, 123_456n].map((a) => swapFee(a, 33))).toEqual([
      0n,
      0n,
      1n,
      1n,
      62n,
    ]);
    expect(swapFee(1_000_000n, 33, true)).toBe(0n);
    expect(partialFillFee(1_000_000n, 33)).toBe((1_000_000n * 33n) / (65_535n - 33n));
    expect(partialFillFee(1_000_000n, 33, true)).toBe(0n);
  });
});

describe("properties", () => {
  const reserve = fc.bigInt({ min: 10_000_000n, max: 10n ** 16n });
  const weight = fc.bigInt({ min: PERQUINTILL_ONE / 10n, max: (9n * PERQUINTILL_ONE) / 10n });

  it("buying then selling what was bought never returns more TAO", () => {
    fc.assert(
      fc.property(reserve, reserve, weight, fc.bigInt({ min: 1n, max: 10n ** 13n }), (y, x, w, tao) => {
        const p = pool(y, x, w);
        const b = quoteBuy(p, tao, CFG);
        if (!b.ok) return;
        const s = quoteSell(b.poolAfter, b.amountPaidOut, CFG);
        if (!s.ok) return;
        expect(s.amountPaidOut <= tao).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("the output never exceeds the output reserve", () => {
    fc.assert(
      fc.property(reserve, reserve, weight, fc.bigInt({ min: 0n, max: 10n ** 19n }), (y, x, w, d) => {
        const p = pool(y, x, w);
        expect(alphaOutForTaoIn(p, d) <= x).toBe(true);
        expect(taoOutForAlphaIn(p, d) <= y).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("the price moves in the trade's direction", () => {
    fc.assert(
      fc.property(
        reserve,
        reserve,
        weight,
        fc.bigInt({ min: 1n, max: 10n ** 14n }),
        fc.boolean(),
        (y, x, w, amount, buy) => {
          const p = pool(y, x, w);
          const r = buy ? quoteBuy(p, amount, CFG) : quoteSell(p, amount, CFG);
          if (!r.ok) return;
          const before = spotPrice(p);
          const after = spotPrice(r.poolAfter);
          expect(buy ? after.gte(before) : after.lte(before)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
