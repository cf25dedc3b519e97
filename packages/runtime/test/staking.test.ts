import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BalancesStorage, type RuntimeCall, SubtensorStorage as S, SystemStorage } from "../src/index.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const owner = Keypair.fromUri("//Bob");
const ownerHot = Keypair.fromUri("//Bob//owner").ss58Address;
const staker = Keypair.fromUri("//Charlie");
const other = Keypair.fromUri("//Dave");
const TAO = RAO_PER_TAO;

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function run(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return {
    error: o.kind === "Applied" && !o.success ? o.error : undefined,
    events: out.events.map((e) => e.event),
  };
}

function withSubnets(n = 1) {
  const c = chainWithFunds([owner, staker, other]);
  for (let i = 1; i <= n; i++) {
    const r = run(
      c,
      owner,
      call("register_network", { hotkey: i === 1 ? ownerHot : Keypair.fromUri(`//Bob//sn${i}`).ss58Address }),
    );
    if (r.error) throw new Error(JSON.stringify(r.error));
  }
  return c;
}

const add = (netuid: number, tao: bigint, hotkey = ownerHot) =>
  call("add_stake", { hotkey, netuid, amountStaked: tao });
const remove = (netuid: number, alpha: bigint, hotkey = ownerHot) =>
  call("remove_stake", { hotkey, netuid, amountUnstaked: alpha });

describe("add_stake and remove_stake (staking is a swap)", () => {
  it("buys alpha through the pool and credits the staker's share; the TAO moves to the subnet account", () => {
    const c = withSubnets();
    const taoIn = S.SubnetTAO.get(c.store, 1);
    const out = run(c, staker, add(1, 10n * TAO));
    expect(out.error).toBeUndefined();
    const added = out.events.find((e) => e.name === "StakeAdded")!.data as {
      alpha: bigint;
      fee: bigint;
      tao: bigint;
    };
    expect(added.tao).toBe(10n * TAO);
    expect(added.fee).toBeGreaterThan(0n);
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 1)).toBe(added.alpha);
    expect(S.SubnetTAO.get(c.store, 1)).toBe(taoIn + 10n * TAO - added.fee);
    expect(S.StakingHotkeys.get(c.store, staker.ss58Address)).toEqual([ownerHot]);
  });

  it("sells it back: the round trip loses only the fees and the price impact", () => {
    const c = withSubnets();
    const before = c.free(staker);
    run(c, staker, add(1, 10n * TAO));
    const alpha = stakeOf(c.store, ownerHot, staker.ss58Address, 1);
    const out = run(c, staker, remove(1, alpha));
    expect(out.error).toBeUndefined();
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 1)).toBe(0n);
    const lost = before - c.free(staker);
    expect(lost).toBeGreaterThan(0n);
    expect(lost).toBeLessThan(TAO / 10n);
  });

  it("checks amounts, subtoken, balance and the hotkey", () => {
    const c = withSubnets();
    expect(run(c, staker, add(1, 1_000n)).error).toMatchObject({ name: "AmountTooLow" });
    expect(run(c, staker, add(9, 10n * TAO)).error).toMatchObject({ name: "SubnetNotExists" });
    S.SubtokenEnabled.set(c.store, 1, false);
    expect(run(c, staker, add(1, 10n * TAO)).error).toMatchObject({ name: "SubtokenDisabled" });
    S.SubtokenEnabled.set(c.store, 1, true);
    // Past 1000 × the pool's TAO the swap limit refuses before the balance is looked at.
    expect(run(c, staker, add(1, 10_000_000n * TAO)).error).toMatchObject({ name: "InsufficientLiquidity" });
    const poor = Keypair.fromUri("//Poor");
    run(c, staker, {
      pallet: "Balances",
      name: "transfer_keep_alive",
      args: { dest: poor.ss58Address, value: TAO },
    });
    expect(run(c, poor, add(1, 2n * TAO)).error).toMatchObject({ name: "NotEnoughBalanceToStake" });
    expect(run(c, staker, add(1, 10n * TAO, Keypair.fromUri("//Nobody").ss58Address)).error).toMatchObject({
      name: "HotKeyAccountNotExists",
    });
    expect(run(c, staker, remove(1, 5n)).error).toMatchObject({ name: "AmountTooLow" });
  });

  it("root stake is TAO 1:1 without a fee", () => {
    const c = withSubnets();
    run(c, staker, add(0, 5n * TAO));
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 0)).toBe(5n * TAO);
    expect(S.TotalHotkeyAlpha.get(c.store, ownerHot, 0)).toBe(5n * TAO);
  });

  it("a limit order stops at the price and is refused without partial fills", () => {
    const c = withSubnets();
    const limited = (allowPartial: boolean) =>
      call("add_stake_limit", {
        hotkey: ownerHot,
        netuid: 1,
        amountStaked: 5n * TAO,
        limitPrice: 1_001_000_000n,
        allowPartial,
      });
    expect(run(c, staker, limited(false)).error).toMatchObject({ name: "SlippageTooHigh" });
    const out = run(c, staker, limited(true));
    expect(out.error).toBeUndefined();
    const staked = out.events.find((e) => e.name === "StakeAdded")!.data.tao as bigint;
    expect(staked).toBeLessThan(5n * TAO);
    expect(staked).toBeGreaterThan(0n);
  });
});

