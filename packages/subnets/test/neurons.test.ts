// The template's neurons as processes with bittensor's flags, against a dev node producing blocks:
// the miner serves and announces its axon, the validator scores it and its weights reach the chain.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { Metagraph, Wallet } from "@opentao/sdk";
import { type Devnet, startDevnet } from "@opentao/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitOrThrow } from "../src/template/chain.js";

const MAIN = fileURLToPath(new URL("../dist/template/main.js", import.meta.url));
const TAO = 1_000_000_000n;
let devnet: Devnet;
let wallets: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  await cryptoReady();
  devnet = await startDevnet({ mode: "interval", blockTimeMs: 200 });
  wallets = mkdtempSync(join(tmpdir(), "opentao-neurons-"));
});
afterAll(async () => {
  for (const c of children) c.kill("SIGTERM");
  await devnet?.stop();
  rmSync(wallets, { recursive: true, force: true });
});

/** Starts a neuron and resolves with it once a stderr line matches `ready`. */
function neuron(args: string[], ready: RegExp): Promise<{ child: ChildProcess; lines: string[] }> {
  const child = spawn(process.execPath, [MAIN, ...args], { stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    child.stderr!.setEncoding("utf8").on("data", (d: string) => {
      lines.push(...d.split("\n").filter(Boolean));
      if (lines.some((l) => ready.test(l))) resolve({ child, lines });
    });
    child.once("exit", (code) => reject(new Error(`neuron exited with ${code}: ${lines.join("\n")}`)));
  });
}

describe("template neurons as processes", () => {
  it("a miner and a validator started with bittensor's flags put weights on chain", async () => {
    const client = devnet.client;
    const alice = Keypair.fromUri("//Alice");
    const minerKey = Keypair.fromUri("//Bob//cli-miner");
    const validatorKey = Keypair.fromUri("//Alice//cli-validator");
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey: Keypair.fromUri("//Alice//cli-owner").ss58Address },
    });
    for (const [cold, hot] of [
      [alice, validatorKey],
      [Keypair.fromUri("//Bob"), minerKey],
    ] as const)
      await submitOrThrow(client, cold, {
        pallet: "SubtensorModule",
        name: "burned_register",
        args: { netuid: 1, hotkey: hot.ss58Address },
      });
    await submitOrThrow(client, alice, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: validatorKey.ss58Address, netuid: 0, amountStaked: 100n * TAO },
    });
    await new Wallet({ name: "miner", hotkey: "m1", path: wallets }).setHotkey(minerKey);
    await new Wallet({ name: "validator", hotkey: "v1", path: wallets }).setHotkey(validatorKey);
    const common = ["--netuid", "1", "--wallet.path", wallets, "--subtensor.network", devnet.url];
    const miner = await neuron(
      ["miner", ...common, "--wallet.name", "miner", "--wallet.hotkey", "m1", "--axon.port", "0"],
      /serves doubling/,
    );
    const validator = await neuron(
      [
        "validator",
        ...common,
        "--wallet.name",
        "validator",
        "--wallet.hotkey",
        "v1",
        "--neuron.timeout",
        "2",
      ],
      /weights set for 1 uids/,
    );
    const m = await new Metagraph(1, client).sync({ lite: false });
    const [v, u] = [m.hotkeys.indexOf(validatorKey.ss58Address), m.hotkeys.indexOf(minerKey.ss58Address)];
    expect(m.axons[u]!.is_serving).toBe(true);
    expect(m.weights[v]![u]).toBe(1);
    for (const n of [miner, validator]) {
      const exited = new Promise<number | null>((r) => n.child.once("exit", r));
      n.child.kill("SIGTERM");
      expect(await exited).toBe(0);
    }
  }, 60_000);

  it("refuses a wrong flag with exit code 2 and says which", async () => {
    const child = spawn(process.execPath, [MAIN, "miner", "--netuid", "1", "--axon.port", "http"], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.setEncoding("utf8").on("data", (d) => {
      err += d;
    });
    const code = await new Promise((r) => child.once("exit", r));
    expect(code).toBe(2);
    expect(err).toContain("--axon.port must be a port from 0 to 65535, got http");
  });
});
