// What a `tao` command costs a person or a script: the process start-up floor, an action that loads no
// chain code, reads against a devnet (connect, query, close) and a transfer that waits for finalization.
// Median wall time of 5 runs of the built bin against an in-process devnet. `npm run bench -- cli`
// (needs `npm run build`).
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cryptoReady } from "../packages/primitives/src/index.js";
import { devAccount } from "../packages/runtime/src/index.js";
import { Wallet } from "../packages/sdk/src/index.js";
import { startDevnet } from "../packages/testkit/src/index.js";
import { type BenchRow, printTable } from "./harness.js";

const TAO_JS = fileURLToPath(new URL("../packages/cli/bin/tao.js", import.meta.url));
const RUNS = 5;

function run(args: string[], env: Record<string, string>): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      [TAO_JS, ...args],
      { env: { ...process.env, NO_COLOR: "1", ...env } },
      (e, _o, err) =>
        e ? reject(new Error(`tao ${args.join(" ")}: ${err}`)) : resolve(performance.now() - t0),
    ),
  );
}

async function median(
  name: string,
  args: string[],
  env: Record<string, string>,
  note: string,
): Promise<BenchRow> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push(await run(args, env));
  times.sort((a, b) => a - b);
  return { name, ms: times[Math.floor(RUNS / 2)]!, note };
}

export default async function main(): Promise<void> {
  await cryptoReady();
  const devnet = await startDevnet({ where: "in-process" });
  try {
    const dir = mkdtempSync(join(tmpdir(), "opentao-bench-cli-"));
    await new Wallet({ name: "alice", path: dir }).setColdkey(devAccount("Alice"), { usePassword: false });
    const env = { BTCLI_CONFIG_PATH: join(dir, "config.yml") };
    const net = ["--network", devnet.url];
    const bob = devAccount("Bob").ss58Address;
    const rows = [
      await median("tao --version", ["--version"], env, "node start-up and the command tree"),
      await median(
        "tao utils convert --tao 1.5",
        ["utils", "convert", "--tao", "1.5"],
        env,
        "an action, no chain",
      ),
      await median(
        "tao wallet balance --ss58 … --json",
        ["wallet", "balance", "--ss58", bob, "--json", ...net],
        env,
        "connect, 3 reads, close",
      ),
      await median(
        "tao subnets list --json",
        ["subnets", "list", "--json", ...net],
        env,
        "connect, 2 info calls + identities",
      ),
      await median(
        "tao wallet transfer … -y --json",
        [
          "wallet",
          "transfer",
          "--wallet-name",
          "alice",
          "--wallet-path",
          dir,
          "--dest",
          bob,
          "--amount",
          "0.001",
          "-y",
          "--json",
          ...net,
        ],
        env,
        "balance check, sign, submit, wait for finalization (instant devnet)",
      ),
    ];
    printTable(`tao command wall time, median of ${RUNS} runs (ms)`, rows);
  } finally {
    await devnet.stop();
  }
}
