// Axon throughput with signature checks vs a bare node:http server, and dendrite fan-out latency:
// `npx tsx bench/run.ts axon`. The load generator (bench/axon-load.ts) and the 256-axon fleet
// (bench/axon-fleet.ts) run as child processes, so neither shares the measured event loop.
// BENCH_AXON_REQUESTS (default 16000) and BENCH_AXON_CONNS (default 32) tune the load;
// BENCH_AXON_WORKERS=0,4,-1 picks the axon runs (verify worker threads; -1 = no signature check).
import { type ChildProcess, fork } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoReady, Keypair } from "../packages/primitives/src/index.js";
import { Axon, type AxonTarget, Dendrite, Synapse } from "../packages/sdk/src/index.js";
import { type BenchRow, printTable } from "./harness.js";

class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
  override deserialize(): number | null {
    return this.dummy_output;
  }
}

const here = (f: string) => new URL(`./${f}`, import.meta.url);
const child = (file: string, args: string[]): ChildProcess =>
  fork(here(file), args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
const reply = <T>(c: ChildProcess): Promise<T> =>
  new Promise((resolve, reject) => {
    c.once("message", (m) => resolve(m as T));
    c.once("error", reject);
    c.once("exit", (code) => code !== 0 && reject(new Error(`${c.spawnargs.join(" ")} exited with ${code}`)));
  });

interface LoadResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  secondHalfRps: number;
}

/** Pre-signs `perConn` requests for each of `conns` dendrites (one uuid each, so nonces rise per connection). */
function buildRequests(axonHotkey: string, port: number, conns: number, perConn: number): string {
  const parts: Buffer[] = [];
  const u32 = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  u32(conns);
  const target = { ip: "127.0.0.1", port, hotkey: axonHotkey };
  const alice = Keypair.fromUri("//Alice");
  const dendrites = Array.from({ length: conns }, () => new Dendrite(alice));
  const lists: Buffer[][] = dendrites.map(() => []);
  for (let i = 0; i < perConn; i++) {
    for (let c = 0; c < conns; c++) {
      const s = dendrites[c]!.prepare(target, Dummy.create({ dummy_input: i }), 12);
      const body = s.toJson();
      let head = "POST /Dummy HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n";
      for (const [k, v] of Object.entries(s.to_headers())) head += `${k}: ${v}\r\n`;
      head += `content-length: ${Buffer.byteLength(body)}\r\n\r\n`;
      lists[c]!.push(Buffer.from(head + body));
    }
  }
  for (const list of lists) {
    u32(list.length);
    for (const r of list) {
      u32(r.length);
      parts.push(r);
    }
  }
  for (const d of dendrites) d.close();
  const file = join(tmpdir(), `opentao-axon-bench-${process.pid}.bin`);
  writeFileSync(file, Buffer.concat(parts));
  return file;
}

async function load(file: string, port: number): Promise<LoadResult> {
  return reply<LoadResult>(child("axon-load.ts", [file, String(port)]));
}

/** The same work without the protocol: parse the JSON body, double the input, answer JSON. */
function bareServer(): Promise<http.Server> {
  const srv = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { dummy_input: number };
      const out = JSON.stringify({ ...body, dummy_output: body.dummy_input * 2 });
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(out) });
      res.end(out);
    });
  });
  return new Promise((resolve) => srv.listen(0, "127.0.0.1", () => resolve(srv)));
}

/** workers < 0: a no-op verify hook (no signature or nonce check), to show the rest of the pipeline's cost. */
async function axonRun(
  total: number,
  conns: number,
  workers: number,
): Promise<LoadResult & { signMs: number }> {
  const bob = Keypair.fromUri("//Bob");
  const forward = (s: Dummy) => {
    s.dummy_output = s.dummy_input * 2;
    return s;
  };
  const hooks = workers < 0 ? { verify: () => {} } : {};
  const axon = new Axon({ keypair: bob, port: 0, host: "127.0.0.1", verifyWorkers: Math.max(0, workers) });
  axon.attach(Dummy, forward, hooks);
  await axon.start();
  const t0 = performance.now();
  const file = buildRequests(axon.hotkey, axon.port, conns, Math.ceil(total / conns));
  const signMs = performance.now() - t0;
  try {
    return { ...(await load(file, axon.port)), signMs };
  } finally {
    await axon.stop();
    rmSync(file, { force: true });
  }
}

