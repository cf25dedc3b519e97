// set_children / set_childkey_take (transactions.md §4.7), ported from Subtensor's tests/children.rs.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import { appendNeuron } from "../src/pallets/subtensor/uids.js";
import { TestChain } from "./chain.js";
import { named, ok, run, scopeOf, sub, sudo } from "./signed.js";
import { owner as alice, chainWithFunds } from "./subnet-fixtures.js";

const TAO = RAO_PER_TAO;
const U64_MAX = 2n ** 64n - 1n;
const bob = Keypair.fromUri("//Bob");
const carol = Keypair.fromUri("//Charlie");
const ownerHot = Keypair.fromUri("//Bob//owner").ss58Address;
const parent = Keypair.fromUri("//Bob//parent").ss58Address;
const kid = (i: number) => Keypair.fromUri(`//Kid${i}`).ss58Address;

beforeAll(TestChain.ready);

function setup() {
  const c = chainWithFunds([bob, carol]);
  ok(c, bob, sub("register_network", { hotkey: ownerHot }));
  ok(c, bob, sub("try_associate_hotkey", { hotkey: parent }));
  return c;
}

const setChildren = (hotkey: string, netuid: number, children: [bigint, string][]) =>
  sub("set_children", { hotkey, netuid, children });

/** Imports empty blocks until the pending list of `hotkey` on subnet 1 is gone; returns that block. */
function untilApplied(c: TestChain, hotkey: string, limit = 80): number {
  for (let i = 0; i < limit; i++) {
    c.block();
    if (!S.PendingChildKeys.contains(c.store, 1, hotkey)) return c.head;
  }
  throw new Error("pending children never applied");
}

describe("set_children: Subtensor's checks in order", () => {
  it("each error, first failing check wins", () => {
    const c = setup();
    const dup: [bigint, string][] = [
      [1n, kid(1)],
      [2n, kid(1)],
    ];
    // Root before ownership and duplicates; existence before ownership.
    expect(run(c, carol, setChildren(parent, 0, dup)).error).toMatchObject({
      name: "RegistrationNotPermittedOnRootSubnet",
    });
    expect(run(c, carol, setChildren(parent, 9, dup)).error).toMatchObject({ name: "SubnetNotExists" });
    expect(run(c, carol, setChildren(parent, 1, dup)).error).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(run(c, bob, setChildren(parent, 1, [...dup, [1n, parent]])).error).toMatchObject({
      name: "DuplicateChild",
    });
    expect(run(c, bob, setChildren(parent, 1, [[1n, parent]])).error).toMatchObject({ name: "InvalidChild" });
    const six = [1, 2, 3, 4, 5, 6].map((i) => [1n, kid(i)] as [bigint, string]);
    expect(run(c, bob, setChildren(parent, 1, six)).error).toMatchObject({ name: "TooManyChildren" });
    expect(
      run(
        c,
        bob,
        setChildren(parent, 1, [
          [U64_MAX, kid(1)],
          [1n, kid(2)],
        ]),
      ).error,
    ).toMatchObject({ name: "ProportionOverflow" });
    S.StakeThreshold.set(c.store, 1_000n * TAO);
    expect(run(c, bob, setChildren(parent, 1, [[1n, kid(1)]])).error).toMatchObject({
      name: "NotEnoughStakeToSetChildkeys",
    });
    // The subnet owner hotkey is exempt, and revoking (an empty list) needs no stake.
    expect(run(c, bob, setChildren(ownerHot, 1, [[1n, kid(1)]])).error).toBeUndefined();
    expect(run(c, bob, setChildren(parent, 1, [])).error).toBeUndefined();
    // The rate limit is checked first of all, per (hotkey, netuid).
    expect(run(c, carol, setChildren(ownerHot, 1, dup)).error).toMatchObject({ name: "TxRateLimitExceeded" });
  });

  it("a child that is already a parent of the hotkey is refused (ChildParentInconsistency)", () => {
    const c = setup();
    S.SubtokenEnabled.set(c.store, 1, false); // before start_call children apply at once
    ok(c, bob, setChildren(ownerHot, 1, [[U64_MAX, parent]]));
    expect(S.ParentKeys.get(c.store, parent, 1)).toEqual([[U64_MAX, ownerHot]]);
    expect(run(c, bob, setChildren(parent, 1, [[U64_MAX, ownerHot]])).error).toMatchObject({
      name: "ChildParentInconsistency",
    });
  });

  it("the rate limit passes again after setChildrenRateLimit blocks", () => {
    const c = setup();
    ok(c, bob, setChildren(parent, 1, [[1n, kid(1)]]));
    const limit = c.runtime.preset.staking.setChildrenRateLimit;
    for (let i = 1; i < limit; i++) {
      expect(run(c, bob, setChildren(parent, 1, [[2n, kid(1)]])).error).toMatchObject({
        name: "TxRateLimitExceeded",
      });
    }
    expect(run(c, bob, setChildren(parent, 1, [[2n, kid(1)]])).error).toBeUndefined();
  });
});

