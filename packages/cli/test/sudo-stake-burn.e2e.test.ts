// `tao sudo stake-burn` against a devnet started here: Alice owns subnet 1 (hotkey //alice//hot, the alice wallet's default); Bob's
// own hotkey is not registered, so he buys back through Alice's. The TAO goes into the pool and the
// alpha it buys is burned: nobody's stake grows, the pool's TAO and price do.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
const TAO = RAO_PER_TAO;
const aliceHot = Keypair.fromUri("//alice//hot").ss58Address;
const nobody = Keypair.fromUri("//Nobody//hot").ss58Address;

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob"]);
  const alice = devAccount("Alice");
  const r = await f.devnet.client.submit(alice, {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: aliceHot },
  });
  if (!r.success) throw new Error(`register_network: ${r.error?.name}`);
  // No epochs while the tests run, so stake changes only by what the command does.
  const call = { pallet: "AdminUtils", name: "sudo_set_tempo", args: { netuid: 1, value: 10_000 } };
  const s = await f.devnet.client.submit(alice, { pallet: "Sudo", name: "sudo", args: { call } });
  if (!s.success) throw new Error(`sudo_set_tempo: ${s.error?.name}`);
}, 60_000);
afterAll(() => f?.stop());

interface Row {
  hotkey: string;
  netuid: number;
  stake: string;
}
async function stake(coldkey: string): Promise<bigint> {
  const rows = await f.devnet.client.call<Row[]>("stakeInfo_getStakeInfoForColdkey", [coldkey]);
  return BigInt(rows.find((r) => r.hotkey === aliceHot && r.netuid === 1)?.stake ?? 0);
}
/** Subnet 1's pool reserves: TAO, alpha. */
const pool = async () =>
  (
    await Promise.all(
      ["SubnetTAO", "SubnetAlphaIn"].map((item) =>
        f.devnet.client.queryTyped<string>("SubtensorModule", item, [1]),
      ),
    )
  ).map(BigInt);
const bob = () => f.address("Bob");
const burn = (...args: string[]) => f.run(["sudo", "stake-burn", ...args]);