async function throughput(rows: BenchRow[]): Promise<void> {
  const total = Number(process.env.BENCH_AXON_REQUESTS ?? 16000);
  const conns = Number(process.env.BENCH_AXON_CONNS ?? 32);
  const cores = availableParallelism();
  const workerCounts = process.env.BENCH_AXON_WORKERS
    ? process.env.BENCH_AXON_WORKERS.split(",").map(Number)
    : [...new Set([0, Math.max(1, Math.min(8, cores - 2)), -1])];
  const runs = [];
  for (const w of workerCounts) runs.push({ w, r: await axonRun(total, conns, w) });

  const file = buildRequests(Keypair.fromUri("//Bob").ss58Address, 0, conns, Math.ceil(total / conns));
  const srv = await bareServer();
  const b = await load(file, (srv.address() as { port: number }).port);
  rmSync(file, { force: true });
  await new Promise((r) => srv.close(r));

  const n = conns * Math.ceil(total / conns);
  for (const { w, r } of runs) {
    rows.push({
      name:
        w < 0
          ? "axon, verify hook a no-op (no signature check)"
          : `axon, sr25519 verify ${w ? `on ${w} worker thread${w > 1 ? "s" : ""}` : "inline"}`,
      opsPerSec: r.secondHalfRps,
      ms: 1000 / r.secondHalfRps,
      note: `${((r.secondHalfRps / b.secondHalfRps) * 100).toFixed(0)}% of bare; ${r.ok}/${n} ok ${JSON.stringify(r.statuses)}`,
    });
  }
  rows.push({
    name: "bare node:http (JSON parse + answer)",
    opsPerSec: b.secondHalfRps,
    ms: 1000 / b.secondHalfRps,
    note: `${b.ok}/${n} ok; same requests, ${conns} keep-alive connections, ${cores} cores`,
  });
  const signMs = runs[0]!.r.signMs;
  rows.push({
    name: "dendrite prepare + sign (client side, setup)",
    opsPerSec: (n / signMs) * 1000,
    ms: signMs / n,
  });
}

async function fanOut(rows: BenchRow[]): Promise<void> {
  const count = 256;
  const slowest = 100;
  const fleet = child("axon-fleet.ts", [String(count), String(slowest)]);
  const targets = await reply<AxonTarget[]>(fleet);
  const dendrite = new Dendrite(Keypair.fromUri("//Alice"));
  try {
    const times: number[] = [];
    let okCount = 0;
    for (let run = 0; run < 8; run++) {
      const t0 = performance.now();
      const res = await dendrite.forward(targets, Dummy.create({ dummy_input: run }), {
        timeout: 5,
        deserialize: false,
      });
      times.push(performance.now() - t0);
      if (run > 0) okCount += res.filter((r) => r.is_success).length;
      else if (!res.every((r) => r.is_success))
        console.warn("fan-out: not every axon answered 200 on the first run");
    }
    const warm = times.slice(1).sort((x, y) => x - y);
    const median = warm[Math.floor(warm.length / 2)]!;
    rows.push({
      name: `dendrite fan-out to ${count} axons (slowest ${slowest} ms)`,
      ms: median,
      note: `median of ${warm.length} warm runs; added over slowest ${(median - slowest).toFixed(1)} ms (first run ${times[0]!.toFixed(1)} ms); ${okCount}/${warm.length * count} ok`,
    });
  } finally {
    dendrite.close();
    fleet.kill();
  }
}

export default async function axonBench(): Promise<void> {
  await cryptoReady();
  const rows: BenchRow[] = [];
  await throughput(rows);
  await fanOut(rows);
  printTable("axon / dendrite (load generator and axon fleet in child processes)", rows);
}
