// `tao view dashboard` against a devnet: Alice owns subnet 1 (named with markup, to prove it is
// escaped), Bob stakes on it. The page and the JSON must say what the chain says at the page's block.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { formatTao, Keypair, RAO_PER_TAO, utf8 } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson, tao } from "./run-tao.js";

let f: ChainFixture;
let out: string;
const aliceHot = Keypair.fromUri("//alice//hot").ss58Address;
const SUBNET_NAME = `<script>alert("x")</script> & Co`;
const ALICE_NAME = `<img src=x onerror=alert(1)>Alice`;
const STAKED = 10n * RAO_PER_TAO;

const empty = (text: string) => utf8(text);
async function submit(who: string, name: string, args: Record<string, unknown>) {
  const r = await f.devnet.client.submit(devAccount(who), { pallet: "SubtensorModule", name, args });
  if (!r.success) throw new Error(`${name}: ${r.error?.name}`);
  return r;
}

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob"]);
  out = mkdtempSync(join(tmpdir(), "opentao-view-"));
  await submit("Alice", "register_network", { hotkey: aliceHot });
  // No epochs while the tests run, so stake changes only by what the tests do.
  const tempo = { pallet: "AdminUtils", name: "sudo_set_tempo", args: { netuid: 1, value: 10_000 } };
  const sudo = await f.devnet.client.submit(devAccount("Alice"), {
    pallet: "Sudo",
    name: "sudo",
    args: { call: tempo },
  });
  if (!sudo.success) throw new Error(`sudo_set_tempo: ${sudo.error?.name}`);
  const blank = {
    githubRepo: "",
    subnetContact: "",
    subnetUrl: "",
    discord: "",
    description: "",
    logoUrl: "",
    additional: "",
  };
  await submit("Alice", "set_subnet_identity", {
    netuid: 1,
    identity: Object.fromEntries(
      Object.entries({ subnetName: SUBNET_NAME, ...blank }).map(([k, v]) => [k, empty(v)]),
    ),
  });
  await submit("Alice", "set_identity", {
    name: empty(ALICE_NAME),
    url: empty(""),
    githubRepo: empty(""),
    image: empty(""),
    discord: empty(""),
    description: empty(""),
    additional: empty(""),
  });
  await submit("Bob", "add_stake", { hotkey: aliceHot, netuid: 1, amountStaked: STAKED });
}, 60_000);
afterAll(async () => {
  await f?.stop();
  if (out) rmSync(out, { recursive: true, force: true });
});

interface StakeRow {
  hotkey: string;
  netuid: number;
  stake: string;
  value: string;
}
const stakeAt = (coldkey: string, block: number) =>
  f.devnet.client.call<StakeRow[]>("stakeInfo_getStakeInfoForColdkey", [coldkey, block]);
const freeAt = async (address: string, block: number) =>
  BigInt(
    (await f.devnet.client.queryTyped<{ data: { free: string } }>("System", "Account", [address], block)).data
      .free,
  );

