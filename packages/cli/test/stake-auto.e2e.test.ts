// `tao stake auto` and `tao stake set-auto` against a devnet started here: Alice owns subnet 1 (hotkey
// //Alice//hot); Bob and Dave point their miner incentive there. Bad input sends nothing.
import { Keypair } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
const aliceHot = Keypair.fromUri("//Alice//hot").ss58Address;
const bobHot = Keypair.fromUri("//Bob//hot").ss58Address;

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob", "Dave"]);
  const r = await f.devnet.client.submit(devAccount("Alice"), {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: aliceHot },
  });
  if (!r.success) throw new Error(`register_network: ${r.error?.name}`);
}, 60_000);
afterAll(() => f?.stop());

const destination = (coldkey: string, netuid = 1) =>
  f.devnet.client.queryTyped<string | null>("SubtensorModule", "AutoStakeDestination", [coldkey, netuid]);

interface Row {
  netuid: number;
  status: string;
  destination: string | null;
}

describe("tao stake set-auto / auto", () => {
  it("sets Bob's destination on subnet 1 (--json) and `stake auto` shows it; other subnets stay default", async () => {
    const before = onlyJson(await f.run(["stake", "auto", "--wallet-name", "bob", "--json"]));
    expect(before.coldkey).toBe(f.address("Bob"));
    expect(before.subnets.map((s: Row) => [s.netuid, s.status, s.destination])).toEqual([
      [0, "default", null],
      [1, "default", null],
    ]);

    const r = await f.run([
      "stake",
      "set-auto",
      "--wallet-name",
      "bob",
      "--netuid",
      "1",
      "--hotkey-ss58",
      aliceHot,
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc).toMatchObject({
      success: true,
      coldkey: f.address("Bob"),
      netuid: 1,
      hotkey: aliceHot,
      previous: null,
    });
    expect(doc.block.number).toBeGreaterThan(0);
    expect(await destination(f.address("Bob"))).toBe(aliceHot);

    const after = onlyJson(await f.runNet(["stake", "auto", "--ss58", f.address("Bob"), "--json"]));
    expect(after.subnets.find((s: Row) => s.netuid === 1)).toMatchObject({
      status: "custom",
      destination: aliceHot,
    });
    expect(after.subnets.find((s: Row) => s.netuid === 0)).toMatchObject({
      status: "default",
      destination: null,
    });
  });

  it("human mode: set-auto prints a confirmation line, auto prints the table and the count", async () => {
    const set = await f.run([
      "stake",
      "set-auto",
      "--wallet-name",
      "dave",
      "--netuid",
      "1",
      "--hotkey-ss58",
      aliceHot,
      "-y",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain(`Auto-stake destination set for netuid 1: ${aliceHot}`);
    expect(await destination(f.address("Dave"))).toBe(aliceHot);

    const shown = await f.run(["stake", "auto", "--wallet-name", "dave"]);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toContain("Auto-stake destinations of dave");
    expect(shown.stdout).toMatch(new RegExp(`1\\s.*Custom\\s+${aliceHot}`));
    expect(shown.stdout).toMatch(/0\s.*root\s+Default/);
    expect(shown.stdout).toContain("Total subnets: 2  Custom destinations: 1");
  });

  it("bad input sends nothing: bad address, unregistered hotkey, no such subnet, same destination again", async () => {
    const bob = f.address("Bob");
    const freeBefore = await f.free(bob);
    const base = ["stake", "set-auto", "--wallet-name", "bob", "-y", "--json"];
    const [badAddress, unregistered, noSubnet, missing, same] = await Promise.all([
      f.run([...base, "--netuid", "1", "--hotkey-ss58", "5notanaddress"]),
      f.run([...base, "--netuid", "1", "--hotkey-ss58", bobHot]),
      f.run([...base, "--netuid", "7", "--hotkey-ss58", aliceHot]),
      f.run([...base, "--netuid", "1"]),
      f.run([...base, "--netuid", "1", "--hotkey-ss58", aliceHot]),
    ]);
    // --json: the error is the one JSON document on stdout.
    const error = (r: typeof same) => {
      const doc = onlyJson(r);
      expect(doc.success).toBe(false);
      return doc.error as string;
    };
    expect(badAddress.code).toBe(2);
    expect(error(badAddress)).toContain('--hotkey-ss58 "5notanaddress" is not a valid SS58 address');
    expect(unregistered.code).toBe(2);
    expect(error(unregistered)).toContain(`hotkey ${bobHot} is not registered on subnet 1`);
    expect(noSubnet.code).toBe(2);
    expect(error(noSubnet)).toContain("subnet 7 does not exist");
    expect(missing.code).toBe(2);
    expect(error(missing)).toContain("--hotkey-ss58");
    expect(same.code).toBe(1);
    expect(error(same)).toContain("already the auto-stake destination on subnet 1");
    expect(await f.free(bob)).toBe(freeBefore);
    expect(await destination(bob)).toBe(aliceHot);

    // Human mode: the error goes to stderr.
    const badColdkey = await f.runNet(["stake", "auto", "--ss58", "nope"]);
    expect(badColdkey.code).toBe(2);
    expect(badColdkey.stdout).toBe("");
    expect(badColdkey.stderr).toContain('--ss58 "nope" is not a valid SS58 address');
  });
});
