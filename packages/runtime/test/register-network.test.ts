import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S, SystemStorage, subnetAccountId } from "../src/index.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const alice = Keypair.fromUri("//Alice");
const bob = Keypair.fromUri("//Bob");
const poor = Keypair.fromUri("//Poor");

beforeAll(TestChain.ready);

const register = (hotkey: string): RuntimeCall => ({
  pallet: "SubtensorModule",
  name: "register_network",
  args: { hotkey },
});

function run(c: TestChain, who: Keypair, call: RuntimeCall) {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return {
    error: o.kind === "Applied" && !o.success ? o.error : undefined,
    events: out.events.map((e) => e.event),
  };
}

describe("register_network", () => {
  it("locks the cost in the new subnet's pool and makes the owner hotkey uid 0", () => {
    const c = chainWithFunds([bob]);
    const hot = Keypair.fromUri("//Bob//sn").ss58Address;
    const before = c.free(bob);
    const out = run(c, bob, register(hot));
    expect(out.error).toBeUndefined();
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NetworkAdded",
      data: { netuid: 1, mechanism: 1 },
    });
    const lock = c.runtime.preset.network.networkMinLockCost;
    expect(SystemStorage.Account.get(c.store, subnetAccountId(1)).data.free).toBe(lock);
    expect(before - c.free(bob)).toBeGreaterThan(lock);
    expect(S.SubnetTAO.get(c.store, 1)).toBe(lock);
    expect(S.SubnetAlphaIn.get(c.store, 1)).toBe(lock); // the first subnet prices alpha at 1.0
    expect(S.SubnetOwner.get(c.store, 1)).toBe(bob.ss58Address);
    expect(S.Keys.get(c.store, 1, 0)).toBe(hot);
    expect(S.Owner.get(c.store, hot)).toBe(bob.ss58Address);
    expect(new TextDecoder().decode(S.TokenSymbol.get(c.store, 1))).toBe("α");
    expect(S.Tempo.get(c.store, 1)).toBe(10);
    expect(S.Yuma3On.get(c.store, 1)).toBe(true);
    // The devnet's subnets need no start_call.
    expect(S.SubtokenEnabled.get(c.store, 1)).toBe(true);
  });

  it("doubles the lock cost for the next registration, decaying back over the interval", () => {
    const c = chainWithFunds([bob]);
    run(c, bob, register(Keypair.fromUri("//Bob//a").ss58Address));
    const min = c.runtime.preset.network.networkMinLockCost;
    const before = c.free(bob);
    run(c, bob, register(Keypair.fromUri("//Bob//b").ss58Address));
    const paid = before - c.free(bob);
    const fee = paid - S.SubnetLocked.get(c.store, 2);
    expect(S.SubnetLocked.get(c.store, 2)).toBe(2n * min - min / 1000n);
    expect(fee).toBeGreaterThan(0n);
    expect(fee).toBeLessThan(RAO_PER_TAO / 100n);
  });

  it("refuses someone else's hotkey, an unaffordable lock, and registrations inside the rate limit", () => {
    const c = chainWithFunds([bob, poor], "mainnet");
    const alicesHot = Keypair.fromUri("//Alice//hot").ss58Address;
    run(c, alice, { pallet: "SubtensorModule", name: "try_associate_hotkey", args: { hotkey: alicesHot } });
    expect(run(c, bob, register(alicesHot)).error).toMatchObject({ name: "NonAssociatedColdKey" });
    expect(run(c, bob, register(subnetAccountId(5))).error).toMatchObject({ name: "CannotUseSystemAccount" });
    expect(run(c, bob, register(Keypair.fromUri("//Bob//a").ss58Address)).error).toBeUndefined();
    expect(run(c, alice, register(Keypair.fromUri("//Alice//b").ss58Address)).error).toMatchObject({
      name: "NetworkTxRateLimitExceeded",
    });
  });

  it("refuses a coldkey that cannot afford the lock", () => {
    const c = new TestChain({
      balances: [
        { address: poor.ss58Address, free: RAO_PER_TAO },
        { address: Keypair.fromUri("//One").ss58Address, free: RAO_PER_TAO },
      ],
      authorities: [Keypair.fromUri("//One").ss58Address],
    });
    expect(run(c, poor, register(Keypair.fromUri("//Poor//h").ss58Address)).error).toMatchObject({
      name: "CannotAffordLockCost",
    });
    expect(S.NetworksAdded.get(c.store, 1)).toBe(false);
  });
});

describe("the subnet limit", () => {
  it("prunes the non-immune subnet with the lowest EMA price to make room, else refuses", () => {
    const c = chainWithFunds([bob]);
    for (let i = 1; i <= 3; i++) run(c, bob, register(Keypair.fromUri(`//Bob//n${i}`).ss58Address));
    S.SubnetLimit.set(c.store, 3);
    S.NetworkImmunityPeriod.set(c.store, 1_000_000n);
    expect(run(c, bob, register(Keypair.fromUri("//Bob//n4").ss58Address)).error).toMatchObject({
      name: "SubnetLimitReached",
    });
    S.NetworkImmunityPeriod.set(c.store, 0n);
    S.SubnetMovingPrice.set(c.store, 1, 300n);
    S.SubnetMovingPrice.set(c.store, 2, 100n);
    S.SubnetMovingPrice.set(c.store, 3, 200n);
    const out = run(c, bob, register(Keypair.fromUri("//Bob//n4").ss58Address));
    expect(out.error).toBeUndefined();
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NetworkRemoved",
      data: { netuid: 2 },
    });
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NetworkAdded",
      data: { netuid: 2, mechanism: 1 },
    });
    expect(S.SubnetOwnerHotkey.get(c.store, 2)).toBe(Keypair.fromUri("//Bob//n4").ss58Address);
  });
});