describe("pending child keys", () => {
  it("are scheduled with the cooldown and applied in the first epoch block after it", () => {
    const c = setup();
    const r = ok(
      c,
      bob,
      setChildren(parent, 1, [
        [U64_MAX / 2n, kid(2)],
        [U64_MAX / 4n, kid(1)],
      ]),
    );
    const cooldown = BigInt(r.block) + BigInt(c.runtime.preset.staking.pendingChildKeyCooldown);
    expect(named(r.events, "SetChildrenScheduled")[0]!.data).toEqual({
      hotkey: parent,
      netuid: 1,
      cooldownBlock: cooldown,
      children: [
        [U64_MAX / 2n, kid(2)],
        [U64_MAX / 4n, kid(1)],
      ],
    });
    expect(S.ChildKeys.get(c.store, parent, 1)).toEqual([]);
    const applied = untilApplied(c, parent);
    expect(BigInt(applied)).toBeGreaterThan(cooldown);
    expect(S.LastEpochBlock.get(c.store, 1)).toBe(BigInt(applied));
    // The previous epoch block (if any) came before the cooldown ended.
    expect(BigInt(applied) - cooldown).toBeLessThanOrEqual(BigInt(S.Tempo.get(c.store, 1)) + 1n);
    // Stored in account order (Subtensor's BTreeMap), mirrored in ParentKeys.
    const stored = S.ChildKeys.get(c.store, parent, 1);
    expect(new Set(stored.map(([, k]) => k))).toEqual(new Set([kid(1), kid(2)]));
    expect(S.ParentKeys.get(c.store, kid(1), 1)).toEqual([[U64_MAX / 4n, parent]]);
    expect(S.ParentKeys.get(c.store, kid(2), 1)).toEqual([[U64_MAX / 2n, parent]]);
  });

  it("apply at once before the subnet's start call (event SetChildren)", () => {
    const c = setup();
    S.SubtokenEnabled.set(c.store, 1, false);
    const r = ok(c, bob, setChildren(parent, 1, [[1000n, kid(1)]]));
    expect(named(r.events, "SetChildren")[0]!.data).toEqual({
      hotkey: parent,
      netuid: 1,
      children: [[1000n, kid(1)]],
    });
    expect(S.ChildKeys.get(c.store, parent, 1)).toEqual([[1000n, kid(1)]]);
    expect(S.PendingChildKeys.contains(c.store, 1, parent)).toBe(false);
  });

  it("a new list replaces the old one; the empty list revokes all and clears storage", () => {
    const c = setup();
    S.SubtokenEnabled.set(c.store, 1, false);
    ok(
      c,
      bob,
      setChildren(parent, 1, [
        [100n, kid(1)],
        [200n, kid(2)],
      ]),
    );
    for (let i = 0; i < 5; i++) c.block();
    ok(
      c,
      bob,
      setChildren(parent, 1, [
        [300n, kid(2)],
        [400n, kid(3)],
      ]),
    );
    expect(S.ParentKeys.contains(c.store, kid(1), 1)).toBe(false);
    expect(S.ParentKeys.get(c.store, kid(2), 1)).toEqual([[300n, parent]]);
    expect(S.ParentKeys.get(c.store, kid(3), 1)).toEqual([[400n, parent]]);
    for (let i = 0; i < 5; i++) c.block();
    ok(c, bob, setChildren(parent, 1, []));
    expect(S.ChildKeys.contains(c.store, parent, 1)).toBe(false);
    expect(S.ParentKeys.contains(c.store, kid(2), 1)).toBe(false);
    expect(S.ParentKeys.contains(c.store, kid(3), 1)).toBe(false);
  });

  it("a pending list that became inconsistent is dropped silently", () => {
    const c = setup();
    // parent → ownerHot and ownerHot → parent, both pending: the first applied makes the second a loop.
    ok(c, bob, setChildren(parent, 1, [[U64_MAX, ownerHot]]));
    ok(c, bob, setChildren(ownerHot, 1, [[U64_MAX, parent]]));
    untilApplied(c, parent);
    expect(S.PendingChildKeys.contains(c.store, 1, ownerHot)).toBe(false);
    const parentLinks = S.ChildKeys.get(c.store, parent, 1);
    const ownerLinks = S.ChildKeys.get(c.store, ownerHot, 1);
    // Exactly one direction survived, and the mirrors agree.
    expect(parentLinks.length + ownerLinks.length).toBe(1);
    if (parentLinks.length) expect(S.ParentKeys.get(c.store, ownerHot, 1)).toEqual([[U64_MAX, parent]]);
    else expect(S.ParentKeys.get(c.store, parent, 1)).toEqual([[U64_MAX, ownerHot]]);
  });

  it("remove_stake below the stake threshold drops the hotkey's pending children", () => {
    const c = setup();
    ok(c, carol, sub("add_stake", { hotkey: ownerHot, netuid: 1, amountStaked: 10n * TAO }));
    ok(c, bob, setChildren(ownerHot, 1, [[1000n, kid(1)]]));
    expect(S.PendingChildKeys.contains(c.store, 1, ownerHot)).toBe(true);
    S.StakeThreshold.set(c.store, 1_000_000n * TAO);
    const alpha = S.TotalHotkeyAlpha.get(c.store, ownerHot, 1);
    expect(alpha).toBeGreaterThan(0n);
    ok(c, carol, sub("remove_stake", { hotkey: ownerHot, netuid: 1, amountUnstaked: alpha / 2n }));
    expect(S.PendingChildKeys.contains(c.store, 1, ownerHot)).toBe(false);
  });
});

