// `tao wallet` key commands on chain: identity, associate-hotkey, swap-hotkey, swap-coldkey, swap-check, overview.
import { Keypair } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { Wallet } from "@opentao/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
let netuid: number;
const aliceHot = () => Keypair.fromUri("//alice//hot").ss58Address;

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob", "Dave"]);
  const r = await f.devnet.client.submit(devAccount("Alice"), {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: aliceHot() },
  });
  netuid = (r.events as { event: { name: string; data: { netuid: number } } }[]).find(
    (e) => e.event.name === "NetworkAdded",
  )!.event.data.netuid;
});
afterAll(() => f?.stop());

describe("tao wallet set-identity / get-identity", () => {
  it("sets the coldkey's identity (it owns a registered hotkey) and reads it back", async () => {
    const set = await f.run([
      "wallet",
      "set-identity",
      "--wallet-name",
      "alice",
      "--id-name",
      "Alice",
      "--web",
      "https://a",
      "-y",
      "--json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(onlyJson(set).identity).toMatchObject({ name: "Alice", url: "https://a", githubRepo: "" });
    const got = onlyJson(await f.runNet(["wallet", "get-identity", "--ss58", f.address("Alice"), "--json"]));
    expect(got).toMatchObject({ coldkey: f.address("Alice"), identity: { name: "Alice", url: "https://a" } });
    const human = await f.run(["wallet", "get-identity", "--wallet-name", "alice"]);
    expect(human.stdout).toMatch(/name\s+Alice/);
    const none = await f.runNet(["wallet", "get-identity", "-k", f.address("Bob")]);
    expect(none.stdout).toMatch(/Existing identity not found/);
  });

  it("set-identity for people changes the fields given, keeps the others, and says so", async () => {
    const r = await f.run([
      "wallet",
      "set-identity",
      "--wallet-name",
      "alice",
      "--id-name",
      "Alice II",
      "--github",
      "alice/repo",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Successfully set identity\./);
    const got = onlyJson(await f.runNet(["wallet", "get-identity", "--ss58", f.address("Alice"), "--json"]));
    expect(got.identity).toMatchObject({ name: "Alice II", githubRepo: "alice/repo", url: "https://a" });
  });

  it("fails on chain for a coldkey with no registered hotkey, naming the Subtensor error", async () => {
    const r = await f.run(["wallet", "set-identity", "--wallet-name", "dave", "--id-name", "Dave", "-y"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Subtensor returned `HotKeyNotRegisteredInNetwork` \(SubtensorModule\) error/);
    const empty = await f.run(["wallet", "set-identity", "--wallet-name", "dave", "-y"]);
    expect(empty.code).toBe(2);
  });
});

describe("tao wallet associate-hotkey", () => {
  it("associates the wallet's hotkey, says so the second time, refuses someone else's", async () => {
    const dave = Keypair.fromUri("//dave//hot").ss58Address;
    const r = await f.run(["wallet", "associate-hotkey", "--wallet-name", "dave", "-y", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({ hotkey: dave, already: false });
    expect(await f.devnet.client.queryTyped("SubtensorModule", "Owner", [dave])).toBe(f.address("Dave"));
    const again = await f.run(["wallet", "associate-hotkey", "--wallet-name", "dave", "-y"]);
    expect(again.stdout).toMatch(/already associated with wallet dave/);
    const theft = await f.run(["wallet", "associate-hotkey", "--wallet-name", "bob", "--hotkey", dave, "-y"]);
    expect(theft.code).toBe(1);
    expect(theft.stderr).toMatch(/already associated with another coldkey/);
  });
});

describe("tao wallet overview", () => {
  it("lists the wallet's neurons per subnet, JSON and table", async () => {
    const doc = onlyJson(await f.run(["wallet", "overview", "--wallet-name", "alice", "--json"]));
    const neuron = doc.wallets[0].neurons.find((n: { netuid: number }) => n.netuid === netuid);
    expect(neuron).toMatchObject({ uid: 0, hotkey: aliceHot(), hotkey_name: "default" });
    // The stake is the subnet's alpha, shaped as `stake list --json` shapes alpha.
    expect(neuron.symbol).not.toBe("τ");
    expect(neuron.stake).toEqual({
      rao: expect.any(String),
      alpha: expect.any(String),
      symbol: neuron.symbol,
    });
    const human = await f.run(["wallet", "overview", "--wallet-name", "alice"]);
    expect(human.stdout).toContain(`STAKE(${neuron.symbol})`);
    expect(human.stdout).not.toContain("STAKE(τ)");
    expect(human.stdout).toMatch(/COLDKEY\s+HOTKEY\s+UID\s+ACTIVE\s+STAKE\(/);
    expect(human.stdout).toMatch(/alice\s+default\s+0\s+/);
    const bob = await f.run(["wallet", "overview", "--wallet-name", "bob"]);
    expect(bob.stdout).toMatch(/No registered hotkeys/);
  });
});

describe("tao wallet swap-hotkey", () => {
  it("moves the registration to the new hotkey (--json, then for people) and recycles the swap cost", async () => {
    const fresh = Keypair.fromUri("//alice//fresh");
    await new Wallet({ name: "alice", path: f.walletPath, hotkey: "fresh" }).setHotkey(fresh, {
      usePassword: false,
    });
    const r = await f.run([
      "wallet",
      "swap-hotkey",
      "fresh",
      "--wallet-name",
      "alice",
      "--hotkey",
      "default",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({
      old_hotkey: aliceHot(),
      new_hotkey: fresh.ss58Address,
      netuid: null,
    });
    expect(await f.devnet.client.queryTyped("SubtensorModule", "Keys", [netuid, 0])).toBe(fresh.ss58Address);
    await f.devnet.mine(10); // the devnet's rate limit between two hotkey swaps of a coldkey
    const next = Keypair.fromUri("//alice//next");
    await new Wallet({ name: "alice", path: f.walletPath, hotkey: "next" }).setHotkey(next, {
      usePassword: false,
    });
    const human = await f.run([
      "wallet",
      "swap-hotkey",
      "next",
      "--wallet-name",
      "alice",
      "--hotkey",
      "fresh",
      "-y",
    ]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toContain(`Hotkey ${fresh.ss58Address} swapped for new hotkey: ${next.ss58Address}`);
    expect(await f.devnet.client.queryTyped("SubtensorModule", "Keys", [netuid, 0])).toBe(next.ss58Address);
    const missing = await f.run(["wallet", "swap-hotkey", "nope", "--wallet-name", "alice", "-y"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/has no hotkey "nope"/);
    const noArg = await f.run(["wallet", "swap-hotkey", "--wallet-name", "alice", "-y"]);
    expect(noArg.code).toBe(2);
  });
});

describe("tao wallet swap-coldkey and swap-check", () => {
  it("announces (paying the swap cost), shows it, refuses to execute early with the Subtensor error, disputes", async () => {
    const fresh = Keypair.fromUri("//BobNew");
    await f.addWallet("bobnew", fresh);
    const before = await f.free(f.address("Bob"));
    const a = await f.run([
      "wallet",
      "swap-coldkey",
      "announce",
      "--wallet-name",
      "bob",
      "--new-coldkey",
      "bobnew",
      "-y",
      "--json",
    ]);
    expect(a.code, a.stderr).toBe(0);
    const doc = onlyJson(a);
    expect(doc.cost).toEqual({ rao: "100000000", tao: "0.1" });
    expect(doc.announcement.executable_at).toBeGreaterThan(doc.block.number);
    expect(before - (await f.free(f.address("Bob")))).toBeGreaterThan(100_000_000n);
    const check = onlyJson(await f.run(["wallet", "swap-check", "--wallet-name", "bob", "--json"]));
    expect(check.announcements).toHaveLength(1);
    expect(check.announcements[0].coldkey).toBe(f.address("Bob"));
    const human = await f.run(["wallet", "swap-coldkey", "check", "--wallet-name", "bob"]);
    expect(human.stdout).toMatch(
      /Coldkey swap announced for .*\n {2}new coldkey hash: 0x[0-9a-f]{64}\n {2}executable at block \d+/,
    );
    const early = await f.run([
      "wallet",
      "swap-coldkey",
      "execute",
      "--wallet-name",
      "bob",
      "--new-coldkey",
      fresh.ss58Address,
      "-y",
    ]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(
      /Subtensor returned `ColdkeySwapTooEarly` \(SubtensorModule\) error.*executable at block \d+, \d+ blocks from now\); nothing was sent/,
    );
    expect(await f.free(fresh.ss58Address)).toBe(0n);
    const announced = await f.free(f.address("Bob"));
    const wrong = await f.run(
      ["wallet", "swap-coldkey", "execute", "--wallet-name", "bob"].concat([
        "--new-coldkey",
        f.address("Dave"),
        "-y",
      ]),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/`AnnouncedColdkeyHashDoesNotMatch`.*is not the coldkey announced/);
    const clear = await f.run(["wallet", "swap-coldkey", "clear", "--wallet-name", "bob", "-y"]);
    expect(clear.stderr).toMatch(/`ColdkeySwapClearTooEarly`.*it can be withdrawn from block \d+/);
    expect(await f.free(f.address("Bob")), "no fee paid for refused actions").toBe(announced);
    const dispute = await f.run(["wallet", "swap-coldkey", "dispute", "--wallet-name", "bob", "-y"]);
    expect(dispute.code, dispute.stderr).toBe(0);
    expect(dispute.stdout).toMatch(/disputed at block \d+/);
    const again = await f.run(["wallet", "swap-coldkey", "dispute", "--wallet-name", "bob", "-y"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/`ColdkeySwapDisputed`/);
    const none = await f.runNet(["wallet", "swap-check", "--ss58", f.address("Dave")]);
    expect(none.stdout).toMatch(/No coldkey swap announced/);
    const bad = await f.run(["wallet", "swap-coldkey", "frobnicate", "--wallet-name", "bob"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Invalid action: frobnicate/);
  });
});

describe("tao wallet swap-coldkey execute", () => {
  it("after the announcement delay moves the balance to the new coldkey (--json), and the old one is empty", async () => {
    const fresh = Keypair.fromUri("//DaveNew");
    await f.addWallet("davenew", fresh);
    const announce = [
      "wallet",
      "swap-coldkey",
      "announce",
      "--wallet-name",
      "dave",
      "--new-coldkey",
      "davenew",
    ];
    const a = await f.run([...announce, "-y", "--json"]);
    expect(a.code, a.stderr).toBe(0);
    const { executable_at: at } = onlyJson(a).announcement;
    const head = (await f.devnet.client.header()).number;
    await f.devnet.client.call("dev_mine", [at - head]);
    const funds = await f.free(f.address("Dave"));
    const r = await f.run([
      "wallet",
      "swap-coldkey",
      "execute",
      "--wallet-name",
      "dave",
      "--new-coldkey",
      fresh.ss58Address,
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({ success: true });
    expect(await f.free(f.address("Dave"))).toBe(0n);
    const moved = await f.free(fresh.ss58Address);
    expect(moved).toBeGreaterThan(funds - 10_000_000n); // all but the fee
    expect(moved).toBeLessThan(funds);
    const check = await f.runNet(["wallet", "swap-check", "--ss58", f.address("Dave")]);
    expect(check.stdout).toMatch(/No coldkey swap announced/);
  });
});
