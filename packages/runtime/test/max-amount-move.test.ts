// Limit orders across subnets: Subtensor's get_max_amount_move tests (tests/staking.rs
// test_max_amount_move_*), with their numbers, and swap_stake_limit's partial fill.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S, Scope } from "../src/index.js";
import { deposit } from "../src/pallets/balances/currency.js";
import { subnetAccountId } from "../src/pallets/subtensor/accounts.js";
import { maxAmountMove, U64_MAX } from "../src/pallets/subtensor/staking/max-amount.js";
import { increaseStake, stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds } from "./subnet-fixtures.js";

beforeAll(TestChain.ready);

const coldkey = Keypair.fromUri("//Charlie");
const hotkey = Keypair.fromUri("//Charlie//hot").ss58Address;

/** Subnets 1…n; `dynamic` ones trade through a pool (mechanism 1), the rest are stable. */
function chain(dynamic: number[], stable: number[] = []) {
  const c = chainWithFunds([coldkey], "test");
  for (const netuid of [...dynamic, ...stable].sort()) {
    addSubnet(c, netuid, [hotkey]);
    S.SubnetMechanism.set(c.store, netuid, dynamic.includes(netuid) ? 1 : 0);
    S.SubtokenEnabled.set(c.store, netuid, true);
  }
  S.Owner.set(c.store, hotkey, coldkey.ss58Address);
  return c;
}

function setPool(c: TestChain, netuid: number, tao: bigint, alpha: bigint) {
  S.SubnetTAO.set(c.store, netuid, tao);
  S.SubnetAlphaIn.set(c.store, netuid, alpha);
}

const scopeOf = (c: TestChain) => new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
const maxMove = (c: TestChain, from: number, to: number, limit: bigint) =>
  maxAmountMove(scopeOf(c), from, to, limit);
const errorName = (x: unknown) => (typeof x === "bigint" ? x : (x as { name: string }).name);

