// Metagraph against a real devnet: a subnet with two neurons, weights set from u16 converted floats, an
// epoch mined, then lite and full syncs, and a sync at an older block.
import { cryptoReady, Keypair } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ChainClient, convertWeightsAndUidsForEmit, Metagraph } from "../src/index.js";
import { type Devnet, startDevnet } from "./devnet.js";

const TAO = 1_000_000_000n;
let node: Devnet;
let client: ChainClient;
let netuid: number;
let registeredAt: number;
const alice = () => Keypair.fromUri("//Alice");
const owner = () => Keypair.fromUri("//Alice//mg-hot");
const miner = () => Keypair.fromUri("//Bob//mg-hot");

beforeAll(async () => {
  await cryptoReady();
  node = await startDevnet();
  client = await ChainClient.connect(node.url);
  const reg = await client.submit(alice(), {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: owner().ss58Address },
  });
  expect(reg.success).toBe(true);
  registeredAt = reg.blockNumber;
  const subnets = await client.call<{ netuid: number }[]>("subnetInfo_getSubnetsInfo");
  netuid = Math.max(...subnets.map((s) => s.netuid));
  const burned = await client.submit(Keypair.fromUri("//Bob"), {
    pallet: "SubtensorModule",
    name: "burned_register",
    args: { netuid, hotkey: miner().ss58Address },
  });
  expect(burned.success, JSON.stringify(burned.error)).toBe(true);
  // The validator's hotkey signs set_weights and pays its fee.
  await client.call("dev_setBalance", [owner().ss58Address, (10n * TAO).toString()]);
  // Weights are rate-limited from the hotkey's registration block.
  const hyper = await client.call<Record<string, number>>("subnetInfo_getSubnetHyperparams", [netuid]);
  await client.call("dev_mine", [Number(hyper.weightsRateLimit ?? 0) + 1]);
  const w = convertWeightsAndUidsForEmit([0, 1], [0.25, 0.75]);
  const set = await client.submit(owner(), {
    pallet: "SubtensorModule",
    name: "set_weights",
    args: { netuid, dests: w.uids, weights: w.weights, versionKey: 0n },
  });
  expect(set.success, JSON.stringify(set.error)).toBe(true);
  await client.call("dev_mineUntilEpoch", [netuid]);
}, 60_000);

afterAll(async () => {
  await client?.close();
  expect(await node?.stop()).toBe(0);
});

describe("Metagraph", () => {
  it("syncs every column after an epoch (full: weights and bonds)", async () => {
    const mg = await new Metagraph(netuid, client).sync({ lite: false });
    expect(mg.n).toBe(2);
    expect(mg.uids).toEqual([0, 1]);
    expect(mg.hotkeys).toEqual([owner().ss58Address, miner().ss58Address]);
    expect(mg.coldkeys).toEqual([alice().ss58Address, Keypair.fromUri("//Bob").ss58Address]);
    expect(mg.block).toBe((await client.header()).number);
    expect(mg.block_hash).toBe((await client.header()).hash);
    for (const col of [mg.stake, mg.emission]) {
      expect(col).toHaveLength(2);
      for (const v of col) expect(typeof v).toBe("bigint");
    }
    expect(mg.stake[0]).toBeGreaterThan(0n);
    expect(mg.total_stake).toBe(mg.stake);
    // No root stake here, so the consensus stake is the alpha stake.
    expect(mg.tao_stake[0]).toBe(0n);
    expect(mg.alpha_stake[0]).toBe(mg.stake[0]);
    for (const col of [mg.consensus, mg.incentive, mg.dividends, mg.validator_trust]) {
      expect(col).toHaveLength(2);
      for (const v of col) expect(v >= 0 && v <= 1).toBe(true);
    }
    // After the epoch the validator (uid 0, with stake and weights) has a permit and dividends, and the
    // weighted miner has incentive.
    expect(mg.validator_permit[0]).toBe(true);
    expect(mg.dividends[0]).toBeGreaterThan(0);
    expect(mg.incentive[1]).toBeGreaterThan(0);
    expect(mg.emission.reduce((a, b) => a + b, 0n)).toBeGreaterThan(0n);
    expect(mg.active).toEqual([true, true]);
    expect(mg.last_update[0]).toBeGreaterThan(registeredAt);
    expect(mg.block_at_registration[0]).toBe(registeredAt);
    expect(mg.block_at_registration[1]).toBeGreaterThan(registeredAt);
    expect(mg.axons[1]).toMatchObject({
      ip: "0.0.0.0",
      port: 0,
      hotkey: miner().ss58Address,
      is_serving: false,
    });
    // set_weights stored the converted u16 row; the dense matrix has it in row 0.
    expect(mg.weights_u16).toEqual([
      [21845, 65535],
      [0, 0],
    ]);
    expect(mg.weights).toEqual([
      [21845 / 87380, 65535 / 87380],
      [0, 0],
    ]);
    expect(mg.bonds).toHaveLength(2);
    expect(mg.bonds[0]).toHaveLength(2);
    expect(mg.hyperparameters).toHaveProperty("tempo");
    expect(mg.lite).toBe(false);
  });

  it("lite sync skips weights and bonds; sync at a block reads that block", async () => {
    const mg = await new Metagraph(netuid, client).sync();
    expect(mg.lite).toBe(true);
    expect(mg.weights).toEqual([]);
    expect(mg.bonds).toEqual([]);
    expect(mg.n).toBe(2);
    const before = await new Metagraph(netuid, client).sync({ block: registeredAt });
    expect(before.block).toBe(registeredAt);
    expect(before.n).toBe(1);
    expect(before.hotkeys).toEqual([owner().ss58Address]);
    const byHash = await new Metagraph(netuid, client).sync({ block: before.block_hash, lite: false });
    expect(byHash.block).toBe(registeredAt);
    expect(byHash.weights).toEqual([[0]]);
  });

  it("adds root stake weighted by the TAO weight to the consensus stake", async () => {
    const staked = await client.submit(alice(), {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: owner().ss58Address, netuid: 0, amountStaked: 100n * TAO },
    });
    expect(staked.success, JSON.stringify(staked.error)).toBe(true);
    const mg = await new Metagraph(netuid, client).sync();
    const tao = mg.tao_stake[0]!;
    expect(tao).toBeGreaterThan(99n * TAO);
    const weight = BigInt(await client.queryTyped<string>("SubtensorModule", "TaoWeight", []));
    // Subtensor reads the TAO weight as U96F32 (32 fractional bits) before multiplying.
    const expected = mg.alpha_stake[0]! + (tao * (weight >> 32n)) / 2n ** 32n;
    expect(mg.stake[0]! - expected).toBeLessThanOrEqual(1n);
    expect(expected - mg.stake[0]!).toBeLessThanOrEqual(1n);
    expect(mg.tao_stake[1]).toBe(0n);
  });
});
