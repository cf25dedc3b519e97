// Stake inherited through child keys (economics §8.2): scenario S13 exactly, the storage-level functions
// and the stake interface set_weights and the epoch read.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import { SubtensorStorage as S } from "../src/index.js";
import {
  inheritedAlpha,
  inheritedStake,
  inheritedTao,
  normalizedProportion,
  stakeWeightsForHotkey,
  stakeWeightsForNetwork,
} from "../src/pallets/subtensor/staking/inherited-stake.js";
import { meetsStakeThreshold, stakeWeightForWeights } from "../src/pallets/subtensor/weights/stake.js";
import { TestChain } from "./chain.js";
import { ok, run, sub } from "./signed.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const U64_MAX = 2n ** 64n - 1n;
const TAO = RAO_PER_TAO;

beforeAll(TestChain.ready);

/** "u64::MAX/4" → u64::MAX / 4 (integer division, as in the Rust tests). */
function proportion(text: string): bigint {
  const m = /^u64::MAX\/(\d+)$/.exec(text);
  if (!m) throw new Error(`unexpected proportion ${text}`);
  return U64_MAX / BigInt(m[1]!);
}

// biome-ignore lint/suspicious/noExplicitAny: the scenario file is free-form JSON
const S13: any = subtensorScenarios.scenarios.find(
  (s: { id: string }) => s.id === "S13_childkey_stake_inheritance",
);

const within = (actual: bigint, expected: number | bigint, tolerance: number) =>
  expect(
    Number(actual > BigInt(expected) ? actual - BigInt(expected) : BigInt(expected) - actual),
  ).toBeLessThanOrEqual(tolerance);

describe("S13 child-key stake inheritance", () => {
  it("the scenario is present with three cases", () => {
    expect(S13.cases).toHaveLength(3);
  });

  it("q/u64::MAX in U96F32 keeps 32 truncated fraction bits", () => {
    expect(normalizedProportion(U64_MAX / 4n).bits).toBe(1_073_741_823n);
    expect(normalizedProportion(U64_MAX).bits).toBe(1n << 32n);
  });

  it("case 1: one parent, three children of u64::MAX/4 each (tolerance 0)", () => {
    const c = S13.cases[0];
    const own = BigInt(c.parent_alpha);
    const qs = c.children.map((x: { proportion_u64: string }) => proportion(x.proportion_u64));
    const parent = inheritedStake(own, qs, []);
    const children = qs.map((q: bigint) => inheritedStake(0n, [], [{ proportion: q, stake: own }]));
    expect(c.tolerance).toBe(0);
    expect(parent).toBe(BigInt(c.expected.parent));
    for (const child of children) expect(child).toBe(BigInt(c.expected.each_child));
    expect(parent + children.reduce((a: bigint, b: bigint) => a + b, 0n)).toBe(BigInt(c.expected.sum));
  });

  it("case 2: two parents give one child half each", () => {
    const c = S13.cases[1];
    const q = proportion(c.both_give_child_proportion);
    const [a1, a2] = [BigInt(c.parent1_alpha), BigInt(c.parent2_alpha)];
    within(inheritedStake(a1, [q], []), c.expected.parent1, c.tolerance);
    within(inheritedStake(a2, [q], []), c.expected.parent2, c.tolerance);
    const child = inheritedStake(
      0n,
      [],
      [
        { proportion: q, stake: a1 },
        { proportion: q, stake: a2 },
      ],
    );
    within(child, c.expected.child, c.tolerance);
    // Floors, exactly: U96F32 truncation loses a rao on each side.
    expect([inheritedStake(a1, [q], []), inheritedStake(a2, [q], []), child]).toEqual([500n, 1000n, 1499n]);
  });

  it("case 3: one parent, two children of u64::MAX/3", () => {
    const c = S13.cases[2];
    const own = BigInt(c.parent_alpha);
    const qs = c.children.map((x: { proportion_u64: string }) => proportion(x.proportion_u64));
    const parent = inheritedStake(own, qs, []);
    const kids = qs.map((q: bigint) => inheritedStake(0n, [], [{ proportion: q, stake: own }]));
    within(parent, c.expected.parent, c.tolerance);
    within(kids[0], c.expected.child1, c.tolerance);
    within(kids[1], c.expected.child2, c.tolerance);
    within(parent + kids[0] + kids[1], c.expected.sum, c.tolerance);
    expect([parent, ...kids]).toEqual([1000n, 999n, 999n]);
  });
});

