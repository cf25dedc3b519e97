// `tao stake …` against a devnet started here: Alice owns subnets 1 and 2 (hotkeys //Alice//hot and
// //Alice//hot2), Bob stakes to them. Each command in --json and human mode; bad input changes nothing.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
const TAO = RAO_PER_TAO;
const aliceHot = Keypair.fromUri("//alice//hot").ss58Address;
const aliceHot2 = Keypair.fromUri("//Alice//hot2").ss58Address;
const bobHot = Keypair.fromUri("//bob//hot").ss58Address;

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob", "Dave"]);
  const alice = devAccount("Alice");
  for (const hotkey of [aliceHot, aliceHot2]) {
    const r = await f.devnet.client.submit(alice, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey },
    });
    if (!r.success) throw new Error(`register_network: ${r.error?.name}`);
  }
  // No epochs while the tests run, so stake changes only by what the commands do.
  for (const netuid of [1, 2]) {
    const call = { pallet: "AdminUtils", name: "sudo_set_tempo", args: { netuid, value: 10_000 } };
    const r = await f.devnet.client.submit(alice, { pallet: "Sudo", name: "sudo", args: { call } });
    if (!r.success) throw new Error(`sudo_set_tempo: ${r.error?.name}`);
  }
}, 60_000);
afterAll(() => f?.stop());

interface Row {
  hotkey: string;
  netuid: number;
  stake: string;
}
async function stake(coldkey: string, hotkey: string, netuid: number): Promise<bigint> {
  const rows = await f.devnet.client.call<Row[]>("stakeInfo_getStakeInfoForColdkey", [coldkey]);
  return BigInt(rows.find((r) => r.hotkey === hotkey && r.netuid === netuid)?.stake ?? 0);
}
const bob = () => f.address("Bob");
/** Bob's free balance and his stake on both subnets: what a refused command must leave alone. */
const bobState = async () => [
  await f.free(bob()),
  await stake(bob(), aliceHot, 1),
  await stake(bob(), aliceHot, 2),
  await stake(bob(), aliceHot2, 2),
];