describe("get_max_amount_move", () => {
  it("root → root and root → stable: no slippage, so everything up to price 1.0, nothing above", () => {
    const c = chain([], [1]);
    for (const to of [0, 1]) {
      for (const limit of [0n, 500_000_000n, 999_999_999n, 1_000_000_000n]) {
        expect(maxMove(c, 0, to, limit)).toBe(U64_MAX);
      }
      expect(maxMove(c, 0, to, 1_000_000_001n)).toBe(0n);
      expect(maxMove(c, 0, to, 2_000_000_000n)).toBe(0n);
    }
  });

  it("stable → dynamic is add_stake_limit at the inverted price (price 0.5)", () => {
    const c = chain([2], [1]);
    const taoReserve = 50_000_000_000n;
    setPool(c, 2, taoReserve, 100_000_000_000n);
    expect(maxMove(c, 1, 2, 0n)).toBe(U64_MAX);
    for (const limit of [2_000_000_000n, 3_000_000_000n, U64_MAX, U64_MAX - 1n, U64_MAX / 2n]) {
      expect(errorName(maxMove(c, 1, 2, limit))).toBe("PriceLimitExceeded");
    }
    // 2× the price: about the TAO reserve plus the fee.
    const doubled = maxMove(c, 1, 2, 500_000_000n) as bigint;
    const expected = taoReserve + (taoReserve * 3n) / 1000n;
    expect(doubled - expected).toBeLessThanOrEqual(taoReserve / 100n);
    expect(expected - doubled).toBeLessThanOrEqual(taoReserve / 100n);
    expect(maxMove(c, 1, 2, 1_999_999_000n) as bigint).toBeGreaterThan(0n);
  });

  it("dynamic → stable is remove_stake_limit (price 1.5)", () => {
    const c = chain([2], [1]);
    const alphaIn = 100_000_000_000n;
    setPool(c, 2, 150_000_000_000n, alphaIn);
    expect(maxMove(c, 2, 1, 0n)).toBe(alphaIn * 1000n);
    for (const limit of [1n, 2n, 3n]) expect(maxMove(c, 2, 1, limit) as bigint).toBeGreaterThan(0n);
    expect(errorName(maxMove(c, 2, 1, 1_500_000_001n))).toBe("PriceLimitExceeded");
    const atPrice = maxMove(c, 2, 1, 1_500_000_000n);
    expect(typeof atPrice === "bigint" ? atPrice : 0n).toBeLessThanOrEqual(10_000n);
    // A quarter of the price: about the alpha reserve plus the 0.05 % fee.
    const quarter = maxMove(c, 2, 1, 375_000_000n) as bigint;
    const expected = alphaIn + alphaIn / 2000n;
    expect(quarter > expected ? quarter - expected : expected - quarter).toBeLessThanOrEqual(
      alphaIn / 10_000n,
    );
    expect(maxMove(c, 2, 1, 1_499_999_999n) as bigint).toBeGreaterThan(0n);
    for (const limit of [U64_MAX, U64_MAX - 1n, U64_MAX / 2n]) {
      const r = maxMove(c, 2, 1, limit);
      expect(typeof r === "bigint" ? r : 0n).toBeLessThan(21_000_000_000_000_000n);
    }
  });

  // [tao_in_1, alpha_in_1, tao_in_2, alpha_in_2, limit_price, expected_max_swappable, precision]
  const cases: [bigint, bigint, bigint, bigint, bigint, bigint, bigint][] = [
    [0n, 1_000_000_000n, 1_000_000_000n, 1_000_000_000n, 100n, 0n, 1n],
    [1_000_000_000n, 0n, 1_000_000_000n, 1_000_000_000n, 100n, 0n, 1n],
    [1_000_000_000n, 1_000_000_000n, 0n, 1_000_000_000n, 100n, 0n, 1n],
    [1_000_000_000n, 1_000_000_000n, 1_000_000_000n, 0n, 100n, 0n, 1n],
    [1n, 1n, 1n, 1n, 0n, U64_MAX, 1n],
    [1n, 1n, 1n, 1n, 1n, 500_000_000n, 1n],
    [1n, 1n, 1n, 1n, 2n, 250_000_000n, 1n],
    [1n, 1n, 1n, 1n, 3n, 166_666_666n, 1n],
    [1n, 1n, 1n, 1n, 4n, 125_000_000n, 1n],
    [1n, 1n, 1n, 1n, 1_000n, 500_000n, 1n],
    [1_000n, 1_000n, 1_000n, 1_000n, 500_000_000n, 500n, 1n],
    [1_000n, 1_000n, 1_000n, 1_000n, 100_000_000n, 4_500n, 1n],
    [
      150_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000n,
      560_000_000_000n,
      1_000_000n,
    ],
    [
      150_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      500_000_000n,
      80_000_000_000n,
      1_000_000n,
    ],
    [
      150_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      750_000_000n,
      40_000_000_000n,
      1_000_000n,
    ],
    [
      150_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      1_000_000_000n,
      20_000_000_000n,
      1_000n,
    ],
    [
      150_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      100_000_000_000n,
      1_250_000_000n,
      8_000_000_000n,
      1_000n,
    ],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_499_999_999n, 27n, 1n],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_500_000_000n, 0n, 1n],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_500_000_001n, 0n, 1n],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 1_500_001_000n, 0n, 1n],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, 2_000_000_000n, 0n, 1n],
    [150_000_000_000n, 100_000_000_000n, 100_000_000_000n, 100_000_000_000n, U64_MAX, 0n, 1n],
    [
      100_000_000_000n,
      200_000_000_000n,
      300_000_000_000n,
      400_000_000_000n,
      500_000_000n,
      50_000_000_000n,
      1_000n,
    ],
    [
      1_000_000_000n,
      1_000_000_000n,
      1_000_000_000n,
      1_000_000_000n,
      1n,
      499_999_999_500_000_000n,
      100_000_000n,
    ],
    [
      1_000_000n,
      1_000_000n,
      21_000_000_000_000_000n,
      1_000_000_000_000_000_000n,
      1n,
      48_000_000_000_000_000n,
      1_000_000_000_000_000n,
    ],
    [1_000_000n, 1_000_000n, 21_000_000_000_000_000n, 1_000_000_000_000_000_000n, U64_MAX, 0n, 1n],
  ];

  it.each(cases)(
    "dynamic → dynamic: pools %s/%s and %s/%s, limit %s → %s (±%s)",
    (t1, a1, t2, a2, limit, expected, precision) => {
      const c = chain([1, 2]);
      setPool(c, 1, t1, a1);
      setPool(c, 2, t2, a2);
      const got = maxMove(c, 1, 2, limit);
      const value = typeof got === "bigint" ? got : 0n;
      expect(value > expected ? value - expected : expected - value).toBeLessThanOrEqual(precision);
    },
  );
});

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function outcome(c: TestChain, x: RuntimeCall) {
  const out = c.block([c.sign(coldkey, x)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return o.kind === "Applied" && !o.success ? o.error : undefined;
}

describe("swap_stake_limit", () => {
  /** Subtensor's test_move_stake_limit_partial: both prices 1.5, the destination 100 000× deeper. */
  function priced() {
    const c = chain([1, 2]);
    increaseStake(c.store, hotkey, coldkey.ss58Address, 1, 150_000_000_000n);
    S.SubnetAlphaOut.set(c.store, 1, 150_000_000_000n);
    setPool(c, 1, 150_000_000_000n, 100_000_000_000n);
    setPool(c, 2, 150_000_000_000n * 100_000n, 100_000_000_000n * 100_000n);
    // The subnet account holds the TAO its pool pays out.
    deposit(scopeOf(c), subnetAccountId(1), 150_000_000_000n);
    return c;
  }
  const swapLimit = (allowPartial: boolean, limitPrice = 990_000_000n) =>
    call("swap_stake_limit", {
      hotkey,
      originNetuid: 1,
      destinationNetuid: 2,
      alphaAmount: 150_000_000_000n,
      limitPrice,
      allowPartial,
    });

  it("with partial fills moves only what keeps the relative price above the limit", () => {
    const c = priced();
    expect(outcome(c, swapLimit(true))).toBeUndefined();
    const left = stakeOf(c.store, hotkey, coldkey.ss58Address, 1);
    expect(left > 149_000_000_000n ? left - 149_000_000_000n : 149_000_000_000n - left).toBeLessThanOrEqual(
      100_000_000n,
    );
    expect(stakeOf(c.store, hotkey, coldkey.ss58Address, 2)).toBeGreaterThan(0n);
  });

  it("without partial fills refuses with SlippageTooHigh and moves nothing", () => {
    const c = priced();
    expect(outcome(c, swapLimit(false))).toMatchObject({ name: "SlippageTooHigh" });
    expect(stakeOf(c.store, hotkey, coldkey.ss58Address, 1)).toBe(150_000_000_000n);
  });

  it("a limit above the current relative price moves nothing", () => {
    const c = priced();
    const before = stakeOf(c.store, hotkey, coldkey.ss58Address, 1);
    outcome(c, swapLimit(true, 1_100_000_000n));
    expect(stakeOf(c.store, hotkey, coldkey.ss58Address, 1)).toBe(before);
    expect(stakeOf(c.store, hotkey, coldkey.ss58Address, 2)).toBe(0n);
  });
});

describe("add_stake_limit", () => {
  // test_add_stake_limit_partial_zero_max_stake_amount_error: values from finney extrinsic 5338471-0009.
  it("a limit below the current price fails with the swap's PriceLimitExceeded even with partial fills", () => {
    const c = chain([1]);
    setPool(c, 1, 5_032_494_439_940n, 186_268_425_402_874n);
    const err = outcome(
      c,
      call("add_stake_limit", {
        hotkey,
        netuid: 1,
        amountStaked: 19_980_000_000n,
        limitPrice: 26_953_618n,
        allowPartial: true,
      }),
    );
    expect(err).toMatchObject({ name: "PriceLimitExceeded" });
    expect(RAO_PER_TAO).toBe(1_000_000_000n);
  });
});
