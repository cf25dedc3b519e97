// `tao node --dev` as users run it: the ready line, the accounts file, interval blocks, a chain on disk that
// keeps its state across a restart, and clean shutdown on SIGINT/SIGTERM.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { signExtrinsic } from "@opentao/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { TAO_BIN } from "./run-tao.js";

// biome-ignore lint/suspicious/noExplicitAny: JSON from the node
type Any = any;

function startNode(args: string[]) {
  const child = spawn(TAO_BIN, ["node", ...args], { env: { ...process.env, NO_COLOR: "1" } });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exit = new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  const ready = new Promise<Any>((resolve, reject) => {
    child.stdout.on("data", (d) => {
      stdout += d;
      if (stdout.includes("\n")) resolve(JSON.parse(stdout.split("\n")[0]!));
    });
    child.once("exit", (c) => reject(new Error(`exited ${c}: ${stderr}`)));
  });
  return { child, ready, exit, stderr: () => stderr };
}

/** One call over a fresh WebSocket. */
function call(url: string, method: string, params: unknown[] = []): Promise<Any> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once("open", () => ws.send(JSON.stringify({ jsonrpc: "2.0", id: 1, method, params })));
    ws.once("message", (d) => {
      const msg = JSON.parse(d.toString());
      ws.close();
      if (msg.error) reject(new Error(msg.error.message));
      else resolve(msg.result);
    });
    ws.once("error", reject);
  });
}

beforeAll(() => cryptoReady());

describe("tao node --dev", () => {
  it("keeps its chain across a restart with --base-path, writes the accounts file, stops cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opentao-devnet-"));
    const accounts = join(dir, "accounts.json");
    const first = startNode([
      "--dev",
      "--rpc-port",
      "0",
      "--manual",
      "--base-path",
      dir,
      "--accounts-out",
      accounts,
    ]);
    const ready = await first.ready;
    expect(ready).toMatchObject({ event: "ready", mode: "manual", basePath: dir, accountsOut: accounts });
    expect(ready.startupMs).toBeLessThan(5000);
    const file = JSON.parse(readFileSync(accounts, "utf8"));
    expect(file.warning).toMatch(/public/);
    expect(file.accounts.map((a: Any) => a.name)).toContain("Alice");

    const alice = Keypair.fromUri("//Alice");
    const dest = Keypair.fromUri("//restart").ss58Address;
    const tx = signExtrinsic(
      alice,
      { pallet: "Balances", name: "transfer_allow_death", args: { dest, value: 7_000_000_000n } },
      { nonce: 0, genesisHash: ready.genesisHash, birthHash: ready.genesisHash },
    );
    await call(ready.rpc, "author_submitExtrinsic", [`0x${Buffer.from(tx).toString("hex")}`]);
    await call(ready.rpc, "dev_mine", [2]);
    first.child.kill("SIGINT");
    expect(await first.exit).toBe(0);
    expect(first.stderr()).toMatch(/stopped/);

    const second = startNode(["--dev", "--rpc-port", "0", "--manual", "--base-path", dir]);
    const again = await second.ready;
    expect(again.best).toBe(2);
    expect(again.genesisHash).toBe(ready.genesisHash);
    const account = await call(again.rpc, "state_queryStorageTyped", ["System", "Account", [dest]]);
    expect(account.data.free).toBe("7000000000");
    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
  }, 30_000);

  it("refuses a base path another node is using and a port that is taken, with exit 2 and no stack trace", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opentao-devnet-lock-"));
    const first = startNode(["--dev", "--rpc-port", "0", "--manual", "--base-path", dir]);
    const ready = await first.ready;
    const port = new URL(ready.rpc).port;

    const samePath = startNode(["--dev", "--rpc-port", "0", "--manual", "--base-path", dir]);
    await expect(samePath.ready).rejects.toThrow(/exited 2/);
    expect(samePath.stderr()).toMatch(
      new RegExp(
        `another process \\(pid ${first.child.pid}\\) is using the database at ${dir}; stop it first`,
      ),
    );
    const samePort = startNode(["--dev", "--rpc-port", port, "--manual"]);
    await expect(samePort.ready).rejects.toThrow(/exited 2/);
    expect(samePort.stderr()).toMatch(new RegExp(`port ${port} is in use\npick another with --rpc-port`));
    for (const refused of [samePath, samePort]) expect(refused.stderr()).not.toMatch(/\n\s+at /);
    expect(await call(ready.rpc, "chain_getHeader")).toMatchObject({ number: "0x0" });

    first.child.kill("SIGTERM");
    expect(await first.exit).toBe(0);
    // The lock goes with the node: the next one opens the same chain.
    const next = startNode(["--dev", "--rpc-port", "0", "--manual", "--base-path", dir]);
    expect((await next.ready).genesisHash).toBe(ready.genesisHash);
    next.child.kill("SIGTERM");
    expect(await next.exit).toBe(0);
  }, 30_000);

  it("makes blocks on an interval", async () => {
    const node = startNode(["--dev", "--rpc-port", "0", "--block-time", "50"]);
    const ready = await node.ready;
    expect(ready).toMatchObject({ mode: "interval", blockTimeMs: 50 });
    await new Promise((r) => setTimeout(r, 400));
    const header = await call(ready.rpc, "chain_getHeader");
    expect(Number.parseInt(header.number, 16)).toBeGreaterThanOrEqual(3);
    node.child.kill("SIGTERM");
    expect(await node.exit).toBe(0);
  }, 30_000);

  it("refuses conflicting block modes", async () => {
    const node = startNode(["--dev", "--instant", "--manual"]);
    await expect(node.ready).rejects.toThrow(/exclude each other/);
  });

  it("creates subnets, neurons and stake from a --genesis file, and refuses one it cannot apply", async () => {
    const dir = mkdtempSync(join(tmpdir(), "opentao-genesis-"));
    const cold = (n: string) => Keypair.fromUri(`//${n}`).ss58Address;
    const hot = (n: string) => Keypair.fromUri(`//${n}//hot`).ss58Address;
    const subnet = (stakeFrom: string, amount: string) => ({
      owner: cold("Alice"),
      hotkey: hot("Alice"),
      neurons: [{ coldkey: cold("Bob"), hotkey: hot("Bob") }],
      stake: [{ coldkey: stakeFrom, hotkey: hot("Alice"), amount }],
    });
    const good = join(dir, "good.json");
    writeFileSync(good, JSON.stringify({ subnets: [subnet(cold("Alice"), "100000000000")] }));
    const node = startNode(["--dev", "--rpc-port", "0", "--manual", "--genesis", good]);
    const ready = await node.ready;
    const meta = await call(ready.rpc, "subnetInfo_getMetagraph", [1, {}]);
    expect(meta.hotkeys).toEqual([hot("Alice"), hot("Bob")]);
    expect(BigInt(meta.stake[0])).toBeGreaterThan(0n);
    node.child.kill("SIGTERM");
    expect(await node.exit).toBe(0);

    const bad = join(dir, "bad.json");
    writeFileSync(bad, JSON.stringify({ subnets: [subnet(cold("Dave"), "9000000000000")] }));
    const refused = startNode(["--dev", "--rpc-port", "0", "--manual", "--genesis", bad]);
    await expect(refused.ready).rejects.toThrow(
      /subnets\[0\]\.stake\[0\]: SubtensorModule\.NotEnoughBalanceToStake/,
    );
    expect(await refused.exit).toBe(2);
  }, 30_000);
});