describe("tao sudo stake-burn", () => {
  it("bad input moves nothing: root, zero, too many decimals, no subnet, unknown hotkey, too much, declined", async () => {
    const before = [await f.free(bob()), await stake(bob()), ...(await pool())];
    const bobArgs = ["--wallet-name", "bob", "--hotkey", aliceHot];
    const [root, zero, decimals, missing, noSubnet, ownHotkey, stranger, tooMuch, declined, noWallet] =
      await Promise.all([
        burn(...bobArgs, "--netuid", "0", "--amount", "1", "-y"),
        burn(...bobArgs, "--netuid", "1", "--amount", "0", "-y"),
        burn(...bobArgs, "--netuid", "1", "--amount", "1.0000000001", "-y"),
        burn(...bobArgs, "--netuid", "1", "-y"),
        burn(...bobArgs, "--netuid", "9", "--amount", "1", "-y"),
        burn("--wallet-name", "bob", "--netuid", "1", "--amount", "1", "-y"),
        burn("--wallet-name", "bob", "--hotkey", nobody, "--netuid", "1", "--amount", "1", "-y"),
        burn(...bobArgs, "--netuid", "1", "--amount", "100000000", "-y"),
        burn(...bobArgs, "--netuid", "1", "--amount", "1", "--unsafe", "--no"),
        burn("--wallet-name", "carol", "--netuid", "1", "--amount", "1", "-y"),
      ]);
    expect(root.code).toBe(2);
    expect(root.stderr).toContain("Cannot stake and burn on the root subnet.");
    expect(zero.code).toBe(2);
    expect(zero.stderr).toContain("You entered an incorrect stake and burn amount: 0");
    expect(decimals.code).toBe(2);
    expect(decimals.stderr).toContain("--amount");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--amount TAO");
    expect(noSubnet.code).toBe(2);
    expect(noSubnet.stderr).toContain("subnet 9 does not exist");
    for (const r of [ownHotkey, stranger]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("is not registered on the chain");
    }
    expect(stranger.stderr).toContain(nobody);
    expect(tooMuch.code).toBe(1);
    expect(tooMuch.stderr).toContain("Not enough balance");
    expect(declined.code).toBe(1);
    expect(declined.stdout + declined.stderr).toContain("[Auto-declined via --no flag]");
    expect(noWallet.code).toBe(2);
    for (const r of [
      root,
      zero,
      decimals,
      missing,
      noSubnet,
      ownHotkey,
      stranger,
      tooMuch,
      declined,
      noWallet,
    ])
      expect(r.stdout).not.toContain("succeeded");
    expect([await f.free(bob()), await stake(bob()), ...(await pool())]).toEqual(before);
  });

  it("Bob buys back 1 TAO through Alice's hotkey (--json): the TAO is in the pool, no stake is left", async () => {
    const args = ["--wallet-name", "bob", "--hotkey", aliceHot, "--netuid", "1", "--amount", "1", "-y"];
    // The default --tolerance (0.5 %) is far too tight for 1 TAO into this 10 TAO pool: all or nothing,
    // so it is refused before sending: not even a fee is paid.
    const poolBefore = await pool();
    const freeBefore = await f.free(bob());
    const refused = await burn(...args, "--json");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Slippage too high: staking τ1\.0+ on netuid 1 .*at most τ[\d.]+ fits/);
    expect(refused.stderr).not.toContain("--partial");
    expect(await pool()).toEqual(poolBefore);
    expect(await f.free(bob())).toBe(freeBefore);
    expect(await stake(bob())).toBe(0n);

    const [taoBefore, alphaInBefore] = await pool();
    const free = await f.free(bob());
    const r = await f.run(["sudo", "stake-burn", ...args, "--tolerance", "0.5", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r) as {
      success: boolean;
      message: string;
      amount: { rao: string };
      burned: { rao: string };
      limit_price: { rao: string } | null;
      fee: { rao: string };
      balance_before: { rao: string };
      balance_after: { rao: string };
      block: { number: number } | null;
    };
    expect(doc).toMatchObject({
      success: true,
      message: "Subnet stake burn succeeded on SN1.",
      netuid: 1,
      hotkey: aliceHot,
      coldkey: bob(),
      amount: { rao: String(TAO), tao: "1" },
    });
    expect(doc.limit_price).not.toBeNull(); // --safe by default on a dynamic subnet
    expect(doc.block).not.toBeNull();
    const burned = BigInt(doc.burned.rao);
    expect(burned).toBeGreaterThan(0n);
    expect(BigInt(doc.balance_before.rao)).toBe(free);
    const after = await f.free(bob());
    expect(BigInt(doc.balance_after.rao)).toBe(after);
    // 1 TAO and the transaction fee left Bob; none of it came back as stake.
    expect(free - after).toBeGreaterThan(TAO);
    expect(free - after).toBeLessThan(TAO + TAO / 100n);
    expect(await stake(bob())).toBe(0n);
    const [taoAfter, alphaInAfter] = await pool();
    // The pool keeps the TAO but the swap fee, which goes to the block author.
    expect(taoAfter! - taoBefore!).toBeGreaterThan((TAO * 99n) / 100n);
    expect(taoAfter! - taoBefore!).toBeLessThanOrEqual(TAO);
    expect(alphaInBefore! - alphaInAfter!).toBe(burned);
  });

  it("Alice buys back on her subnet in human mode, with btcli's -a and --wallet-hotkey and --unsafe", async () => {
    const held = await stake(f.address("Alice"));
    const [taoBefore] = await pool();
    const r = await f.run([
      "sudo",
      "stake-burn",
      "--wallet-name",
      "alice",
      "--wallet-hotkey",
      "default",
      "--netuid",
      "1",
      "-a",
      "2",
      "--unsafe",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("Subnet stake burn succeeded on SN1. Burned ");
    expect(r.stdout).toContain("for τ2.000000000");
    expect(await stake(f.address("Alice"))).toBe(held);
    const [taoAfter] = await pool();
    expect(taoAfter! - taoBefore!).toBeGreaterThan(TAO);
  });
});
