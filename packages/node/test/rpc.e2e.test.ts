// End to end against a real `tao node --dev --instant` process over WebSocket and HTTP: transfer and stake,
// subscriptions, decoded errors, replays and foreign-genesis signatures refused, params validated.
import { blake2b256, cryptoReady, hexToBytes, Keypair } from "@opentao/primitives";
import { PRESETS, type PresetName, type RuntimeCall, runScenario, signExtrinsic } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RpcCallError, RpcClient, type RunningNode, spawnNode } from "./rpc-client.js";

const TAO = 1_000_000_000n;
let node: RunningNode;
let rpc: RpcClient;
let genesis: string;
let alice: Keypair;
let bob: Keypair;
let dave: Keypair;

// biome-ignore lint/suspicious/noExplicitAny: result documents are JSON
const toPlain = (v: unknown): any =>
  JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x)));
const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;

async function sign(who: Keypair, call: RuntimeCall, options: { nonce?: number; genesisHash?: string } = {}) {
  const nonce = options.nonce ?? (await rpc.call("system_accountNextIndex", [who.ss58Address]));
  const g = options.genesisHash ?? genesis;
  return hex(signExtrinsic(who, call, { nonce, genesisHash: g, birthHash: g }));
}

/** Submits and watches until finalized (or a final status); returns every update. */
async function submitAndWatch(tx: string) {
  const sub = await rpc.subscribe("author_submitAndWatchExtrinsic", [tx]);
  const updates = [];
  for (;;) {
    const u = await sub.next();
    updates.push(u);
    if (typeof u === "object" && !("inBlock" in u)) return updates;
  }
}

const free = async (address: string) =>
  BigInt((await rpc.call("state_queryStorageTyped", ["System", "Account", [address]])).data.free);

beforeAll(async () => {
  await cryptoReady();
  alice = Keypair.fromUri("//Alice");
  bob = Keypair.fromUri("//Bob");
  dave = Keypair.fromUri("//Dave");
  node = await spawnNode(["--dev", "--rpc-port", "0", "--instant"]);
  rpc = await RpcClient.connect(node.ready.rpc);
  genesis = node.ready.genesisHash;
}, 30_000);

afterAll(async () => {
  rpc?.close();
  expect(await node?.stop()).toBe(0);
});

