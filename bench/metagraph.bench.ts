// The sdk's Metagraph.sync against a local node holding a 256-UID subnet with full weight and bond rows
// (built as raw genesis storage, as rpc.bench.ts does: 256 burned_register txs and set_weights would only
// add setup time, not change what a sync reads). The node runs in this process and the client talks to
// it over WebSocket. `npx tsx bench/run.ts metagraph` (needs `npm run build`).
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

export default async function main(): Promise<void> {
  await cryptoReady();
  const node = await NodeService.start({
    dev: true,
    rpcPort: 0,
    mode: "manual",
    genesis: metagraphGenesis(),
    logger: createLogger("error"),
    verifyThreads: 0,
  });
  const client = await ChainClient.connect(node.rpc.url);
  const mg = new Metagraph(1, client);
  const lite = await median(30, () => mg.sync());
  const full = await median(30, () => mg.sync({ lite: false }));
  // The same RPC without the client's conversion, to tell the node's share from the sdk's.
  const raw = await median(30, () =>
    client.call("subnetInfo_getMetagraph", [1, { weights: true, bonds: true }]),
  );
  const atBlock = await median(30, () => mg.sync({ lite: false, block: 0 }));
  const rows: BenchRow[] = [
    { name: "Metagraph.sync lite, 256 UIDs", ms: lite, note: "median of 30; goal < 50 ms" },
    {
      name: "Metagraph.sync full, 256 UIDs + weights + bonds",
      ms: full,
      note: `median of 30; n=${mg.n}, ${mg.weights.length}×${mg.weights[0]?.length ?? 0} weights; goal < 50 ms`,
    },
    {
      name: "  of which the raw RPC call (node + JSON.parse)",
      ms: raw,
      note: "median of 30; the row above minus this is the sdk's own work",
    },
    { name: "Metagraph.sync full at block 0 (by number)", ms: atBlock, note: "median of 30" },
  ];
  await client.close();
  await node.stop();
  printTable("metagraph (sdk)", rows);
}
