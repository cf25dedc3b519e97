// The runtime presets: PRESETS.md is current, every value is documented, `fast` keeps the devnet's promises,
// `test` is Subtensor's mock as the scenario file records it, `mainnet` matches the specification.
import { readFileSync } from "node:fs";
import { floatToBits } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import { renderPresetsTable } from "../../../scripts/presets-table.js";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  derivePreset,
  getPreset,
  isPresetName,
  PRESET_DOCS,
  PRESET_NAMES,
  PRESETS,
  type Preset,
  type PresetPath,
} from "../src/presets/index.js";

const TAO = 1_000_000_000n;
const root = new URL("../../../", import.meta.url);

type Leaf = bigint | number | string | boolean;

/** Every leaf of a preset as [dotted path, value], in object order. */
function leaves(preset: Preset): [string, Leaf][] {
  return Object.entries(preset).flatMap(([group, value]) =>
    typeof value === "object"
      ? Object.entries(value as Record<string, Leaf>).map(([key, v]): [string, Leaf] => [
          `${group}.${key}`,
          v,
        ])
      : [[group, value as Leaf]],
  );
}

function valueAt(preset: Preset, path: string): Leaf | undefined {
  return new Map(leaves(preset)).get(path);
}

describe("PRESETS.md", () => {
  it("is generated from the presets and up to date (npm run docs:presets)", () => {
    const committed = readFileSync(new URL("PRESETS.md", root), "utf8");
    expect(committed).toBe(renderPresetsTable());
  });

  it("has one row per value", () => {
    const rows = renderPresetsTable()
      .split("\n")
      .filter((line) => line.startsWith("| `"));
    expect(rows).toHaveLength(Object.keys(PRESET_DOCS).length);
  });
});

describe("preset docs", () => {
  const docPaths = Object.keys(PRESET_DOCS);

  it.each(PRESET_NAMES)("document every leaf of %s, and nothing else", (name) => {
    const paths = leaves(PRESETS[name]).map(([path]) => path);
    expect(new Set(paths)).toEqual(new Set(docPaths));
    expect(paths).toHaveLength(docPaths.length);
  });

  it("give every value a unit and a one-line meaning", () => {
    for (const [path, doc] of Object.entries(PRESET_DOCS)) {
      expect(doc.unit, path).not.toBe("");
      expect(doc.meaning.length, path).toBeGreaterThan(10);
      expect(doc.meaning, path).not.toMatch(/\n/);
    }
  });

  it("are the field comments of the Preset interface, word for word", () => {
    const source = readFileSync(new URL("../src/presets/types.ts", import.meta.url), "utf8");
    const missing = Object.entries(PRESET_DOCS)
      .filter(([, doc]) => !source.includes(`/** ${doc.meaning} [${doc.unit}] */`))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });

  it("agree with the value types: rao, bits and u64 fractions are bigint; counts and u16 are numbers", () => {
    for (const [path, doc] of Object.entries(PRESET_DOCS)) {
      const types = new Set(PRESET_NAMES.map((name) => typeof valueAt(PRESETS[name], path)));
      expect(types.size, `${path} has one type in every preset`).toBe(1);
      const type = [...types][0];
      if (/^(rao|ref-time|U64F64|I96F32|u64 fraction|difficulty)/.test(doc.unit))
        expect(type, path).toBe("bigint");
      if (/^(blocks|count|tempos|epochs|ms|bytes|%|u16|i16)/.test(doc.unit))
        expect(type, path).toBe("number");
      if (doc.unit === "bool") expect(type, path).toBe("boolean");
    }
  });
});