describe("tao stake add", () => {
  it("stakes TAO to a hotkey on a subnet (--json): rao strings, the alpha received, the chain's balance", async () => {
    const before = await f.free(bob());
    const r = await f.run([
      "stake",
      "add",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "5",
      "--unsafe",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.success).toBe(true);
    expect(doc.stakes).toHaveLength(1);
    expect(doc.stakes[0]).toMatchObject({
      netuid: 1,
      hotkey: aliceHot,
      requested: { rao: "5000000000", tao: "5" },
    });
    const received = BigInt(doc.stakes[0].received.rao);
    expect(received).toBeGreaterThan(0n);
    expect(await stake(bob(), aliceHot, 1)).toBe(received);
    const fee = BigInt(doc.stakes[0].fee.rao);
    expect(await f.free(bob())).toBe(before - 5n * TAO - fee);
    expect(doc.balance_after.rao).toBe((before - 5n * TAO - fee).toString());
  });

  it("with --safe, --tolerance and --partial sends add_stake_limit and shows btcli's table", async () => {
    const before = await stake(bob(), aliceHot, 1);
    const args = [
      "stake",
      "add",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "1",
      "--safe",
      "--tolerance",
      "0.2",
      "--partial",
    ];
    // --no shows what would be done and does nothing.
    const shown = await f.run([...args, "--no"]);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toMatch(/Netuid\s+Hotkey\s+Amount \(τ\)\s+Rate \(per τ\)\s+Est\. Received/);
    expect(shown.stderr).toMatch(/tolerance 0\.200000000, partial fills allowed/);
    expect(shown.stderr).toMatch(/Would you like to continue\? \[Auto-declined via --no flag\]/);
    expect(await stake(bob(), aliceHot, 1)).toBe(before);
    const r = await f.run([...args, "-y"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Staked on netuid 1 to /);
    expect(r.stdout).toMatch(/Balance:\n\s+τ[\d,.]+ ➡ τ[\d,.]+/);
    expect(await stake(bob(), aliceHot, 1)).toBeGreaterThan(before);
  });

  it("a tolerance the pool cannot meet is refused before sending (no fee paid) and says what to do", async () => {
    const before = await bobState();
    const r = await f.run([
      "stake",
      "add",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "400",
      "--tolerance",
      "0.001",
      "--no-partial",
      "-y",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Slippage too high: staking τ400\.0+ on netuid 1 .*at most τ[\d.,]+ fits/);
    expect(r.stderr).toMatch(/--partial/);
    expect(await bobState()).toEqual(before);
  });

  it("refuses bad input with a clear error and moves nothing", async () => {
    const before = await bobState();
    const cases: [string[], number, RegExp][] = [
      [["--wallet-name", "nobody", "--netuid", "1", "--amount", "1"], 2, /wallet "nobody" has no coldkey/],
      [
        ["--wallet-name", "bob", "--include-hotkeys", "5notAnAddress", "--netuid", "1", "--amount", "1"],
        2,
        /"5notAnAddress" is neither an SS58 address nor a hotkey/,
      ],
      [
        ["--wallet-name", "bob", "--include-hotkeys", aliceHot, "--netuid", "1", "--amount", "1.0000000001"],
        2,
        /--amount/,
      ],
      [
        ["--wallet-name", "bob", "--include-hotkeys", aliceHot, "--netuid", "1", "--amount", "99999999"],
        1,
        /Not enough balance/,
      ],
      [
        ["--wallet-name", "bob", "--include-hotkeys", aliceHot, "--netuid", "9", "--amount", "1"],
        2,
        /subnet 9 does not exist/,
      ],
      [
        ["--wallet-name", "bob", "--include-hotkeys", bobHot, "--netuid", "1", "--amount", "1"],
        1,
        /not registered on the chain/,
      ],
      [["--wallet-name", "bob", "--include-hotkeys", aliceHot, "--amount", "1"], 2, /--netuid/],
      [
        [
          "--wallet-name",
          "bob",
          "--include-hotkeys",
          aliceHot,
          "--netuid",
          "1",
          "--amount",
          "1",
          "--tolerance",
          "2",
        ],
        2,
        /more than 1/,
      ],
    ];
    // Refused runs send nothing, so they can run side by side.
    const runs = await Promise.all(cases.map(([args]) => f.run(["stake", "add", ...args, "-y"])));
    for (const [i, [args, code, message]] of cases.entries()) {
      expect(runs[i]!.code, `${args.join(" ")}: ${runs[i]!.stderr}`).toBe(code);
      expect(runs[i]!.stderr).toMatch(message);
    }
    const json = await f.run([
      "stake",
      "add",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "99999999",
      "-y",
      "--json",
    ]);
    expect(json.code).toBe(1);
    expect(onlyJson(json)).toMatchObject({
      success: false,
      error: expect.stringMatching(/Not enough balance/),
    });
    expect(await bobState()).toEqual(before);
  });
});

describe("tao stake list", () => {
  it("lists the coldkey's positions with their value (--json) and as a table", async () => {
    const doc = onlyJson(await f.run(["stake", "list", "--wallet-name", "bob", "--json"]));
    const mine = doc.stakes.find((s: Row) => s.hotkey === aliceHot && s.netuid === 1);
    expect(mine.stake.rao).toBe((await stake(bob(), aliceHot, 1)).toString());
    expect(BigInt(mine.value.rao)).toBeGreaterThan(0n);
    expect(BigInt(doc.total_value.rao)).toBeGreaterThanOrEqual(BigInt(mine.value.rao));
    const human = await f.runNet(["stake", "list", "--ss58", bob()]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Hotkey\s+Netuid\s+Stake \(α\)\s+Price \(τ\/α\)\s+Value \(τ\)/);
    expect(human.stdout).toContain(aliceHot);
    const bad = await f.runNet(["stake", "list", "--ss58", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--ss58 "nope" is not a valid SS58 address/);
  });
});

describe("tao stake move, transfer, swap", () => {
  it("move: to another hotkey on another subnet (--json)", async () => {
    const from = await stake(bob(), aliceHot, 1);
    const r = await f.run([
      "stake",
      "move",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "2",
      "--dest-ss58",
      aliceHot2,
      "--amount",
      "0.5",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc).toMatchObject({
      success: true,
      call: "move_stake",
      destination: { netuid: 2, hotkey: aliceHot2 },
    });
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 500_000_000n);
    expect(await stake(bob(), aliceHot2, 2)).toBeGreaterThan(0n);
    expect(BigInt(doc.tao_moved.rao)).toBeGreaterThan(0n);
  });

  it("swap: to another subnet, same hotkey, with --safe --partial (human)", async () => {
    const from = await stake(bob(), aliceHot, 1);
    const r = await f.run([
      "stake",
      "swap",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "2",
      "--amount",
      "0.3",
      "--tolerance",
      "0.5",
      "--partial",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Swapping stake: done/);
    expect(r.stdout).toMatch(/Origin stake on netuid 1:/);
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 300_000_000n);
    expect(await stake(bob(), aliceHot, 2)).toBeGreaterThan(0n);
  });

  it("swap (--json): the document's origin stake is the chain's, and the alpha lands on the other subnet", async () => {
    const [from, to] = [await stake(bob(), aliceHot, 1), await stake(bob(), aliceHot, 2)];
    const r = await f.run([
      "stake",
      "swap",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "2",
      "--amount",
      "0.2",
      "--unsafe",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc).toMatchObject({
      success: true,
      call: "swap_stake",
      origin: { netuid: 1, hotkey: aliceHot, coldkey: bob() },
      destination: { netuid: 2, hotkey: aliceHot, coldkey: bob() },
      amount: { rao: "200000000" },
      limit_price: null,
    });
    expect(BigInt(doc.origin_stake_after.rao)).toBe(from - 200_000_000n);
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 200_000_000n);
    expect(await stake(bob(), aliceHot, 2)).toBeGreaterThan(to);
    expect(BigInt(doc.tao_moved.rao)).toBeGreaterThan(0n);
  });

  it("move (human): says it is done and shows the origin stake before and after", async () => {
    const [from, to] = [await stake(bob(), aliceHot, 1), await stake(bob(), aliceHot2, 2)];
    const r = await f.run([
      "stake",
      "move",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "2",
      "--dest-ss58",
      aliceHot2,
      "--amount",
      "0.25",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Moving stake: done \(τ[\d,.]+ worth\)/);
    expect(r.stdout).toMatch(/Origin stake on netuid 1: /);
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 250_000_000n);
    expect(await stake(bob(), aliceHot2, 2)).toBeGreaterThan(to);
  });

  it("swap: an all-or-nothing swap the pools cannot fill is refused before sending; what fits goes through", async () => {
    const before = await bobState();
    const args = (amount: string[]) => [
      "stake",
      "swap",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "2",
      ...amount,
      "--tolerance",
      "0.001",
      "--no-partial",
      "-y",
    ];
    const refused = await f.run(args(["--all"]));
    expect(refused.code).toBe(1);
    const fits = refused.stderr.match(
      /Slippage too high: swapping [\d,.]+ \S+ from netuid 1 to netuid 2 would move the rate .*at most ([\d,.]+) \S+ fits/,
    );
    expect(fits, refused.stderr).not.toBeNull();
    expect(await bobState()).toEqual(before);

    // Well inside what fits, the chain takes it: the CLI's limit math is the chain's.
    const max = BigInt(fits![1]!.replace(/[,.]/g, ""));
    const amount = (max * 9n) / 10n;
    const ok = await f.run(
      args(["--amount", `${amount / TAO}.${(amount % TAO).toString().padStart(9, "0")}`]),
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(await stake(bob(), aliceHot, 1)).toBe(before[1]! - amount);
  });

  it("transfer: the stake changes owner (--json), and human mode says so", async () => {
    const from = await stake(bob(), aliceHot, 1);
    const dave = f.address("Dave");
    const r = await f.run([
      "stake",
      "transfer",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "1",
      "--dest-coldkey",
      dave,
      "--amount",
      "0.1",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({
      success: true,
      call: "transfer_stake",
      destination: { coldkey: dave },
    });
    expect(await stake(dave, aliceHot, 1)).toBe(100_000_000n);
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 100_000_000n);
    const human = await f.run([
      "stake",
      "transfer",
      "--wallet-name",
      "bob",
      "--hotkey-ss58",
      aliceHot,
      "--origin-netuid",
      "1",
      "--dest-netuid",
      "1",
      "--dest-coldkey",
      dave,
      "--amount",
      "0.1",
      "-y",
    ]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Transferring stake: done/);
    expect(await stake(dave, aliceHot, 1)).toBe(200_000_000n);
  });

  it("refuses bad input and moves nothing", async () => {
    const before = await bobState();
    const base = ["--wallet-name", "bob", "--hotkey-ss58", aliceHot, "--origin-netuid", "1"];
    const cases: [string[], number, RegExp][] = [
      [
        ["stake", "move", ...base, "--dest-netuid", "2", "--dest-ss58", "bad", "--amount", "1"],
        2,
        /--dest-ss58 "bad" is not a valid SS58 address/,
      ],
      [
        ["stake", "move", ...base, "--dest-netuid", "2", "--dest-ss58", aliceHot2, "--amount", "100000"],
        1,
        /Not enough stake/,
      ],
      [["stake", "swap", ...base, "--dest-netuid", "1", "--amount", "1"], 2, /same subnet/],
      [["stake", "swap", ...base, "--dest-netuid", "7", "--amount", "0.1"], 2, /subnet 7 does not exist/],
      [
        [
          "stake",
          "transfer",
          ...base,
          "--dest-netuid",
          "1",
          "--dest-coldkey",
          f.address("Dave"),
          "--amount",
          "0.1",
          "--all",
        ],
        2,
        /--amount or --all/,
      ],
      [["stake", "swap", ...base, "--dest-netuid", "2", "--amount", "0.1234567891"], 2, /--amount/],
    ];
    // Refused runs send nothing, so they can run side by side.
    const runs = await Promise.all(cases.map(([args]) => f.run([...args, "-y"])));
    for (const [i, [args, code, message]] of cases.entries()) {
      expect(runs[i]!.code, `${args.join(" ")}: ${runs[i]!.stderr}`).toBe(code);
      expect(runs[i]!.stderr).toMatch(message);
    }
    expect(await bobState()).toEqual(before);
  });
});

describe("tao stake remove", () => {
  it("unstakes an amount of alpha (--json) and refuses more than is staked", async () => {
    const from = await stake(bob(), aliceHot, 1);
    const before = await bobState();
    const tooMuch = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "100000",
      "-y",
      "--json",
    ]);
    expect(tooMuch.code).toBe(1);
    expect(onlyJson(tooMuch).error).toMatch(/Not enough stake/);
    const none = await f.run(["stake", "remove", "--wallet-name", "bob", "--netuid", "1", "-y"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--amount, or --all/);
    const all = `${from / TAO}.${(from % TAO).toString().padStart(9, "0")}`;
    const slipping = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      all,
      "--tolerance",
      "0.000001",
      "-y",
    ]);
    expect(slipping.code).toBe(1);
    expect(slipping.stderr).toMatch(/Slippage too high: unstaking [\d,.]+ \S+ on netuid 1 .*fits/);
    expect(slipping.stderr).toMatch(/--partial/);
    expect(await bobState()).toEqual(before);

    const r = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "1",
      "--amount",
      "0.2",
      "--unsafe",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.unstakes[0]).toMatchObject({ call: "remove_stake", netuid: 1, hotkey: aliceHot });
    expect(await stake(bob(), aliceHot, 1)).toBe(from - 200_000_000n);
    expect(BigInt(doc.balance_after.rao)).toBeGreaterThan(BigInt(doc.balance_before.rao) - 1_000_000n);
  });

  it("--all-alpha moves every subnet's alpha to root; --all unstakes everything (human)", async () => {
    const alpha = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--all-alpha",
      "-y",
      "--json",
    ]);
    expect(alpha.code, alpha.stderr).toBe(0);
    expect(onlyJson(alpha).unstakes[0].call).toBe("unstake_all_alpha");
    expect(await stake(bob(), aliceHot, 1)).toBe(0n);
    expect(await stake(bob(), aliceHot, 0)).toBeGreaterThan(0n);
    const all = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--all",
      "-y",
    ]);
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toMatch(/Unstaked from netuid 0/);
    expect(await stake(bob(), aliceHot, 0)).toBe(0n);
    const again = await f.run([
      "stake",
      "remove",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--all",
      "-y",
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no stake to remove/);
  });
});

