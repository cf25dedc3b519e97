// set_coldkey_auto_stake_hotkey and the coinbase paying a miner's incentive to its owner's destination,
// ported from Subtensor's tests/auto_stake_hotkey.rs and tests/coinbase.rs (same keys' roles and numbers).
import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import { payIncentives } from "../src/pallets/subtensor/coinbase/distribute.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { swapColdkey } from "../src/pallets/subtensor/swap/coldkey.js";
import { TestChain } from "./chain.js";
import { named, ok, run, scopeOf, sub } from "./signed.js";
import { addSubnet, chainWithFunds } from "./subnet-fixtures.js";

const coldkey = Keypair.fromUri("//Bob");
const hotkey = Keypair.fromUri("//Bob//hot").ss58Address;
const newHotkey = Keypair.fromUri("//Bob//new").ss58Address;
const NETUID = 1;

beforeAll(TestChain.ready);

const setAuto = (netuid: number, hotkey: string) => sub("set_coldkey_auto_stake_hotkey", { netuid, hotkey });
const destination = (c: TestChain, who = coldkey.ss58Address) =>
  S.AutoStakeDestination.get(c.store, who, NETUID);
const coldkeysOf = (c: TestChain, hot: string) => S.AutoStakeDestinationColdkeys.get(c.store, hot, NETUID);

/** A subnet whose uids 1 and 2 are `hotkey` and `newHotkey`, both owned by `coldkey` (as the Rust tests set up). */
function setup(): TestChain {
  const c = chainWithFunds([coldkey]);
  addSubnet(c, NETUID, [Keypair.fromUri("//Alice//hot").ss58Address, hotkey, newHotkey]);
  for (const h of [hotkey, newHotkey]) S.Owner.set(c.store, h, coldkey.ss58Address);
  S.OwnedHotkeys.set(c.store, coldkey.ss58Address, [hotkey, newHotkey]);
  return c;
}

describe("set_coldkey_auto_stake_hotkey", () => {
  it("test_set_coldkey_auto_stake_hotkey_subnet_not_exists", () => {
    const c = setup();
    expect(run(c, coldkey, setAuto(999, hotkey)).error).toMatchObject({ name: "SubnetNotExists" });
    expect(S.AutoStakeDestination.get(c.store, coldkey.ss58Address, 999)).toBeUndefined();
  });

  it("test_set_coldkey_auto_stake_hotkey_hotkey_not_registered", () => {
    const c = setup();
    const stranger = Keypair.fromUri("//Bob//unregistered").ss58Address;
    expect(run(c, coldkey, setAuto(NETUID, stranger)).error).toMatchObject({
      name: "HotKeyNotRegisteredInSubNet",
    });
    expect(destination(c)).toBeUndefined();
    expect(coldkeysOf(c, stranger)).toEqual([]);
  });

  it("test_set_coldkey_auto_stake_hotkey_success (and its event)", () => {
    const c = setup();
    expect(destination(c)).toBeUndefined();
    const r = ok(c, coldkey, setAuto(NETUID, hotkey));
    expect(destination(c)).toBe(hotkey);
    expect(named(r.events, "AutoStakeDestinationSet")[0]!.data).toEqual({
      coldkey: coldkey.ss58Address,
      netuid: NETUID,
      hotkey,
    });
  });

  it("test_set_coldkey_auto_stake_hotkey_same_hotkey_again", () => {
    const c = setup();
    ok(c, coldkey, setAuto(NETUID, hotkey));
    expect(run(c, coldkey, setAuto(NETUID, hotkey)).error).toMatchObject({
      name: "SameAutoStakeHotkeyAlreadySet",
    });
    expect(coldkeysOf(c, hotkey)).toEqual([coldkey.ss58Address]);
  });

  it("test_set_coldkey_auto_stake_hotkey_change_hotkey", () => {
    const c = setup();
    ok(c, coldkey, setAuto(NETUID, hotkey));
    expect(destination(c)).toBe(hotkey);
    expect(coldkeysOf(c, hotkey)).toEqual([coldkey.ss58Address]);
    expect(coldkeysOf(c, newHotkey)).toEqual([]);
    ok(c, coldkey, setAuto(NETUID, newHotkey));
    expect(destination(c)).toBe(newHotkey);
    expect(coldkeysOf(c, hotkey)).toEqual([]);
    expect(coldkeysOf(c, newHotkey)).toEqual([coldkey.ss58Address]);
  });
});

describe("the miner incentive follows the destination", () => {
  const miner = hotkey;
  const dest = newHotkey;

  it("test_incentive_is_autostaked_to_owner_destination", () => {
    const c = setup();
    ok(c, coldkey, setAuto(NETUID, dest));
    const scope = scopeOf(c);
    payIncentives(scope, NETUID, [[miner, 10_000_000n]]);
    expect(stakeOf(c.store, miner, coldkey.ss58Address, NETUID)).toBe(0n);
    expect(S.TotalHotkeyAlpha.get(c.store, miner, NETUID)).toBe(0n);
    expect(S.TotalHotkeyAlpha.get(c.store, dest, NETUID)).toBe(10_000_000n);
    // The stake is the miner's owner's, on the destination hotkey.
    expect(stakeOf(c.store, dest, coldkey.ss58Address, NETUID)).toBe(10_000_000n);
    expect(scope.events).toContainEqual(
      expect.objectContaining({
        name: "AutoStakeAdded",
        data: {
          netuid: NETUID,
          destination: dest,
          hotkey: miner,
          owner: coldkey.ss58Address,
          incentive: 10_000_000n,
        },
      }),
    );
  });

  it("test_incentive_goes_to_hotkey_when_no_autostake_destination", () => {
    const c = setup();
    const scope = scopeOf(c);
    payIncentives(scope, NETUID, [[miner, 5_000_000n]]);
    expect(S.TotalHotkeyAlpha.get(c.store, miner, NETUID)).toBe(5_000_000n);
    expect(stakeOf(c.store, miner, coldkey.ss58Address, NETUID)).toBe(5_000_000n);
    expect(scope.events.some((e) => e.name === "AutoStakeAdded")).toBe(false);
  });
});

describe("key swaps carry the destination", () => {
  it("a coldkey swap moves the destination to the new coldkey", () => {
    const c = setup();
    ok(c, coldkey, setAuto(NETUID, hotkey));
    const fresh = Keypair.fromUri("//Fresh").ss58Address;
    expect(swapColdkey(scopeOf(c), coldkey.ss58Address, fresh)).toEqual({ ok: true });
    expect(destination(c)).toBeUndefined();
    expect(destination(c, fresh)).toBe(hotkey);
    expect(coldkeysOf(c, hotkey)).toEqual([fresh]);
  });

  it("a hotkey swap on the subnet repoints every coldkey auto-staking to the old hotkey", () => {
    const c = setup();
    ok(c, coldkey, setAuto(NETUID, hotkey));
    const swapped = Keypair.fromUri("//Bob//swapped").ss58Address;
    ok(c, coldkey, sub("swap_hotkey", { hotkey, newHotkey: swapped, netuid: NETUID }));
    expect(destination(c)).toBe(swapped);
    expect(coldkeysOf(c, hotkey)).toEqual([]);
    expect(coldkeysOf(c, swapped)).toEqual([coldkey.ss58Address]);
  });
});
