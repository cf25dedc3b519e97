// The explorer: its bundle (raw and gzip, what a page load transfers) and how long pages take to show real
// values in Chromium, against an in-process dev node that also serves the page (as `tao node --dev
// --explorer`), holding a 256-UID subnet with full weight rows (rpc.bench.ts's genesis). Times are from
// navigation until the page's data is on screen; median of 5 loads, each in a fresh tab.
// `npm run bench -- explorer` (needs `npm run build` and /usr/bin/chromium).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { EXPLORER_DIR } from "../packages/explorer/src/index.js";
import { launchBrowser } from "../packages/explorer/test/browser.js";
import { createLogger, NodeService } from "../packages/node/src/index.js";
import { cryptoReady } from "../packages/primitives/src/index.js";
import { type BenchRow, printTable } from "./harness.js";
import { metagraphGenesis } from "./rpc.bench.js";

function bundleTable(): void {
  const assets = join(EXPLORER_DIR, "assets");
  const files = ["index.html", ...readdirSync(assets).map((f) => join("assets", f))];
  const rows = files.map((f) => {
    const bytes = readFileSync(join(EXPLORER_DIR, f));
    return [f, bytes.length, gzipSync(bytes, { level: 9 }).length] as const;
  });
  const total = [rows.reduce((s, r) => s + r[1], 0), rows.reduce((s, r) => s + r[2], 0)];
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log("\nexplorer bundle (packages/explorer/dist/app)");
  const all = [...rows.map(([f, raw, gz]) => [f, kb(raw), kb(gz)]), ["total", kb(total[0]!), kb(total[1]!)]];
  const w = [Math.max(...all.map((r) => r[0]!.length)), 10, 10];
  console.log(`${"file".padEnd(w[0]!)}  ${"raw".padStart(w[1]!)}  ${"gzip -9".padStart(w[2]!)}`);
  console.log(w.map((n) => "-".repeat(n)).join("  "));
  for (const r of all)
    console.log(`${r[0]!.padEnd(w[0]!)}  ${r[1]!.padStart(w[1]!)}  ${r[2]!.padStart(w[2]!)}`);
}

export default async function main(): Promise<void> {
  bundleTable();
  await cryptoReady();
  const node = await NodeService.start({
    dev: true,
    rpcPort: 0,
    mode: "manual",
    genesis: metagraphGenesis(),
    logger: createLogger("error"),
    verifyThreads: 0,
    staticFiles: [{ path: "/explorer", dir: EXPLORER_DIR }],
  });
  for (let i = 0; i < 20; i++) node.produceBlock();
  const browser = await launchBrowser();
  const base = `${node.rpc.httpUrl}/explorer/`;
  const load = async (hash: string, ready: string): Promise<number> => {
    const samples: number[] = [];
    for (let i = 0; i < 6; i++) {
      const page = await browser.context.newPage();
      const t0 = performance.now();
      await page.goto(`${base}${hash}`);
      await page.getByTestId(ready).waitFor({ timeout: 30_000 });
      samples.push(performance.now() - t0);
      await page.close();
    }
    samples.shift(); // the first load fills the browser's cache
    samples.sort((a, b) => a - b);
    return samples[Math.floor(samples.length / 2)]!;
  };
  const rows: BenchRow[] = [
    {
      name: "home: counters and the latest 25 blocks",
      ms: await load("#/", "latest-blocks"),
      note: "median of 5",
    },
    { name: "subnets list", ms: await load("#/subnets", "subnets"), note: "median of 5" },
    {
      name: "subnet page, 256 UIDs: metagraph table",
      ms: await load("#/subnet/1", "metagraph-table"),
      note: "median of 5",
    },
    {
      name: "subnet page, 256 UIDs: weights heatmap (256×256)",
      ms: await load("#/subnet/1", "weights-heatmap"),
      note: "median of 5",
    },
    {
      name: "subnet page, 256 UIDs: last epoch's Yuma breakdown",
      ms: await load("#/subnet/1", "yuma-table"),
      note: "median of 5; replayed in a worker",
    },
    { name: "block page", ms: await load("#/block/3", "block-hash"), note: "median of 5" },
  ];
  await browser.close();
  await node.stop();
  printTable("explorer page loads in Chromium (served by the node)", rows);
}