describe("tao view dashboard", () => {
  it("--help: btcli's flags with btcli's aliases, each flag named only in its own entry", async () => {
    const help = (await tao(["view", "dashboard", "--help"])).stdout;
    const options = help.slice(help.indexOf("Options:"), help.indexOf("Examples:"));
    // One entry per option: its line starts with "  -", wrapped lines follow.
    const entries = options.split(/\n(?= {2}-)/).map((e) => e.trim().replace(/\s+/g, " "));
    const aliasesOf = (flag: string) => {
      const entry = entries.find((e) => e.startsWith(`${flag} `))!;
      return (/\(aliases: ([^;)]+)/.exec(entry)?.[1] ?? "").split(", ").filter(Boolean);
    };
    expect(aliasesOf("--coldkey-ss58")).toEqual(["--ss58"]);
    expect(aliasesOf("--save-file")).toEqual(["--save"]);
    expect(aliasesOf("--dashboard-path")).toEqual([
      "--dashboard_path",
      "--dash_path",
      "--dash.path",
      "--dashboard.path",
    ]);
    expect(aliasesOf("--use-wry")).toEqual(["--html"]);
    expect(options.match(/--save-file/g)).toHaveLength(1);
    expect(options).not.toMatch(/--no-save-file/);
  });

  let page: string;
  let doc: ReturnType<typeof onlyJson>;

  it("--save-file --json: writes <name>_<block>_<random>.html into --dashboard-path; the JSON is the chain's", async () => {
    const dir = join(out, "saved");
    const r = await f.run([
      "view",
      "dashboard",
      "--wallet-name",
      "bob",
      "--save-file",
      "--dashboard-path",
      dir,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    doc = onlyJson(r);
    expect(dirname(doc.path)).toBe(dir);
    expect(basename(doc.path)).toMatch(new RegExp(`^bob_${doc.block}_[0-9a-f]{8}\\.html$`));
    expect(readdirSync(dir)).toEqual([basename(doc.path)]);
    page = readFileSync(doc.path, "utf8");

    const bob = f.address("Bob");
    expect(doc.coldkey).toBe(bob);
    expect(doc.free.rao).toBe(String(await freeAt(bob, doc.block)));
    const chain = await stakeAt(bob, doc.block);
    expect(chain).toHaveLength(1);
    expect(doc.stakes).toEqual([
      expect.objectContaining({
        hotkey: aliceHot,
        netuid: 1,
        stake: expect.objectContaining({ rao: chain[0]!.stake }),
        value: expect.objectContaining({ rao: chain[0]!.value }),
      }),
    ]);
    expect(doc.total_value.rao).toBe(chain[0]!.value);
    // Bob's buy lifted the thin pool's price; selling it all back moves the price down again and pays a
    // fee: less than the value at the lifted price, and no more than the TAO he put in.
    const after = BigInt(doc.total_value_after_slippage.rao);
    expect(after).toBeLessThan(BigInt(chain[0]!.value));
    expect(after).toBeLessThanOrEqual(STAKED);
    expect(Number(doc.slippage_percent)).toBeGreaterThan(0);
    const subnet = doc.subnets.find((s: { netuid: number }) => s.netuid === 1);
    expect(subnet).toMatchObject({ name: SUBNET_NAME, neurons: 1 });
    expect(doc.subnets.map((s: { netuid: number }) => s.netuid).sort()).toEqual([0, 1]);
  });

  it("the page holds the coldkey, the exact stake, the subnet's name and the block; chain text is escaped", () => {
    expect(page).toMatch(/^<!DOCTYPE html>/);
    expect(page).toContain(f.address("Bob"));
    expect(page).toContain(formatTao(BigInt(doc.stakes[0].stake.rao), { symbol: "" }));
    expect(page).toContain(formatTao(BigInt(doc.free.rao)));
    expect(page).toContain(`<dd id="block">${doc.block}</dd>`);
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co");
    expect(page).not.toContain("<script");
    expect(page).toContain("<svg"); // the stake chart
    // Nothing to fetch: the page opens offline.
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("the value after slippage is what unstaking pays out", async () => {
    const r = await submit("Bob", "remove_stake", {
      hotkey: aliceHot,
      netuid: 1,
      amountUnstaked: BigInt(doc.stakes[0].stake.rao),
    });
    const removed = (r.events as { event: { name: string; data: { tao: string } } }[]).find(
      (e) => e.event.name === "StakeRemoved",
    );
    expect(String(removed!.event.data.tao)).toBe(doc.stakes[0].value_after_slippage.rao);
    await submit("Bob", "add_stake", { hotkey: aliceHot, netuid: 1, amountStaked: STAKED });
  });

  it("for people: prints where the page is (no browser without a terminal); without --save-file it goes to the temp dir", async () => {
    const temp = mkdtempSync(join(out, "tmp-"));
    const r = await f.run(["view", "dashboard", "--wallet-name", "bob"], { TMPDIR: temp });
    expect(r.code, r.stderr).toBe(0);
    const m = /The HTML file is saved at: (\S+)/.exec(r.stdout);
    expect(m).not.toBeNull();
    expect(dirname(m![1]!)).toBe(temp);
    expect(existsSync(m![1]!)).toBe(true);
    expect(r.stdout).not.toMatch(/in your browser/);
  });

  it("--coldkey-ss58 needs no wallet; the identity name heads the page, escaped", async () => {
    const alice = f.address("Alice");
    const dir = join(out, "ss58");
    const r = await f.run([
      "view",
      "dashboard",
      "--wallet-name",
      "nobody",
      "--coldkey-ss58",
      alice,
      "--save",
      "--dashboard-path",
      dir,
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const d = onlyJson(r);
    expect(d).toMatchObject({ coldkey: alice, name: alice.slice(0, 7), identity: ALICE_NAME, stakes: [] });
    expect(basename(d.path).startsWith(`${alice.slice(0, 7)}_${d.block}_`)).toBe(true);
    const html = readFileSync(d.path, "utf8");
    expect(html).toContain(`<h1>&lt;img src=x onerror=alert(1)&gt;Alice (${alice.slice(0, 7)})</h1>`);
    expect(html).not.toContain("<img");
  });

  it("bad input: exit 2 with a clear message, and no file written", async () => {
    const dir = join(out, "bad");
    const save = ["--save-file", "--dashboard-path", dir];
    const unknown = await f.run(["view", "dashboard", "--wallet-name", "nobody", ...save]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/wallet "nobody" has no coldkey/);

    const address = await f.run(["view", "dashboard", "--coldkey-ss58", "5notanaddress", ...save]);
    expect(address.code).toBe(2);
    expect(address.stderr).toMatch(/Invalid SS58 address: 5notanaddress/);

    const both = await f.run(["view", "dashboard", "--wallet-name", "bob", "--use-wry", ...save]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/Cannot save file when using browser output/);
    expect(existsSync(dir)).toBe(false);

    const file = join(out, "a-file");
    writeFileSync(file, "");
    const unwritable = await f.run([
      "view",
      "dashboard",
      "--wallet-name",
      "bob",
      "--save-file",
      "--dashboard-path",
      join(file, "sub"),
    ]);
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(
      /--dashboard-path .*a-file\/sub is not a directory the dashboard can be written to/,
    );
    expect(readFileSync(file, "utf8")).toBe("");
  });
});