describe("set_childkey_take", () => {
  const take = (hotkey: string, value: number) =>
    sub("set_childkey_take", { hotkey, netuid: 1, take: value });

  it("checks ownership, bounds and the increase rate limit; decreases are never limited", () => {
    const c = setup();
    expect(run(c, carol, take(parent, 100)).error).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(run(c, bob, take(parent, 11_797)).error).toMatchObject({ name: "InvalidChildkeyTake" });
    S.MinChildkeyTakePerSubnet.set(c.store, 1, 50);
    expect(run(c, bob, take(parent, 49)).error).toMatchObject({ name: "InvalidChildkeyTake" });
    const r = ok(c, bob, take(parent, 1_000));
    expect(named(r.events, "ChildKeyTakeSet")[0]!.data).toEqual({ hotkey: parent, take: 1_000 });
    expect(S.ChildkeyTake.get(c.store, parent, 1)).toBe(1_000);
    expect(run(c, bob, take(parent, 2_000)).error).toMatchObject({ name: "TxChildkeyTakeRateLimitExceeded" });
    expect(run(c, bob, take(parent, 500)).error).toBeUndefined();
    const limit = Number(S.TxChildkeyTakeRateLimit.get(c.store));
    for (let i = 1; i < limit; i++) c.block();
    expect(run(c, bob, take(parent, 2_000)).error).toBeUndefined();
    expect(S.ChildkeyTake.get(c.store, parent, 1)).toBe(2_000);
  });

  it("root sets the bounds, the rate limit and the cooldown (signed callers get BadOrigin)", () => {
    const c = setup();
    expect(run(c, bob, sub("sudo_set_max_childkey_take", { take: 100 })).error).toMatchObject({
      kind: "BadOrigin",
    });
    ok(c, alice, sudo(sub("sudo_set_max_childkey_take", { take: 100 })));
    ok(c, alice, sudo(sub("sudo_set_min_childkey_take", { take: 10 })));
    ok(c, alice, sudo(sub("sudo_set_tx_childkey_take_rate_limit", { txRateLimit: 0n })));
    ok(c, alice, sudo(sub("set_pending_childkey_cooldown", { cooldown: 3n })));
    expect(S.MaxChildkeyTake.get(c.store)).toBe(100);
    expect(S.MinChildkeyTake.get(c.store)).toBe(10);
    expect(S.TxChildkeyTakeRateLimit.get(c.store)).toBe(0n);
    expect(S.PendingChildKeyCooldown.get(c.store)).toBe(3n);
    expect(run(c, bob, take(parent, 101)).error).toMatchObject({ name: "InvalidChildkeyTake" });
    expect(run(c, bob, take(parent, 9)).error).toMatchObject({ name: "InvalidChildkeyTake" });
    expect(run(c, bob, take(parent, 100)).error).toBeUndefined();
  });

  it("genesis writes the preset's values", () => {
    const c = setup();
    const { staking, swaps } = c.runtime.preset;
    expect(S.MaxChildkeyTake.get(c.store)).toBe(staking.maxChildkeyTake);
    expect(S.TxChildkeyTakeRateLimit.get(c.store)).toBe(BigInt(staking.txChildkeyTakeRateLimit));
    expect(S.PendingChildKeyCooldown.get(c.store)).toBe(BigInt(staking.pendingChildKeyCooldown));
    expect(S.ColdkeySwapAnnouncementDelay.get(c.store)).toBe(swaps.coldkeySwapAnnouncementDelay);
  });
});

