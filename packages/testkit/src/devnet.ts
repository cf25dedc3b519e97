// A devnet for other projects' tests: the node in this process (fast, shares the event loop) or the
// node in a child process (isolated: its CPU work and crashes stay out of the test's process), with a connected ChainClient either way.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { NodeService, silentLogger } from "@opentao/node";
import type { GenesisConfig, PresetName } from "@opentao/runtime";
import { ChainClient } from "@opentao/sdk";

export interface DevnetOptions {
  /** "in-process" (default) or "child" (a node process of its own). */
  where?: "in-process" | "child";
  /** instant (default): a block per transaction batch; manual: only `mine()`; interval: every blockTimeMs. */
  mode?: "instant" | "manual" | "interval";
  blockTimeMs?: number;
  /** In-process only: a genesis other than the dev genesis (balances, subnets with neurons and stake). */
  genesis?: GenesisConfig;
  /** In-process only: the runtime preset (default `fast`); `mainnet` for Subtensor's own values. */
  preset?: PresetName;
}

export interface Devnet {
  /** ws://127.0.0.1:<port> */
  readonly url: string;
  readonly client: ChainClient;
  /** Mines `n` blocks now; returns the new head number. */
  mine(n?: number): Promise<number>;
  /** Mines until `netuid`'s next epoch has run. */
  mineUntilEpoch(netuid: number): Promise<{ blocks: number; epochBlock: number }>;
  snapshot(): Promise<string>;
  /** Back to a snapshot's block; the snapshot (and later ones) are used up, as in Hardhat. */
  revert(id: string): Promise<void>;
  stop(): Promise<void>;
}

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const mode = options.mode ?? "instant";
  if (options.where === "child") {
    if (options.genesis || options.preset)
      throw new Error(
        "startDevnet: genesis and preset are for in-process devnets; pass node flags to a child",
      );
    return connect(await spawnChild(mode, options.blockTimeMs));
  }
  const node = await NodeService.start({
    dev: true,
    rpcPort: 0,
    mode,
    verifyThreads: 0,
    ...(options.blockTimeMs ? { blockTimeMs: options.blockTimeMs } : {}),
    ...(options.genesis ? { genesis: options.genesis } : {}),
    ...(options.preset ? { preset: options.preset } : {}),
    logger: silentLogger,
  });
  return connect({ url: node.rpc.url, stop: () => node.stop() });
}

async function connect(node: { url: string; stop(): Promise<void> }): Promise<Devnet> {
  let client: ChainClient;
  try {
    client = await ChainClient.connect(node.url);
  } catch (error) {
    await node.stop(); // a node nobody can reach would keep the test process alive
    throw error;
  }
  return {
    url: node.url,
    client,
    mine: async (n = 1) => {
      await client.call("dev_mine", [n]);
      return (await client.header()).number;
    },
    mineUntilEpoch: (netuid) => client.call("dev_mineUntilEpoch", [netuid]),
    snapshot: () => client.call<string>("dev_snapshot"),
    revert: async (id) => {
      if (!(await client.call<boolean>("dev_revert", [id])))
        throw new Error(`no snapshot ${id} (already used?)`);
    },
    stop: async () => {
      await client.close();
      await node.stop();
    },
  };
}

function spawnChild(mode: string, blockTimeMs?: number): Promise<{ url: string; stop(): Promise<void> }> {
  // ../dist from src/ (tests) and from dist/ alike: the child always runs the built file.
  const entry = fileURLToPath(new URL("../dist/child.js", import.meta.url));
  const child = spawn(process.execPath, [entry, mode, String(blockTimeMs ?? 0)], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return new Promise((resolve, reject) => {
    child.once("exit", (code) =>
      reject(new Error(`devnet child exited with ${code} before it was ready:\n${stderr}`)),
    );
    createInterface({ input: child.stdout }).once("line", (line) => {
      const ready = JSON.parse(line) as { rpc: string };
      resolve({
        url: ready.rpc,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
  });
}
