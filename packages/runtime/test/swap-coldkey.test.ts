// The coldkey swap life cycle (transactions.md §4.8) and the CheckColdkeySwap dispatch guard (§2.5),
// ported from Subtensor's tests/swap_coldkey.rs and guards/check_coldkey_swap.rs.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, type RuntimeEvent, SubtensorStorage as S } from "../src/index.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { coldkeyHash, disputeColdkeySwap } from "../src/pallets/subtensor/swap/coldkey.js";
import { TestChain } from "./chain.js";
import { batch, named, ok, run, scopeOf, sub, sudo, sudoAs, transfer } from "./signed.js";
import { owner as alice, chainWithFunds } from "./subnet-fixtures.js";

const TAO = RAO_PER_TAO;
const bob = Keypair.fromUri("//Bob");
const carol = Keypair.fromUri("//Charlie");
const fresh = Keypair.fromUri("//Bob//new-cold");
const hot = Keypair.fromUri("//Bob//owner").ss58Address;
const hot2 = Keypair.fromUri("//Bob//second").ss58Address;

beforeAll(TestChain.ready);

const announce = (who: Keypair | string) =>
  sub("announce_coldkey_swap", {
    newColdkeyHash: coldkeyHash(typeof who === "string" ? who : who.ss58Address),
  });
const execute = (to: string) => sub("swap_coldkey_announced", { newColdkey: to });
const addStake = (netuid: number, tao: bigint) =>
  sub("add_stake", { hotkey: hot, netuid, amountStaked: tao });

function setup() {
  const c = chainWithFunds([bob, carol]);
  ok(c, bob, sub("register_network", { hotkey: hot }));
  S.Tempo.set(c.store, 1, 50_000); // no epoch: dividends would change the stakes compared below
  ok(c, bob, sub("try_associate_hotkey", { hotkey: hot2 }));
  ok(c, bob, addStake(1, 10n * TAO));
  ok(c, carol, addStake(0, 4n * TAO));
  return c;
}

/** Imports empty blocks until `block` is the next one. */
function until(c: TestChain, block: number) {
  while (c.head + 1 < block) c.block();
}

const sudoResult = (events: RuntimeEvent[], name = "Sudid") =>
  named(events, name)[0]!.data.sudoResult as { ok?: null; err?: { name: string } };

describe("announce_coldkey_swap", () => {
  it("stores (now + delay, hash), charges the swap cost once, and re-announces only after the delays", () => {
    const c = setup();
    const free = c.free(bob);
    const r = ok(c, bob, announce(fresh));
    const cost = c.runtime.preset.swaps.keySwapCost;
    expect(free - c.free(bob)).toBeGreaterThanOrEqual(cost);
    const when = r.block + c.runtime.preset.swaps.coldkeySwapAnnouncementDelay;
    expect(S.ColdkeySwapAnnouncements.get(c.store, bob.ss58Address)).toEqual([
      when,
      coldkeyHash(fresh.ss58Address),
    ]);
    expect(named(r.events, "ColdkeySwapAnnounced")[0]!.data).toEqual({
      who: bob.ss58Address,
      newColdkeyHash: coldkeyHash(fresh.ss58Address),
    });
    expect(run(c, bob, announce(carol)).error).toMatchObject({ name: "ColdkeySwapReannouncedTooEarly" });
    until(c, when + c.runtime.preset.swaps.coldkeySwapReannouncementDelay);
    const before = c.free(bob);
    ok(c, bob, announce(carol));
    expect(before - c.free(bob)).toBeLessThan(cost); // only the fee this time
  });

  it("a coldkey that cannot pay fails NotEnoughBalanceToPaySwapColdKey", () => {
    const c = setup();
    const poor = Keypair.fromUri("//Poor");
    ok(c, carol, transfer(poor.ss58Address, c.runtime.preset.swaps.keySwapCost / 2n));
    expect(run(c, poor, announce(fresh)).error).toMatchObject({ name: "NotEnoughBalanceToPaySwapColdKey" });
  });
});

/** The pool's verdict and the block's on one extrinsic (a refused block leaves the chain as it was). */
function refused(c: TestChain, who: Keypair, call: RuntimeCall) {
  const bytes = c.sign(who, call);
  const pool = c.runtime.validateTransaction(c.store, c.nextBlock(), bytes);
  const block = c.block([bytes]);
  return { pool: pool.ok ? undefined : pool.invalid, block: block.ok ? undefined : block.invalid };
}

