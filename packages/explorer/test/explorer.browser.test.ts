// The explorer in a real browser against a live devnet: served by `tao explorer`, it shows a transfer and a
// stake made while it runs with their exact amounts, renders every page with real values, and its
// navigation, search and devnet controls work. Screenshots go to .tmp/explorer-screenshots/.
import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { cryptoReady, Keypair } from "@opentao/primitives";
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

async function serveExplorer(network: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [TAO_BIN, "explorer", "--network", network, "--port", "0"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tao explorer exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve((JSON.parse(line) as { url: string }).url),
    );
  });
  return { child, url };
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
  const served = await serveExplorer(devnet.url);
  server = served.child;
  base = served.url;
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
    expect(await text("stat-issuance")).toBe(formatTau(BigInt(issuance)));
    expect(await text("stat-emission")).toBe("τ1.000000000");
    expect(await text("stat-subnets")).toBe("2");

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

  it("subnets list sorts, and the subnet page shows the metagraph, charts and the Yuma breakdown", async () => {
    await go("#/subnets", "subnets");
    const netuids = async () => page.locator('[data-testid="subnets"] td[data-col="netuid"]').allInnerTexts();
    expect(await netuids()).toEqual(["0", "1"]);
    await page.locator('[data-testid="subnets"] th[data-key="netuid"]').click();
    expect(await netuids()).toEqual(["1", "0"]);
    const row = await page.locator('[data-testid="subnets"] tbody tr', { hasText: "subnet 1" }).textContent();
    const dynamic = await devnet.client.call<{ price: string }>("subnetInfo_getDynamicInfo", [netuid]);
    expect(row).toContain(dynamic.price);
    await shot("subnets");

    await page.getByRole("link", { name: "subnet 1" }).click();
    await page.getByTestId("yuma-table").waitFor();
    const rows = page.locator('[data-testid="metagraph-table"] tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.first().locator('td[data-col="uid"]').textContent()).toBe("0"); // most stake first
    expect(await rows.first().locator(".badge.v").count()).toBe(1);
    await page.locator('[data-testid="metagraph-table"] th[data-key="incentive"]').click();
    expect(await rows.first().locator('td[data-col="uid"]').textContent()).toBe("1"); // weight 65535 wins
    expect(await page.getByTestId("weights-heatmap").getAttribute("data-cells")).toBe("2"); // uid 0 → 1 and 2
    expect(await page.locator('[data-testid="distribution-chart"] svg').count()).toBe(1);
    expect(await page.locator('[data-testid="emission-chart"] svg').count()).toBe(1);
    expect(await page.locator('[data-testid="yuma-table"] tbody tr').count()).toBe(3);
    expect(await page.getByTestId("hyperparameters-table").textContent()).toContain("tempo");
    await shot("subnet");
  });

  it("the validator page shows take, nominators and dividends per subnet", async () => {
    await go(`#/validator/${validatorHotkey}`, "validator-subnets");
    expect(await text("validator-take")).toMatch(/^\d+\.\d\d%$/);
    expect(await text("validator-nominators")).toBe("2"); // Alice (owner) and Bob
    const nominators = await page.getByTestId("validator-nominators-table").textContent();
    expect(nominators).toContain(bob().ss58Address.slice(0, 8));
    const perSubnet = await page.getByTestId("validator-subnets").textContent();
    expect(perSubnet).toContain("100.00%"); // the only validator takes all dividends
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

function formatTau(rao: bigint): string {
  const whole = (rao / TAO).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `τ${whole}.${(rao % TAO).toString().padStart(9, "0")}`;
}