describe("tao stake set-claim and process-claim", () => {
  it("sets the root claim type (--json, human) and refuses an unknown one", async () => {
    const keep = await f.run([
      "stake",
      "set-claim",
      "--wallet-name",
      "bob",
      "--claim-type",
      "Keep",
      "-y",
      "--json",
    ]);
    expect(keep.code, keep.stderr).toBe(0);
    expect(onlyJson(keep)).toMatchObject({ success: true, claim_type: { tag: "Keep" } });
    expect(await f.devnet.client.queryTyped("SubtensorModule", "RootClaimType", [bob()])).toMatchObject({
      tag: "Keep",
    });
    const subnets = await f.run([
      "stake",
      "set-claim",
      "--wallet-name",
      "bob",
      "--claim-type",
      "keep",
      "--netuids",
      "1,2",
      "-y",
    ]);
    expect(subnets.code, subnets.stderr).toBe(0);
    expect(subnets.stdout).toMatch(/Keep on subnets 1, 2, Swap elsewhere/);
    const bad = await f.run(["stake", "set-claim", "--wallet-name", "bob", "--claim-type", "Hold", "-y"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/use Swap or Keep/);
  });

  it("claims root dividends for a root staker (--json, human); a coldkey without root stake is told so", async () => {
    const none = await f.run(["stake", "process-claim", "--wallet-name", "dave", "--netuids", "1", "-y"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has no root stake/);
    const add = await f.run([
      "stake",
      "add",
      "--wallet-name",
      "bob",
      "--include-hotkeys",
      aliceHot,
      "--netuid",
      "0",
      "--amount",
      "5",
      "-y",
      "--json",
    ]);
    expect(add.code, add.stderr).toBe(0);
    const r = await f.run([
      "stake",
      "process-claim",
      "--wallet-name",
      "bob",
      "--netuids",
      "1",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({ success: true, subnets: [1], claimed: true });
    const human = await f.run(["stake", "process-claim", "--wallet-name", "bob", "--netuids", "1,2", "-y"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Claimed on subnets 1, 2/);
    const many = await f.run([
      "stake",
      "process-claim",
      "--wallet-name",
      "bob",
      "--netuids",
      "0,1,2,3,4,5",
      "-y",
    ]);
    expect(many.code).toBe(2);
  });
});

describe("tao stake child", () => {
  it("set schedules children, get shows them, revoke schedules none, take sets the childkey take", async () => {
    const set = await f.run([
      "stake",
      "child",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--children",
      bobHot,
      "--proportions",
      "0.5",
      "-y",
      "--json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    const doc = onlyJson(set);
    expect(doc).toMatchObject({ success: true, hotkey: aliceHot, netuids: [1] });
    expect(doc.children[0]).toMatchObject({ hotkey: bobHot, share: "50.0000%" });
    const get = onlyJson(
      await f.run(["stake", "child", "get", "--wallet-name", "alice", "--netuid", "1", "--json"]),
    );
    expect(get.subnets[0].pending.children[0]).toMatchObject({ hotkey: bobHot, share: "50.0000%" });
    const human = await f.run(["stake", "child", "get", "--wallet-name", "alice", "--netuid", "1"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`${bobHot}\\s+50\\.0000%\\s+pending until block \\d+`));

    // set_children is rate limited per hotkey and subnet (150 blocks).
    await f.devnet.mine(150);
    const revoke = await f.run(["stake", "child", "revoke", "--wallet-name", "alice", "--netuid", "1", "-y"]);
    expect(revoke.code, revoke.stderr).toBe(0);
    expect(revoke.stdout).toMatch(/Revocation on netuid 1 scheduled/);
    const after = onlyJson(
      await f.run(["stake", "child", "get", "--wallet-name", "alice", "--netuid", "1", "--json"]),
    );
    expect(after.subnets[0].pending.children).toEqual([]);

    const take = await f.run([
      "stake",
      "child",
      "take",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--take",
      "0.05",
      "-y",
      "--json",
    ]);
    expect(take.code, take.stderr).toBe(0);
    expect(onlyJson(take)).toMatchObject({ success: true, take: 3276, take_percent: "5.00%" });
    const read = await f.run(["stake", "child", "take", "--wallet-name", "alice", "--netuid", "1"]);
    expect(read.stdout).toMatch(/Childkey take of .* on netuid 1: 5\.00%/);
  });

  it("set for people says it is scheduled; revoke --json returns no children and the chain schedules none", async () => {
    await f.devnet.mine(150); // past set_children's rate limit since the test above
    const set = await f.run([
      "stake",
      "child",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--children",
      bobHot,
      "--proportions",
      "0.25",
      "-y",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Children on netuid 1 scheduled/);
    const pending = onlyJson(
      await f.run(["stake", "child", "get", "--wallet-name", "alice", "--netuid", "1", "--json"]),
    );
    expect(pending.subnets[0].pending.children[0]).toMatchObject({ hotkey: bobHot, share: "25.0000%" });

    await f.devnet.mine(150);
    const revoke = await f.run([
      "stake",
      "child",
      "revoke",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "-y",
      "--json",
    ]);
    expect(revoke.code, revoke.stderr).toBe(0);
    const doc = onlyJson(revoke);
    expect(doc).toMatchObject({ success: true, hotkey: aliceHot, netuids: [1], children: [] });
    expect(doc.scheduled[0].cooldown_block).toBeGreaterThan(0);
    const after = onlyJson(
      await f.run(["stake", "child", "get", "--wallet-name", "alice", "--netuid", "1", "--json"]),
    );
    expect(after.subnets[0].pending.children).toEqual([]);
  });

  it("refuses bad children, proportions and takes without sending anything", async () => {
    const before = await f.devnet.client.call<{ number: number }>("chain_getHeader", []);
    const cases: [string[], RegExp][] = [
      [["set", "--netuid", "1", "--children", bobHot, "--proportions", "1.5"], /more than 1/],
      [
        ["set", "--netuid", "1", "--children", `${bobHot},${aliceHot2}`, "--proportions", "0.6,0.6"],
        /add up to more than 1/,
      ],
      [
        ["set", "--netuid", "1", "--children", "5bad", "--proportions", "0.5"],
        /"5bad" is not a valid SS58 address/,
      ],
      [["set", "--netuid", "1", "--children", aliceHot, "--proportions", "0.5"], /its own child/],
      [["set", "--netuid", "0", "--children", bobHot, "--proportions", "0.5"], /root subnet/],
      [["take", "--netuid", "1", "--take", "0.5"], /maximum 0\.18/],
    ];
    const runs = await Promise.all(
      cases.map(([args]) => f.run(["stake", "child", ...args, "--wallet-name", "alice", "-y"])),
    );
    for (const [i, [args, message]] of cases.entries()) {
      expect(runs[i]!.code, `${args.join(" ")}: ${runs[i]!.stderr}`).toBe(2);
      expect(runs[i]!.stderr).toMatch(message);
    }
    const now = await f.devnet.client.call<{ number: number }>("chain_getHeader", []);
    expect(now.number).toBe(before.number);
  });
});

describe("a hotkey that is also its own coldkey (as `wallet create --uri alice` makes)", () => {
  it("is registered like any other: stake add accepts it", async () => {
    const dave = devAccount("Dave");
    const reg = await f.devnet.client.submit(dave, {
      pallet: "SubtensorModule",
      name: "burned_register",
      args: { netuid: 2, hotkey: dave.ss58Address },
    });
    expect(reg.success, reg.error?.name).toBe(true);
    const r = await f.run([
      "stake",
      "add",
      "--wallet-name",
      "dave",
      "--include-hotkeys",
      dave.ss58Address,
      "--netuid",
      "2",
      "--amount",
      "1",
      "--unsafe",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await stake(dave.ss58Address, dave.ss58Address, 2)).toBeGreaterThan(0n);
  });
});
