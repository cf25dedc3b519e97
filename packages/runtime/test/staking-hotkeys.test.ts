// StakingHotkeys (the hotkeys a coldkey has stake on) is kept where Subtensor keeps it: a hotkey's
// creation lists it for its owner (staking/helpers.rs `create_account_if_non_existent`), and every
// credit of stake lists the hotkey for the credited coldkey (staking/stake_utils.rs
// `increase_stake_for_hotkey_and_coldkey_on_subnet`), so stake paid by the coinbase is found by the
// coldkey swap (and root claims), which walk that list.
import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import { payIncentives } from "../src/pallets/subtensor/coinbase/distribute.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { swapColdkey } from "../src/pallets/subtensor/swap/coldkey.js";
import { TestChain } from "./chain.js";
import { ok, scopeOf, sub } from "./signed.js";
import { addSubnet, owner as alice, ownerHotkey as aliceHot, chainWithFunds } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");
const bobHot = Keypair.fromUri("//Bob//hot").ss58Address;
const fresh = Keypair.fromUri("//Bob//fresh").ss58Address;

beforeAll(TestChain.ready);

describe("StakingHotkeys", () => {
  it("an owner who never staked has the owner cut the epochs staked to them moved by a coldkey swap", () => {
    const c = chainWithFunds([bob]);
    ok(c, bob, sub("register_network", { hotkey: bobHot }));
    S.Tempo.set(c.store, 1, 5);
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
    const cut = stakeOf(c.store, bobHot, bob.ss58Address, 1);
    expect(cut).toBeGreaterThan(0n);
    expect(S.StakingHotkeys.get(c.store, bob.ss58Address)).toEqual([bobHot]);

    expect(swapColdkey(scopeOf(c), bob.ss58Address, fresh)).toEqual({ ok: true });
    expect(stakeOf(c.store, bobHot, bob.ss58Address, 1)).toBe(0n);
    expect(stakeOf(c.store, bobHot, fresh, 1)).toBe(cut);
    expect(S.StakingHotkeys.get(c.store, fresh)).toEqual([bobHot]);
  });

  it("a miner's incentive auto-staked to another owner's hotkey is moved by the miner's coldkey swap", () => {
    const c = chainWithFunds([bob]);
    addSubnet(c, 1, [aliceHot.ss58Address, bobHot]);
    S.Owner.set(c.store, aliceHot.ss58Address, alice.ss58Address);
    S.Owner.set(c.store, bobHot, bob.ss58Address);
    ok(c, bob, sub("set_coldkey_auto_stake_hotkey", { netuid: 1, hotkey: aliceHot.ss58Address }));
    payIncentives(scopeOf(c), 1, [[bobHot, 10_000_000n]]);
    expect(stakeOf(c.store, aliceHot.ss58Address, bob.ss58Address, 1)).toBe(10_000_000n);
    expect(S.StakingHotkeys.get(c.store, bob.ss58Address)).toEqual([aliceHot.ss58Address]);

    expect(swapColdkey(scopeOf(c), bob.ss58Address, fresh)).toEqual({ ok: true });
    expect(stakeOf(c.store, aliceHot.ss58Address, bob.ss58Address, 1)).toBe(0n);
    expect(stakeOf(c.store, aliceHot.ss58Address, fresh, 1)).toBe(10_000_000n);
  });

  it("a coldkey that created a hotkey can no longer be a coldkey swap's destination", () => {
    const c = chainWithFunds([bob]);
    ok(c, bob, sub("register_network", { hotkey: bobHot }));
    expect(S.StakingHotkeys.get(c.store, bob.ss58Address)).toEqual([bobHot]);
    expect(swapColdkey(scopeOf(c), alice.ss58Address, bob.ss58Address)).toMatchObject({
      ok: false,
      error: { name: "ColdKeyAlreadyAssociated" },
    });
  });

  it("unstaking everything leaves the hotkey listed, as Subtensor does", () => {
    const c = chainWithFunds([bob]);
    ok(c, bob, sub("register_network", { hotkey: bobHot }));
    ok(c, alice, sub("add_stake", { hotkey: bobHot, netuid: 1, amountStaked: 10_000_000_000n }));
    expect(S.StakingHotkeys.get(c.store, alice.ss58Address)).toEqual([bobHot]);
    ok(c, alice, sub("unstake_all", { hotkey: bobHot }));
    expect(stakeOf(c.store, bobHot, alice.ss58Address, 1)).toBe(0n);
    expect(S.StakingHotkeys.get(c.store, alice.ss58Address)).toEqual([bobHot]);
  });
});
