// `tao sudo get | set | get-take | set-take` against a devnet: Alice is the sudo key and owns subnet 1;
// Bob owns nothing. Root-only hyperparameters go through Sudo.sudo; a refused command changes nothing.
import { Keypair } from "@opentao/primitives";
import { devAccount } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
const aliceHot = Keypair.fromUri("//alice//hot").ss58Address;

beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob"]);
  const r = await f.devnet.client.submit(devAccount("Alice"), {
    pallet: "SubtensorModule",
    name: "register_network",
    args: { hotkey: aliceHot },
  });
  if (!r.success) throw new Error(`register_network: ${r.error?.name}`);
}, 60_000);
afterAll(() => f?.stop());

const param = (name: string) =>
  f.devnet.client.call<Record<string, unknown>>("subnetInfo_getSubnetHyperparams", [1]).then((h) => h[name]);
const height = async () => (await f.devnet.client.header()).number;

describe("tao sudo get", () => {
  it("lists a subnet's hyperparameters under btcli's names (--json) and as a table", async () => {
    const doc = onlyJson(await f.runNet(["sudo", "get", "--netuid", "1", "--json"]));
    expect(doc.netuid).toBe(1);
    expect(doc.hyperparameters.tempo).toBe(await param("tempo"));
    expect(doc.hyperparameters).toHaveProperty("weights_rate_limit");
    expect(doc.hyperparameters).toHaveProperty("commit_reveal_weights_enabled");
    const human = await f.runNet(["sudo", "get", "--netuid", "1"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/HYPERPARAMETER\s+VALUE\s+SET BY/);
    expect(human.stdout).toMatch(/tempo\s+\d+\s+root \(sudo\)/);
    expect(human.stdout).toMatch(/activity_cutoff\s+\d+\s+owner/);
    const missing = await f.runNet(["sudo", "get", "--netuid", "42"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/subnet 42 does not exist/);
  });
});

describe("tao sudo set", () => {
  it("sets an owner hyperparameter as the subnet owner (--json)", async () => {
    const r = await f.run([
      "sudo",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--param",
      "activity_cutoff",
      "--value",
      "4321",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({
      success: true,
      call: "AdminUtils.sudo_set_activity_cutoff",
      now: 4321,
    });
    expect(await param("activityCutoff")).toBe(4321);
  });

  it("sends a root-only one through Sudo.sudo with the sudo key (human), and booleans and pairs parse", async () => {
    const r = await f.run([
      "sudo",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--param",
      "tempo",
      "--value",
      "77",
      "-y",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Hyperparameter tempo changed to 77 on subnet 1/);
    expect(await param("tempo")).toBe(77);
    const flag = await f.run([
      "sudo",
      "set",
      "--wallet-name",
      "alice",
      "--netuid",
      "1",
      "--param",
      "yuma3_enabled",
      "--value",
      "true",
      "-y",
      "--json",
    ]);
    expect(flag.code, flag.stderr).toBe(0);
    expect(await param("yumaVersion")).toBe(3);
  });

  it("refuses bad input and other people's subnets, changing nothing", async () => {
    const start = await height();
    const before = await f.devnet.client.call("subnetInfo_getSubnetHyperparams", [1]);
    const cases: [string[], number, RegExp][] = [
      [
        ["--wallet-name", "alice", "--netuid", "1", "--param", "no_such", "--value", "1"],
        2,
        /"no_such" is not a hyperparameter/,
      ],
      [
        ["--wallet-name", "alice", "--netuid", "1", "--param", "tempo", "--value", "fast"],
        2,
        /tempo takes a whole number/,
      ],
      [
        ["--wallet-name", "alice", "--netuid", "1", "--param", "tempo", "--value", "70000"],
        2,
        /tempo is at most 65535/,
      ],
      [
        ["--wallet-name", "alice", "--netuid", "1", "--param", "yuma3_enabled", "--value", "maybe"],
        2,
        /true or false/,
      ],
      [
        ["--wallet-name", "alice", "--netuid", "1", "--param", "alpha_values", "--value", "1"],
        2,
        /2 values separated by a comma/,
      ],
      [["--wallet-name", "alice", "--netuid", "x", "--param", "tempo", "--value", "1"], 2, /--netuid "x"/],
      [
        ["--wallet-name", "nobody", "--netuid", "1", "--param", "tempo", "--value", "1"],
        2,
        /wallet "nobody"/,
      ],
      [
        ["--wallet-name", "bob", "--netuid", "1", "--param", "activity_cutoff", "--value", "1"],
        1,
        /doesn't own the specified subnet/,
      ],
      [
        ["--wallet-name", "bob", "--netuid", "1", "--param", "tempo", "--value", "1"],
        1,
        new RegExp(
          `tempo is set by the chain's sudo key only, and wallet "bob" \\(${f.address("Bob")}\\) does not hold it\\n` +
            `the sudo key is ${f.address("Alice")}; use its wallet`,
        ),
      ],
      [
        ["--wallet-name", "bob", "--netuid", "1", "--param", "max_burn", "--value", "1"],
        1,
        new RegExp(
          `max_burn is set by the subnet owner's coldkey or the chain's sudo key, and wallet "bob" \\(${f.address("Bob")}\\) holds neither\\n` +
            `subnet 1 is owned by ${f.address("Alice")} and the sudo key is ${f.address("Alice")}`,
        ),
      ],
    ];
    // Refused runs send nothing, so they can run side by side.
    const runs = await Promise.all(cases.map(([args]) => f.run(["sudo", "set", ...args, "-y"])));
    for (const [i, [args, code, message]] of cases.entries()) {
      expect(runs[i]!.code, `${args.join(" ")}: ${runs[i]!.stderr}`).toBe(code);
      expect(runs[i]!.stderr).toMatch(message);
    }
    expect(await height()).toBe(start);
    expect(await f.devnet.client.call("subnetInfo_getSubnetHyperparams", [1])).toEqual(before);
  });
});

describe("tao sudo get-take and set-take", () => {
  it("reads the default take, lowers it (--json), shows it and lowers it again (human)", async () => {
    const get = onlyJson(await f.run(["sudo", "get-take", "--wallet-name", "alice", "--json"]));
    expect(get).toMatchObject({ hotkey: aliceHot, take: 11_796, take_percent: "18.00%" });
    const set = await f.run(["sudo", "set-take", "--wallet-name", "alice", "--take", "0.1", "-y", "--json"]);
    expect(set.code, set.stderr).toBe(0);
    expect(onlyJson(set)).toMatchObject({ success: true, previous: 11_796, take: 6553, changed: true });
    const human = await f.run(["sudo", "get-take", "--wallet-name", "alice"]);
    expect(human.stdout).toMatch(/Current take of .* is 10\.00%/);
    const same = await f.run(["sudo", "set-take", "--wallet-name", "alice", "--take", "0.1", "-y"]);
    expect(same.code).toBe(0);
    expect(same.stdout).toMatch(/Nothing to do/);
    const lower = await f.run(["sudo", "set-take", "--wallet-name", "alice", "--take", "0.05", "-y"]);
    expect(lower.code, lower.stderr).toBe(0);
    expect(lower.stdout).toMatch(/Take of .* set to 5\.00%\./);
    const after = onlyJson(await f.run(["sudo", "get-take", "--wallet-name", "alice", "--json"]));
    expect(after).toMatchObject({ hotkey: aliceHot, take: 3276, take_percent: "5.00%" });
  });

  it("refuses a take above 18 % and a hotkey the wallet does not own", async () => {
    const start = await height();
    const high = await f.run(["sudo", "set-take", "--wallet-name", "alice", "--take", "0.2", "-y"]);
    expect(high.code).toBe(2);
    expect(high.stderr).toMatch(/between 0 and 0\.18/);
    const notMine = await f.run([
      "sudo",
      "set-take",
      "--wallet-name",
      "bob",
      "--take",
      "0.1",
      "-y",
      "--json",
    ]);
    expect(notMine.code).toBe(1);
    expect(onlyJson(notMine).error).toMatch(/not registered on the chain/);
    expect(await height()).toBe(start);
  });
});