describe("CheckColdkeySwap: an announced coldkey may only make the swap calls, at every dispatch site", () => {
  it("its other calls are refused in the pool (Custom 0), top level and as a batch, and fail through sudo_as", () => {
    const c = setup();
    ok(c, bob, announce(fresh));
    for (const call of [
      addStake(1, TAO),
      transfer(carol.ss58Address, TAO),
      batch([transfer(carol.ss58Address, TAO)]),
    ]) {
      const freeBefore = c.free(bob);
      expect(refused(c, bob, call)).toEqual({
        pool: { kind: "Custom", code: 0, detail: "SubtensorModule.ColdkeySwapAnnounced" },
        block: { kind: "Custom", code: 0, detail: "SubtensorModule.ColdkeySwapAnnounced" },
      });
      // Never included: no fee, no nonce.
      expect(c.free(bob)).toBe(freeBefore);
    }
    // The swap calls themselves still pass the pool.
    expect(
      c.runtime.validateTransaction(c.store, c.nextBlock(), c.sign(bob, sub("dispute_coldkey_swap"))).ok,
    ).toBe(true);
    const r = ok(c, alice, sudoAs(bob.ss58Address, transfer(carol.ss58Address, TAO)));
    expect(sudoResult(r.events, "SudoAsDone").err).toMatchObject({ name: "ColdkeySwapAnnounced" });
    // Root and other accounts are not affected.
    expect(
      sudoResult(ok(c, alice, sudo(sub("set_pending_childkey_cooldown", { cooldown: 1n }))).events).ok,
    ).toBe(null);
    expect(run(c, carol, transfer(bob.ss58Address, TAO)).error).toBeUndefined();
  });
});

describe("swap_coldkey_announced", () => {
  it("checks the announcement, the hash and the delay, then moves everything", () => {
    const c = setup();
    expect(run(c, carol, execute(fresh.ss58Address)).error).toMatchObject({
      name: "ColdkeySwapAnnouncementNotFound",
    });
    const r = ok(c, bob, announce(fresh));
    expect(run(c, bob, execute(carol.ss58Address)).error).toMatchObject({
      name: "AnnouncedColdkeyHashDoesNotMatch",
    });
    expect(run(c, bob, execute(fresh.ss58Address)).error).toMatchObject({ name: "ColdkeySwapTooEarly" });
    until(c, r.block + c.runtime.preset.swaps.coldkeySwapAnnouncementDelay);
    const alpha = stakeOf(c.store, hot, bob.ss58Address, 1);
    const free = c.free(bob);
    const done = ok(c, bob, execute(fresh.ss58Address));
    expect(named(done.events, "ColdkeySwapped")[0]!.data).toEqual({
      oldColdkey: bob.ss58Address,
      newColdkey: fresh.ss58Address,
    });
    // The whole free balance (less this extrinsic's fee); the old account is reaped.
    expect(c.free(bob)).toBe(0n);
    expect(c.free(fresh)).toBeGreaterThan(free - TAO / 100n);
    expect(stakeOf(c.store, hot, fresh.ss58Address, 1)).toBe(alpha);
    expect(stakeOf(c.store, hot, bob.ss58Address, 1)).toBe(0n);
    // hot2 is listed too: creating a hotkey lists it for its owner (create_account_if_non_existent).
    expect(S.StakingHotkeys.get(c.store, fresh.ss58Address)).toEqual([hot, hot2]);
    expect(S.StakingHotkeys.contains(c.store, bob.ss58Address)).toBe(false);
    expect(S.Owner.get(c.store, hot)).toBe(fresh.ss58Address);
    expect(S.Owner.get(c.store, hot2)).toBe(fresh.ss58Address);
    expect(S.OwnedHotkeys.get(c.store, fresh.ss58Address)).toEqual([hot, hot2]);
    expect(S.SubnetOwner.get(c.store, 1)).toBe(fresh.ss58Address);
    expect(S.ColdkeySwapAnnouncements.get(c.store, bob.ss58Address)).toBeUndefined();
    expect(S.LastTxBlock.get(c.store, fresh.ss58Address)).toBe(BigInt(done.block));
    // The new coldkey acts freely.
    expect(run(c, fresh, sub("decrease_take", { hotkey: hot, take: 10 })).error).toBeUndefined();
  });

  it("the new coldkey must be unused: ColdKeyAlreadyAssociated, NewColdKeyIsHotkey", () => {
    const c = setup();
    const r = ok(c, bob, announce(carol));
    until(c, r.block + c.runtime.preset.swaps.coldkeySwapAnnouncementDelay);
    expect(run(c, bob, execute(carol.ss58Address)).error).toMatchObject({ name: "ColdKeyAlreadyAssociated" });
    // The failed call rolled back: the announcement is still there.
    expect(S.ColdkeySwapAnnouncements.get(c.store, bob.ss58Address)).toBeDefined();
    const viaRoot = ok(
      c,
      alice,
      sudo(sub("swap_coldkey", { oldColdkey: bob.ss58Address, newColdkey: hot2, swapCost: 0n })),
    );
    expect(sudoResult(viaRoot.events).err).toMatchObject({ name: "NewColdKeyIsHotkey" });
  });
});