describe("inherited stake from storage", () => {
  const bob = Keypair.fromUri("//Bob");
  const ownerHot = Keypair.fromUri("//Bob//owner").ss58Address;
  const parent = Keypair.fromUri("//Bob//parent").ss58Address;
  const child = Keypair.fromUri("//Bob//child").ss58Address;

  function setup() {
    const c = chainWithFunds([bob]);
    ok(c, bob, sub("register_network", { hotkey: ownerHot }));
    ok(c, bob, sub("try_associate_hotkey", { hotkey: parent }));
    S.SubtokenEnabled.set(c.store, 1, false); // children apply at once
    return c;
  }

  it("case 1 of S13 through set_children and TotalHotkeyAlpha", () => {
    const c = setup();
    const kids = [1, 2, 3].map((i) => Keypair.fromUri(`//Kid${i}`).ss58Address);
    ok(
      c,
      bob,
      sub("set_children", { hotkey: parent, netuid: 1, children: kids.map((k) => [U64_MAX / 4n, k]) }),
    );
    S.TotalHotkeyAlpha.set(c.store, parent, 1, 100_000_000_000_000n);
    expect(inheritedAlpha(c.store, parent, 1)).toBe(25_000_000_069_849n);
    for (const k of kids) expect(inheritedAlpha(c.store, k, 1)).toBe(24_999_999_976_716n);
  });

  it("root stake is inherited through the subnet's links; root itself inherits nothing", () => {
    const c = setup();
    ok(c, bob, sub("set_children", { hotkey: parent, netuid: 1, children: [[U64_MAX, child]] }));
    S.TotalHotkeyAlpha.set(c.store, parent, 0, 1_000n * TAO);
    S.TotalHotkeyAlpha.set(c.store, parent, 1, 400n * TAO);
    expect(inheritedTao(c.store, child, 1)).toBe(1_000n * TAO);
    expect(inheritedTao(c.store, parent, 1)).toBe(0n);
    expect(inheritedAlpha(c.store, child, 1)).toBe(400n * TAO);
    expect(inheritedAlpha(c.store, parent, 0)).toBe(1_000n * TAO);
    expect(inheritedAlpha(c.store, child, 0)).toBe(0n);
  });

  it("consensus stake = alpha + tao_weight × tao (I64F64), read by set_weights' min-stake check", () => {
    const c = setup();
    ok(c, bob, sub("set_children", { hotkey: parent, netuid: 1, children: [[U64_MAX, child]] }));
    S.TotalHotkeyAlpha.set(c.store, parent, 0, 1_000n * TAO);
    S.TotalHotkeyAlpha.set(c.store, parent, 1, 400n * TAO);
    const w = stakeWeightsForHotkey(c.store, child, 1);
    // tao_weight is TaoWeight/u64::MAX truncated to 32 fraction bits (U96F32), then widened to I64F64.
    const weightBits = (S.TaoWeight.get(c.store) << 32n) / U64_MAX;
    const expected = 400n * TAO + (1_000n * TAO * weightBits) / 2n ** 32n;
    expect(w.total.saturatingToNum("u64")).toBe(expected);
    expect(stakeWeightForWeights(c.store, 1, child)).toBe(w.total.saturatingToNum("u64"));
    S.StakeThreshold.set(c.store, 400n * TAO);
    expect(meetsStakeThreshold(c.store, 1, child)).toBe(true);
    expect(meetsStakeThreshold(c.store, 1, parent)).toBe(false);
    // The per-uid vector of the epoch: the owner hotkey is uid 0 with nothing.
    const all = stakeWeightsForNetwork(c.store, 1);
    expect(all).toHaveLength(S.SubnetworkN.get(c.store, 1));
    expect(all[0]!.total.isZero()).toBe(true);
  });

  it("a child with only inherited stake may set weights (test_childkey_set_weights_single_parent)", () => {
    const c = setup();
    const childKey = Keypair.fromUri("//Bob//child");
    ok(c, bob, sub("burned_register", { netuid: 1, hotkey: child }));
    ok(c, bob, sub("set_children", { hotkey: parent, netuid: 1, children: [[U64_MAX, child]] }));
    S.StakeThreshold.set(c.store, 1_000n * TAO);
    S.CommitRevealWeightsEnabled.set(c.store, 1, false);
    S.WeightsSetRateLimit.set(c.store, 1, 0n);
    S.ValidatorPermit.set(c.store, 1, [true, true]);
    const weights = sub("set_weights", { netuid: 1, dests: [0], weights: [65_535], versionKey: 0n });
    expect(run(c, childKey, weights).error).toMatchObject({ name: "NotEnoughStakeToSetWeights" });
    S.TotalHotkeyAlpha.set(c.store, parent, 1, 1_000n * TAO);
    expect(run(c, childKey, weights).error).toBeUndefined();
  });
});