describe("moving stake", () => {
  it("move_stake between hotkeys on one subnet moves shares without a fee", () => {
    const c = withSubnets();
    run(c, other, call("try_associate_hotkey", { hotkey: Keypair.fromUri("//Dave//hot").ss58Address }));
    run(c, staker, add(1, 10n * TAO));
    const alpha = stakeOf(c.store, ownerHot, staker.ss58Address, 1);
    const dest = Keypair.fromUri("//Dave//hot").ss58Address;
    const out = run(
      c,
      staker,
      call("move_stake", {
        originHotkey: ownerHot,
        destinationHotkey: dest,
        originNetuid: 1,
        destinationNetuid: 1,
        alphaAmount: alpha,
      }),
    );
    expect(out.error).toBeUndefined();
    expect(stakeOf(c.store, dest, staker.ss58Address, 1)).toBe(alpha);
    expect(out.events.map((e) => e.name)).toEqual(
      expect.arrayContaining(["StakeRemoved", "StakeAdded", "StakeMoved"]),
    );
  });

  it("swap_stake across subnets sells on one and buys on the other", () => {
    const c = withSubnets(2);
    run(c, staker, add(1, 10n * TAO));
    const alpha = stakeOf(c.store, ownerHot, staker.ss58Address, 1);
    expect(
      run(
        c,
        staker,
        call("swap_stake", { hotkey: ownerHot, originNetuid: 1, destinationNetuid: 1, alphaAmount: alpha }),
      ).error,
    ).toMatchObject({ name: "SameNetuid" });
    const out = run(
      c,
      staker,
      call("swap_stake", { hotkey: ownerHot, originNetuid: 1, destinationNetuid: 2, alphaAmount: alpha }),
    );
    expect(out.error).toBeUndefined();
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 1)).toBe(0n);
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 2)).toBeGreaterThan(0n);
    // The pool fee is charged on one leg only (Subtensor's drop_fee_origin): the sale on the origin…
    const fees = (events: typeof out.events, name: string) =>
      events.filter((e) => e.name === name).map((e) => e.data.fee);
    expect(fees(out.events, "StakeRemoved")[0]).toBeGreaterThan(0n);
    expect(fees(out.events, "StakeAdded")).toEqual([0n]);
    // …unless the stake leaves root, where selling is free: then the purchase on the destination.
    run(c, staker, add(0, 10n * TAO));
    const fromRoot = run(
      c,
      staker,
      call("swap_stake", { hotkey: ownerHot, originNetuid: 0, destinationNetuid: 1, alphaAmount: TAO }),
    );
    expect(fromRoot.error).toBeUndefined();
    expect(fees(fromRoot.events, "StakeRemoved")).toEqual([0n]);
    expect(fees(fromRoot.events, "StakeAdded")[0]).toBeGreaterThan(0n);
  });

  it("transfer_stake gives the stake to another coldkey unless transfers are off", () => {
    const c = withSubnets();
    run(c, staker, add(1, 10n * TAO));
    const alpha = stakeOf(c.store, ownerHot, staker.ss58Address, 1);
    const args = {
      destinationColdkey: other.ss58Address,
      hotkey: ownerHot,
      originNetuid: 1,
      destinationNetuid: 1,
      alphaAmount: alpha / 2n,
    };
    S.TransferToggle.set(c.store, 1, false);
    expect(run(c, staker, call("transfer_stake", args)).error).toMatchObject({ name: "TransferDisallowed" });
    S.TransferToggle.set(c.store, 1, true);
    expect(run(c, staker, call("transfer_stake", args)).error).toBeUndefined();
    expect(stakeOf(c.store, ownerHot, other.ss58Address, 1)).toBe(alpha / 2n);
  });
});

describe("delegate takes", () => {
  it("decrease_take lowers, increase_take raises within the max and the rate limit", () => {
    const c = withSubnets();
    expect(run(c, staker, call("decrease_take", { hotkey: ownerHot, take: 100 })).error).toMatchObject({
      name: "NonAssociatedColdKey",
    });
    expect(run(c, owner, call("decrease_take", { hotkey: ownerHot, take: 100 })).error).toBeUndefined();
    expect(S.Delegates.get(c.store, ownerHot)).toBe(100);
    expect(run(c, owner, call("increase_take", { hotkey: ownerHot, take: 50 })).error).toMatchObject({
      name: "DelegateTakeTooLow",
    });
    expect(run(c, owner, call("increase_take", { hotkey: ownerHot, take: 20_000 })).error).toMatchObject({
      name: "DelegateTakeTooHigh",
    });
    expect(run(c, owner, call("increase_take", { hotkey: ownerHot, take: 200 })).error).toMatchObject({
      name: "DelegateTxRateLimitExceeded",
    });
    const limit = Number(S.TxDelegateTakeRateLimit.get(c.store));
    for (let i = 0; i <= limit; i++) c.block();
    expect(run(c, owner, call("increase_take", { hotkey: ownerHot, take: 200 })).error).toBeUndefined();
  });
});

describe("staking invariants", () => {
  it("balances stay equal to issuance, and a coldkey can always unstake what it owns", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            netuid: fc.integer({ min: 0, max: 1 }),
            tao: fc.bigInt({ min: 3_000_000n, max: 50n * TAO }),
          }),
          {
            minLength: 1,
            maxLength: 5,
          },
        ),
        (stakes) => {
          const c = withSubnets();
          for (const { netuid, tao } of stakes) run(c, staker, add(netuid, tao));
          for (const netuid of [0, 1]) {
            const owned = stakeOf(c.store, ownerHot, staker.ss58Address, netuid);
            if (owned > 0n) expect(run(c, staker, remove(netuid, owned)).error).toBeUndefined();
            expect(stakeOf(c.store, ownerHot, staker.ss58Address, netuid)).toBe(0n);
          }
          const total = [...SystemStorage.Account.entries(c.store)].reduce((s, [, a]) => s + a.data.free, 0n);
          expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(total);
        },
      ),
      { numRuns: 15 },
    );
  });
});
