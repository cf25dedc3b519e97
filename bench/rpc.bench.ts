// The node's front door (packages/node, Node II): signed transfers through RPC and the pool into blocks,
// against the two-core sr25519 verification rate measured in the same run; the 256-UID metagraph call's
// latency; `tao node --dev` cold start to its ready line. `npx tsx bench/run.ts rpc` (needs `npm run build`:
// the node runs from dist so its signature workers load).
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { createLogger, NodeService } from "../packages/node/src/index.js";
import { RpcClient } from "../packages/node/test/rpc-client.js";
import { cryptoReady, Keypair } from "../packages/primitives/src/index.js";
import {
  devGenesis,
  MemoryStore,
  SubtensorStorage as S,
  SystemStorage,
  signExtrinsic,
} from "../packages/runtime/src/index.js";
import { type BenchRow, printTable } from "./harness.js";

const ROOT = new URL("..", import.meta.url);
const TAO_JS = join(ROOT.pathname, "packages/cli/bin/tao.js");
const TAO = 1_000_000_000n;

function startNode(
  args: string[],
): Promise<{ ready: { rpc: string; genesisHash: string }; wallMs: number; stop: () => Promise<void> }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [TAO_JS, "node", ...args], { stdio: ["ignore", "pipe", "ignore"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      if (!out.includes("\n")) return;
      const wallMs = performance.now() - t0;
      resolve({
        ready: JSON.parse(out.split("\n")[0]!),
        wallMs,
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

/** sr25519 verifications per second on `threads` worker threads at once (the pool's verifier uses the same call). */
async function verifyRate(threads: number, ms = 1500): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "opentao-verify-"));
  const file = join(dir, "worker.mjs");
  const primitives = pathToFileURL(join(ROOT.pathname, "packages/primitives/dist/index.js")).href;
  const runtime = pathToFileURL(join(ROOT.pathname, "packages/runtime/dist/index.js")).href;
  writeFileSync(
    file,
    `import { parentPort, workerData } from "node:worker_threads";
import { cryptoReady, Keypair } from ${JSON.stringify(primitives)};
import { verifySignatureOf } from ${JSON.stringify(runtime)};
await cryptoReady();
const k = Keypair.fromUri("//Alice");
const msg = new Uint8Array(150).fill(7);
const sig = k.sign(msg);
const end = performance.now() + workerData.ms;
let n = 0;
while (performance.now() < end) { for (let i = 0; i < 50; i++) verifySignatureOf("Sr25519", sig, msg, k.publicKey); n += 50; }
parentPort.postMessage(n);`,
  );
  const counts = await Promise.all(
    Array.from(
      { length: threads },
      () =>
        new Promise<number>((resolve, reject) => {
          const w = new Worker(file, { workerData: { ms } });
          w.once("message", (n: number) => {
            resolve(n);
            void w.terminate();
          });
          w.once("error", reject);
        }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0) / (ms / 1000);
}

async function throughput(total: number): Promise<{ tps: number; blocks: number; ms: number }> {
  const node = await startNode(["--dev", "--rpc-port", "0", "--manual"]);
  const rpc = await RpcClient.connect(node.ready.rpc);
  const genesis = node.ready.genesisHash;
  const senders = Array.from({ length: 40 }, (_, i) => Keypair.fromUri(`//bench-sender-${i}`));
  for (const s of senders) await rpc.call("dev_setBalance", [s.ss58Address, (1_000n * TAO).toString()]);
  const per = Math.ceil(total / senders.length);
  const txs: string[] = [];
  for (let n = 0; n < per; n++) {
    for (const [i, s] of senders.entries()) {
      const dest = senders[(i + 1) % senders.length]!.ss58Address;
      const bytes = signExtrinsic(
        s,
        { pallet: "Balances", name: "transfer_keep_alive", args: { dest, value: 1_000_000n } },
        { nonce: n, genesisHash: genesis, birthHash: genesis },
      );
      txs.push(`0x${Buffer.from(bytes).toString("hex")}`);
    }
  }
  const clients = [rpc, ...(await Promise.all([1, 2, 3].map(() => RpcClient.connect(node.ready.rpc))))];
  const start = performance.now();
  const startBlock = Number.parseInt((await rpc.call("chain_getHeader")).number, 16);
  await Promise.all(txs.map((tx, i) => clients[i % clients.length]!.call("author_submitExtrinsic", [tx])));
  let head = startBlock;
  while ((await rpc.call("author_pendingExtrinsics")).length > 0) {
    head = Number.parseInt((await rpc.call("dev_mine", [1])).number, 16);
  }
  const ms = performance.now() - start;
  for (const c of clients) c.close();
  await node.stop();
  return { tps: (txs.length / ms) * 1000, blocks: head - startBlock, ms };
}

/** A dev genesis with subnet 1 holding 256 neurons, full weight and bond rows, via raw storage. */
export function metagraphGenesis() {
  const store = new MemoryStore();
  const n = 256;
  S.NetworksAdded.set(store, 1, true);
  S.SubnetMechanism.set(store, 1, 1);
  S.Tempo.set(store, 1, 10);
  S.SubnetworkN.set(store, 1, n);
  S.SubnetTAO.set(store, 1, 1_000n * TAO);
  S.SubnetAlphaIn.set(store, 1, 2_000n * TAO);
  const row = Array.from({ length: n }, (_, j) => [j, 65535 - j] as [number, number]);
  for (let uid = 0; uid < n; uid++) {
    const hot = Keypair.fromUri(`//bench-hot-${uid}`).ss58Address;
    S.Keys.set(store, 1, uid, hot);
    S.Uids.set(store, 1, hot, uid);
    S.Owner.set(store, hot, Keypair.fromUri(`//bench-cold-${uid}`).ss58Address);
    S.TotalHotkeyAlpha.set(store, hot, 1, BigInt(uid + 1) * TAO);
    S.Weights.set(store, 1, uid, row);
    S.Bonds.set(store, 1, uid, row);
    S.BlockAtRegistration.set(store, 1, uid, 1n);
  }
  S.Incentive.set(store, 1, Array(n).fill(256));
  S.Dividends.set(store, 1, Array(n).fill(256));
  S.Emission.set(store, 1, Array(n).fill(1_000_000n));
  S.Active.set(store, 1, Array(n).fill(true));
  S.ValidatorPermit.set(store, 1, Array(n).fill(true));
  S.LastUpdate.set(store, 1, Array(n).fill(1n));
  void SystemStorage;
  const raw = [...store.entries()].map(([key, value]) => ({
    key,
    value: Buffer.from(value).toString("hex"),
  }));
  return { ...devGenesis(), raw };
}

async function metagraphLatency(): Promise<{ plain: number; full: number; bytes: number }> {
  const node = await NodeService.start({
    dev: true,
    rpcPort: 0,
    mode: "manual",
    genesis: metagraphGenesis(),
    logger: createLogger("error"),
    verifyThreads: 0,
  });
  const rpc = await RpcClient.connect(node.rpc.url);
  const time = async (params: unknown[]) => {
    const samples: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      await rpc.call("subnetInfo_getMetagraph", params);
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  };
  const plain = await time([1]);
  const full = await time([1, { weights: true, bonds: true }]);
  const bytes = JSON.stringify(
    await rpc.call("subnetInfo_getMetagraph", [1, { weights: true, bonds: true }]),
  ).length;
  rpc.close();
  await node.stop();
  return { plain, full, bytes };
}

export default async function main(): Promise<void> {
  await cryptoReady();
  const rows: BenchRow[] = [];
  const starts: number[] = [];
  for (let i = 0; i < 3; i++) {
    const n = await startNode(["--dev", "--rpc-port", "0", "--instant"]);
    starts.push(n.wallMs);
    await n.stop();
  }
  starts.sort((a, b) => a - b);
  rows.push({
    name: "devnet cold start to ready (spawn → ready line)",
    ms: starts[1]!,
    note: `median of 3; goal < 1000 ms`,
  });

  const one = await verifyRate(1);
  const two = await verifyRate(2);
  rows.push({ name: "sr25519 verify, 1 thread", opsPerSec: one, ms: 1000 / one });
  rows.push({ name: "sr25519 verify, 2 threads", opsPerSec: two, ms: 1000 / two });
  const t = await throughput(4000);
  rows.push({
    name: "signed transfers: RPC → pool → blocks",
    opsPerSec: t.tps,
    ms: 1000 / t.tps,
    note: `${Math.round((t.tps / two) * 100)}% of the 2-thread verify rate (goal ≥ 50%); ${t.blocks} blocks, ${Math.round(t.ms)} ms for 4000`,
  });
  const m = await metagraphLatency();
  rows.push({
    name: "subnetInfo_getMetagraph, 256 UIDs",
    ms: m.plain,
    note: "median of 30, over WebSocket; goal < 50 ms",
  });
  rows.push({
    name: "subnetInfo_getMetagraph, 256 UIDs + weights + bonds",
    ms: m.full,
    note: `median of 30; ${Math.round(m.bytes / 1024)} KiB of JSON`,
  });
  printTable("rpc (Node II)", rows);
}