describe("dispute, reset and clear", () => {
  it("a dispute freezes the coldkey (everything fails ColdkeySwapDisputed) until root resets it", () => {
    const c = setup();
    expect(run(c, carol, sub("dispute_coldkey_swap")).error).toMatchObject({
      name: "ColdkeySwapAnnouncementNotFound",
    });
    const a = ok(c, bob, announce(fresh));
    const d = ok(c, bob, sub("dispute_coldkey_swap"));
    expect(named(d.events, "ColdkeySwapDisputed")[0]!.data).toEqual({ coldkey: bob.ss58Address });
    expect(S.ColdkeySwapDisputes.get(c.store, bob.ss58Address)).toBe(d.block);
    until(c, a.block + c.runtime.preset.swaps.coldkeySwapAnnouncementDelay);
    for (const call of [
      execute(fresh.ss58Address),
      sub("dispute_coldkey_swap"),
      addStake(1, TAO),
      batch([transfer(carol.ss58Address, TAO)], "force_batch"),
    ]) {
      expect(refused(c, bob, call).pool).toEqual({
        kind: "Custom",
        code: 21,
        detail: "SubtensorModule.ColdkeySwapDisputed",
      });
    }
    const inner = ok(c, alice, sudoAs(bob.ss58Address, announce(fresh)));
    expect(sudoResult(inner.events, "SudoAsDone").err).toMatchObject({ name: "ColdkeySwapDisputed" });
    // The call itself refuses a second dispute (the guard fires first on a signed extrinsic).
    const direct = disputeColdkeySwap.dispatch(scopeOf(c), { kind: "Signed", who: bob.ss58Address }, {});
    expect(direct).toMatchObject({ ok: false, error: { name: "ColdkeySwapAlreadyDisputed" } });

    expect(run(c, carol, sub("reset_coldkey_swap", { coldkey: bob.ss58Address })).error).toMatchObject({
      kind: "BadOrigin",
    });
    const reset = ok(c, alice, sudo(sub("reset_coldkey_swap", { coldkey: bob.ss58Address })));
    expect(named(reset.events, "ColdkeySwapReset")[0]!.data).toEqual({ who: bob.ss58Address });
    expect(S.ColdkeySwapAnnouncements.get(c.store, bob.ss58Address)).toBeUndefined();
    expect(S.ColdkeySwapDisputes.get(c.store, bob.ss58Address)).toBeUndefined();
    expect(run(c, bob, transfer(carol.ss58Address, TAO)).error).toBeUndefined();
  });

  it("clear_coldkey_swap_announcement after when + the re-announcement delay", () => {
    const c = setup();
    expect(run(c, bob, sub("clear_coldkey_swap_announcement")).error).toMatchObject({
      name: "ColdkeySwapAnnouncementNotFound",
    });
    const a = ok(c, bob, announce(fresh));
    expect(run(c, bob, sub("clear_coldkey_swap_announcement")).error).toMatchObject({
      name: "ColdkeySwapClearTooEarly",
    });
    const { coldkeySwapAnnouncementDelay: delay, coldkeySwapReannouncementDelay: again } =
      c.runtime.preset.swaps;
    until(c, a.block + delay + again);
    const r = ok(c, bob, sub("clear_coldkey_swap_announcement"));
    expect(named(r.events, "ColdkeySwapCleared")[0]!.data).toEqual({ who: bob.ss58Address });
    expect(run(c, bob, transfer(carol.ss58Address, TAO)).error).toBeUndefined();
  });
});

describe("swap_coldkey (root) and the deprecated schedule_swap_coldkey", () => {
  it("root swaps any coldkey, charging an optional cost and clearing announcement and dispute", () => {
    const c = setup();
    const swapCall = (cost: bigint) =>
      sub("swap_coldkey", { oldColdkey: bob.ss58Address, newColdkey: fresh.ss58Address, swapCost: cost });
    expect(run(c, carol, swapCall(0n)).error).toMatchObject({ kind: "BadOrigin" });
    ok(c, bob, announce(carol));
    ok(c, bob, sub("dispute_coldkey_swap"));
    const tooMuch = ok(c, alice, sudo(swapCall(c.free(bob) + 1n)));
    expect(sudoResult(tooMuch.events).err).toMatchObject({ name: "NotEnoughBalanceToPaySwapColdKey" });
    const free = c.free(bob);
    const r = ok(c, alice, sudo(swapCall(TAO)));
    expect(sudoResult(r.events).ok).toBe(null);
    expect(c.free(fresh)).toBe(free - TAO);
    expect(S.ColdkeySwapAnnouncements.get(c.store, bob.ss58Address)).toBeUndefined();
    expect(S.ColdkeySwapDisputes.get(c.store, bob.ss58Address)).toBeUndefined();
    expect(S.SubnetOwner.get(c.store, 1)).toBe(fresh.ss58Address);
  });

  it("schedule_swap_coldkey always fails Deprecated", () => {
    const c = setup();
    expect(run(c, bob, sub("schedule_swap_coldkey", { newColdkey: fresh.ss58Address })).error).toMatchObject({
      name: "Deprecated",
    });
  });
});
