// `tao weights set|commit|reveal`, `tao axon set|reset` and `tao utils convert` against a devnet node.
import { Keypair } from "@opentao/primitives";
import { devAccount, type RuntimeCall } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson, tao } from "./run-tao.js";

let f: ChainFixture;
let netuid: string;
const hot = (name: string) => Keypair.fromUri(`//${name}//hot`).ss58Address;
const send = async (who: string, call: RuntimeCall) => {
  const r = await f.devnet.client.submit(devAccount(who), call);
  if (!r.success) throw new Error(`${call.name}: ${r.error?.name}`);
  const sudid = (r.events as { event: { name: string; data: { sudoResult?: { err?: unknown } } } }[]).find(
    (e) => e.event.name === "Sudid",
  );
  if (sudid?.event.data.sudoResult?.err)
    throw new Error(`sudo: ${JSON.stringify(sudid.event.data.sudoResult.err)}`);
  return r;
};
// Through Sudo (root), which the owner's hyperparameter rate limit does not apply to.
const commitReveal = (enabled: boolean) =>
  send("Alice", {
    pallet: "Sudo",
    name: "sudo",
    args: {
      call: {
        pallet: "AdminUtils",
        name: "sudo_set_commit_reveal_weights_enabled",
        args: { netuid: Number(netuid), value: enabled },
      },
    },
  });

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob"]);
  const r = await send("Alice", {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: hot("alice") },
  });
  netuid = String(
    (r.events as { event: { name: string; data: { netuid: number } } }[]).find(
      (e) => e.event.name === "NetworkAdded",
    )!.event.data.netuid,
  );
  await send("Bob", {
    pallet: "SubtensorModule",
    name: "burned_register",
    args: { netuid: Number(netuid), hotkey: hot("bob") },
  });
});
afterAll(() => f?.stop());

const weights = (uids: number[]) =>
  f.devnet.client
    .queryTyped<[number, number][]>("SubtensorModule", "Weights", [Number(netuid), 0])
    .then((rows) => rows.filter(([uid]) => uids.includes(uid)));

