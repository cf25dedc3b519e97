// Crash safety: a node process importing blocks of signed transfers is killed with SIGKILL at random
// moments, 25 times, and restarted. After every kill the database must hold a whole prefix of the chain —
// at least every block the process reported committed, the head's state exactly the uninterrupted
// replica's at that height, nothing of the next block — and at the end the same head and state root.
// The process runs the built package (it starts in a third of the time tsx needs); a stale build is
// rebuilt first.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Keypair } from "@opentao/primitives";
import { devAccount, type KeyValueReader } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Chain, encodeBlock } from "../src/index.js";
import { address, devChain, nonceOf, TAO, tempDir, transfer } from "./helpers.js";

const BLOCKS = 300;
const TXS_PER_BLOCK = 6;
const KILLS = 25;
const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const IMPORTER = fileURLToPath(new URL("./crash/importer.mjs", import.meta.url));

const work = tempDir("crash");
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Newest modification time of the files under `dir`. */
function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

beforeAll(() => {
  const stale = ["primitives", "runtime", "node"].some((pkg) => {
    const info = join(ROOT, "packages", pkg, "dist", ".tsbuildinfo");
    return !existsSync(info) || statSync(info).mtimeMs < newest(join(ROOT, "packages", pkg, "src"));
  });
  if (!stale) return;
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const build = spawnSync(process.execPath, [tsc, "-b", "packages/node"], { cwd: ROOT, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`building packages/node failed:\n${build.stdout}${build.stderr}`);
}, 120_000);

const dump = (state: KeyValueReader) =>
  state.keysWithPrefix("").map((k) => `${k}=${Buffer.from(state.get(k)!).toString("hex")}`);

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** The uninterrupted replica: authors BLOCKS blocks in memory and writes them to a file. */
async function generate(file: string): Promise<Chain> {
  const replica = await devChain();
  const senders: Keypair[] = ["Alice", "Bob", "Charlie"].map(devAccount);
  const out: Buffer[] = [];
  for (let b = 0; b < BLOCKS; b++) {
    const nonces = senders.map((s) => nonceOf(replica, s));
    const txs = Array.from({ length: TXS_PER_BLOCK }, (_, j) => {
      const s = j % senders.length;
      return transfer(replica, senders[s]!, address(b * TXS_PER_BLOCK + j), TAO + BigInt(j), nonces[s]!++);
    });
    const produced = replica.produceBlock(txs);
    expect(produced.rejected).toEqual([]);
    const bytes = encodeBlock(produced.block);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(bytes.length);
    out.push(length, Buffer.from(bytes));
  }
  writeFileSync(file, Buffer.concat(out));
  return replica;
}

/** Runs the importer until it is killed (`kill` decides when from its progress) or finishes. */
function runImporter(
  base: string,
  file: string,
  kill: ((committed: number, child: ChildProcess) => void) | undefined,
): Promise<{ committed: number; done: boolean; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [IMPORTER, base, file], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let committed = -1;
    let done = false;
    let stderr = "";
    let pending = "";
    child.stdout.on("data", (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split("\n");
      pending = lines.pop()!;
      for (const line of lines) {
        const [word, n] = line.split(" ");
        if (word === "committed" || word === "ready") committed = Number(n);
        if (word === "done") done = true;
        if (word === "ready" || word === "committed") kill?.(committed, child);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ committed, done, killed: signal === "SIGKILL", stderr }));
  });
}

describe("crash safety", () => {
  it(`kill -9 at ${KILLS} random moments loses no committed block and never leaves half of one`, async () => {
    const file = join(work, "blocks.bin");
    const replica = await generate(file);
    const hashes = Array.from({ length: BLOCKS + 1 }, (_, n) => replica.hashAt(n)!);
    const seed = Date.now() >>> 0;
    const random = rng(seed);
    const base = join(work, "node");
    const heads: number[] = [];
    let kills = 0;

    for (let round = 0; round < KILLS; round++) {
      // Kill once the process has committed a random number of blocks more, then a random 0–4 ms later,
      // so kills land anywhere: executing, computing the root, inside the lmdb commit, or between blocks.
      const target = 1 + Math.floor(random() * 8);
      const delay = random() * 4;
      let start: number | undefined;
      let armed = false;
      const result = await runImporter(base, file, (committed, child) => {
        start ??= committed;
        if (!armed && committed - start >= target) {
          armed = true;
          setTimeout(() => child.kill("SIGKILL"), delay);
        }
      });
      expect(result.stderr, `importer failed (seed ${seed})`).not.toMatch(/Error/);
      if (result.killed) kills++;

      const chain = await Chain.open({ basePath: base });
      const head = chain.head();
      heads.push(head.number);
      // Nothing reported committed is lost; the head is a block of the replica's chain ...
      expect(head.number, `seed ${seed}`).toBeGreaterThanOrEqual(result.committed);
      expect(head.hash).toBe(hashes[head.number]);
      expect(chain.finalizedHead().hash).toBe(head.hash);
      expect(chain.hashAt(head.number + 1)).toBeUndefined();
      // ... and its state is exactly the replica's at that height: no part of the next block.
      expect(dump(chain.headState())).toEqual(dump(replica.stateAt(head.number)));
      await chain.close();
      if (result.done) break;
    }
    expect(kills, `seed ${seed}`).toBeGreaterThanOrEqual(20);
    expect(new Set(heads).size).toBeGreaterThanOrEqual(20);

    // An undisturbed run finishes the chain: same head and state root as the replica; replay agrees.
    const last = await runImporter(base, file, undefined);
    expect(last.done).toBe(true);
    const chain = await Chain.open({ basePath: base });
    expect(chain.head().hash).toBe(replica.head().hash);
    expect(chain.head().header.stateRoot).toBe(replica.head().header.stateRoot);
    expect(chain.replay().blocks).toBe(BLOCKS);
    await chain.close();
    await replica.close();
  }, 120_000);
});
