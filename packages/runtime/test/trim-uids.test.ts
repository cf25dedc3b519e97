// sudo_trim_to_max_allowed_uids, ported from Subtensor's admin-utils tests test_trim_to_max_allowed_uids and
// test_trim_to_max_allowed_uids_too_many_immune (same values; one mechanism here, so no per-mechanism loop).
import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { CoinbaseStorage as C } from "../src/pallets/subtensor/coinbase/storage.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds, owner } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");
const NETUID = 1;
const hotkeyOf = (i: number) => Keypair.fromUri(`//Neuron${i}`).ss58Address;

beforeAll(TestChain.ready);

const trim = (netuid: number, maxN: number): RuntimeCall => ({
  pallet: "AdminUtils",
  name: "sudo_trim_to_max_allowed_uids",
  args: { netuid, maxN },
});
const sudo = (call: RuntimeCall): RuntimeCall => ({ pallet: "Sudo", name: "sudo", args: { call } });

/** The call's error, whether the extrinsic failed or sudo's inner dispatch did; undefined when it worked. */
function run(c: TestChain, who: Keypair, call: RuntimeCall) {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  const sudid = out.events.find((e) => e.event.name === "Sudid")?.event.data.sudoResult as
    | { err?: unknown }
    | undefined;
  if (sudid?.err) return sudid.err;
  return o.kind === "Applied" && !o.success ? o.error : undefined;
}

/** Subnet 1 with `n` neurons past their immunity, no epochs while the test runs, no owner neuron. */
function subnetOf(n: number, preset: "fast" | "mainnet" = "fast"): TestChain {
  const c = chainWithFunds([bob], preset);
  addSubnet(
    c,
    NETUID,
    Array.from({ length: n }, (_, i) => hotkeyOf(i)),
  );
  S.SubnetOwnerHotkey.set(c.store, NETUID, Keypair.fromUri("//Alice//unregistered").ss58Address);
  S.Tempo.set(c.store, NETUID, 50_000);
  S.ImmunityPeriod.set(c.store, NETUID, 3);
  S.ImmuneOwnerUidsLimit.set(c.store, NETUID, 2);
  for (let i = 0; i < 4; i++) c.block();
  return c;
}

