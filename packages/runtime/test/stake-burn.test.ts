// add_stake_burn (call 132): Subtensor's tests/recycle_alpha.rs test_add_stake_burn_* with their keys'
// roles and numbers, run on the dispatch function as the Rust tests do (no fee), then once as a signed
// extrinsic to show the call index, the fee and the roll-back of a burn that fails after the stake.
import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { BalancesStorage, SubtensorStorage as S } from "../src/index.js";
import { deposit } from "../src/pallets/balances/currency.js";
import { spotPrice } from "../src/pallets/subtensor/pool/balancer.js";
import { poolOf } from "../src/pallets/subtensor/pool/pool-state.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { addStakeBurn } from "../src/pallets/subtensor/staking/stake-burn.js";
import { TestChain } from "./chain.js";
import { named, ok, run, scopeOf, sub } from "./signed.js";
import { addSubnet, chainWithFunds, owner } from "./subnet-fixtures.js";

beforeAll(TestChain.ready);

const hotkey = Keypair.fromUri("//Alice//hot").ss58Address;
const ONE = 1n << 64n; // price 1.0 as U64F64 bits

/** Subtensor's add_dynamic_network + remove_owner_registration_stake: a dynamic subnet 1 whose owner hotkey is `hotkey`. */
function dynamicSubnet(): TestChain {
  const c = chainWithFunds([], "test");
  addSubnet(c, 1, [hotkey]);
  S.SubnetMechanism.set(c.store, 1, 1);
  S.SubtokenEnabled.set(c.store, 1, true);
  S.Owner.set(c.store, hotkey, owner.ss58Address);
  return c;
}

function setupReserves(c: TestChain, tao: bigint, alpha: bigint) {
  S.SubnetTAO.set(c.store, 1, tao);
  S.SubnetAlphaIn.set(c.store, 1, alpha);
}

/** Mock's add_balance_to_coldkey_account; our staking keeps the account alive, so 1 rao more (the test preset's ED). */
function fund(c: TestChain, who: string, amount: bigint) {
  deposit(scopeOf(c), who, amount + c.runtime.preset.chain.existentialDeposit);
}

/** The extrinsic's dispatch, all or nothing (assert_noop leaves storage as it was on error). */
function addStakeBurnAs(c: TestChain, coldkey: string, netuid: number, amount: bigint, limit?: bigint) {
  const scope = scopeOf(c);
  const result = scope.transaction((s) => addStakeBurn(s, coldkey, hotkey, netuid, amount, limit));
  return { result, events: scope.events };
}

const totalStakeOf = (c: TestChain, hot: string) =>
  [...S.TotalHotkeyAlpha.entries(c.store)].filter(([h]) => h === hot).reduce((s, [, , v]) => s + v, 0n);

describe("add_stake_burn (Subtensor's tests/recycle_alpha.rs)", () => {
  it("test_add_stake_burn_success: the alpha bought is burned at once, the TAO spent", () => {
    const c = dynamicSubnet();
    const coldkey = Keypair.fromUri("//55453").ss58Address;
    const amount = S.DefaultMinStake.get(c.store) * 10n;
    setupReserves(c, amount * 1_000_000n, amount * 10_000_000n);
    fund(c, coldkey, amount);
    expect(totalStakeOf(c, hotkey)).toBe(0n);
    const alphaOut = S.SubnetAlphaOut.get(c.store, 1);

    const { result, events } = addStakeBurnAs(c, coldkey, 1, amount);
    expect(result.ok).toBe(true);
    expect(totalStakeOf(c, hotkey)).toBe(0n);
    // All spent but the existential deposit (the mock's epsilon of 1).
    expect(c.free(coldkey)).toBe(1n);
    const burned = named(events, "AlphaBurned")[0]!.data;
    const added = named(events, "AddStakeBurn")[0]!.data;
    expect(added).toEqual({ netuid: 1, hotkey, amount, alpha: burned.amount });
    expect(burned).toMatchObject({ coldkey, hotkey, netuid: 1 });
    expect(burned.amount as bigint).toBeGreaterThan(0n);
    // Burned, not recycled: the alpha stays counted as issued, and the TAO stays in the pool.
    expect(S.SubnetAlphaOut.get(c.store, 1)).toBe(alphaOut + (burned.amount as bigint));
    expect(named(events, "StakeAdded")).toHaveLength(1);
  });

  it("test_add_stake_burn_with_limit_success: 100 TAO into a 1000/1000 pool stays under the 2.0 limit", () => {
    const c = dynamicSubnet();
    const coldkey = Keypair.fromUri("//55453").ss58Address;
    const amount = 100_000_000_000n;
    setupReserves(c, 1_000_000_000_000n, 1_000_000_000_000n);
    expect(spotPrice(poolOf(c.store, 1)).bits).toBe(ONE);
    fund(c, coldkey, amount);
    const initial = c.free(coldkey);

    const { result, events } = addStakeBurnAs(c, coldkey, 1, amount, 2_000_000_000n);
    expect(result.ok).toBe(true);
    expect(totalStakeOf(c, hotkey)).toBe(0n);
    expect(c.free(coldkey)).toBeLessThan(initial);
    const price = spotPrice(poolOf(c.store, 1)).bits;
    expect(price).toBeGreaterThanOrEqual(ONE);
    expect(price).toBeLessThanOrEqual(2n * ONE);
    expect(named(events, "AlphaBurned")).toHaveLength(1);
  });

  it("test_add_stake_burn_non_owner_succeeds: any coldkey may buy back and burn", () => {
    const c = dynamicSubnet();
    const nonOwner = Keypair.fromUri("//3").ss58Address;
    const amount = S.DefaultMinStake.get(c.store) * 10n;
    setupReserves(c, amount * 1_000_000n, amount * 10_000_000n);
    fund(c, nonOwner, amount);

    const { result, events } = addStakeBurnAs(c, nonOwner, 1, amount);
    expect(result.ok).toBe(true);
    expect(stakeOf(c.store, hotkey, nonOwner, 1)).toBe(0n);
    expect(named(events, "AddStakeBurn")).toHaveLength(1);
  });

  it("test_add_stake_burn_nonexistent_subnet_fails", () => {
    const c = dynamicSubnet();
    const coldkey = Keypair.fromUri("//2").ss58Address;
    const amount = S.DefaultMinStake.get(c.store) * 10n;
    fund(c, coldkey, amount);
    const { result } = addStakeBurnAs(c, coldkey, 999, amount);
    expect(result).toMatchObject({ ok: false, error: { name: "SubnetNotExists" } });
  });

  it("test_add_stake_burn_insufficient_balance_fails", () => {
    const c = dynamicSubnet();
    const coldkey = Keypair.fromUri("//2").ss58Address;
    const amount = S.DefaultMinStake.get(c.store) * 10n;
    setupReserves(c, amount * 1_000_000n, amount * 10_000_000n);
    const { result } = addStakeBurnAs(c, coldkey, 1, amount);
    expect(result).toMatchObject({ ok: false, error: { name: "NotEnoughBalanceToStake" } });
  });
});

