// Subnet lock cost and the new subnet's pool (§9.3): scenario S15's lock cases (exact), Subtensor's
// migration tests of the lock cost, and networks.rs's median price tests.
import { U64F64 } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  lockReductionInterval,
  medianSpotPrice,
  networkLockCost,
  newSubnetPool,
} from "../src/pallets/subtensor/math.js";
import { getPreset } from "../src/presets/index.js";

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S15: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S15"));
const net = getPreset("mainnet").network;
const TAO = 1_000_000_000n;

describe("S15 lock cost (exact rao)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(S15.lock_cost.cases.map((c: any, i: number) => [i, c]) as any[][])("case %i", (_i, c) => {
    const future = typeof c.last_lock_block === "string";
    const block = future ? 1_000n : BigInt(c.now);
    const cost = networkLockCost({
      lastLock: BigInt(c.last_lock),
      lastLockBlock: future ? block + 50_400n : BigInt(c.last_lock_block),
      block,
      minLock: c.min_lock === undefined ? net.networkMinLockCost : BigInt(c.min_lock),
      reductionInterval: c.interval === undefined ? 100_800n : BigInt(c.interval),
    });
    expect(cost).toBe(BigInt(c.expected));
  });
});

describe("lock cost rules", () => {
  it("the interval scales with block emission (I64F64): 100 800 at 1 TAO/block, halved after a halving", () => {
    const iv = BigInt(net.networkLockReductionInterval);
    expect(lockReductionInterval(iv, TAO)).toBe(100_800n);
    expect(lockReductionInterval(iv, TAO / 2n)).toBe(50_400n);
    expect(lockReductionInterval(iv, 0n)).toBe(0n);
    expect(lockReductionInterval(iv, 333_333_333n)).toBe((iv * ((333_333_333n << 64n) / TAO)) >> 64n);
  });

  it("before any registration the multiplier is 1", () => {
    const c = {
      lastLock: 1_500n * TAO,
      lastLockBlock: 0n,
      block: 10n,
      minLock: 1_000n * TAO,
      reductionInterval: 100_800n,
    };
    expect(networkLockCost(c)).toBe(1_500n * TAO - ((1_500n * TAO) / 100_800n) * 10n);
  });

  it("a zero interval means no decay (safe_div)", () => {
    const c = {
      lastLock: 1_000n * TAO,
      lastLockBlock: 5n,
      block: 1_000n,
      minLock: 0n,
      reductionInterval: 0n,
    };
    expect(networkLockCost(c)).toBe(2_000n * TAO);
  });

  it("migrate_network_lock_cost_2500: 2·1250 TAO right after, one per-block step later", () => {
    const last = 1_250n * TAO;
    const interval = lockReductionInterval(
      BigInt(getPreset("test").network.networkLockReductionInterval),
      TAO,
    );
    const minLock = getPreset("test").network.networkMinLockCost;
    expect(
      networkLockCost({ lastLock: last, lastLockBlock: 1n, block: 1n, minLock, reductionInterval: interval }),
    ).toBe(2_500n * TAO);
    const step = interval === 0n ? 0n : last / interval;
    const want = 2_500n * TAO - step > minLock ? 2_500n * TAO - step : minLock;
    expect(
      networkLockCost({ lastLock: last, lastLockBlock: 1n, block: 2n, minLock, reductionInterval: interval }),
    ).toBe(want);
  });
});

describe("median price and the new pool (networks.rs)", () => {
  const one = U64F64.ONE;
  it("median_subnet_alpha_price_returns_one_when_no_eligible_subnet_prices", () => {
    expect(medianSpotPrice([]).eq(one)).toBe(true);
    expect(medianSpotPrice([U64F64.ZERO]).eq(one)).toBe(true);
  });
  it("median_subnet_alpha_price_returns_middle_value_for_odd_unsorted_prices: 7, 2, 5 → 5", () => {
    expect(medianSpotPrice([7n, 2n, 5n].map((n) => U64F64.fromInt(n))).eq(U64F64.fromInt(5))).toBe(true);
  });
  it("median_subnet_alpha_price_averages_even_prices…: {2, 0, 8} → 5", () => {
    expect(medianSpotPrice([2n, 0n, 8n].map((n) => U64F64.fromInt(n))).eq(U64F64.fromInt(5))).toBe(true);
  });
  it("averages in U64F64 with truncation, and keeps duplicates", () => {
    const a = U64F64.fromBits(1n);
    const b = U64F64.fromBits(2n);
    expect(medianSpotPrice([a, b]).bits).toBe(1n); // (1 + 2) / 2 truncated
    expect(medianSpotPrice([a, b, b, U64F64.fromInt(9)]).bits).toBe(2n);
  });

  it("register_network_seeds_first_subnet_from_fallback_price_one_and_keeps_lock_in_pool", () => {
    const lock = 1_000n * TAO;
    const p = newSubnetPool(lock, net.networkMinLockCost, medianSpotPrice([]));
    expect(p).toEqual({ taoReserve: lock, alphaReserve: lock, locked: lock, recycled: 0n });
  });

  it("tops the pool up to the minimum lock and prices alpha at the median", () => {
    const p = newSubnetPool(400n * TAO, 1_000n * TAO, U64F64.fromFloat(0.25));
    expect(p.taoReserve).toBe(1_000n * TAO);
    expect(p.alphaReserve).toBe(4_000n * TAO);
    expect(p.recycled).toBe(0n);
    const q = newSubnetPool(3_000n * TAO, 1_000n * TAO, U64F64.fromInt(3));
    expect(q.taoReserve).toBe(3_000n * TAO);
    expect(q.alphaReserve).toBe(1_000n * TAO);
    // U64F64 overflow in the division gives 0 (safe_div), as on chain
    expect(newSubnetPool(1_000n * TAO, 0n, U64F64.fromBits(1n)).alphaReserve).toBe(0n);
  });
});
