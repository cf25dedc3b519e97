// The explorer in a real browser against a live devnet: served by `tao explorer`, it shows a transfer and a
// stake made while it runs with their exact amounts, renders every page with the node's values (checked
// against its RPC, and the Yuma breakdown against `tao yuma explain`), and its navigation, search and
// devnet controls work; the page `tao node --dev --explorer` mounts finds its node by itself. The cli bin
// is run, never imported (the explorer sits beside the cli). Screenshots go to .tmp/explorer-screenshots/.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { cryptoReady, formatTao, Keypair } from "@opentao/primitives";
import { type EpochExplanation, pct, type RuntimeCall } from "@opentao/runtime";
import type { DynamicInfo, SubnetInfo } from "@opentao/sdk";
import { type Devnet, startDevnet } from "@opentao/testkit";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, screenshotDir } from "./browser.js";
import { seedSubnet, submit, TAO } from "./seed.js";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const TAO_BIN = join(ROOT, "packages/cli/bin/tao.js");
const SHOTS = screenshotDir(ROOT);

const bob = () => Keypair.fromUri("//Bob");
const recipient = () => Keypair.fromUri("//ExplorerTest");
const TRANSFER = 12_345_678_901n; // τ12.345678901
const STAKE = 3_500_000_000n; // τ3.500000000

let devnet: Devnet;
let server: ChildProcess;
let base: string;
let browser: { context: BrowserContext; close: () => Promise<void> };
let page: Page;
let netuid: number;
let validatorHotkey: string;

/** Runs the tao bin until it prints its one JSON "ready" line. */
async function startTao(args: string[]): Promise<{ child: ChildProcess; ready: Record<string, string> }> {
  const child = spawn(process.execPath, [TAO_BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const ready = await new Promise<Record<string, string>>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tao ${args.join(" ")} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
  });
  return { child, ready };
}

