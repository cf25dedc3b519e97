import { readFileSync } from "node:fs";
import { I96F32, Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  applyGenesis,
  BalancesStorage,
  CoinbaseStorage as C,
  derivePreset,
  getPreset,
  MemoryStore,
  Runtime,
  type RuntimeCall,
  SubtensorStorage as S,
  Scope,
  SystemStorage,
} from "../src/index.js";
import { blockEmissionForIssuance } from "../src/pallets/subtensor/coinbase/block-emission.js";
import { runCoinbase } from "../src/pallets/subtensor/coinbase/run-coinbase.js";
import { increaseStake, stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { appendNeuron } from "../src/pallets/subtensor/uids.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const scenario = (id: string) => subtensorScenarios.scenarios.find((s: { id: string }) => s.id === id);
const TAO = RAO_PER_TAO;

beforeAll(TestChain.ready);

describe("S01 block emission from issuance", () => {
  // JSON numbers above 2^53 lose digits (10499999999999999 reads as 1.05e16), so take them as text.
  const text = readFileSync(
    new URL("../../../test/vectors/subtensor-test-scenarios.json", import.meta.url),
    "utf8",
  );
  const s01 = text.slice(text.indexOf('"S01_block_emission_halving"'), text.indexOf('"S02_'));
  const cases = [...s01.matchAll(/"issuance_rao": (\d+),\s*"expected_emission_rao": (\d+)/g)].map((m) => ({
    issuance: BigInt(m[1]!),
    emission: BigInt(m[2]!),
  }));

  it("the function gives every case exactly", () => {
    expect(cases).toHaveLength(8);
    for (const c of cases) expect(blockEmissionForIssuance(c.issuance)).toBe(c.emission);
  });

  it("a block reads it from SubtensorModule.TotalIssuance", () => {
    for (const c of cases.slice(2, 5)) {
      const chain = chainWithFunds([]);
      C.TotalIssuance.set(chain.store, c.issuance);
      chain.block();
      expect(S.BlockEmission.get(chain.store)).toBe(c.emission);
    }
  });
});

/** A genesis store with raw subnet state, for the coinbase scenarios. */
function coinbaseState(
  subnets: {
    netuid: number;
    mechanism: number;
    SubnetTAO: number;
    SubnetAlphaIn: number;
    ema_price?: number;
  }[],
) {
  const store = new MemoryStore();
  const preset = getPreset("test");
  const author = Keypair.fromUri("//One").ss58Address;
  applyGenesis(store, preset, { balances: [{ address: author, free: TAO }], authorities: [author] });
  S.SubnetTAO.set(store, 0, 1_000_000_000_000_000_000n);
  S.TaoWeight.set(store, 2n ** 64n - 1n);
  S.SubnetOwnerCut.set(store, 0);
  for (const s of subnets) {
    S.NetworksAdded.set(store, s.netuid, true);
    S.SubnetMechanism.set(store, s.netuid, s.mechanism);
    S.SubnetTAO.set(store, s.netuid, BigInt(s.SubnetTAO));
    S.SubnetAlphaIn.set(store, s.netuid, BigInt(s.SubnetAlphaIn));
    S.FirstEmissionBlockNumber.set(store, s.netuid, 1n);
    S.SubtokenEnabled.set(store, s.netuid, true);
    S.NetworkRegistrationAllowed.set(store, s.netuid, true);
    S.SubnetEmissionEnabled.set(store, s.netuid, true);
    // EMA prices as I96F32 bits
    if (s.ema_price !== undefined)
      S.SubnetMovingPrice.set(store, s.netuid, BigInt(Math.round(s.ema_price * 2 ** 32)));
  }
  return new Scope(store, {
    preset,
    block: { number: 2, parentHash: `0x${"00".repeat(32)}`, timestamp: 0n },
  });
}

describe("S09 coinbase: TAO shares by EMA price, alpha injected at the spot price", () => {
  const s09 = scenario("S09_coinbase_tao_shares_and_injection");

  it("different prices split the TAO 1:2", () => {
    const c = s09.cases[0];
    const scope = coinbaseState(c.subnets);
    runCoinbase(scope, BigInt(c.block_emission_rao));
    for (const [netuid, expected] of Object.entries(c.expected.SubnetTAO_after as Record<string, number>)) {
      const got = S.SubnetTAO.get(scope.store, Number(netuid));
      expect(Number(got - BigInt(expected))).toBeLessThanOrEqual(c.expected.tolerance_rao);
      expect(Number(BigInt(expected) - got)).toBeLessThanOrEqual(c.expected.tolerance_rao);
    }
  });

  it("stable subnets get alpha 1:1, different prices the same alpha for different TAO", () => {
    for (const c of s09.cases.slice(1)) {
      const scope = coinbaseState(c.subnets);
      runCoinbase(scope, BigInt(c.block_emission_rao));
      for (const [netuid, expected] of Object.entries(
        c.expected.SubnetAlphaIn_after as Record<string, number>,
      )) {
        expect(S.SubnetAlphaIn.get(scope.store, Number(netuid))).toBe(BigInt(expected));
      }
    }
  });
});

describe("S10 pending split", () => {
  it("a 100 % owner cut takes all alpha out; a 0 % cut takes none", () => {
    for (const [cut, expected] of [
      [65_535, 1_000_000_000n],
      [0, 0n],
    ] as const) {
      const scope = coinbaseState([
        { netuid: 1, mechanism: 1, SubnetTAO: 1_000_000, SubnetAlphaIn: 1_000_000, ema_price: 0 },
      ]);
      S.SubnetOwnerCut.set(scope.store, cut);
      runCoinbase(scope, 0n);
      expect(C.PendingOwnerCut.get(scope.store, 1)).toBe(expected);
      expect(C.SubnetAlphaOutEmission.get(scope.store, 1)).toBe(1_000_000_000n);
    }
  });
});

describe("a subnet doing work, through blocks", () => {
  const owner = Keypair.fromUri("//Bob");
  const ownerHot = Keypair.fromUri("//Bob//owner");
  const validator = Keypair.fromUri("//Charlie//validator");
  const miner = Keypair.fromUri("//Dave//miner");
  const vCold = Keypair.fromUri("//Charlie");
  const mCold = Keypair.fromUri("//Dave");
  const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
    pallet: "SubtensorModule",
    name,
    args,
  });

  it("pays the miner incentive, the validator dividends and the owner cut, conserving TAO and alpha", () => {
    const c = chainWithFunds([owner, vCold, mCold]);
    const ok = (who: Keypair, x: RuntimeCall) => {
      const out = c.block([c.sign(who, x)]);
      const o = out.ok ? out.outcomes[0] : undefined;
      if (o?.kind !== "Applied" || !o.success) throw new Error(`${x.name} failed: ${JSON.stringify(o)}`);
    };
    ok(owner, call("register_network", { hotkey: ownerHot.ss58Address }));
    ok(vCold, call("burned_register", { netuid: 1, hotkey: validator.ss58Address }));
    ok(mCold, call("burned_register", { netuid: 1, hotkey: miner.ss58Address }));
    ok(vCold, call("add_stake", { hotkey: validator.ss58Address, netuid: 1, amountStaked: 100n * TAO }));
    // One epoch gives the staked validator its permit; then it weights the miner.
    const tempo = S.Tempo.get(c.store, 1);
    for (let i = 0; i < tempo; i++) c.block();
    for (let i = 0; i < 5; i++) c.block();
    ok(validator, call("set_weights", { netuid: 1, dests: [2], weights: [65_535], versionKey: 0n }));
    const minerBefore = stakeOf(c.store, miner.ss58Address, mCold.ss58Address, 1);
    const validatorBefore = S.TotalHotkeyAlpha.get(c.store, validator.ss58Address, 1);
    const ownerBefore = stakeOf(c.store, ownerHot.ss58Address, owner.ss58Address, 1);
    for (let i = 0; i < tempo; i++) c.block();
    expect(stakeOf(c.store, miner.ss58Address, mCold.ss58Address, 1)).toBeGreaterThan(minerBefore);
    expect(S.TotalHotkeyAlpha.get(c.store, validator.ss58Address, 1)).toBeGreaterThan(validatorBefore);
    expect(stakeOf(c.store, ownerHot.ss58Address, owner.ss58Address, 1)).toBeGreaterThan(ownerBefore);
    expect(S.Incentive.get(c.store, 1)[2]).toBe(65_535);

    const balances = [...SystemStorage.Account.entries(c.store)].reduce((s, [, a]) => s + a.data.free, 0n);
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(balances);
    // Alpha: everything minted out is held by a stake, waits in an accumulator, or was burned.
    const staked = [ownerHot, validator, miner].reduce(
      (s, k) => s + S.TotalHotkeyAlpha.get(c.store, k.ss58Address, 1),
      0n,
    );
    const pending =
      C.PendingServerEmission.get(c.store, 1) +
      C.PendingValidatorEmission.get(c.store, 1) +
      C.PendingRootAlphaDivs.get(c.store, 1) +
      C.PendingOwnerCut.get(c.store, 1);
    const out = S.SubnetAlphaOut.get(c.store, 1);
    expect(staked + pending + C.SubnetProtocolAlpha.get(c.store, 1)).toBeLessThanOrEqual(out);
  });
});

