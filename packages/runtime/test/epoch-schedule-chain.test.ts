import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");

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

function subnets(n: number) {
  const c = chainWithFunds([bob]);
  for (let i = 1; i <= n; i++)
    run(c, bob, call("register_network", { hotkey: Keypair.fromUri(`//Bob//sn${i}`).ss58Address }));
  return c;
}

/** The blocks at which `netuid`'s epoch index moved, over the next `blocks` blocks. */
function epochBlocks(c: TestChain, netuid: number, blocks: number): number[] {
  const fired: number[] = [];
  for (let i = 0; i < blocks; i++) {
    const before = S.SubnetEpochIndex.get(c.store, netuid);
    c.block();
    if (S.SubnetEpochIndex.get(c.store, netuid) !== before) fired.push(c.head);
  }
  return fired;
}

describe("the stateful epoch scheduler through blocks", () => {
  it("fires each subnet every tempo blocks, staggered by netuid", () => {
    const c = subnets(2);
    const tempo = S.Tempo.get(c.store, 1);
    const one = epochBlocks(c, 1, 3 * tempo);
    expect(one).toHaveLength(3);
    expect(one[1]! - one[0]!).toBe(tempo);
    const registeredAt = Number(S.NetworkRegisteredAt.get(c.store, 2));
    const c2 = subnets(2);
    const two = epochBlocks(c2, 2, 2 * tempo);
    expect((two[0]! - (registeredAt - (2 % tempo))) % tempo).toBe(0);
  });

  it("defers epochs beyond MaxEpochsPerBlock by one block", () => {
    const c = subnets(3);
    for (const netuid of [1, 2, 3]) S.LastEpochBlock.set(c.store, netuid, BigInt(c.head));
    S.MaxEpochsPerBlock.set(c.store, 2);
    const tempo = S.Tempo.get(c.store, 1);
    for (let i = 0; i < tempo - 1; i++) c.block();
    const out = c.block();
    const deferred = out.ok
      ? out.events.filter((e) => e.event.name === "EpochDeferred").map((e) => e.event.data.netuid)
      : [];
    expect(deferred).toEqual([3]);
    expect([1, 2].map((n) => S.LastEpochBlock.get(c.store, n))).toEqual([BigInt(c.head), BigInt(c.head)]);
    c.block();
    expect(S.LastEpochBlock.get(c.store, 3)).toBe(BigInt(c.head));
  });

  it("trigger_epoch fires AdminFreezeWindow blocks later; refused with commit-reveal on or twice", () => {
    const c = subnets(1);
    S.Tempo.set(c.store, 1, 50);
    S.LastEpochBlock.set(c.store, 1, BigInt(c.head));
    const out = run(c, bob, call("trigger_epoch", { netuid: 1 }));
    expect(out.error).toBeUndefined();
    const firesAt = S.PendingEpochAt.get(c.store, 1);
    expect(firesAt).toBe(BigInt(c.head) + BigInt(S.AdminFreezeWindow.get(c.store)));
    expect(run(c, bob, call("trigger_epoch", { netuid: 1 })).error).toMatchObject({
      name: "EpochTriggerAlreadyPending",
    });
    while (BigInt(c.head) < firesAt) c.block();
    expect(S.LastEpochBlock.get(c.store, 1)).toBe(firesAt);
    expect(S.PendingEpochAt.get(c.store, 1)).toBe(0n);
    S.CommitRevealWeightsEnabled.set(c.store, 1, true);
    expect(run(c, bob, call("trigger_epoch", { netuid: 1 })).error).toMatchObject({
      name: "DynamicTempoBlockedByCommitReveal",
    });
  });

  it("set_tempo is the owner's, within [360, 50400]", () => {
    const c = subnets(1);
    expect(run(c, bob, call("set_tempo", { netuid: 1, tempo: 100 })).error).toMatchObject({
      name: "TempoOutOfBounds",
    });
    expect(run(c, Keypair.fromUri("//Alice"), call("set_tempo", { netuid: 1, tempo: 400 })).error).toEqual({
      kind: "BadOrigin",
    });
    expect(run(c, bob, call("set_tempo", { netuid: 1, tempo: 400 })).error).toBeUndefined();
    expect(S.Tempo.get(c.store, 1)).toBe(400);
  });
});
