// swap_hotkey / swap_hotkey_v2 (transactions.md §4.8), ported from Subtensor's tests/swap_hotkey.rs and
// swap_hotkey_with_subnet.rs.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S, subnetAccountId } from "../src/index.js";
import { CoinbaseStorage as C } from "../src/pallets/subtensor/coinbase/storage.js";
import { RootClaimStorage } from "../src/pallets/subtensor/root-claims/storage.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { named, ok, run, sub, transfer } from "./signed.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const TAO = RAO_PER_TAO;
const U64_MAX = 2n ** 64n - 1n;
const bob = Keypair.fromUri("//Bob");
const carol = Keypair.fromUri("//Charlie");
const dave = Keypair.fromUri("//Dave");
const oldHot = Keypair.fromUri("//Bob//owner").ss58Address;
const newHot = Keypair.fromUri("//Bob//new").ss58Address;
const parent = Keypair.fromUri("//Bob//parent").ss58Address;
const kid = Keypair.fromUri("//Kid").ss58Address;

beforeAll(TestChain.ready);

const swap = (hotkey: string, to: string, netuid?: number) =>
  sub("swap_hotkey", { hotkey, newHotkey: to, netuid });
const swapV2 = (hotkey: string, to: string, netuid: number | undefined, keepStake: boolean) =>
  sub("swap_hotkey_v2", { hotkey, newHotkey: to, netuid, keepStake });
const stake = (hotkey: string, netuid: number, tao: bigint) =>
  sub("add_stake", { hotkey, netuid, amountStaked: tao });

/** No epoch on subnet 1 during a test: dividends would change the stakes being compared. */
const noEpochs = (c: TestChain) => S.Tempo.set(c.store, 1, 50_000);

function setup() {
  const c = chainWithFunds([bob, carol, dave]);
  // Automatic root claims would grow the root stakes this file compares before and after a swap.
  RootClaimStorage.NumRootClaim.set(c.store, 0n);
  ok(c, bob, sub("register_network", { hotkey: oldHot }));
  noEpochs(c);
  ok(c, bob, sub("try_associate_hotkey", { hotkey: parent }));
  return c;
}

describe("swap_hotkey: Subtensor's checks in order", () => {
  it("ownership of both keys, same key, rate limit, registration, root cleanliness", () => {
    const c = setup();
    const carolHot = Keypair.fromUri("//Charlie//hot").ss58Address;
    ok(c, carol, sub("try_associate_hotkey", { hotkey: carolHot }));
    expect(run(c, carol, swap(oldHot, newHot)).error).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(run(c, bob, swap(oldHot, carolHot)).error).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(run(c, bob, swap(oldHot, oldHot)).error).toMatchObject({ name: "NewHotKeyIsSameWithOld" });
    // A hotkey of bob's registered on subnet 1.
    const registered = Keypair.fromUri("//Bob//registered").ss58Address;
    ok(c, bob, sub("burned_register", { netuid: 1, hotkey: registered }));
    expect(run(c, bob, swap(oldHot, registered)).error).toMatchObject({
      name: "HotKeyAlreadyRegisteredInSubNet",
    });
    expect(run(c, bob, swap(oldHot, registered, 1)).error).toMatchObject({
      name: "HotKeyAlreadyRegisteredInSubNet",
    });
    // A new hotkey with root stake cannot take a swap that touches root.
    ok(c, carol, stake(parent, 0, 5n * TAO));
    expect(run(c, bob, swap(oldHot, parent)).error).toMatchObject({ name: "NewHotKeyNotCleanForRootSwap" });
    expect(run(c, bob, swap(oldHot, parent, 0)).error).toMatchObject({
      name: "NewHotKeyNotCleanForRootSwap",
    });
    // A swap, then the coldkey's TxRateLimit (strict) fires before everything after the ownership checks.
    ok(c, bob, swap(oldHot, newHot));
    expect(run(c, bob, swap(newHot, registered)).error).toMatchObject({
      name: "HotKeySetTxRateLimitExceeded",
    });
    const limit = Number(S.TxRateLimit.get(c.store));
    for (let i = 1; i < limit; i++) c.block();
    expect(run(c, bob, swap(newHot, oldHot)).error).toBeUndefined();
  });

  it("the swap cost: NotEnoughBalanceToPaySwapHotKey", () => {
    const c = setup();
    const poor = Keypair.fromUri("//Poor");
    const poorHot = Keypair.fromUri("//Poor//hot").ss58Address;
    ok(c, carol, transfer(poor.ss58Address, c.runtime.preset.swaps.keySwapCost / 2n));
    ok(c, poor, sub("try_associate_hotkey", { hotkey: poorHot }));
    expect(run(c, poor, swap(poorHot, newHot)).error).toMatchObject({
      name: "NotEnoughBalanceToPaySwapHotKey",
    });
  });

  it("on one subnet: the per-subnet interval and system accounts", () => {
    const c = setup();
    S.TxRateLimit.set(c.store, 0n);
    ok(c, bob, swap(oldHot, newHot, 1));
    // HotkeySwapOnSubnetInterval (fast: 1) needs last + interval < now.
    expect(run(c, bob, swap(newHot, parent, 1)).error).toMatchObject({
      name: "HotKeySwapOnSubnetIntervalNotPassed",
    });
    expect(run(c, bob, swap(newHot, subnetAccountId(1), 1)).error).toMatchObject({
      name: "CannotUseSystemAccount",
    });
  });
});