describe("S14 dividends through parents and children, through blocks", () => {
  const s14 = scenario("S14_dividend_distribution_childkey_take_and_root_split");
  const child = Keypair.fromUri("//Child").ss58Address;
  const parent = Keypair.fromUri("//Parent").ss58Address;
  const U64_MAX = 2n ** 64n - 1n;

  /** Subnet 1 with `child` as its only neuron and an epoch due in the next block. */
  function oneNeuron() {
    const chain = chainWithFunds([]);
    const scope = new Scope(chain.store, { preset: chain.runtime.preset, block: chain.nextBlock() });
    S.NetworksAdded.set(chain.store, 1, true);
    S.Tempo.set(chain.store, 1, 100);
    S.SubnetMechanism.set(chain.store, 1, 1);
    S.TaoWeight.set(chain.store, 0n);
    S.Owner.set(chain.store, child, Keypair.fromUri("//Bob").ss58Address);
    appendNeuron(scope, 1, child);
    S.PendingEpochAt.set(chain.store, 1, BigInt(chain.head + 1));
    return chain;
  }

  it("a 10 % childkey take keeps a tenth of the parent's dividend with the child", () => {
    const c = s14.cases[0];
    const chain = oneNeuron();
    S.TotalHotkeyAlpha.set(chain.store, parent, 1, 1_000_000_000n);
    S.ChildKeys.set(chain.store, parent, 1, [[U64_MAX, child]]);
    S.ParentKeys.set(chain.store, child, 1, [[U64_MAX, parent]]);
    S.ChildkeyTake.set(chain.store, child, 1, c.setup.childkey_take_u16);
    C.PendingServerEmission.set(chain.store, 1, BigInt(c.setup.pending_server));
    C.PendingValidatorEmission.set(chain.store, 1, BigInt(c.setup.pending_validator));
    chain.block();
    const near = (got: bigint, want: number) =>
      expect(Number(got > BigInt(want) ? got - BigInt(want) : BigInt(want) - got)).toBeLessThanOrEqual(
        c.tolerance_rao,
      );
    near(S.TotalHotkeyAlpha.get(chain.store, parent, 1), c.expected.parent_hotkey_total_alpha_after);
    near(S.TotalHotkeyAlpha.get(chain.store, child, 1), c.expected.child_hotkey_total_alpha_after);
  });

  it("with no miners the only validator gets everything", () => {
    const c = s14.cases[1];
    const chain = oneNeuron();
    increaseStake(chain.store, child, Keypair.fromUri("//Bob").ss58Address, 1, 1n);
    C.PendingServerEmission.set(chain.store, 1, BigInt(c.setup.pending_server));
    C.PendingValidatorEmission.set(chain.store, 1, BigInt(c.setup.pending_validator));
    chain.block();
    const got = S.TotalHotkeyAlpha.get(chain.store, child, 1);
    expect(Number(got) - c.expected.hotkey_total_stake_after).toBeLessThanOrEqual(c.tolerance_rao);
    expect(c.expected.hotkey_total_stake_after - Number(got)).toBeLessThanOrEqual(c.tolerance_rao);
  });
});