describe("register_network makes root validators parents of the owner hotkey (step 11)", () => {
  function withRootValidators() {
    const c = chainWithFunds([bob, carol]);
    const validators = [
      Keypair.fromUri("//Carol//v1").ss58Address,
      Keypair.fromUri("//Carol//v2").ss58Address,
    ];
    for (const v of validators) ok(c, carol, sub("try_associate_hotkey", { hotkey: v }));
    const scope = scopeOf(c);
    for (const v of validators) appendNeuron(scope, 0, v);
    return { c, validators };
  }

  it("with 100 % proportions, applied at once", () => {
    const { c, validators } = withRootValidators();
    const r = ok(c, bob, sub("register_network", { hotkey: ownerHot }));
    for (const v of validators) expect(S.ChildKeys.get(c.store, v, 1)).toEqual([[U64_MAX, ownerHot]]);
    expect(S.ParentKeys.get(c.store, ownerHot, 1).map(([q]) => q)).toEqual([U64_MAX, U64_MAX]);
    expect(named(r.events, "SetChildren")).toHaveLength(2);
  });

  it("except validators that turned AutoParentDelegationEnabled off", () => {
    const { c, validators } = withRootValidators();
    const v0 = validators[0]!;
    expect(
      run(c, bob, sub("set_auto_parent_delegation_enabled", { hotkey: v0, enabled: false })).error,
    ).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(
      run(c, carol, sub("set_auto_parent_delegation_enabled", { hotkey: kid(1), enabled: false })).error,
    ).toMatchObject({ name: "NonAssociatedColdKey" });
    const r = ok(c, carol, sub("set_auto_parent_delegation_enabled", { hotkey: v0, enabled: false }));
    expect(named(r.events, "AutoParentDelegationEnabledSet")[0]!.data).toEqual({
      hotkey: v0,
      enabled: false,
    });
    ok(c, bob, sub("register_network", { hotkey: ownerHot }));
    expect(S.ChildKeys.contains(c.store, v0, 1)).toBe(false);
    expect(S.ChildKeys.get(c.store, validators[1]!, 1)).toEqual([[U64_MAX, ownerHot]]);
  });
});