describe("what moves with a hotkey swap", () => {
  function rich() {
    const c = setup();
    S.SubtokenEnabled.set(c.store, 1, false); // children apply at once
    ok(c, bob, sub("set_children", { hotkey: oldHot, netuid: 1, children: [[U64_MAX / 2n, kid]] }));
    ok(c, bob, sub("set_children", { hotkey: parent, netuid: 1, children: [[U64_MAX / 4n, oldHot]] }));
    S.SubtokenEnabled.set(c.store, 1, true);
    ok(c, bob, sub("set_childkey_take", { hotkey: oldHot, netuid: 1, take: 1_000 }));
    ok(c, bob, sub("decrease_take", { hotkey: oldHot, take: 100 }));
    ok(c, carol, stake(oldHot, 1, 20n * TAO));
    ok(c, dave, stake(oldHot, 1, 7n * TAO));
    ok(c, carol, stake(oldHot, 0, 3n * TAO));
    // Another hotkey's pending list names the old hotkey as a child.
    const other = Keypair.fromUri("//Bob//other").ss58Address;
    ok(c, bob, sub("try_associate_hotkey", { hotkey: other }));
    ok(c, bob, sub("set_children", { hotkey: other, netuid: 1, children: [[7n, oldHot]] }));
    S.Axons.set(c.store, 1, oldHot, {
      block: 1n,
      version: 1,
      ip: 2130706433n,
      port: 8091,
      ipType: 4,
      protocol: 0,
      placeholder1: 0,
      placeholder2: 0,
    });
    S.Weights.set(c.store, 1, 0, [[0, 65_535]]);
    C.AlphaDividendsPerSubnet.set(c.store, 1, oldHot, 1_234n);
    C.RootClaimable.set(c.store, oldHot, 1, 5n << 32n);
    return { c, other };
  }

  it("everything, on all subnets (swap_hotkey, call 70)", () => {
    const { c, other } = rich();
    const nominators = [carol, dave].map((k) => k.ss58Address);
    const before = nominators.map((ck) => [stakeOf(c.store, oldHot, ck, 1), stakeOf(c.store, oldHot, ck, 0)]);
    const free = c.free(bob);
    const r = ok(c, bob, swap(oldHot, newHot));
    expect(named(r.events, "HotkeySwapped")[0]!.data).toEqual({
      coldkey: bob.ss58Address,
      oldHotkey: oldHot,
      newHotkey: newHot,
    });
    expect(named(r.events, "SubnetOwnerHotkeySet")[0]!.data).toEqual({ netuid: 1, hotkey: newHot });
    const cost = c.runtime.preset.swaps.keySwapCost;
    expect(free - c.free(bob)).toBeGreaterThanOrEqual(cost);
    expect(free - c.free(bob)).toBeLessThan(cost + TAO / 100n);
    // Ownership.
    expect(S.Owner.get(c.store, newHot)).toBe(bob.ss58Address);
    expect(S.Owner.contains(c.store, oldHot)).toBe(false);
    expect(S.OwnedHotkeys.get(c.store, bob.ss58Address)).toContain(newHot);
    expect(S.OwnedHotkeys.get(c.store, bob.ss58Address)).not.toContain(oldHot);
    expect(S.Delegates.get(c.store, newHot)).toBe(100);
    expect(S.Delegates.contains(c.store, oldHot)).toBe(false);
    // The uid and what hangs on it.
    expect(S.Uids.get(c.store, 1, newHot)).toBe(0);
    expect(S.Uids.get(c.store, 1, oldHot)).toBeUndefined();
    expect(S.Keys.get(c.store, 1, 0)).toBe(newHot);
    expect(S.IsNetworkMember.get(c.store, newHot, 1)).toBe(true);
    expect(S.IsNetworkMember.get(c.store, oldHot, 1)).toBe(false);
    expect(S.Axons.get(c.store, 1, newHot)?.port).toBe(8091);
    expect(S.Axons.get(c.store, 1, oldHot)).toBeUndefined();
    expect(S.Weights.get(c.store, 1, 0)).toEqual([[0, 65_535]]);
    expect(S.SubnetOwnerHotkey.get(c.store, 1)).toBe(newHot);
    // Children, parents, take and pending lists.
    expect(S.ChildKeys.get(c.store, newHot, 1)).toEqual([[U64_MAX / 2n, kid]]);
    expect(S.ChildKeys.get(c.store, oldHot, 1)).toEqual([]);
    expect(S.ParentKeys.get(c.store, kid, 1)).toEqual([[U64_MAX / 2n, newHot]]);
    expect(S.ParentKeys.get(c.store, newHot, 1)).toEqual([[U64_MAX / 4n, parent]]);
    expect(S.ChildKeys.get(c.store, parent, 1)).toEqual([[U64_MAX / 4n, newHot]]);
    expect(S.ChildkeyTake.get(c.store, newHot, 1)).toBe(1_000);
    expect(S.ChildkeyTake.contains(c.store, oldHot, 1)).toBe(false);
    expect(S.PendingChildKeys.get(c.store, 1, other)[0]).toEqual([[7n, newHot]]);
    // Every nominator's alpha, on the subnet and on root.
    nominators.forEach((ck, i) => {
      expect(stakeOf(c.store, newHot, ck, 1)).toBe(before[i]![0]);
      expect(stakeOf(c.store, newHot, ck, 0)).toBe(before[i]![1]);
      expect(stakeOf(c.store, oldHot, ck, 1)).toBe(0n);
      expect(S.StakingHotkeys.get(c.store, ck)).toContain(newHot);
      expect(S.StakingHotkeys.get(c.store, ck)).not.toContain(oldHot);
    });
    // Dividend records and root claims follow the stake.
    expect(C.AlphaDividendsPerSubnet.get(c.store, 1, newHot)).toBeGreaterThanOrEqual(1_234n);
    expect(C.AlphaDividendsPerSubnet.contains(c.store, 1, oldHot)).toBe(false);
    expect(C.RootClaimable.get(c.store, newHot, 1)).toBeGreaterThanOrEqual(5n << 32n);
    expect(C.RootClaimable.contains(c.store, oldHot, 1)).toBe(false);
    expect(S.LastTxBlock.get(c.store, bob.ss58Address)).toBe(BigInt(r.block));
    expect(S.LastHotkeySwapOnNetuid.get(c.store, 1, bob.ss58Address)).toBe(BigInt(r.block));
  });

  it("keep_stake leaves the nominators' alpha on the old hotkey (swap_hotkey_v2)", () => {
    const { c } = rich();
    const alpha = stakeOf(c.store, oldHot, carol.ss58Address, 1);
    ok(c, bob, swapV2(oldHot, newHot, undefined, true));
    expect(stakeOf(c.store, oldHot, carol.ss58Address, 1)).toBe(alpha);
    expect(stakeOf(c.store, newHot, carol.ss58Address, 1)).toBe(0n);
    expect(S.Uids.get(c.store, 1, newHot)).toBe(0);
    expect(S.ChildKeys.get(c.store, newHot, 1)).toEqual([[U64_MAX / 2n, kid]]);
  });

  it("on one subnet only that subnet's data moves and the old hotkey stays owned", () => {
    const { c } = rich();
    const rootAlpha = stakeOf(c.store, oldHot, carol.ss58Address, 0);
    const alpha = stakeOf(c.store, oldHot, carol.ss58Address, 1);
    const r = ok(c, bob, swapV2(oldHot, newHot, 1, false));
    expect(named(r.events, "HotkeySwappedOnSubnet")[0]!.data).toEqual({
      coldkey: bob.ss58Address,
      oldHotkey: oldHot,
      newHotkey: newHot,
      netuid: 1,
    });
    expect(S.Owner.get(c.store, oldHot)).toBe(bob.ss58Address);
    expect(S.Owner.get(c.store, newHot)).toBe(bob.ss58Address);
    expect(S.Delegates.get(c.store, oldHot)).toBe(100);
    expect(S.Keys.get(c.store, 1, 0)).toBe(newHot);
    expect(stakeOf(c.store, newHot, carol.ss58Address, 1)).toBe(alpha);
    expect(stakeOf(c.store, oldHot, carol.ss58Address, 0)).toBe(rootAlpha);
    expect(stakeOf(c.store, newHot, carol.ss58Address, 0)).toBe(0n);
    // On-subnet swaps keep the old hotkey in StakingHotkeys and add the new one.
    expect(S.StakingHotkeys.get(c.store, carol.ss58Address)).toEqual(
      expect.arrayContaining([oldHot, newHot]),
    );
  });
});