describe("tao weights", () => {
  it("set writes the u16 weights bittensor would, when commit-reveal is off (--json, then for people)", async () => {
    await commitReveal(false);
    await f.devnet.mine(6); // past weights_rate_limit since registration
    const r = await f.run([
      "weights",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      netuid,
      "--uids",
      "0,1",
      "--weights",
      "0.25,0.75",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    // max → 65535, 0.25/0.75 × 65535 = 21845
    expect(onlyJson(r)).toMatchObject({ uid: 0, uids: [0, 1], weights: [21845, 65535] });
    expect(await weights([0, 1])).toEqual([
      [0, 21845],
      [1, 65535],
    ]);
    await f.devnet.mine(6);
    const human = await f.run([
      "weights",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      netuid,
      "-u",
      "0,1",
      "-w",
      "2,2",
      "-y",
    ]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Weights set on subnet ${netuid}\\.`));
    expect(await weights([0, 1])).toEqual([
      [0, 65535],
      [1, 65535],
    ]);
  });

  it("commit then reveal in the reveal epoch; set is refused while commit-reveal is on, naming the error", async () => {
    await commitReveal(true);
    const args = ["--wallet-name", "alice", "--netuid", netuid, "-u", "1", "-w", "1", "-y"];
    await f.devnet.mine(6); // past weights_rate_limit since the set above
    const direct = await f.run(["weights", "set", ...args]);
    expect(direct.code).toBe(1);
    expect(direct.stderr).toMatch(/Subtensor returned `CommitRevealEnabled`/);
    expect(direct.stderr).toMatch(/tao weights commit/);
    // Commit right after an epoch, so the early reveal below falls in the commit's own epoch.
    await f.devnet.mineUntilEpoch(Number(netuid));
    const commit = await f.run(["weights", "commit", ...args, "--salt", "7,8,9", "--json"]);
    expect(commit.code, commit.stderr).toBe(0);
    expect(onlyJson(commit).commit_hash).toMatch(/^0x[0-9a-f]{64}$/);
    const early = await f.run(["weights", "reveal", ...args, "--salt", "7,8,9"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/Subtensor returned `RevealTooEarly`/);
    await f.devnet.mineUntilEpoch(Number(netuid));
    const wrongSalt = await f.run(["weights", "reveal", ...args, "--salt", "7,8,10"]);
    expect(wrongSalt.code).toBe(1);
    expect(wrongSalt.stderr).toMatch(/InvalidRevealCommitHashNotMatch|NoWeightsCommitFound/);
    const reveal = await f.run(["weights", "reveal", ...args, "--salt", "7,8,9"]);
    expect(reveal.code, reveal.stderr).toBe(0);
    expect(reveal.stdout).toMatch(/Weights revealed on subnet/);
    expect(await weights([1])).toEqual([[1, 65535]]);
  });

  it("commit for people names the hash the chain holds; reveal --json returns the weights it set", async () => {
    const args = ["--wallet-name", "alice", "--netuid", netuid, "-u", "0,1", "-w", "1,3", "-y"];
    await f.devnet.mineUntilEpoch(Number(netuid));
    const commit = await f.run(["weights", "commit", ...args, "--salt", "1,2,3"]);
    expect(commit.code, commit.stderr).toBe(0);
    const hash = commit.stdout.match(/Weights committed with hash (0x[0-9a-f]{64})\./)?.[1];
    const commits = await f.devnet.client.queryTyped<[string, unknown, unknown, unknown][]>(
      "SubtensorModule",
      "WeightCommits",
      [Number(netuid), hot("alice")],
    );
    expect(commits.map(([h]) => h)).toEqual([hash]);
    await f.devnet.mineUntilEpoch(Number(netuid));
    const reveal = await f.run(["weights", "reveal", ...args, "--salt", "1,2,3", "--json"]);
    expect(reveal.code, reveal.stderr).toBe(0);
    // max → 65535: 1/3 × 65535 = 21845
    expect(onlyJson(reveal)).toMatchObject({
      success: true,
      netuid: Number(netuid),
      uids: [0, 1],
      weights: [21845, 65535],
    });
    expect(await weights([0, 1])).toEqual([
      [0, 21845],
      [1, 65535],
    ]);
  });

  it("rejects bad input before sending anything", async () => {
    const base = ["weights", "set", "--wallet-name", "alice", "--netuid", netuid, "-y"];
    const cases: [string[], RegExp][] = [
      [["--uids", "0,1", "--weights", "1"], /--uids has 2 values and --weights 1/],
      [["--uids", "0,x", "--weights", "1,1"], /--uids must be a whole number/],
      [["--uids", "0", "--weights", "-1"], /--weights must be non-negative numbers/],
      [["--uids", "0,0", "--weights", "1,1"], /lists a uid twice/],
      // 1e39 is finite but not as float32, where bittensor normalises: it would send a NaN weight.
      [["--uids", "0,1", "--weights", "1e39,1"], /--weights "1e39" is too large/],
    ];
    const results = await Promise.all(cases.map(([extra]) => f.run([...base, ...extra])));
    results.forEach((r, i) => {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(cases[i]![1]);
    });
    const noSalt = await f.run([
      "weights",
      "commit",
      "--wallet-name",
      "alice",
      "--netuid",
      netuid,
      "-u",
      "0",
      "-w",
      "1",
      "-y",
    ]);
    expect(noSalt.stderr).toMatch(/give the salt with --salt/);
  });
});

describe("tao axon", () => {
  it("set serves the axon at the IP and port; reset clears it; a non-registered hotkey is refused", async () => {
    const set = await f.run([
      "axon",
      "set",
      "--wallet-name",
      "bob",
      "--netuid",
      netuid,
      "--ip",
      "203.0.113.7",
      "--port",
      "8091",
      "-y",
      "--json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(onlyJson(set).message).toBe("Axon set successfully to 203.0.113.7:8091");
    const axon = await f.devnet.client.queryTyped<{ ip: string; port: number }>("SubtensorModule", "Axons", [
      Number(netuid),
      hot("bob"),
    ]);
    expect(axon).toMatchObject({ ip: String(((203 << 24) >>> 0) + (113 << 8) + 7), port: 8091 });
    const reset = await f.run(["axon", "reset", "--wallet-name", "bob", "--netuid", netuid, "-y"]);
    expect(reset.code, reset.stderr).toBe(0);
    expect(reset.stdout).toMatch(/Axon reset successfully/);
    const after = await f.devnet.client.queryTyped<{ ip: string; port: number }>("SubtensorModule", "Axons", [
      Number(netuid),
      hot("bob"),
    ]);
    expect(after).toMatchObject({ ip: "0", port: 1 });
    const v6 = await f.run([
      "axon",
      "set",
      "--wallet-name",
      "bob",
      "--netuid",
      netuid,
      "--ip",
      "2001:db8::1",
      "--port",
      "1",
      "-y",
    ]);
    expect(v6.code).toBe(2);
    expect(v6.stderr).toMatch(/IP 2001:db8::1 is IPv6, but --ip-type was set to 4/);
    const bad = await f.run([
      "axon",
      "set",
      "--wallet-name",
      "bob",
      "--netuid",
      netuid,
      "--ip",
      "1.2.3",
      "--port",
      "1",
      "-y",
    ]);
    expect(bad.stderr).toMatch(/Invalid IP address: 1\.2\.3/);
  });
  it("set for people says where it serves; reset --json clears it on chain", async () => {
    const axon = () =>
      f.devnet.client.queryTyped<{ ip: string; port: number }>("SubtensorModule", "Axons", [
        Number(netuid),
        hot("bob"),
      ]);
    const set = await f.run([
      "axon",
      "set",
      "--wallet-name",
      "bob",
      "--netuid",
      netuid,
      "--ip",
      "198.51.100.9",
      "--port",
      "9000",
      "-y",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toMatch(/Axon set successfully to 198\.51\.100\.9:9000/);
    expect(await axon()).toMatchObject({
      ip: String(((198 << 24) >>> 0) + (51 << 16) + (100 << 8) + 9),
      port: 9000,
    });
    const reset = await f.run(["axon", "reset", "--wallet-name", "bob", "--netuid", netuid, "-y", "--json"]);
    expect(reset.code, reset.stderr).toBe(0);
    expect(onlyJson(reset)).toMatchObject({
      success: true,
      message: "Axon reset successfully",
      netuid: Number(netuid),
      hotkey: hot("bob"),
    });
    expect(await axon()).toMatchObject({ ip: "0", port: 1 });
  });
});

describe("tao utils convert", () => {
  it("converts exactly both ways and refuses too many decimals", async () => {
    const r = onlyJson(await tao(["utils", "convert", "--rao", "1500000000", "--tao", "0.1", "--json"]));
    expect(r).toEqual({
      from_rao: { rao: "1500000000", tao: "1.5" },
      from_tao: { rao: "100000000", tao: "0.1" },
    });
    const human = await tao(["utils", "convert", "--tao", "2"]);
    expect(human.stdout).toBe("τ2 = 2000000000ρ\n");
    const bad = await tao(["utils", "convert", "--tao", "0.0000000001"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/has 10 decimal places/);
  });

  it("takes a comma only as thousands grouping; a decimal comma is refused, never read as another sum", async () => {
    const grouped = onlyJson(await tao(["utils", "convert", "--tao", "12,345.5", "--json"]));
    expect(grouped.from_tao).toEqual({ rao: "12345500000000", tao: "12345.5" });
    for (const [text, fix] of [
      ["0.1,5", /after the decimal point is digits only/],
      ["1,2,3", /write 1\.5, not 1,5/],
      ["10,00", /write 10\.00, not 10,00/],
    ] as const) {
      const r = await tao(["utils", "convert", "--tao", text, "--json"]);
      expect(r.code, text).toBe(2);
      expect(r.stdout, text).not.toMatch(/from_tao/);
      expect(r.stderr, text).toMatch(fix);
    }
  });
});
