import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BalancesStorage,
  type RuntimeCall,
  SubtensorStorage as S,
  SystemStorage,
  subnetAccountId,
} from "../src/index.js";
import { largestRemainder } from "../src/pallets/subtensor/dissolve.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds, owner as sudoKey } from "./subnet-fixtures.js";

const owner = Keypair.fromUri("//Bob");
const ownerHot = Keypair.fromUri("//Bob//owner").ss58Address;
const staker = Keypair.fromUri("//Charlie");
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
  const sudid = out.events.find((e) => e.event.name === "Sudid")?.event.data.sudoResult as
    | { err?: unknown }
    | undefined;
  return {
    error: sudid?.err ?? (o.kind === "Applied" && !o.success ? o.error : undefined),
    events: out.events.map((e) => e.event),
  };
}

describe("largest remainder", () => {
  it("splits exactly, leftovers to the largest remainders", () => {
    expect(largestRemainder(10n, [1n, 1n, 1n])).toEqual([4n, 3n, 3n]);
    expect(largestRemainder(100n, [50n, 25n, 25n])).toEqual([50n, 25n, 25n]);
    expect(largestRemainder(7n, [0n, 0n])).toEqual([0n, 0n]);
  });
});

describe("dissolve_network", () => {
  it("is root's; pays the pool back to stakers and the owner, then removes the subnet", () => {
    const c = chainWithFunds([owner, staker]);
    run(c, owner, call("register_network", { hotkey: ownerHot }));
    run(c, staker, call("add_stake", { hotkey: ownerHot, netuid: 1, amountStaked: 20n * TAO }));
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 1)).toBeGreaterThan(0n);
    expect(run(c, owner, call("dissolve_network", { coldkey: owner.ss58Address, netuid: 1 })).error).toEqual({
      kind: "BadOrigin",
    });
    const before = c.free(staker);
    const sudo = {
      pallet: "Sudo",
      name: "sudo",
      args: { call: call("dissolve_network", { coldkey: owner.ss58Address, netuid: 1 }) },
    };
    const out = run(c, sudoKey, sudo);
    expect(out.error).toBeUndefined();
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NetworkRemoved",
      data: { netuid: 1 },
    });
    const refund = c.free(staker) - before;
    expect(refund).toBeGreaterThan(19n * TAO);
    expect(refund).toBeLessThan(20n * TAO);
    expect(S.NetworksAdded.get(c.store, 1)).toBe(false);
    expect(S.SubnetTAO.get(c.store, 1)).toBe(0n);
    expect(S.Keys.getOptional(c.store, 1, 0)).toBeUndefined();
    expect(stakeOf(c.store, ownerHot, staker.ss58Address, 1)).toBe(0n);
    expect(SystemStorage.Account.get(c.store, subnetAccountId(1)).data.free).toBe(0n);
    const total = [...SystemStorage.Account.entries(c.store)].reduce((s, [, a]) => s + a.data.free, 0n);
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(total);
    // The netuid is free again.
    expect(
      run(c, owner, call("register_network", { hotkey: Keypair.fromUri("//Bob//again").ss58Address })).error,
    ).toBeUndefined();
    expect(S.NetworksAdded.get(c.store, 1)).toBe(true);
  });

  it("refuses root and unknown subnets", () => {
    const c = chainWithFunds([owner]);
    const sudo = (netuid: number) => ({
      pallet: "Sudo",
      name: "sudo",
      args: { call: call("root_dissolve_network", { netuid }) },
    });
    expect(run(c, sudoKey, sudo(0)).error).toMatchObject({ name: "SubnetNotExists" });
    expect(run(c, sudoKey, sudo(4)).error).toMatchObject({ name: "SubnetNotExists" });
  });
});