describe("fast preset (the devnet)", () => {
  const fast = PRESETS.fast;
  const tempo = fast.subnetDefaults.tempo;

  it("has 250 ms blocks and tempo 10", () => {
    expect(fast.chain.blockTimeMs).toBe(250);
    expect(tempo).toBe(10);
  });

  it("lets a validator set weights every epoch: weights rate limit ≤ tempo", () => {
    expect(fast.subnetDefaults.weightsSetRateLimit).toBeLessThanOrEqual(tempo);
  });

  it("lets a miner re-serve at once: no serving rate limit", () => {
    expect(fast.subnetDefaults.servingRateLimit).toBe(0);
  });

  it("has no network rate limit and a small subnet lock cost", () => {
    expect(fast.network.networkRateLimit).toBe(0);
    expect(fast.network.networkMinLockCost).toBeLessThanOrEqual(10n * TAO);
    expect(fast.network.networkMinLockCost).toBeGreaterThan(0n);
  });

  it("has an admin freeze window shorter than the tempo", () => {
    expect(fast.rateLimits.adminFreezeWindow).toBeLessThan(tempo);
  });

  it("starts new subnets at once: no start_call, emission enabled", () => {
    expect(fast.startCall.required).toBe(false);
    expect(fast.registerNetwork.subnetEmissionEnabled).toBe(true);
  });

  it("accepts loopback axon addresses", () => {
    expect(fast.serving.allowLoopbackAxons).toBe(true);
  });

  it("keeps every rate limit and cooldown within 360 blocks (90 s of fast blocks)", () => {
    const limits: [string, number][] = [
      ...Object.entries(fast.rateLimits).map(([key, value]): [string, number] => [
        `rateLimits.${key}`,
        PRESET_DOCS[`rateLimits.${key}` as PresetPath].unit === "tempos" ? value * tempo : value,
      ]),
      ["staking.txDelegateTakeRateLimit", fast.staking.txDelegateTakeRateLimit],
      ["staking.txChildkeyTakeRateLimit", fast.staking.txChildkeyTakeRateLimit],
      ["staking.setChildrenRateLimit", fast.staking.setChildrenRateLimit],
      ["staking.pendingChildKeyCooldown", fast.staking.pendingChildKeyCooldown],
      ["swaps.coldkeySwapAnnouncementDelay", fast.swaps.coldkeySwapAnnouncementDelay],
      ["swaps.coldkeySwapReannouncementDelay", fast.swaps.coldkeySwapReannouncementDelay],
      ["swaps.hotkeySwapOnSubnetInterval", fast.swaps.hotkeySwapOnSubnetInterval],
    ];
    expect(limits.filter(([, blocks]) => blocks > 360)).toEqual([]);
  });

  it("takes Subtensor's fast-runtime values", () => {
    expect(fast.epoch.maxEpochsPerBlock).toBe(32);
    expect(fast.staking.txChildkeyTakeRateLimit).toBe(5);
    expect(fast.staking.pendingChildKeyCooldown).toBe(15);
    expect(fast.swaps.coldkeySwapAnnouncementDelay).toBe(50);
    expect(fast.swaps.coldkeySwapReannouncementDelay).toBe(10);
    expect(fast.swaps.hotkeySwapOnSubnetInterval).toBe(1);
    expect(fast.rateLimits.evmKeyAssociateRateLimit).toBe(1);
    expect(fast.rootDefaults.ownerIsAlice).toBe(true);
  });
});

describe("test preset (Subtensor's mock runtime)", () => {
  /** Where each value of the scenario file's `meta.mock_runtime_defaults_used_by_tests` lives. */
  const WHERE: Record<string, PresetPath> = {
    TaoWeight: "network.taoWeight",
    SubnetOwnerCut: "network.subnetOwnerCut",
    Kappa: "subnetDefaults.kappa",
    BondsMovingAverage: "subnetDefaults.bondsMovingAverage",
    BondsPenalty: "subnetDefaults.bondsPenalty",
    Tempo: "subnetDefaults.tempo",
    MaxAllowedValidators: "subnetDefaults.maxAllowedValidators",
    ImmunityPeriod: "subnetDefaults.immunityPeriod",
    MinAllowedWeights: "subnetDefaults.minAllowedWeights",
    ActivityCutoffFactorMilli: "subnetDefaults.activityCutoffFactorMilli",
    StakeThreshold: "staking.stakeThreshold",
    NetworkMinLockCost: "network.networkMinLockCost",
    FeeRate: "pool.feeRate",
    MinimumReserve: "pool.minimumReserve",
    DefaultDelegateTake: "staking.defaultDelegateTake",
  };
  const mockDefaults = subtensorScenarios.meta.mock_runtime_defaults_used_by_tests as Record<string, number>;

  it("knows where every value the scenario file lists lives", () => {
    expect(Object.keys(mockDefaults).filter((key) => !(key in WHERE))).toEqual([]);
  });

  it.each(Object.entries(WHERE))("%s equals the scenario file's value", (key, path) => {
    const expected = mockDefaults[key];
    expect(expected, `${key} is in the scenario file`).toBeDefined();
    const actual = valueAt(PRESETS.test, path);
    expect(typeof actual === "bigint" ? actual : BigInt(actual as number)).toBe(BigInt(expected!));
  });

  it("takes the mock's other settings", () => {
    const test = PRESETS.test;
    expect(test.chain.existentialDeposit).toBe(1n);
    expect(test.subnetDefaults.rho).toBe(30);
    expect(test.subnetDefaults.servingRateLimit).toBe(0);
    expect(test.staking.minDelegateTake).toBe(5_898);
    expect(test.network.networkLockReductionInterval).toBe(2);
    expect(test.epoch.maxEpochsPerBlock).toBe(32);
    expect(test.subnetDefaults.maxBurn).toBe(TAO);
  });
});

