// The sdk's Metagraph.sync against a local node holding a 256-UID subnet with full weight and bond rows
// (built as raw genesis storage, as rpc.bench.ts does: 256 burned_register txs and set_weights would only
// add setup time, not change what a sync reads). Twice: the node as a child `tao node --genesis` (client
// and node on their own cores, as a user runs them), and in this process (comparable with rpc.bench.ts).
// `npx tsx bench/run.ts metagraph` (needs `npm run build`).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createLogger, NodeService } from "../packages/node/src/index.js";
import { cryptoReady } from "../packages/primitives/src/index.js";
import { ChainClient, Metagraph } from "../packages/sdk/src/index.js";
import { type BenchRow, printTable } from "./harness.js";
import { metagraphGenesis } from "./rpc.bench.js";

async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const TAO_JS = join(new URL("..", import.meta.url).pathname, "packages/cli/bin/tao.js");

/** `tao node --dev --manual --genesis <file>` as a child; resolves with its RPC URL and a stop function. */
function spawnNode(raw: unknown): Promise<{ url: string; stop: () => Promise<void> }> {
  const file = join(mkdtempSync(join(tmpdir(), "opentao-mg-")), "genesis.json");
  writeFileSync(file, JSON.stringify({ raw }));
  const child = spawn(
    process.execPath,
    [TAO_JS, "node", "--dev", "--rpc-port", "0", "--manual", "--genesis", file],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (!out.includes("\n")) return;
      const ready = JSON.parse(out.split("\n").find((l) => l.startsWith("{"))!) as { rpc: string };
      resolve({
        url: ready.rpc,
        stop: () =>
          new Promise((r) => {
            child.once("exit", () => r());
            child.kill("SIGTERM");
          }),
      });
    });
    child.once("exit", (c) => reject(new Error(`tao node exited ${c}`)));
  });
}

async function syncRows(url: string, where: string): Promise<BenchRow[]> {
  const client = await ChainClient.connect(url);
  const mg = new Metagraph(1, client);
  const lite = await median(30, () => mg.sync());
  const full = await median(30, () => mg.sync({ lite: false }));
  // The same RPC without the client's conversion, to tell the node's share from the sdk's.
  const raw = await median(30, () =>
    client.call("subnetInfo_getMetagraph", [1, { weights: true, bonds: true }]),
  );
  const atBlock = await median(30, () => mg.sync({ lite: false, block: 0 }));
  await client.close();
  return [
    { name: `${where}: Metagraph.sync lite, 256 UIDs`, ms: lite, note: "median of 30; goal < 50 ms" },
    {
      name: `${where}: Metagraph.sync full, 256 UIDs + weights + bonds`,
      ms: full,
      note: `median of 30; n=${mg.n}, ${mg.weights.length}×${mg.weights[0]?.length ?? 0} weights; goal < 50 ms`,
    },
    {
      name: `${where}:   the raw RPC call alone (node + JSON.parse)`,
      ms: raw,
      note: "median of 30; the row above minus this is the sdk's own work",
    },
    { name: `${where}: Metagraph.sync full at block 0 (by number)`, ms: atBlock, note: "median of 30" },
  ];
}

export default async function main(): Promise<void> {
  await cryptoReady();
  const genesis = metagraphGenesis();
  const child = await spawnNode(genesis.raw);
  const rows = await syncRows(child.url, "child node");
  await child.stop();
  const node = await NodeService.start({
    dev: true,
    rpcPort: 0,
    mode: "manual",
    genesis,
    logger: createLogger("error"),
    verifyThreads: 0,
  });
  rows.push(...(await syncRows(node.rpc.url, "in-process node")));
  await node.stop();
  printTable("metagraph (sdk)", rows);
}