describe("a hotkey swap conserves every nominator's alpha", () => {
  it("property: random nominators and stakes on the subnet and on root", () => {
    const people = [carol, dave, Keypair.fromUri("//Eve"), Keypair.fromUri("//Ferdie")];
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: people.length - 1 }),
            netuid: fc.integer({ min: 0, max: 1 }),
            tao: fc.bigInt({ min: 3_000_000n, max: 40n * TAO }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        fc.boolean(),
        (stakes, onSubnet) => {
          const c = chainWithFunds([bob, ...people]);
          ok(c, bob, sub("register_network", { hotkey: oldHot }));
          noEpochs(c);
          for (const { who, netuid, tao } of stakes) ok(c, people[who]!, stake(oldHot, netuid, tao));
          const before = people.flatMap((p) =>
            [0, 1].map((n) => ({ ck: p.ss58Address, n, alpha: stakeOf(c.store, oldHot, p.ss58Address, n) })),
          );
          ok(c, bob, swap(oldHot, newHot, onSubnet ? 1 : undefined));
          for (const { ck, n, alpha } of before) {
            const moved = !onSubnet || n === 1;
            expect(stakeOf(c.store, newHot, ck, n)).toBe(moved ? alpha : 0n);
            expect(stakeOf(c.store, oldHot, ck, n)).toBe(moved ? 0n : alpha);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});
