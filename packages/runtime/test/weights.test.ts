import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import { type RuntimeCall, SubtensorStorage as S, Scope } from "../src/index.js";
import { weightCommitHash } from "../src/pallets/subtensor/weights/commit-hash.js";
import { earliestActiveCommitBlocks } from "../src/pallets/subtensor/weights/commit-reveal.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds, ownerHotkey } from "./subnet-fixtures.js";

const validator = Keypair.fromUri("//Validator");
const miner = Keypair.fromUri("//Miner");
const outsider = Keypair.fromUri("//Outsider");

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});
const setWeights = (netuid: number, dests: number[], weights: number[], versionKey = 0n) =>
  call("set_weights", { netuid, dests, weights, versionKey });

function errorOf(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return o.kind === "Applied" && !o.success ? o.error : undefined;
}

/** Subnet 1 with uids 0 owner hotkey, 1 validator (permit), 2 miner; plain set_weights (no commit-reveal). */
function setup(preset: "fast" | "mainnet" = "fast") {
  const c = chainWithFunds([], preset);
  addSubnet(c, 1, [ownerHotkey.ss58Address, validator.ss58Address, miner.ss58Address]);
  S.ValidatorPermit.set(c.store, 1, [false, true, false]);
  // Stake keeps the validator's permit through the epochs that run while the test advances blocks.
  S.TotalHotkeyAlpha.set(c.store, validator.ss58Address, 1, 1_000_000_000_000n);
  S.MinAllowedWeights.set(c.store, 1, 2);
  S.WeightsSetRateLimit.set(c.store, 1, 5n);
  S.CommitRevealWeightsEnabled.set(c.store, 1, false);
  // New neurons start with LastUpdate = their registration block: wait out the rate limit once.
  for (let i = 0; i < 5; i++) c.block();
  return c;
}

describe("set_weights (Subtensor's weights tests)", () => {
  it("stores the max-upscaled row and LastUpdate", () => {
    const c = setup();
    expect(errorOf(c, validator, setWeights(1, [1, 2], [1, 2]))).toBeUndefined();
    expect(S.Weights.get(c.store, 1, 1)).toEqual([
      [1, 32768],
      [2, 65535],
    ]);
    expect(S.LastUpdate.get(c.store, 1)[1]).toBe(BigInt(c.head));
  });

  it("checks in Subtensor's order", () => {
    const c = setup();
    // Root keeps commit-reveal's default (on), which is checked first.
    expect(errorOf(c, validator, setWeights(0, [0], [1]))).toMatchObject({ name: "CommitRevealEnabled" });
    S.CommitRevealWeightsEnabled.set(c.store, 0, false);
    expect(errorOf(c, validator, setWeights(0, [0], [1]))).toMatchObject({
      name: "CanNotSetRootNetworkWeights",
    });
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1]))).toMatchObject({
      name: "WeightVecNotEqualSize",
    });
    S.CommitRevealWeightsEnabled.set(c.store, 9, false);
    expect(errorOf(c, validator, setWeights(9, [0], [1]))).toMatchObject({ name: "MechanismDoesNotExist" });
    expect(errorOf(c, validator, setWeights(1, [0, 1, 2, 3], [1, 1, 1, 1]))).toMatchObject({
      name: "UidsLengthExceedUidsInSubNet",
    });
    expect(errorOf(c, outsider, setWeights(1, [0, 1], [1, 1]))).toMatchObject({
      name: "HotKeyNotRegisteredInSubNet",
    });
    S.StakeThreshold.set(c.store, 10_000_000_000_000n);
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1, 1]))).toMatchObject({
      name: "NotEnoughStakeToSetWeights",
    });
    expect(errorOf(c, ownerHotkey, setWeights(1, [1, 2], [1, 1]))).toBeUndefined();
    S.StakeThreshold.set(c.store, 0n);
    S.WeightsVersionKey.set(c.store, 1, 7n);
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1, 1], 6n))).toMatchObject({
      name: "IncorrectWeightVersionKey",
    });
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1, 1], 7n))).toBeUndefined();
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1, 1], 7n))).toMatchObject({
      name: "SettingWeightsTooFast",
    });
    expect(errorOf(c, miner, setWeights(1, [0, 1], [1, 1], 7n))).toMatchObject({
      name: "NeuronNoValidatorPermit",
    });
    for (let i = 0; i < 5; i++) c.block();
    expect(errorOf(c, validator, setWeights(1, [1, 1], [1, 1], 7n))).toMatchObject({ name: "DuplicateUids" });
    expect(errorOf(c, validator, setWeights(1, [1, 5], [1, 1], 7n))).toMatchObject({
      name: "UidVecContainInvalidOne",
    });
    expect(errorOf(c, validator, setWeights(1, [1], [1], 7n))).toBeUndefined();
    for (let i = 0; i < 5; i++) c.block();
    expect(errorOf(c, validator, setWeights(1, [2], [1], 7n))).toMatchObject({
      name: "WeightVecLengthIsLow",
    });
  });

  it("lets a miner without a permit set a self-weight, free of charge", () => {
    const c = setup();
    const before = c.free(miner);
    expect(errorOf(c, miner, setWeights(1, [2], [100]))).toBeUndefined();
    expect(S.Weights.get(c.store, 1, 2)).toEqual([[2, 65535]]);
    expect(c.free(miner)).toBe(before);
  });

  it("refuses plain set_weights while commit-reveal is on (the mainnet default)", () => {
    const c = setup();
    S.CommitRevealWeightsEnabled.set(c.store, 1, true);
    expect(errorOf(c, validator, setWeights(1, [0, 1], [1, 1]))).toMatchObject({
      name: "CommitRevealEnabled",
    });
  });
});

