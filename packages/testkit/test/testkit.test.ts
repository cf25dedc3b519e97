// The test kit as another project would use it: a devnet in-process and as a child, and fixtures
// that revert the chain between tests instead of rebuilding it.
import { cryptoReady, Keypair } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Devnet, loadFixture, startDevnet } from "../src/index.js";

const TAO = 1_000_000_000n;
let devnet: Devnet;
let alice: Keypair;
let runs = 0;

async function subnetFixture(d: Devnet) {
  runs++;
  const hotkey = Keypair.fromUri("//Alice//hot").ss58Address;
  const r = await d.client.submit(alice, {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey },
  });
  expect(r.success).toBe(true);
  return { netuid: 1, hotkey, block: (await d.client.header()).number };
}

const alphaOf = (d: Devnet, hotkey: string, netuid: number) =>
  d.client.queryTyped<string>("SubtensorModule", "TotalHotkeyAlpha", [hotkey, netuid]).then(BigInt);

beforeAll(async () => {
  await cryptoReady();
  alice = Keypair.fromUri("//Alice");
  devnet = await startDevnet();
});
afterAll(() => devnet?.stop());

describe("loadFixture", () => {
  it("runs the fixture once and hands later tests the same state", async () => {
    const { netuid, hotkey, block } = await loadFixture(devnet, subnetFixture);
    const before = await alphaOf(devnet, hotkey, netuid);
    const r = await devnet.client.submit(alice, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey, netuid, amountStaked: 10n * TAO },
    });
    expect(r.success).toBe(true);
    expect(await alphaOf(devnet, hotkey, netuid)).toBeGreaterThan(before);

    const again = await loadFixture(devnet, subnetFixture);
    expect(again.block).toBe(block);
    expect((await devnet.client.header()).number).toBe(block);
    expect(await alphaOf(devnet, hotkey, netuid)).toBe(before);
    await loadFixture(devnet, subnetFixture);
    expect(runs).toBe(1);
  });

  it("mines blocks and epochs on request", async () => {
    const { netuid } = await loadFixture(devnet, subnetFixture);
    const head = (await devnet.client.header()).number;
    expect(await devnet.mine(3)).toBe(head + 3);
    const epoch = await devnet.mineUntilEpoch(netuid);
    expect(epoch.blocks).toBeGreaterThan(0);
  });

  it("refuses a used-up snapshot with a clear error", async () => {
    const id = await devnet.snapshot();
    await devnet.revert(id);
    await expect(devnet.revert(id)).rejects.toThrow(/no snapshot .* \(already used\?\)/);
  });
});

describe("a devnet in a child process", () => {
  it("starts, makes blocks on request and stops", async () => {
    const child = await startDevnet({ where: "child", mode: "manual" });
    try {
      expect(child.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(await child.mine(2)).toBe(2);
    } finally {
      await child.stop();
    }
  });
});
