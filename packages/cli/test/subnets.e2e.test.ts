// `tao subnets …` against a devnet node started here: create, identity, start, register, and the reads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson } from "./run-tao.js";

let f: ChainFixture;
let netuid: number;
beforeAll(async () => {
  f = await startChainFixture(["Alice", "Bob", "Dave"]);
});
afterAll(() => f?.stop());

const alice = ["--wallet-name", "alice"];

describe("tao subnets create, identity, start, register", () => {
  it("burn-cost says what create then locks; create --json returns the netuid", async () => {
    const cost = onlyJson(await f.runNet(["subnets", "burn-cost", "--json"])).burn_cost;
    expect(BigInt(cost.rao)).toBeGreaterThan(0n);
    const human = await f.runNet(["subnets", "burn-cost"]);
    expect(human.stdout).toMatch(/^Subnet burn cost: τ[\d,.]+$/m);
    const before = await f.free(f.address("Alice"));
    const r = await f.run([
      "subnets",
      "create",
      ...alice,
      "--subnet-name",
      "alpha net",
      "--github-repo",
      "https://x/y",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.netuid).toBeGreaterThan(0);
    netuid = doc.netuid;
    // The devnet starts a new subnet at once, and says so.
    expect(doc.started).toBe(true);
    expect(doc.lock_cost).toEqual(cost);
    expect(before - (await f.free(f.address("Alice")))).toBeGreaterThanOrEqual(BigInt(cost.rao));
  });

  it("lists the subnet in JSON and for people", async () => {
    const list = onlyJson(await f.runNet(["subnets", "list", "--json"]));
    const row = list.subnets.find((s: { netuid: number }) => s.netuid === netuid);
    expect(row).toMatchObject({ name: "alpha net", owner: f.address("Alice"), started: true });
    expect(row.price.rao).toMatch(/^\d+$/);
    const human = await f.runNet(["s", "list"]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Netuid\s+Name\s+Price/);
    expect(human.stdout).toMatch(new RegExp(`^\\s*${netuid}\\s+\\S+ alpha net`, "m"));
  });

  it("get-identity shows what create set; set-identity changes one field and keeps the others", async () => {
    const got = onlyJson(await f.runNet(["subnets", "get-identity", "--netuid", String(netuid), "--json"]));
    expect(got.identity).toMatchObject({ subnetName: "alpha net", githubRepo: "https://x/y", subnetUrl: "" });
    const set = await f.run([
      "subnets",
      "set-identity",
      ...alice,
      "--netuid",
      String(netuid),
      "--url",
      "https://alpha",
      "-y",
      "--json",
    ]);
    expect(set.code, set.stderr).toBe(0);
    expect(onlyJson(set).identity).toMatchObject({ subnetName: "alpha net", subnetUrl: "https://alpha" });
    const human = await f.runNet(["subnets", "get-identity", "--netuid", String(netuid)]);
    expect(human.stdout).toMatch(/subnetUrl\s+https:\/\/alpha/);
    const forPeople = await f.run([
      "subnets",
      "set-identity",
      ...alice,
      "--netuid",
      String(netuid),
      "--discord",
      "alpha#1",
      "-y",
    ]);
    expect(forPeople.code, forPeople.stderr).toBe(0);
    expect(forPeople.stdout).toMatch(new RegExp(`Successfully set identity for subnet ${netuid}\\.`));
    const now = onlyJson(await f.runNet(["subnets", "get-identity", "--netuid", String(netuid), "--json"]));
    expect(now.identity).toMatchObject({
      subnetName: "alpha net",
      subnetUrl: "https://alpha",
      discord: "alpha#1",
    });
    const notOwner = await f.run([
      "subnets",
      "set-identity",
      "--wallet-name",
      "bob",
      "--netuid",
      String(netuid),
      "--url",
      "x",
      "-y",
    ]);
    expect(notOwner.code).toBe(1);
    expect(notOwner.stderr).toMatch(/doesn't own subnet/);
  });

  it("check-start says the devnet's subnet started at creation; start refuses non-owners and a second start", async () => {
    const check = onlyJson(await f.runNet(["subnets", "check-start", "--netuid", String(netuid), "--json"]));
    expect(check).toMatchObject({ netuid, started: true, blocks_remaining: 0 });
    expect(check.first_emission_block).not.toBeNull();
    const human = await f.runNet(["subnets", "check-start", "--netuid", String(netuid)]);
    expect(human.stdout).toMatch(/has already been started/);
    const bob = await f.run(["subnets", "start", "--wallet-name", "bob", "--netuid", String(netuid), "-y"]);
    expect(bob.code).toBe(1);
    expect(bob.stderr).toMatch(/doesn't own the specified subnet/);
    const again = await f.run(["subnets", "start", ...alice, "--netuid", String(netuid), "-y", "--json"]);
    expect(again.code).toBe(1);
    expect(onlyJson(again).error).toMatch(/has already been started/);
  });

  it("register recycles the burn and reports the UID; a second time is refused", async () => {
    const before = await f.free(f.address("Bob"));
    const r = await f.run([
      "subnets",
      "register",
      "--wallet-name",
      "bob",
      "--netuid",
      String(netuid),
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.uid).toBeGreaterThanOrEqual(0);
    expect(before - (await f.free(f.address("Bob")))).toBeGreaterThanOrEqual(BigInt(doc.cost.rao));
    const again = await f.run([
      "subnets",
      "register",
      "--wallet-name",
      "bob",
      "--netuid",
      String(netuid),
      "-y",
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already registered on subnet/);
    const human = await f.run([
      "subnets",
      "register",
      "--wallet-name",
      "dave",
      "--netuid",
      String(netuid),
      "-y",
    ]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Registered on netuid ${netuid} with UID \\d+`));
  });

  it("register refuses a missing subnet, an unknown wallet and a poor wallet, moving nothing", async () => {
    const { Keypair } = await import("@opentao/primitives");
    const poor = Keypair.fromUri("//PoorOwner");
    await f.addWallet("poor", poor);
    await f.devnet.client.call("dev_setBalance", [poor.ss58Address, "1000000"]);
    const register = (wallet: string, sn: string, extra: string[] = []) =>
      f.run(["subnets", "register", "--wallet-name", wallet, "--netuid", sn, "-y", ...extra]);
    // All refused before anything is sent: run them side by side.
    const [missing, ghost, broke, badNetuid] = await Promise.all([
      register("bob", "999", ["--json"]),
      register("ghost", String(netuid)),
      register("poor", String(netuid)),
      register("bob", "one"),
    ]);
    expect(missing.code).toBe(2);
    expect(onlyJson(missing).error).toMatch(/subnet 999 does not exist/);
    expect(ghost.code).toBe(2);
    expect(broke.code).toBe(1);
    expect(broke.stderr).toMatch(/is not enough to pay/);
    expect(await f.free(poor.ss58Address)).toBe(1_000_000n);
    expect(badNetuid.code).toBe(2);
    expect(badNetuid.stderr).toMatch(/--netuid must be a whole number/);
  });

  it("set-symbol: the owner changes it (--json, then for people); a symbol in use fails on chain with the Subtensor error named", async () => {
    const r = await f.run([
      "subnets",
      "set-symbol",
      ...alice,
      "--netuid",
      String(netuid),
      "β",
      "-y",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({ success: true, symbol: "β" });
    const list = onlyJson(await f.runNet(["subnets", "list", "--json"]));
    expect(list.subnets.find((s: { netuid: number }) => s.netuid === netuid).symbol).toBe("β");
    const before = await f.free(f.address("Alice"));
    const taken = await f.run(["subnets", "set-symbol", ...alice, "--netuid", String(netuid), "β", "-y"]);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      /Subtensor returned `SymbolAlreadyInUse` \(SubtensorModule\) error\. This means: another subnet uses this symbol/,
    );
    // A failed transaction costs its fee and nothing else.
    const fee = before - (await f.free(f.address("Alice")));
    expect(fee).toBeGreaterThan(0n);
    expect(fee).toBeLessThan(10_000_000n);
    const human = await f.run(["subnets", "set-symbol", ...alice, "--netuid", String(netuid), "γ", "-y"]);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(new RegExp(`Successfully updated SN${netuid}'s symbol to γ\\.`));
    const after = onlyJson(await f.runNet(["subnets", "list", "--json"]));
    expect(after.subnets.find((s: { netuid: number }) => s.netuid === netuid).symbol).toBe("γ");
  });
});

describe("tao subnets show, hyperparameters, price", () => {
  // Reads only: each test runs its commands side by side.
  it("show --json returns the metagraph; show (alias metagraph) prints the neurons", async () => {
    const sn = String(netuid);
    const [json, human, missing] = await Promise.all([
      f.runNet(["subnets", "show", "--netuid", sn, "--json"]),
      f.runNet(["subnets", "metagraph", "--netuid", sn]),
      f.runNet(["subnets", "show", "--netuid", "999"]),
    ]);
    const m = onlyJson(json);
    expect(m.netuid).toBe(netuid);
    expect(m.n).toBe(m.hotkeys.length);
    expect(m.coldkeys).toContain(f.address("Bob"));
    expect(m).toHaveProperty("weights");
    expect(human.stdout).toMatch(/UID\s+Stake \(α\)\s+Dividends/);
    expect(human.stdout).toContain(f.address("Bob"));
    expect(missing.code).toBe(2);
  });

  it("hyperparameters in btcli's snake_case names", async () => {
    const [json, human] = await Promise.all([
      f.runNet(["subnets", "hyperparameters", "--netuid", String(netuid), "--json"]),
      f.runNet(["subnets", "hyperparameters", "--netuid", String(netuid)]),
    ]);
    const h = onlyJson(json);
    expect(h.hyperparameters).toHaveProperty("tempo");
    expect(h.hyperparameters).toHaveProperty("immunity_period");
    expect(human.stdout).toMatch(/HYPERPARAMETER\s+VALUE/);
    expect(human.stdout).toMatch(/^tempo\s+\d+$/m);
  });

  it("price of given netuids, JSON and table", async () => {
    const [json, human, none, one] = await Promise.all([
      f.runNet(["subnets", "price", "--netuids", `0,${netuid}`, "--json"]),
      f.runNet(["subnets", "price", "--all"]),
      f.runNet(["subnets", "price"]),
      f.runNet(["subnets", "price", "--netuid", String(netuid), "--json"]), // btcli's spelling too
    ]);
    const p = onlyJson(json);
    expect(one.code, one.stderr).toBe(0);
    expect(Object.keys(onlyJson(one).prices)).toEqual([String(netuid)]);
    expect(onlyJson(one).prices[String(netuid)]).toEqual(p.prices[String(netuid)]);
    expect(p.prices["0"].price).toEqual({ rao: "1000000000", tao: "1" });
    expect(p.prices[String(netuid)].price.rao).toMatch(/^\d+$/);
    expect(human.stdout).toMatch(/Netuid\s+Symbol\s+Price/);
    expect(none.code).toBe(2);
  });
});

describe("tao subnets start on a chain that needs start_call (the mainnet preset)", () => {
  it("check-start says it can start; start starts it; a subnet created for people starts for scripts (--json)", async () => {
    const main = await startChainFixture(["Alice"], { preset: "mainnet" });
    try {
      const { Keypair } = await import("@opentao/primitives");
      const { devAccount } = await import("@opentao/runtime");
      const r = await main.devnet.client.submit(devAccount("Alice"), {
        pallet: "SubtensorModule",
        name: "register_network",
        args: { hotkey: Keypair.fromUri("//alice//hot").ss58Address },
      });
      const sn = String(
        (r.events as { event: { name: string; data: { netuid: number } } }[]).find(
          (e) => e.event.name === "NetworkAdded",
        )!.event.data.netuid,
      );
      const before = onlyJson(await main.runNet(["subnets", "check-start", "--netuid", sn, "--json"]));
      expect(before).toMatchObject({ started: false, blocks_remaining: 0, first_emission_block: null });
      const human = await main.runNet(["subnets", "check-start", "--netuid", sn]);
      expect(human.stdout).toMatch(new RegExp(`Subnet ${sn} can be started now`));
      const start = await main.run(["subnets", "start", "--wallet-name", "alice", "--netuid", sn, "-y"]);
      expect(start.code, start.stderr).toBe(0);
      expect(start.stdout).toMatch(new RegExp(`Successfully started subnet ${sn}'s emission schedule`));
      const after = onlyJson(await main.runNet(["subnets", "check-start", "--netuid", sn, "--json"]));
      expect(after.started).toBe(true);

      // A second subnet, created for people and started for scripts (mainnet's rate limit lifted).
      const lift = await main.devnet.client.submit(devAccount("Alice"), {
        pallet: "Sudo",
        name: "sudo",
        args: { call: { pallet: "AdminUtils", name: "sudo_set_network_rate_limit", args: { value: 0n } } },
      });
      expect(lift.success, lift.error?.name).toBe(true);
      const cost = BigInt(onlyJson(await main.runNet(["subnets", "burn-cost", "--json"])).burn_cost.rao);
      const balance = await main.free(main.address("Alice"));
      const created = await main.run([
        "subnets",
        "create",
        "--wallet-name",
        "alice",
        "--subnet-name",
        "beta",
        "-y",
      ]);
      expect(created.code, created.stderr).toBe(0);
      const second = Number(created.stdout.match(/Registered subnetwork with netuid: (\d+)/)?.[1]);
      expect(second).toBe(Number(sn) + 1);
      expect(created.stdout).toContain(`Start its emission with \`tao subnets start --netuid ${second}\``);
      expect(created.stdout).not.toMatch(/already started/);
      expect(balance - (await main.free(main.address("Alice")))).toBeGreaterThanOrEqual(cost);
      const identity = onlyJson(
        await main.runNet(["subnets", "get-identity", "--netuid", String(second), "--json"]),
      );
      expect(identity.identity.subnetName).toBe("beta");
      const started = await main.run([
        "subnets",
        "start",
        "--wallet-name",
        "alice",
        "--netuid",
        String(second),
        "-y",
        "--json",
      ]);
      expect(started.code, started.stderr).toBe(0);
      expect(onlyJson(started)).toMatchObject({ success: true, netuid: second });
      const now = onlyJson(
        await main.runNet(["subnets", "check-start", "--netuid", String(second), "--json"]),
      );
      expect(now.started).toBe(true);
      expect(now.first_emission_block).not.toBeNull();
    } finally {
      await main.stop();
    }
  });
});
