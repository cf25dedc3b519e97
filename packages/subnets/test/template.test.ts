// The subnet template end to end over real HTTP: a dev node, three forecasting miners on template
// Miners (axons announced on chain), one template Validator querying them with its dendrite, posting
// weights, and Yuma Consensus paying the best model the most incentive.
import { cryptoReady, Keypair } from "@opentao/primitives";
import { type Devnet, startDevnet } from "@opentao/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Forecast } from "../src/forecast/protocol.js";
import { forecastSubnet } from "../src/lineup.js";
import { submitOrThrow } from "../src/template/chain.js";
import { Miner } from "../src/template/miner.js";
import { Validator } from "../src/template/validator.js";

const TAO = 1_000_000_000n;
let devnet: Devnet;
const miners: Miner<Forecast>[] = [];

beforeAll(async () => {
  await cryptoReady();
  devnet = await startDevnet();
});
afterAll(async () => {
  await Promise.all(miners.map((m) => m.stop()));
  await devnet?.stop();
});

describe("subnet template", () => {
  it("pays the most accurate miner the highest incentive", async () => {
    const client = devnet.client;
    const alice = Keypair.fromUri("//Alice");
    const owner = Keypair.fromUri("//Alice//owner");
    const hotkey = Keypair.fromUri("//Alice//validator");
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey: owner.ss58Address },
    });
    const netuid = 1;
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey: hotkey.ss58Address },
    });
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: hotkey.ss58Address, netuid: 0, amountStaked: 1000n * TAO },
    });
    const lineup = forecastSubnet.miners(["naive", "autoregressive", "neural-net"]);
    const quality = new Map<string, number>();
    for (const m of lineup) {
      const key = Keypair.fromUri(`//Bob//${m.name}`);
      await submitOrThrow(client, Keypair.fromUri("//Bob"), {
        pallet: "SubtensorModule",
        name: "burned_register",
        args: { netuid, hotkey: key.ss58Address },
      });
      const miner = new Miner({
        client,
        netuid,
        hotkey: key,
        synapse: forecastSubnet.synapse,
        forward: m.forward,
        port: 0,
      });
      miners.push(await miner.start());
      quality.set(key.ss58Address, m.quality());
    }
    const validator = new Validator({ client, netuid, hotkey, task: forecastSubnet.task(7), timeout: 5 });
    await devnet.mineUntilEpoch(netuid); // validator permits are handed out at an epoch
    const posted: string[] = [];
    for (let i = 0; i < 12; i++) {
      const report = await validator.runStep();
      expect(report.queried).toHaveLength(3);
      if (report.weights) posted.push(report.weights.how);
      await devnet.mine(1);
    }
    expect(posted.length).toBeGreaterThanOrEqual(1);
    expect(posted.every((h) => h === "set")).toBe(true);
    await devnet.mineUntilEpoch(netuid);
    await validator.sync();
    const m = validator.metagraph;
    const uids = miners.map((x) => m.hotkeys.indexOf(x.hotkey));
    const byQuality = [...uids].sort((a, b) => quality.get(m.hotkeys[b]!)! - quality.get(m.hotkeys[a]!)!);
    const byIncentive = [...uids].sort((a, b) => m.incentive[b]! - m.incentive[a]!);
    expect(m.incentive[byQuality[0]!]).toBeGreaterThan(0);
    expect(byIncentive).toEqual(byQuality);
    // The validator's moving averages rank the miners the same way.
    expect([...uids].sort((a, b) => validator.scores[b]! - validator.scores[a]!)).toEqual(byQuality);

    // A uid that changes hands (here by a hotkey swap) starts again from zero; the others keep theirs.
    const [top, next] = byQuality as [number, number];
    const kept = validator.scores[next];
    const fresh = Keypair.fromUri("//Bob//replacement");
    await submitOrThrow(client, Keypair.fromUri("//Bob"), {
      pallet: "SubtensorModule",
      name: "swap_hotkey",
      args: { hotkey: m.hotkeys[top]!, newHotkey: fresh.ss58Address, netuid },
    });
    await validator.sync();
    expect(validator.hotkeys[top]).toBe(fresh.ss58Address);
    expect(validator.scores[top]).toBe(0);
    expect(validator.scores[next]).toBe(kept);
    validator.dendrite.close();
  }, 60_000);

  it("run() returns when its signal was aborted before it subscribed, without waiting for a block", async () => {
    const validator = new Validator({
      client: devnet.client,
      netuid: 1,
      hotkey: Keypair.fromUri("//Alice//idle-validator"),
      task: forecastSubnet.task(1),
    });
    const stop = new AbortController();
    stop.abort();
    await validator.run({ signal: stop.signal });
    validator.dendrite.close();
  });

  it("commits and reveals weights when the subnet asks for commit-reveal", async () => {
    const client = devnet.client;
    const alice = Keypair.fromUri("//Alice");
    const hotkey = Keypair.fromUri("//Alice//cr-validator");
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey: Keypair.fromUri("//Alice//cr-owner").ss58Address },
    });
    const netuid = 2;
    await submitOrThrow(client, alice, {
      pallet: "AdminUtils",
      name: "sudo_set_commit_reveal_weights_enabled",
      args: { netuid, value: true },
    });
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey: hotkey.ss58Address },
    });
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: hotkey.ss58Address, netuid: 0, amountStaked: 1000n * TAO },
    });
    const [best] = forecastSubnet.miners(["neural-net"]);
    const key = Keypair.fromUri("//Charlie//cr-miner");
    await submitOrThrow(client, Keypair.fromUri("//Charlie"), {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey: key.ss58Address },
    });
    miners.push(
      await new Miner({
        client,
        netuid,
        hotkey: key,
        synapse: forecastSubnet.synapse,
        forward: best!.forward,
        port: 0,
      }).start(),
    );
    const validator = new Validator({ client, netuid, hotkey, task: forecastSubnet.task(8), timeout: 5 });
    await devnet.mineUntilEpoch(netuid);
    const how: string[] = [];
    for (let i = 0; i < 40 && !how.includes("reveal"); i++) {
      const report = await validator.runStep();
      if (report.weights) how.push(report.weights.how);
      await devnet.mine(1);
    }
    expect(how[0]).toBe("commit");
    expect(how).toContain("reveal");
    const m = await validator.metagraph.sync({ lite: false });
    const minerUid = m.hotkeys.indexOf(key.ss58Address);
    expect(m.weights[m.hotkeys.indexOf(hotkey.ss58Address)]![minerUid]).toBe(1);
    validator.dendrite.close();
  }, 60_000);
});