describe("commit-reveal (hash commits)", () => {
  it("computes bittensor's commit hash (client-vectors.json)", () => {
    const x = v.weights.commit_hash;
    const hotkey = Keypair.fromUri(x.hotkey_uri).ss58Address;
    expect(
      weightCommitHash({
        hotkey,
        netuidIndex: x.netuid,
        uids: x.uids,
        values: x.values,
        salt: x.salt,
        versionKey: BigInt(x.version_key),
      }),
    ).toBe(x.expected);
  });

  function crSetup() {
    const c = setup();
    S.CommitRevealWeightsEnabled.set(c.store, 1, true);
    S.Tempo.set(c.store, 1, 5);
    return c;
  }
  const reveal = { netuid: 1, uids: [1, 2], values: [10, 20], salt: [1, 2, 3], versionKey: 0n };
  const hashFor = (hotkey: string) => weightCommitHash({ hotkey, netuidIndex: 1, ...reveal });

  it("reveals in exactly the next epoch, not before, and the reveal sets the weights", () => {
    const c = crSetup();
    expect(errorOf(c, validator, call("reveal_weights", reveal))).toMatchObject({
      name: "NoWeightsCommitFound",
    });
    expect(
      errorOf(
        c,
        validator,
        call("commit_weights", { netuid: 1, commitHash: hashFor(validator.ss58Address) }),
      ),
    ).toBeUndefined();
    expect(errorOf(c, validator, call("reveal_weights", reveal))).toMatchObject({ name: "RevealTooEarly" });
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) === epoch) c.block();
    expect(errorOf(c, validator, call("reveal_weights", { ...reveal, salt: [9] }))).toMatchObject({
      name: "InvalidRevealCommitHashNotMatch",
    });
    expect(errorOf(c, validator, call("reveal_weights", reveal))).toBeUndefined();
    expect(S.Weights.get(c.store, 1, 1)).toEqual([
      [1, 32768],
      [2, 65535],
    ]);
    expect(S.WeightCommits.contains(c.store, 1, validator.ss58Address)).toBe(false);
  });

  it("expires commits that were not revealed in their epoch", () => {
    const c = crSetup();
    errorOf(c, validator, call("commit_weights", { netuid: 1, commitHash: hashFor(validator.ss58Address) }));
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
    expect(errorOf(c, validator, call("reveal_weights", reveal))).toMatchObject({
      name: "ExpiredWeightCommit",
    });
  });

  it("rate-limits commits and refuses them when commit-reveal is off", () => {
    const c = crSetup();
    const commit = call("commit_weights", { netuid: 1, commitHash: hashFor(validator.ss58Address) });
    expect(errorOf(c, validator, commit)).toBeUndefined();
    expect(errorOf(c, validator, commit)).toMatchObject({ name: "CommittingWeightsTooFast" });
    S.CommitRevealWeightsEnabled.set(c.store, 1, false);
    expect(errorOf(c, validator, commit)).toMatchObject({ name: "CommitRevealDisabled" });
  });

  it("gives the epoch the earliest live commit block of each committing validator (the CR mask)", () => {
    const c = crSetup();
    errorOf(c, validator, call("commit_weights", { netuid: 1, commitHash: hashFor(validator.ss58Address) }));
    const committedAt = BigInt(c.head);
    const scope = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
    expect(earliestActiveCommitBlocks(scope, 1)).toEqual(new Map([[1, committedAt]]));
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
    const later = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
    expect(earliestActiveCommitBlocks(later, 1).size).toBe(0);
  });

  it("batch_commit_weights reports failed items as events and succeeds", () => {
    const c = crSetup();
    const out = c.block([
      c.sign(
        validator,
        call("batch_commit_weights", {
          netuids: [1, 7],
          commitHashes: [hashFor(validator.ss58Address), hashFor(validator.ss58Address)],
        }),
      ),
    ]);
    expect(out.ok && out.outcomes[0]).toMatchObject({ success: true });
    const names = out.ok ? out.events.map((e) => e.event.name) : [];
    expect(names).toEqual(
      expect.arrayContaining([
        "WeightsCommitted",
        "BatchWeightItemFailed",
        "BatchCompletedWithErrors",
        "BatchWeightsCompleted",
      ]),
    );
    expect(S.WeightCommits.get(c.store, 1, validator.ss58Address)).toHaveLength(1);
  });
});