describe("sudo_trim_to_max_allowed_uids", () => {
  it("test_trim_to_max_allowed_uids: keeps the top emitters and the immune uid, packed left in uid order", () => {
    const c = subnetOf(16);
    const { store } = c;
    S.MinAllowedUids.set(store, NETUID, 4);
    const values = [17, 42, 8, 56, 23, 91, 34, 77, 12, 65, 3, 88, 29, 51, 74, 39];
    const bools = [
      false,
      false,
      false,
      true,
      false,
      true,
      true,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      true,
      false,
    ];
    S.Emission.set(store, NETUID, values.map(BigInt));
    for (const item of [S.Consensus, S.Dividends, S.ValidatorTrust, S.StakeWeight, S.Incentive])
      item.set(store, NETUID, values);
    S.ValidatorPermit.set(store, NETUID, bools);
    S.Active.set(store, NETUID, bools);
    S.LastUpdate.set(store, NETUID, values.map(BigInt));
    // Uid 6 (emission 34) registered in the trim's own block: temporally immune, so it stays.
    S.BlockAtRegistration.set(store, NETUID, 6, BigInt(c.head + 1));
    for (let uid = 0; uid < 16; uid++) {
      const others = [...Array(16).keys()].filter((t) => t !== uid);
      S.Weights.set(
        store,
        NETUID,
        uid,
        others.map((t) => [t, (uid + t) % 1000]),
      );
      S.Bonds.set(
        store,
        NETUID,
        uid,
        others.map((t) => [t, (uid * t) % 1000]),
      );
    }
    for (const i of [0, 3]) C.AlphaDividendsPerSubnet.set(store, NETUID, hotkeyOf(i), 5n);

    expect(run(c, owner, sudo(trim(NETUID, 8)))).toBeUndefined();

    expect(S.MaxAllowedUids.get(store, NETUID)).toBe(8);
    const expected = [56, 91, 34, 77, 65, 88, 51, 74];
    expect(S.Emission.get(store, NETUID)).toEqual(expected.map(BigInt));
    expect(S.Active.get(store, NETUID)).toEqual(Array(8).fill(true));
    expect(S.ValidatorPermit.get(store, NETUID)).toEqual(Array(8).fill(true));
    for (const item of [S.Consensus, S.Dividends, S.ValidatorTrust, S.StakeWeight, S.Incentive])
      expect(item.get(store, NETUID)).toEqual(expected);
    expect(S.LastUpdate.get(store, NETUID)).toEqual(expected.map(BigInt));

    for (let uid = 8; uid < 16; uid++) {
      expect(S.Keys.contains(store, NETUID, uid)).toBe(false);
      expect(S.BlockAtRegistration.contains(store, NETUID, uid)).toBe(false);
      expect(S.Weights.contains(store, NETUID, uid)).toBe(false);
      expect(S.Bonds.contains(store, NETUID, uid)).toBe(false);
    }
    for (const old of [0, 1, 2, 4, 8, 10, 12, 15]) {
      const hotkey = hotkeyOf(old);
      expect(S.Uids.get(store, NETUID, hotkey)).toBeUndefined();
      expect(S.IsNetworkMember.contains(store, hotkey, NETUID)).toBe(false);
      expect(C.AlphaDividendsPerSubnet.contains(store, NETUID, hotkey)).toBe(false);
    }
    expect(C.AlphaDividendsPerSubnet.get(store, NETUID, hotkeyOf(3))).toBe(5n);

    // Survivors, old uids 3 5 6 7 9 11 13 14, are now 0…7; their weights and bonds point at new uids.
    const kept = [3, 5, 6, 7, 9, 11, 13, 14];
    kept.forEach((old, uid) => {
      expect(S.Keys.get(store, NETUID, uid)).toBe(hotkeyOf(old));
      expect(S.Uids.get(store, NETUID, hotkeyOf(old))).toBe(uid);
      const others = kept.map((t, i) => [i, t] as const).filter(([, t]) => t !== old);
      expect(S.Weights.get(store, NETUID, uid)).toEqual(others.map(([i, t]) => [i, (old + t) % 1000]));
      expect(S.Bonds.get(store, NETUID, uid)).toEqual(others.map(([i, t]) => [i, (old * t) % 1000]));
    });
    expect(S.BlockAtRegistration.get(store, NETUID, 2)).toBe(BigInt(c.head));
    expect(S.SubnetworkN.get(store, NETUID)).toBe(8);
    expect(S.Uids.countOf(store, NETUID)).toBe(8);

    expect(run(c, owner, sudo(trim(42, 8)))).toMatchObject({ name: "SubnetNotExists" });
    expect(run(c, owner, sudo(trim(NETUID, 2)))).toMatchObject({ name: "InvalidValue" });
    expect(run(c, owner, sudo(trim(NETUID, 9)))).toMatchObject({ name: "InvalidValue" });
    expect(S.MaxAllowedUids.get(store, NETUID)).toBe(8);
  });

  it("test_trim_to_max_allowed_uids_too_many_immune: refused at ≥ 80 % immune, nothing changes", () => {
    const c = subnetOf(5);
    const { store } = c;
    S.MinAllowedUids.set(store, NETUID, 2);
    // Uids 0 and 1 are the owner's (immune), uids 2 and 3 registered in the trim's block.
    S.OwnedHotkeys.set(store, owner.ss58Address, [hotkeyOf(0), hotkeyOf(1)]);
    for (const uid of [2, 3]) S.BlockAtRegistration.set(store, NETUID, uid, BigInt(c.head + 1));
    expect(run(c, owner, sudo(trim(NETUID, 4)))).toMatchObject({
      name: "TrimmingWouldExceedMaxImmunePercentage",
    });
    for (const uid of [2, 3]) S.BlockAtRegistration.set(store, NETUID, uid, BigInt(c.head + 1));
    expect(run(c, owner, sudo(trim(NETUID, 3)))).toMatchObject({
      name: "TrimmingWouldExceedMaxImmunePercentage",
    });
    expect(S.SubnetworkN.get(store, NETUID)).toBe(5);
    expect(S.MaxAllowedUids.get(store, NETUID)).toBe(256);
    expect(run(c, owner, sudo(trim(NETUID, 1)))).toMatchObject({ name: "InvalidValue" });

    // Uids 2 and 3 past immunity: 2 immune of 3 is 66 %, so trimming to 3 drops the two lowest mortals.
    for (const uid of [2, 3]) S.BlockAtRegistration.set(store, NETUID, uid, 0n);
    S.Emission.set(store, NETUID, [0n, 0n, 9n, 1n, 5n]);
    expect(run(c, owner, sudo(trim(NETUID, 3)))).toBeUndefined();
    expect([0, 1, 2].map((uid) => S.Keys.get(store, NETUID, uid))).toEqual([
      hotkeyOf(0),
      hotkeyOf(1),
      hotkeyOf(2),
    ]);
    expect(S.Emission.get(store, NETUID)).toEqual([0n, 0n, 9n]);
  });

  it("the owner may trim once per MaxUidsTrimmingRateLimit blocks, root any time; others never", () => {
    const c = subnetOf(4, "mainnet");
    S.MinAllowedUids.set(c.store, NETUID, 1);
    expect(run(c, bob, trim(NETUID, 200))).toEqual({ kind: "BadOrigin" });
    expect(run(c, owner, trim(NETUID, 200))).toBeUndefined();
    expect(S.MaxAllowedUids.get(c.store, NETUID)).toBe(200);
    expect(run(c, owner, trim(NETUID, 100))).toMatchObject({ name: "TxRateLimitExceeded" });
    expect(run(c, owner, sudo(trim(NETUID, 100)))).toBeUndefined();
    expect(S.MaxAllowedUids.get(c.store, NETUID)).toBe(100);
    expect(S.SubnetworkN.get(c.store, NETUID)).toBe(4);
  });
});
