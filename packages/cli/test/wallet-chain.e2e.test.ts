// `tao wallet balance` and `tao wallet transfer` against a devnet node started here.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Keypair, RAO_PER_TAO, raoToTaoString } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson, tao } from "./run-tao.js";

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob", "Dave"]);
});
afterAll(() => f?.stop());

const TAO = RAO_PER_TAO;

describe("tao wallet balance", () => {
  it("reports free and staked balance of --ss58 addresses as rao strings plus TAO (--json)", async () => {
    const r = await f.runNet(["wallet", "balance", "--ss58", f.address("Dave"), "--json"]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.balances["Provided Address 1"]).toEqual({
      coldkey: f.address("Dave"),
      free: { rao: (2000n * TAO).toString(), tao: "2000" },
      staked: { rao: "0", tao: "0" },
      total: { rao: (2000n * TAO).toString(), tao: "2000" },
    });
    expect(doc.totals.free.rao).toBe((2000n * TAO).toString());
  });

  it("shows btcli's table for a wallet, and --all lists every wallet", async () => {
    const one = await f.run(["wallet", "balance", "--wallet-name", "dave"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/Wallet Coldkey Balance\nNetwork: local/);
    expect(one.stdout).toMatch(/Wallet Name\s+Coldkey Address\s+Free Balance\s+Staked Value\s+Total Balance/);
    expect(one.stdout).toMatch(
      new RegExp(`dave\\s+${f.address("Dave")}\\s+τ2,000\\.000000000\\s+τ0\\.000000000`),
    );
    expect(one.stdout).toMatch(/Total Balance\s+τ2,000\.000000000/);
    const all = onlyJson(await f.run(["wallet", "balance", "--all", "--json"]));
    expect(Object.keys(all.balances).sort()).toEqual(["alice", "bob", "dave"]);
  });

  it("refuses an unknown wallet and a bad address with exit code 2", async () => {
    const unknown = await f.run(["wallet", "balance", "--wallet-name", "nobody"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/wallet "nobody" has no coldkey/);
    expect(unknown.stderr).toMatch(/tao wallet list/);
    const bad = await f.runNet(["wallet", "balance", "--ss58", "5notAnAddress", "--json"]);
    expect(bad.code).toBe(2);
    expect(onlyJson(bad)).toMatchObject({
      success: false,
      error: expect.stringMatching(/--ss58 "5notAnAddress"/),
    });
  });

  it("takes the network from the config file, BT_SUBTENSOR_NETWORK over it, the flag over both", async () => {
    const config = join(f.walletPath, "network-config.yml");
    writeFileSync(config, `network: ${f.devnet.url}\n`);
    const args = ["wallet", "balance", "--ss58", f.address("Dave"), "--json"];
    const fromConfig = await tao(args, { BTCLI_CONFIG_PATH: config });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);
    expect(onlyJson(fromConfig).network).toBe("local");
    const envWins = await tao(args, { BTCLI_CONFIG_PATH: config, BT_SUBTENSOR_NETWORK: "ws://127.0.0.1:1" });
    expect(envWins.code).toBe(75);
    const flagWins = await tao([...args, "--subtensor.chain_endpoint", f.devnet.url], {
      BTCLI_CONFIG_PATH: config,
      BT_SUBTENSOR_NETWORK: "ws://127.0.0.1:1",
    });
    expect(flagWins.code).toBe(0);
  });

  it("counts stake at its TAO value: free and staked for --ss58 (--json)", async () => {
    const staker = Keypair.fromUri("//Staker");
    const hotkey = Keypair.fromUri("//Staker//hot").ss58Address;
    await f.devnet.client.call("dev_setBalance", [staker.ss58Address, (10n * TAO).toString()]);
    const send = async (call: RuntimeCall) =>
      expect((await f.devnet.client.submit(staker, call)).success).toBe(true);
    await send({ pallet: "SubtensorModule", name: "try_associate_hotkey", args: { hotkey } });
    await send({
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey, netuid: 0, amountStaked: 3n * TAO },
    });
    const free = await f.free(staker.ss58Address);
    const doc = onlyJson(await f.runNet(["wallet", "balance", "--ss58", staker.ss58Address, "--json"]));
    // Root stake trades 1:1, so the 3 TAO staked are worth 3 TAO.
    expect(doc.balances["Provided Address 1"]).toEqual({
      coldkey: staker.ss58Address,
      free: { rao: free.toString(), tao: raoToTaoString(free) },
      staked: { rao: (3n * TAO).toString(), tao: "3" },
      total: { rao: (free + 3n * TAO).toString(), tao: raoToTaoString(free + 3n * TAO) },
    });
  });

  it("exits 75 with a hint when no node answers", async () => {
    const r = await tao(["wallet", "balance", "--ss58", f.address("Dave"), "--network", "ws://127.0.0.1:1"]);
    expect(r.code).toBe(75);
    expect(r.stderr).toMatch(/cannot reach the local network at ws:\/\/127\.0\.0\.1:1/);
  });

  it("tries several --network values in turn, as btcli's fallbacks, and names each it could not reach", async () => {
    const dave = f.address("Dave");
    const args = ["wallet", "balance", "--ss58", dave, "--json", "--network", "ws://127.0.0.1:1"];
    const r = await tao([...args, "--network", f.devnet.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(
      /Cannot reach the local network at ws:\/\/127\.0\.0\.1:1; trying the next --network/,
    );
    expect(onlyJson(r).balances["Provided Address 1"].free.rao).toBe((await f.free(dave)).toString());
    const none = await tao([...args, "--network", "ws://127.0.0.1:2"]);
    expect(none.code).toBe(75);
    expect(none.stderr).toMatch(
      /cannot reach any of the 2 networks given:\n {2}the local network at ws:\/\/127\.0\.0\.1:1: .*\n {2}the local network at ws:\/\/127\.0\.0\.1:2: /,
    );
  });
});

describe("tao wallet transfer", () => {
  it("moves exactly the amount and reports both balances (--json)", async () => {
    const bob = f.address("Bob");
    const [daveBefore, bobBefore] = [await f.free(f.address("Dave")), await f.free(bob)];
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "--dest",
      bob,
      "--amount",
      "1.5",
      "--no-prompt",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.amount).toEqual({ rao: "1500000000", tao: "1.5" });
    expect(await f.free(bob)).toBe(bobBefore + 1_500_000_000n);
    const daveAfter = await f.free(f.address("Dave"));
    // The fee shown is the fee paid.
    expect(daveBefore - daveAfter - 1_500_000_000n).toBe(BigInt(doc.fee.rao));
    expect(doc.balance_after.rao).toBe(daveAfter.toString());
    expect(doc.block.number).toBeGreaterThan(0);
  });

  it("in human mode prints btcli's confirmation lines only when asked and the balance change", async () => {
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "-d",
      f.address("Bob"),
      "-a",
      "0.25",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/Initiating transfer on network: local/);
    expect(r.stdout).toMatch(/Finalized\. Block Hash: 0x[0-9a-f]{64}/);
    expect(r.stdout).toMatch(/Balance:\n {2}τ[\d,.]+ ➡ τ[\d,.]+/);
  });

  it("sends with a mortal --era, and without waiting when told so", async () => {
    const bob = f.address("Bob");
    const before = await f.free(bob);
    const base = [
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "--dest",
      bob,
      "--amount",
      "0.1",
      "-y",
      "--json",
    ];
    const mortal = await f.run([...base, "--era", "4", "--no-wait-for-finalization", "--quiet"]);
    expect(mortal.code, mortal.stderr).toBe(0);
    expect(mortal.stderr).toBe(""); // --quiet: no notes
    expect(onlyJson(mortal).block.number).toBeGreaterThan(0);
    const bad = await f.run([...base, "--period", "0"]);
    expect(bad.code).toBe(2);
    expect(onlyJson(bad).error).toMatch(/--period must be a whole number of blocks from 1 to 65536/);
    const noWait = await f.run([...base, "--no-wait-for-inclusion", "--no-wait-for-finalization"]);
    expect(noWait.code, noWait.stderr).toBe(0);
    expect(onlyJson(noWait)).toMatchObject({
      block: null,
      extrinsic_hash: expect.stringMatching(/^0x[0-9a-f]{64}$/),
    });
    await f.devnet.mine();
    expect(await f.free(bob)).toBe(before + 200_000_000n);
  });

  it("--no shows the confirmation, declines, and moves nothing", async () => {
    const before = await f.free(f.address("Dave"));
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "--dest",
      f.address("Bob"),
      "--amount",
      "1",
      "--no",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Do you want to transfer:\n {2}amount: τ1\.000000000\n {2}from: dave : /);
    expect(r.stderr).toMatch(/Transferring is not the same as staking/);
    expect(r.stderr).toMatch(/Proceed with transfer\? \[Auto-declined via --no flag\]/);
    expect(await f.free(f.address("Dave"))).toBe(before);
  });

  it("refuses to ask without a terminal, naming --no-prompt", async () => {
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "--dest",
      f.address("Bob"),
      "--amount",
      "1",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no terminal to ask in/);
    expect(r.stderr).toMatch(/--no-prompt/);
  });

  it("rejects bad input clearly and moves nothing", async () => {
    const dave = f.address("Dave");
    const before = await f.free(dave);
    const transfer = (wallet: string, dest: string, extra: string[]) =>
      f.run(["wallet", "transfer", "--wallet-name", wallet, "--dest", dest, ...extra, "-y"]);
    const cases: [string, string, string[], number, RegExp][] = [
      [
        "dave",
        f.address("Bob"),
        ["--amount", "0.0000000001"],
        2,
        /--amount "0\.0000000001" has 10 decimal places; TAO has at most 9/,
      ],
      ["dave", f.address("Bob"), ["--amount", "abc"], 2, /--amount "abc" is not a number/],
      [
        "dave",
        f.address("Bob"),
        ["--amount", "5000"],
        1,
        /Not enough balance:\n {2}balance: τ[\d,.]+\n {2}amount: τ5,000\.000000000/,
      ],
      ["dave", f.address("Bob"), ["--amount", "1", "--all"], 2, /Cannot specify an amount and '--all' flag/],
      ["dave", "5xyz", ["--amount", "1"], 2, /--destination "5xyz" is not a valid SS58 address/],
      ["ghost", dave, ["--amount", "1"], 2, /wallet "ghost" has no coldkey/],
      // Would fail on chain (ExistentialDeposit) after paying the fee.
      [
        "dave",
        Keypair.fromUri("//NeverFunded").ss58Address,
        ["--amount", "0.0000001"],
        1,
        /τ0\.000000100 would not create .* existential deposit/,
      ],
    ];
    // Independent refusals: run them side by side.
    const results = await Promise.all(cases.map(([w, d, extra]) => transfer(w, d, extra)));
    results.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(cases[i]![3]);
      expect(r.stderr).toMatch(cases[i]![4]);
    });
    const json = await transfer("dave", "5xyz", ["--amount", "1", "--json"]);
    expect(onlyJson(json).error).toMatch(/--destination "5xyz"/);
    expect(await f.free(dave)).toBe(before);
  });

  it("--all empties the account down to the existential deposit; with --allow-death, to nothing", async () => {
    const poor = Keypair.fromUri("//Poor");
    await f.addWallet("poor", poor);
    await f.devnet.client.call("dev_setBalance", [poor.ss58Address, "3000000000"]);
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "poor",
      "--dest",
      f.address("Bob"),
      "--all",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await f.free(poor.ss58Address)).toBe(500n);
    const other = Keypair.fromUri("//Poorer");
    await f.addWallet("poorer", other);
    await f.devnet.client.call("dev_setBalance", [other.ss58Address, "3000000000"]);
    const dead = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "poorer",
      "--dest",
      f.address("Bob"),
      "--all",
      "--allow-death",
      "-y",
      "--json",
    ]);
    expect(dead.code, dead.stderr).toBe(0);
    expect(await f.free(other.ss58Address)).toBe(0n);
  });

  it("asks again when the destination is a registered hotkey, naming its owner", async () => {
    const hotkey = Keypair.fromUri("//Staker//hot").ss58Address;
    const before = await f.free(f.address("Dave"));
    const r = await f.run([
      "wallet",
      "transfer",
      "--wallet-name",
      "dave",
      "--dest",
      hotkey,
      "--amount",
      "1",
      "--no",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/The destination appears to be a hotkey, owned by 5/);
    expect(await f.free(f.address("Dave"))).toBe(before);
  });
});

describe("on a chain whose preset has another existential deposit (Subtensor's test mock: 1 rao)", () => {
  it("reads it from the chain: --all keeps 1 rao, and 100 rao may create an account", async () => {
    const t = await startChainFixture(["Alice", "Dave"], { preset: "test" });
    try {
      const fresh = Keypair.fromUri("//FreshOnTest").ss58Address;
      const small = await t.run(
        ["wallet", "transfer", "--wallet-name", "dave", "--dest", fresh].concat([
          "--amount",
          "0.0000001",
          "-y",
          "--json",
        ]),
      );
      expect(small.code, small.stderr).toBe(0);
      expect(await t.free(fresh)).toBe(100n);
      const all = await t.run(
        ["wallet", "transfer", "--wallet-name", "dave", "--dest", t.address("Alice")].concat([
          "--all",
          "-y",
          "--json",
        ]),
      );
      expect(all.code, all.stderr).toBe(0);
      expect(await t.free(t.address("Dave"))).toBe(1n);
    } finally {
      await t.stop();
    }
  });
});