describe("S11 EMA price, through blocks", () => {
  const s11 = scenario("S11_ema_price");

  /** One subnet at spot price 1.0, run through `updates` blocks ending at `block`. */
  function run(c: {
    ema_before: number;
    SubnetMovingAlpha: number;
    block: number;
    first_emission_block: number;
    updates: number;
  }) {
    const preset = derivePreset(getPreset("test"), "test", {
      emission: { subnetMovingAlpha: I96F32.fromFloat(c.SubnetMovingAlpha).bits },
    });
    const runtime = new Runtime(preset);
    const store = new MemoryStore();
    const author = Keypair.fromUri("//One").ss58Address;
    applyGenesis(store, preset, { balances: [{ address: author, free: TAO }], authorities: [author] });
    S.NetworksAdded.set(store, 1, true);
    S.SubnetMechanism.set(store, 1, 1);
    S.Tempo.set(store, 1, 0);
    S.SubnetTAO.set(store, 1, 1_000_000_000n);
    S.SubnetAlphaIn.set(store, 1, 1_000_000_000n);
    S.FirstEmissionBlockNumber.set(store, 1, BigInt(c.first_emission_block));
    S.SubtokenEnabled.set(store, 1, true);
    S.NetworkRegistrationAllowed.set(store, 1, true);
    S.SubnetMovingPrice.set(store, 1, I96F32.fromFloat(c.ema_before).bits);
    for (let i = c.updates - 1; i >= 0; i--) {
      const out = runtime.executeBlock(
        store,
        { number: c.block - i, parentHash: `0x${"11".repeat(32)}`, timestamp: 0n },
        [],
      );
      expect(out.ok).toBe(true);
    }
    return I96F32.fromBits(S.SubnetMovingPrice.get(store, 1)).toNumber();
  }

  it("every case within its stated bound", () => {
    for (const c of s11.cases) {
      // Only the last block of a multi-update case keeps the scenario's block; the alpha grows with b.
      const ema = run(c);
      if ("expected_ema" in c) expect(Math.abs(ema - c.expected_ema)).toBeLessThanOrEqual(c.tolerance + 1e-3);
      if ("expected_ema_min" in c) expect(ema).toBeGreaterThanOrEqual(c.expected_ema_min);
      if ("expected_ema_max" in c) expect(ema).toBeLessThanOrEqual(c.expected_ema_max);
    }
  });
});