describe("mainnet preset", () => {
  const main = PRESETS.mainnet;

  it("matches the specification's constants", () => {
    expect(main.chain.existentialDeposit).toBe(500n);
    expect(main.chain.blockTimeMs).toBe(12_000);
    expect(main.chain.ss58Prefix).toBe(42);
    expect(main.chain.blockHashCount).toBe(2_400);
    expect(main.emission.totalSupply).toBe(21_000_000n * TAO);
    expect(main.emission.defaultBlockEmission).toBe(TAO);
    expect(main.fees.weightToFeeDivisor).toBe(2_000n);
    expect(main.fees.lengthFeePerByte).toBe(1n);
  });

  it("matches the specification's subnet and network defaults", () => {
    expect(main.subnetDefaults.tempo).toBe(360);
    expect(main.subnetDefaults.weightsSetRateLimit).toBe(100);
    expect(main.subnetDefaults.servingRateLimit).toBe(50);
    expect(main.subnetDefaults.kappa).toBe(32_767);
    expect(main.subnetDefaults.bondsMovingAverage).toBe(900_000);
    expect(main.subnetDefaults.commitRevealEnabled).toBe(true);
    expect(main.subnetDefaults.minBurn).toBe(500_000n);
    expect(main.subnetDefaults.maxBurn).toBe(100n * TAO);
    expect(main.registerNetwork).toMatchObject({
      immunityPeriod: 5_000,
      maxAllowedValidators: 64,
      burn: TAO,
    });
    expect(main.registerNetwork.subnetEmissionEnabled).toBe(false);
    expect(main.network.networkMinLockCost).toBe(1_000n * TAO);
    expect(main.network.networkLockReductionInterval).toBe(100_800);
    expect(main.network.networkRateLimit).toBe(7_200);
    expect(main.network.subnetLimit).toBe(128);
    expect(main.network.subnetOwnerCut).toBe(11_796);
    expect(main.network.taoWeight).toBe(971_718_665_099_567_868n);
    expect(main.rateLimits.adminFreezeWindow).toBe(10);
    expect(main.startCall.required).toBe(true);
    expect(main.serving.allowLoopbackAxons).toBe(false);
  });

  it("matches the specification's staking defaults (default take 11796 ≈ 18%)", () => {
    expect(main.staking.defaultDelegateTake).toBe(11_796);
    expect(main.staking.maxDelegateTake).toBe(11_796);
    expect(main.staking.maxChildkeyTake).toBe(11_796);
    expect(main.staking.defaultMinStake).toBe(2_000_000n);
    expect(main.staking.txDelegateTakeRateLimit).toBe(216_000);
    expect(main.rateLimits.txRateLimit).toBe(1_000);
  });

  it("holds fixed-point values as from_num(float) bits", () => {
    expect(main.subnetDefaults.burnIncreaseMult).toBe(floatToBits(1.26, 64));
    expect(main.emission.subnetMovingAlpha).toBe(floatToBits(0.000003, 32));
  });
});

describe("presets", () => {
  it("are deep-frozen", () => {
    expect(Object.isFrozen(PRESETS)).toBe(true);
    for (const name of PRESET_NAMES) {
      const preset = PRESETS[name];
      expect(Object.isFrozen(preset)).toBe(true);
      for (const group of Object.values(preset))
        if (typeof group === "object") expect(Object.isFrozen(group)).toBe(true);
      expect(() => {
        (preset.subnetDefaults as { tempo: number }).tempo = 1;
      }).toThrow(TypeError);
      expect(() => {
        (preset as { name: string }).name = "other";
      }).toThrow(TypeError);
    }
    expect(PRESETS.mainnet.subnetDefaults.tempo).toBe(360);
  });

  it("are named by their key", () => {
    for (const name of PRESET_NAMES) expect(PRESETS[name].name).toBe(name);
    expect(Object.keys(PRESETS)).toEqual([...PRESET_NAMES]);
  });

  it("are found by name", () => {
    for (const name of PRESET_NAMES) expect(getPreset(name)).toBe(PRESETS[name]);
    expect(isPresetName("fast")).toBe(true);
    expect(isPresetName("devnet")).toBe(false);
  });

  it("reject an unknown name with the valid names", () => {
    expect(() => getPreset("devnet")).toThrow('Unknown preset "devnet": choose one of mainnet, fast, test.');
  });

  it("cannot be derived with a value that does not exist", () => {
    const typo = { subnetDefaults: { tempoo: 1 } } as unknown as Parameters<typeof derivePreset>[2];
    expect(() => derivePreset(PRESETS.mainnet, "fast", typo)).toThrow("unknown value subnetDefaults.tempoo");
    const badGroup = { nope: {} } as unknown as Parameters<typeof derivePreset>[2];
    expect(() => derivePreset(PRESETS.mainnet, "fast", badGroup)).toThrow("unknown group nope");
  });
});