describe("tao node --dev over RPC", () => {
  it("prints a ready line and answers the system and chain methods", async () => {
    expect(node.ready).toMatchObject({ event: "ready", dev: true, mode: "instant", best: 0 });
    expect(node.ready.rpc).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(node.stderr()).toMatch(/WARNING: these keys are public/);
    expect(await rpc.call("system_chain")).toBe("OpenTAO Development");
    expect(await rpc.call("system_properties")).toEqual({
      ss58Format: 42,
      tokenDecimals: 9,
      tokenSymbol: "TAO",
    });
    const constants = await rpc.call("state_getConstants");
    const preset = PRESETS[constants.name as PresetName];
    expect(constants.chain.existentialDeposit).toBe(preset.chain.existentialDeposit.toString());
    expect(constants.pool.minimumReserve).toBe(preset.pool.minimumReserve.toString());
    expect(await rpc.call("chain_getBlockHash", [0])).toBe(genesis);
    const header = await rpc.call("chain_getHeader", [genesis]);
    expect(header).toMatchObject({ number: "0x0", hash: genesis, digest: { logs: [] } });
    const methods = await rpc.call("rpc_methods");
    for (const m of [
      "author_submitAndWatchExtrinsic",
      "subnetInfo_getMetagraph",
      "dev_mine",
      "chain_unsubscribeNewHeads",
    ]) {
      expect(methods.methods).toContain(m);
    }
    expect(new Set(methods.methods).size, "each method listed once").toBe(methods.methods.length);
    expect(methods.schemas.state_getStorage.signature).toBe("state_getStorage(key: hex, at?: blockId)");
  });

  it("validates params and names unknown methods", async () => {
    const err = (await rpc.call("chain_getHeader", ["nope"]).catch((e) => e)) as RpcCallError;
    expect(err).toBeInstanceOf(RpcCallError);
    expect(err.code).toBe(-32602);
    expect(err.message).toMatch(/param 1 \(at\) must be a block hash/);
    const missing = (await rpc.call("system_accountNextIndex", []).catch((e) => e)) as RpcCallError;
    expect(missing.message).toMatch(/param 1 \(account\) is required/);
    const unknown = (await rpc.call("chain_nope").catch((e) => e)) as RpcCallError;
    expect(unknown.code).toBe(-32601);
  });

  it("transfers over submitAndWatch: ready → inBlock → finalized, with new-head notifications", async () => {
    const heads = await rpc.subscribe("chain_subscribeNewHeads");
    const finalizedHeads = await rpc.subscribe("chain_subscribeFinalizedHeads");
    const dest = Keypair.fromUri("//e2e-transfer").ss58Address;
    const tx = await sign(alice, {
      pallet: "Balances",
      name: "transfer_allow_death",
      args: { dest, value: 5n * TAO },
    });
    const updates = await submitAndWatch(tx);
    expect(updates[0]).toBe("ready");
    expect(updates[1]).toMatchObject({ success: true, index: 0 });
    expect(updates[1].inBlock).toMatch(/^0x[0-9a-f]{64}$/);
    expect(updates[2]).toMatchObject({ finalized: updates[1].inBlock });
    const head = await heads.next();
    expect(head.hash).toBe(updates[1].inBlock);
    expect((await finalizedHeads.next()).hash).toBe(updates[1].inBlock);
    expect(await rpc.call("chain_unsubscribeFinalizedHeads", [finalizedHeads.id])).toBe(true);
    expect(await free(dest)).toBe(5n * TAO);
    expect(await rpc.call("chain_getFinalizedHead")).toBe(updates[1].inBlock);
    const block = await rpc.call("chain_getBlock", [updates[1].inBlock]);
    expect(block.block.extrinsics).toEqual([tx]);
    // The same transaction again: its nonce is used (Substrate's 1010, "outdated").
    const replay = (await rpc.call("author_submitExtrinsic", [tx]).catch((e) => e)) as RpcCallError;
    expect(replay.code).toBe(1010);
    expect(replay.data).toMatchObject({ kind: "Stale" });
    expect(replay.message).toMatch(/outdated/);
    // History from the index; state at an older block.
    const history = await rpc.call("subtensor_accountHistory", [dest]);
    expect(history.length).toBeGreaterThan(0);
    const before = await rpc.call("state_queryStorageTyped", ["System", "Account", [dest], 0]);
    expect(before.data.free).toBe("0");
  });

  it("refuses a transaction signed for another genesis", async () => {
    const other = `0x${"11".repeat(32)}`;
    const tx = await sign(
      alice,
      { pallet: "Balances", name: "transfer_allow_death", args: { dest: bob.ss58Address, value: TAO } },
      { genesisHash: other },
    );
    const err = (await rpc.call("author_submitExtrinsic", [tx]).catch((e) => e)) as RpcCallError;
    expect(err.code).toBe(1010);
    expect(err.data).toMatchObject({ kind: "BadProof" });
    expect(err.message).toMatch(/bad signature/);
  });

  it("reports a failed call's decoded error in its block", async () => {
    const dest = Keypair.fromUri("//e2e-poor").ss58Address;
    const tx = await sign(dave, {
      pallet: "Balances",
      name: "transfer_allow_death",
      args: { dest, value: 1_000_000n * TAO },
    });
    const updates = await submitAndWatch(tx);
    expect(updates[1]).toMatchObject({ success: false });
    expect(updates[1].error.name).toMatch(/^(Token\.FundsUnavailable|Balances\.InsufficientBalance)$/);
  });

  it("registers a subnet and stakes over RPC; staking more than the balance fails with NotEnoughBalanceToStake", async () => {
    const hot = Keypair.fromUri("//Alice//hot").ss58Address;
    const reg = await submitAndWatch(
      await sign(alice, { pallet: "SubtensorModule", name: "register_network", args: { hotkey: hot } }),
    );
    expect(reg[1]).toMatchObject({ success: true });
    const subnets = await rpc.call("subnetInfo_getSubnetsInfo");
    const netuid = subnets.map((s: { netuid: number }) => s.netuid).find((n: number) => n > 0);
    expect(netuid).toBeGreaterThan(0);
    // The fast preset starts a new subnet's emission at once (start_call is not needed).
    const stakeTx = await sign(bob, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: hot, netuid, amountStaked: 100n * TAO },
    });
    const stake = await submitAndWatch(stakeTx);
    expect(stake[1]).toMatchObject({ success: true });
    // Where the extrinsic went, and its block's events as JSON (u64 as decimal strings).
    const at = await rpc.call("chain_findExtrinsic", [hex(blake2b256(hexToBytes(stakeTx)))]);
    expect(at).toMatchObject({ blockHash: stake[1].inBlock, index: 0 });
    const events = await rpc.call("chain_getEvents", [at.blockHash]);
    expect(events).toContainEqual({
      phase: { kind: "ApplyExtrinsic", index: 0 },
      event: expect.objectContaining({
        pallet: "SubtensorModule",
        name: "StakeAdded",
        data: expect.objectContaining({ coldkey: bob.ss58Address, hotkey: hot, tao: String(100n * TAO) }),
      }),
    });
    expect(await rpc.call("chain_findExtrinsic", [`0x${"00".repeat(32)}`])).toBeNull();
    // Bob's stake as StakeInfo, and the hotkey as a delegate with Bob among its nominators.
    const bobStake = await rpc.call("stakeInfo_getStakeInfoForColdkey", [bob.ss58Address]);
    expect(bobStake).toEqual([
      { hotkey: hot, coldkey: bob.ss58Address, netuid, stake: expect.any(String), value: expect.any(String) },
    ]);
    const delegate = await rpc.call("delegateInfo_getDelegate", [hot]);
    expect(delegate).toMatchObject({ hotkey: hot, owner: alice.ss58Address, registrations: [netuid] });
    expect(delegate.take).toBeGreaterThan(0);
    expect(delegate.nominators).toContainEqual({
      coldkey: bob.ss58Address,
      netuid,
      alpha: bobStake[0].stake,
    });
    // Bob's miner incentive on the subnet goes to Alice's hotkey once he says so.
    const autoStake = () => rpc.call("subnetInfo_getColdkeyAutoStakeHotkey", [bob.ss58Address, netuid]);
    expect(await autoStake()).toBeNull();
    const setAuto = await submitAndWatch(
      await sign(bob, {
        pallet: "SubtensorModule",
        name: "set_coldkey_auto_stake_hotkey",
        args: { netuid, hotkey: hot },
      }),
    );
    expect(setAuto[1]).toMatchObject({ success: true });
    expect(await autoStake()).toBe(hot);
    const alpha = await rpc.call("state_queryStorageTyped", [
      "SubtensorModule",
      "TotalHotkeyAlpha",
      [hot, netuid],
    ]);
    expect(BigInt(alpha)).toBeGreaterThan(0n);
    const poor = await submitAndWatch(
      await sign(dave, {
        pallet: "SubtensorModule",
        name: "add_stake",
        args: { hotkey: hot, netuid, amountStaked: 10_000n * TAO },
      }),
    );
    expect(poor[1].error.name).toBe("SubtensorModule.NotEnoughBalanceToStake");
    // The info calls see it.
    const meta = await rpc.call("subnetInfo_getMetagraph", [netuid, { weights: true }]);
    expect(meta.n).toBe(1);
    expect(meta.hotkeys).toEqual([hot]);
    expect(meta.weights).toEqual([{ uids: [], values: [] }]);
    expect(typeof meta.stake[0]).toBe("string");
    expect((await rpc.call("subnetInfo_getSubnetHyperparams", [netuid])).tempo).toBeGreaterThan(0);
    expect((await rpc.call("subnetInfo_getDynamicInfo", [netuid])).price).toMatch(/^\d+\.\d{9}$/);
    expect(await rpc.call("neuronInfo_getNeuron", [netuid, 0])).toMatchObject({ uid: 0, hotkey: hot });
    // An epoch on demand, and its inputs and outputs as a scenario that the simulator reproduces.
    const ran = await rpc.call("dev_mineUntilEpoch", [netuid]);
    expect(ran.blocks).toBeGreaterThan(0);
    const epoch = await rpc.call("subtensor_lastEpoch", [netuid]);
    expect(epoch.block).toBe(ran.epochBlock);
    expect(epoch.scenario).toMatchObject({ format: "opentao-yuma-scenario/1", neurons: 1 });
    const replayed = runScenario(epoch.scenario).steps[0]!;
    const stored = epoch.result.steps[0];
    for (const k of [
      "active",
      "validator_permit",
      "consensus",
      "incentive",
      "dividends",
      "validator_trust",
    ] as const) {
      expect(toPlain(replayed)[k]).toEqual(stored[k]);
    }
  });

  it("holds a future nonce until its predecessor arrives", async () => {
    const nonce = await rpc.call("system_accountNextIndex", [bob.ss58Address]);
    const dest = Keypair.fromUri("//e2e-future").ss58Address;
    const call: RuntimeCall = {
      pallet: "Balances",
      name: "transfer_allow_death",
      args: { dest, value: TAO },
    };
    const later = await sign(bob, call, { nonce: nonce + 1 });
    const second = await rpc.subscribe("author_submitAndWatchExtrinsic", [later]);
    expect(await second.next()).toBe("future");
    const dup = (await rpc.call("author_submitExtrinsic", [later]).catch((e) => e)) as RpcCallError;
    expect(dup.code).toBe(1013);
    // Another transaction with the same nonce and no higher priority does not replace it.
    const rival = (await rpc
      .call("author_submitExtrinsic", [await sign(bob, call, { nonce: nonce + 1 })])
      .catch((e) => e)) as RpcCallError;
    expect(rival.code).toBe(1014);
    await rpc.call("author_submitExtrinsic", [await sign(bob, call, { nonce })]);
    expect(await second.next()).toBe("ready");
    expect(await second.next()).toHaveProperty("inBlock");
    expect(await free(dest)).toBe(2n * TAO);
  });

  it("serves JSON-RPC over HTTP on the same port, and the dev methods", async () => {
    // biome-ignore lint/suspicious/noExplicitAny: JSON from the node
    const post = async (body: unknown): Promise<any> =>
      (
        await fetch(node.ready.http, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        })
      ).json();
    const reply = await post({ jsonrpc: "2.0", id: 1, method: "system_health", params: [] });
    expect(reply.result).toMatchObject({ isSyncing: false });
    const sub = await post({ jsonrpc: "2.0", id: 2, method: "chain_subscribeNewHeads", params: [] });
    expect(sub.error.message).toMatch(/WebSocket/);
    const best = (await rpc.call("dev_nodeInfo")).best;
    const snap = await rpc.call("dev_snapshot");
    const mined = await rpc.call("dev_mine", [3]);
    expect(Number.parseInt(mined.number, 16)).toBe(best + 3);
    const who = Keypair.fromUri("//e2e-rich").ss58Address;
    await rpc.call("dev_setBalance", [who, "123000000000"]);
    expect(await free(who)).toBe(123n * TAO);
    expect(await rpc.call("dev_revert", [snap])).toBe(true);
    expect((await rpc.call("dev_nodeInfo")).best).toBe(best);
    expect(await free(who)).toBe(0n);
  });
});