const shot = (name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
const text = async (testId: string) => (await page.getByTestId(testId).textContent()) ?? "";
/** Opens a page and waits for its `ready` element, containing `hasText` when the previous page had one too. */
async function go(hash: string, ready: string, hasText?: string): Promise<void> {
  await page.goto(`${base}${hash}`);
  await page
    .getByTestId(ready)
    .filter(hasText ? { hasText } : {})
    .waitFor();
}

beforeAll(async () => {
  await cryptoReady();
  devnet = await startDevnet();
  ({
    netuid,
    validator: { ss58Address: validatorHotkey },
  } = await seedSubnet(devnet));
  const served = await startTao(["explorer", "--network", devnet.url, "--port", "0"]);
  server = served.child;
  base = served.ready.url!;
  browser = await launchBrowser();
  page = await browser.context.newPage();
  page.setDefaultTimeout(10_000);
}, 30_000);

afterAll(async () => {
  await browser?.close();
  server?.kill("SIGTERM");
  await devnet?.stop();
});

describe("explorer in Chromium", () => {
  it("home shows the chain's counters and, live, a transfer and a stake made while it is open", async () => {
    await go("#/", "latest-blocks");
    const best = (await devnet.client.header()).number;
    await expect.poll(() => text("stat-best")).toBe(`#${best}`);
    const issuance = await devnet.client.call<string>("state_queryStorageTyped", [
      "Balances",
      "TotalIssuance",
    ]);
    // The counters other than the head arrive in their own reads, a moment later on a loaded machine.
    await expect.poll(() => text("stat-issuance")).toBe(formatTau(BigInt(issuance)));
    await expect.poll(() => text("stat-emission")).toBe("τ1.000000000");
    await expect.poll(() => text("stat-subnets")).toBe("2");
    const finalized = await devnet.client.call<string>("chain_getFinalizedHead");
    const finalizedHeader = await devnet.client.call<{ number: string }>("chain_getHeader", [finalized]);
    await expect.poll(() => text("stat-finalized")).toBe(`#${Number.parseInt(finalizedHeader.number, 16)}`);

    const transfer = await submit(devnet, bob(), {
      pallet: "Balances",
      name: "transfer_keep_alive",
      args: { dest: recipient().ss58Address, value: TRANSFER },
    });
    const stake = await submit(devnet, bob(), {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: validatorHotkey, netuid, amountStaked: STAKE },
    });
    // The page follows the chain over its WebSocket subscription, with no reload.
    const txs = page.getByTestId("latest-transactions");
    await txs.getByText(`${transfer.blockNumber}-${transfer.index}`).waitFor();
    await txs.getByText(`${stake.blockNumber}-${stake.index}`).waitFor();
    expect(await txs.textContent()).toContain("Balances.transfer_keep_alive");
    expect(await txs.textContent()).toContain("SubtensorModule.add_stake");
    expect(await text("stat-best")).toBe(`#${stake.blockNumber}`);
    await shot("home");

    // The transfer's block: the decoded call and its Transfer event, with the exact amount.
    await page
      .getByTestId("latest-transactions")
      .getByText(`${transfer.blockNumber}-${transfer.index}`)
      .click();
    await page.getByTestId("extrinsic-title").waitFor();
    expect(await text("extrinsic-args")).toContain("τ12.345678901");
    expect(await text("extrinsic-result")).toBe("success");
    await shot("extrinsic");
    await go(`#/block/${transfer.blockNumber}`, "block-title", `Block #${transfer.blockNumber}`);
    const call = page.locator('[data-call="Balances.transfer_keep_alive"]');
    expect(await call.textContent()).toContain("τ12.345678901");
    const event = page.locator('[data-event="Balances.Transfer"]');
    expect(await event.textContent()).toContain("τ12.345678901");
    expect(await event.textContent()).toContain(recipient().ss58Address.slice(0, 8));
    await shot("block");

    // The stake's block: add_stake with τ3.5 and the StakeAdded event.
    await go(`#/block/${stake.blockNumber}`, "block-title", `Block #${stake.blockNumber}`);
    expect(await page.locator('[data-call="SubtensorModule.add_stake"]').textContent()).toContain(
      "τ3.500000000",
    );
    expect(await page.locator('[data-event="SubtensorModule.StakeAdded"]').textContent()).toContain(
      "τ3.500000000",
    );
  });

  it("account pages show the balance, the stake and the history with the exact amounts", async () => {
    await go(`#/account/${recipient().ss58Address}`, "account-title", recipient().ss58Address);
    await page.getByTestId("history").waitFor();
    expect(await text("account-free")).toBe("τ12.345678901");
    const received = page.locator('[data-testid="history"] [data-event="Balances.Transfer"]');
    expect(await received.textContent()).toContain("τ12.345678901");

    await go(`#/account/${bob().ss58Address}`, "account-title", bob().ss58Address);
    await page.getByTestId("history").waitFor();
    const free = await devnet.client.call<{ data: { free: string } }>("state_queryStorageTyped", [
      "System",
      "Account",
      [bob().ss58Address],
    ]);
    expect(await text("account-free")).toBe(formatTau(BigInt(free.data.free)));
    const sent = page.locator('[data-testid="history"] [data-event="Balances.Transfer"]', {
      hasText: recipient().ss58Address.slice(0, 8),
    });
    expect(await sent.textContent()).toContain("τ12.345678901");
    expect(
      await page.locator('[data-testid="history"] [data-event="SubtensorModule.StakeAdded"]').textContent(),
    ).toContain("τ3.500000000");
    // Bob stakes to the validator and, as a miner, earns stake on his own hotkey: one row each.
    const stake = await devnet.client.call<{ hotkey: string; stake: string }[]>(
      "stakeInfo_getStakeInfoForColdkey",
      [bob().ss58Address],
    );
    const stakeRows = page.getByTestId("account-stake").locator("tbody tr");
    expect(await stakeRows.count()).toBe(stake.length);
    const toValidator = stake.find((s) => s.hotkey === validatorHotkey)!;
    const row = page
      .getByTestId("account-stake")
      .locator("tbody tr", { hasText: validatorHotkey.slice(0, 8) });
    expect(await row.textContent()).toContain(formatTau(BigInt(toValidator.stake)).replace("τ", "α"));
    await shot("account");
  });

  it("subnets list shows each subnet's pool, emission share, cost and schedule, and sorts by any column", async () => {
    // A second subnet (so two share the emission and sorting has something to order), and a miner that is
    // still in its immunity period while the first ones are not.
    await submit(devnet, Keypair.fromUri("//Alice"), sudo("sudo_set_admin_freeze_window", { value: 0 }));
    await submit(devnet, Keypair.fromUri("//Alice"), sudo("sudo_set_immunity_period", { netuid, value: 10 }));
    await submit(devnet, Keypair.fromUri("//Dave"), {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey: Keypair.fromUri("//Dave//hot").ss58Address },
    });
    await devnet.mine(15); // the new subnet's moving price starts moving once it emits
    await submit(devnet, Keypair.fromUri("//Eve"), {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid, hotkey: Keypair.fromUri("//Eve//hot").ss58Address },
    });

    await go("#/subnets", "subnets");
    const best = (await devnet.client.header()).number;
    await expect.poll(() => text("best")).toBe(`#${best}`);
    const infos = await devnet.client.call<SubnetInfo[]>("subnetInfo_getSubnetsInfo");
    const chain = await Promise.all(
      infos.map(async (info) => ({
        info,
        dynamic: await devnet.client.call<DynamicInfo>("subnetInfo_getDynamicInfo", [info.netuid]),
        hyper: await devnet.client.call<{ tempo: number; burn: string }>("subnetInfo_getSubnetHyperparams", [
          info.netuid,
        ]),
      })),
    );
    // Emission is split by the subnets' EMA prices; root takes none.
    const moving = (c: (typeof chain)[number]) => (c.info.netuid === 0 ? 0n : BigInt(c.dynamic.movingPrice));
    const totalMoving = chain.reduce((t, c) => t + moving(c), 0n);
    const share = (c: (typeof chain)[number]) => Number((moving(c) * 1_000_000n) / totalMoving) / 10_000;
    expect(chain.filter((c) => share(c) > 0).length).toBe(2);
    const cell = (n: number, col: string) =>
      page
        .locator('[data-testid="subnets"] tbody tr')
        .filter({ has: page.locator('td[data-col="netuid"]', { hasText: new RegExp(`^${n}$`) }) })
        .locator(`td[data-col="${col}"]`);
    for (const c of chain) {
      const n = c.info.netuid;
      const symbol = c.info.tokenSymbol || "τ";
      await expect.poll(() => cell(n, "price").textContent()).toBe(c.dynamic.price);
      expect(await cell(n, "emission").textContent()).toBe(`${share(c).toFixed(2)}%`);
      expect(await cell(n, "taoIn").textContent()).toBe(formatTao(BigInt(c.dynamic.taoIn), { decimals: 4 }));
      expect(await cell(n, "alphaIn").textContent()).toBe(
        formatTao(BigInt(c.dynamic.alphaIn), { decimals: 4, symbol }),
      );
      expect(await cell(n, "regCost").textContent()).toBe(formatTao(BigInt(c.hyper.burn)));
      expect(await cell(n, "tempo").textContent()).toBe(String(c.hyper.tempo));
      // Subtensor's blocks_until_next_auto_epoch.
      const next = Math.max(0, Number(c.info.lastEpochBlock) + c.info.tempo - best);
      expect(await cell(n, "nextEpoch").textContent()).toBe(String(next));
    }

    const netuids = async () => page.locator('[data-testid="subnets"] td[data-col="netuid"]').allInnerTexts();
    const by = (f: (c: (typeof chain)[number]) => number) =>
      [...chain].sort((a, b) => f(b) - f(a)).map((c) => String(c.info.netuid));
    expect(await netuids()).toEqual(["0", "1", "2"]);
    await page.locator('[data-testid="subnets"] th[data-key="netuid"]').click();
    expect(await netuids()).toEqual(["2", "1", "0"]);
    await page.locator('[data-testid="subnets"] th[data-key="price"]').click();
    const byPrice = by((c) => Number(c.dynamic.price));
    expect(new Set(chain.map((c) => c.dynamic.price)).size).toBe(3);
    expect(await netuids()).toEqual(byPrice);
    await page.locator('[data-testid="subnets"] th[data-key="price"]').click();
    expect(await netuids()).toEqual([...byPrice].reverse());
    await page.locator('[data-testid="subnets"] th[data-key="emission"]').click();
    expect(new Set(chain.map(share)).size).toBe(3);
    expect(await netuids()).toEqual(by(share));
    await shot("subnets");
  });

  it("the subnet page shows the metagraph with its markers, charts of its data and the Yuma breakdown", async () => {
    await go("#/subnets", "subnets");
    await page.getByRole("link", { name: "subnet 1" }).click();
    await page.getByTestId("yuma-table").waitFor();
    const best = (await devnet.client.header()).number;
    const m = await devnet.client.call<Metagraph>("subnetInfo_getMetagraph", [netuid]);
    await page.getByTestId("metagraph").getByText(`Metagraph at block #${best}`).waitFor();
    const rows = page.locator('[data-testid="metagraph-table"] tbody tr');
    expect(await rows.count()).toBe(m.n);
    expect(m.n).toBe(4);
    expect(await rows.first().locator('td[data-col="uid"]').textContent()).toBe("0"); // most stake first
    const marked = async (badge: string) =>
      (
        await page
          .locator(`[data-testid="metagraph-table"] tbody tr:has(.badge.${badge}) td[data-col="uid"]`)
          .allInnerTexts()
      ).sort();
    const uids = m.hotkeys.map((_, uid) => uid);
    expect(await marked("v")).toEqual(uids.filter((u) => m.validatorPermit[u]).map(String));
    const immunity = Number(m.hyperparameters.immunityPeriod);
    const immune = uids.filter((u) => best - Number(m.blockAtRegistration[u]) < immunity).map(String);
    expect(immune).toEqual(["3"]); // Eve's miner, registered just now; the seeded ones are past the period
    expect(await marked("i")).toEqual(immune);
    await page.locator('[data-testid="metagraph-table"] th[data-key="incentive"]').click();
    expect(await rows.first().locator('td[data-col="uid"]').textContent()).toBe("1"); // weight 65535 wins
    expect(await page.getByTestId("weights-heatmap").getAttribute("data-cells")).toBe("2"); // uid 0 → 1 and 2

    // The distribution chart: one bar per uid and series, each labelled with the metagraph's share.
    for (const series of ["incentive", "dividends"] as const) {
      const titles = await page
        .locator(`[data-testid="distribution-chart"] g.series[data-series="${series}"] g.bar title`)
        .allTextContents();
      expect(titles).toEqual(
        uids.map((u) => `${series}, ${u}: ${Math.round((m[series][u]! / 65535) * 100)}%`),
      );
    }
    // The emission chart: one point per block of the last 40, in the same order as the node's values.
    const from = Math.max(0, best - 39);
    const pools = (
      await Promise.all(
        Array.from({ length: best - from + 1 }, (_, i) =>
          devnet.client.call<DynamicInfo | null>("subnetInfo_getDynamicInfo", [netuid, from + i]),
        ),
      )
    ).filter((p) => p !== null); // no pool before the subnet was registered: no point
    const values = (["alphaOutEmission", "alphaInEmission", "taoInEmission"] as const).flatMap((k) =>
      pools.map((p) => Number(p[k]) / 1e9),
    );
    const ys = (
      await page
        .locator('[data-testid="emission-chart"] g.series path')
        .evaluateAll((paths) => paths.map((p) => p.getAttribute("d")!))
    ).flatMap((d) => [...d.matchAll(/[ML][\d.-]+ ([\d.-]+)/g)].map((x) => Number(x[1])));
    expect(ys.length).toBe(values.length);
    expect(values.some((v) => v !== values[0])).toBe(true);
    for (let i = 0; i < ys.length; i++)
      for (let j = 0; j < ys.length; j++) {
        // Higher values are drawn higher up (smaller y); equal values at the same height.
        if (values[i] === values[j]) expect(ys[i]).toBeCloseTo(ys[j]!, 1);
        else expect(Math.sign(ys[j]! - ys[i]!)).toBe(Math.sign(values[i]! - values[j]!));
      }

    // The Yuma breakdown is `tao yuma explain` of the node's last epoch, and agrees with the metagraph.
    const last = await devnet.client.call<{ block: number; scenario: unknown }>("subtensor_lastEpoch", [
      netuid,
    ]);
    const explained = await yumaExplain(last.scenario);
    await page.getByTestId("yuma-summary").getByText(`${last.block}`).waitFor();
    const yumaRows = page.locator('[data-testid="yuma-table"] tbody tr');
    expect(await yumaRows.count()).toBe(explained.uids.length);
    for (const [k, u] of explained.uids.entries()) {
      const cells = await yumaRows.nth(k).locator("td").allInnerTexts();
      expect(cells[0]).toBe(String(u.uid));
      expect(cells.slice(6, 10)).toEqual([
        pct(u.consensus),
        pct(u.incentive),
        pct(u.dividends),
        formatTao(BigInt(u.emission), { decimals: 9, symbol: "α" }),
      ]);
      expect([u.incentive, u.dividends, u.emission]).toEqual([
        m.incentive[u.uid],
        m.dividends[u.uid],
        m.emission[u.uid],
      ]);
    }
    expect(explained.uids.find((u) => u.uid === 0)!.dividends).toBe(65535);

    const tempoRow = page.locator('[data-testid="hyperparameters-table"] tr', { hasText: /^tempo/ });
    expect(await tempoRow.locator("td").allInnerTexts()).toEqual(["tempo", String(m.hyperparameters.tempo)]);
    await shot("subnet");
  });

  it("the validator page shows take, nominators and dividends per subnet", async () => {
    await go(`#/validator/${validatorHotkey}`, "validator-subnets");
    const delegate = await devnet.client.call<{ take: number }>("delegateInfo_getDelegate", [
      validatorHotkey,
    ]);
    expect(delegate.take).toBe(11_796); // Subtensor's default take
    expect(await text("validator-take")).toBe("18.00%");
    expect(await text("validator-nominators")).toBe("2"); // Alice (owner) and Bob
    const nominators = await page.getByTestId("validator-nominators-table").textContent();
    expect(nominators).toContain(bob().ss58Address.slice(0, 8));
    const m = await devnet.client.call<Metagraph>("subnetInfo_getMetagraph", [netuid]);
    const uid = m.hotkeys.indexOf(validatorHotkey);
    const row = page.getByTestId("validator-subnets").locator("tbody tr");
    expect(await row.count()).toBe(1);
    expect(await row.locator('td[data-col="netuid"]').textContent()).toBe(String(netuid));
    expect(await row.locator('td[data-col="uid"]').textContent()).toBe(String(uid));
    // The only validator takes all dividends.
    expect(m.dividends[uid]).toBe(65535);
    expect(await row.locator('td[data-col="dividends"]').textContent()).toBe("100.00%");
    await shot("validator");
  });

  it("search finds blocks by number and hash, extrinsics by hash and accounts by address", async () => {
    const search = async (q: string) => {
      await page.getByTestId("search").fill(q);
      await page.getByTestId("search").press("Enter");
    };
    await go("#/", "latest-blocks");
    await search("3");
    await expect.poll(() => text("block-title")).toBe("Block #3");
    const hash = await devnet.client.blockHash(5);
    await search(hash);
    await expect.poll(() => text("block-title")).toBe("Block #5");
    const transfer = await submit(devnet, bob(), {
      pallet: "Balances",
      name: "transfer_keep_alive",
      args: { dest: recipient().ss58Address, value: 1n * TAO },
    });
    await go(`#/extrinsic/${transfer.blockNumber}-${transfer.index}`, "extrinsic-hash");
    const xtHash = await text("extrinsic-hash");
    await go("#/", "latest-blocks");
    await search(xtHash);
    await expect.poll(() => page.url()).toContain(`#/extrinsic/${transfer.blockNumber}-${transfer.index}`);
    await search(recipient().ss58Address);
    await expect.poll(() => text("account-free")).toBe("τ13.345678901");
    await search("not-a-thing");
    await page.getByTestId("search-none").waitFor();
    await shot("search");
  });

  it("bad input and an unreachable node get a clear message", async () => {
    await go("#/account/not-an-address", "bad-address");
    expect(await text("bad-address")).toContain("“not-an-address” is not an SS58 address");
    await go("#/validator/5Grwva", "bad-address");
    await go("#/block/99999999", "no-block");
    expect(await text("no-block")).toBe("No block 99999999 on this chain.");
    await page.goto(`${base}?rpc=ws://127.0.0.1:9#/`);
    await page.getByTestId("fatal").waitFor();
    expect(await text("fatal")).toBe("cannot reach the node at ws://127.0.0.1:9 (trying again every 3 s)");
  });

  it("the page that `tao node --dev --explorer` mounts at /explorer/ finds its node from its own origin", async () => {
    const { child, ready } = await startTao(["node", "--dev", "--rpc-port", "0", "--instant", "--explorer"]);
    const own = await browser.context.newPage();
    try {
      const rpc = async <T>(method: string, params: unknown[] = []) => {
        const r = await fetch(ready.http!, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        });
        return ((await r.json()) as { result: T }).result;
      };
      await rpc("dev_mine", [3]);
      const best = Number.parseInt((await rpc<{ number: string }>("chain_getHeader")).number, 16);
      expect(best).toBe(3);
      // No ?rpc= and no config.json: the node that served the page is the one it reads.
      await own.goto(ready.explorer!);
      await own.getByTestId("stat-best").filter({ hasText: "#3" }).waitFor({ timeout: 10_000 });
      await own.getByTestId("latest-blocks").getByText("#3").first().waitFor({ timeout: 10_000 });
      await own.screenshot({ path: join(SHOTS, "node-mounted.png"), fullPage: true });
    } finally {
      await own.close();
      child.kill("SIGTERM");
    }
  });

  it("devnet controls mine a block and run a subnet to its next epoch", async () => {
    await go("#/subnet/1", "dev-controls");
    const before = (await devnet.client.header()).number;
    await page.getByTestId("mine-1").click();
    await expect.poll(() => text("dev-message")).toBe(`Mined block #${before + 1}`);
    await page.getByTestId("run-epoch").click();
    await expect.poll(() => text("dev-message")).toMatch(/^Subnet 1 ran its epoch at block #\d+/);
    const epochBlock = Number(/#(\d+)/.exec(await text("dev-message"))![1]);
    expect(await devnet.client.call<{ block: number }>("subtensor_lastEpoch", [1])).toMatchObject({
      block: epochBlock,
    });
    await expect.poll(() => text("best")).toBe(`#${epochBlock}`);
    await page.getByTestId("yuma-summary").getByText(`${epochBlock}`).waitFor();
    await shot("devnet-controls");
  });
});

type Metagraph = {
  n: number;
  hotkeys: string[];
  validatorPermit: boolean[];
  blockAtRegistration: string[];
  incentive: number[];
  dividends: number[];
  emission: string[];
  hyperparameters: Record<string, string | number | boolean>;
};

const sudo = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "Sudo",
  name: "sudo",
  args: { call: { pallet: "AdminUtils", name, args } },
});

/** `tao yuma explain --json` of a scenario, as a person would run it on the node's last epoch. */
async function yumaExplain(scenario: unknown): Promise<EpochExplanation> {
  const dir = mkdtempSync(join(tmpdir(), "opentao-explorer-yuma-"));
  try {
    const file = join(dir, "epoch.json");
    writeFileSync(file, JSON.stringify(scenario));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(process.execPath, [TAO_BIN, "yuma", "explain", file, "--json"], (error, out, err) =>
        error ? reject(new Error(`tao yuma explain: ${err}`)) : resolve(out),
      ),
    );
    return JSON.parse(stdout) as EpochExplanation;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function formatTau(rao: bigint): string {
  const whole = (rao / TAO).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `τ${whole}.${(rao % TAO).toString().padStart(9, "0")}`;
}