describe("add_stake_burn as an extrinsic", () => {
  const staker = Keypair.fromUri("//Charlie");
  const burn = (netuid: number, amount: bigint, limit?: bigint) =>
    sub("add_stake_burn", { hotkey, netuid, amount, limit });

  function chain() {
    const c = chainWithFunds([staker], "test");
    addSubnet(c, 1, [hotkey]);
    S.SubnetMechanism.set(c.store, 1, 1);
    S.SubtokenEnabled.set(c.store, 1, true);
    S.Owner.set(c.store, hotkey, owner.ss58Address);
    setupReserves(c, 1_000_000_000_000n, 1_000_000_000_000n);
    return c;
  }

  it("goes through as SubtensorModule call 132; TAO issuance is unchanged, the TAO is in the pool", () => {
    const c = chain();
    const issuance = BalancesStorage.TotalIssuance.get(c.store);
    const taoIn = S.SubnetTAO.get(c.store, 1);
    const r = ok(c, staker, burn(1, 10_000_000_000n));
    const added = named(r.events, "StakeAdded")[0]!.data as { fee: bigint };
    expect(named(r.events, "AddStakeBurn")[0]!.data).toMatchObject({ netuid: 1, amount: 10_000_000_000n });
    expect(S.SubnetTAO.get(c.store, 1)).toBe(taoIn + 10_000_000_000n - added.fee);
    expect(stakeOf(c.store, hotkey, staker.ss58Address, 1)).toBe(0n);
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(issuance);
  });

  it("burns only what it bought, never stake the coldkey already had", () => {
    const c = chain();
    ok(c, staker, sub("add_stake", { hotkey, netuid: 1, amountStaked: 5_000_000_000n }));
    const held = stakeOf(c.store, hotkey, staker.ss58Address, 1);
    ok(c, staker, burn(1, 10_000_000_000n));
    expect(stakeOf(c.store, hotkey, staker.ss58Address, 1)).toBe(held);
  });

  it("a failed burn leg rolls the stake back: on root only the fee and nonce change", () => {
    const c = chain();
    const before = c.free(staker);
    const nonce = c.nonce(staker);
    const r = run(c, staker, burn(0, 10_000_000_000n));
    expect(r.error).toMatchObject({ name: "CannotBurnOrRecycleOnRootSubnet" });
    expect(stakeOf(c.store, hotkey, staker.ss58Address, 0)).toBe(0n);
    expect(named(r.events, "StakeAdded")).toHaveLength(0);
    const fee = named(r.events, "TransactionFeePaid")[0]!.data.actualFee as bigint;
    expect(fee).toBeGreaterThan(0n);
    expect(c.free(staker)).toBe(before - fee);
    expect(c.nonce(staker)).toBe(nonce + 1);
  });

  it("a limit refuses the whole order (no partial fills): below the price, or passed by the trade", () => {
    const c = chain();
    expect(run(c, staker, burn(1, 10_000_000_000n, 500_000_000n)).error).toMatchObject({
      name: "PriceLimitExceeded",
    });
    expect(run(c, staker, burn(1, 10_000_000_000n, 1_001_000_000n)).error).toMatchObject({
      name: "SlippageTooHigh",
    });
    expect(S.SubnetTAO.get(c.store, 1)).toBe(1_000_000_000_000n);
  });
});
