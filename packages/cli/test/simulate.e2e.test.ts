// `tao simulate` end to end through the built bin: JSON and human output, --out charts that are
// byte-identical for the same seed, and bad options refused with the flag named, exit 2, the JSON error document.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { all, parseXml } from "../../charts/test/xml.js";
import { onlyJson, tao } from "./run-tao.js";

const dir = mkdtempSync(join(tmpdir(), "opentao-simulate-"));

// Each case starts a process that runs the chain for a few seconds; on a loaded machine that can pass the
// default 20 s, so these get the bin's own 60 s limit.
describe.concurrent("tao simulate", { timeout: 60_000 }, () => {
  it("--json prints one report: miners, validators and adversary verdicts, amounts as exact rao strings", async () => {
    const r = await tao(["simulate", "--blocks", "40", "--seed", "4", "--json"]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.format).toBe("opentao-network-simulation/1");
    expect(doc.config).toMatchObject({ seed: 4, blocks: 40, miners: 5, validators: 3 });
    const [s] = doc.subnets;
    expect(s.miners.map((m: { name: string }) => m.name)).toEqual([
      "miner-0",
      "miner-1",
      "miner-2",
      "miner-3",
      "miner-4",
      "random-miner",
      "colluders-miner",
    ]);
    expect(s.validators.map((v: { kind: string }) => v.kind)).toEqual([
      "honest",
      "honest",
      "honest",
      "copier",
      "lazy",
      "colluder",
      "colluder",
    ]);
    expect(s.verdicts.map((v: { adversary: string }) => v.adversary)).toEqual([
      "copier",
      "lazy",
      "colluders",
      "random-miner",
    ]);
    expect(s.miners[0].emission).toMatch(/^\d+$/);
    expect(BigInt(s.miners[0].emission)).toBeGreaterThan(0n);
  });

  it("prints the earnings tables and the verdicts for people; --epochs counts tempos", async () => {
    const r = await tao(["simulate", "--epochs", "8", "--adversaries", "lazy,random-miner", "--miners", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Simulated 80 blocks \(\d+ epochs\) after \d+ setup blocks · seed 1 · 1 subnet · preset fast$/m,
    );
    expect(r.stdout).toMatch(
      /^miner\s+kind\s+quality\s+start→end\s+incentive\s+emission\s+value\s+share\s+quality share$/m,
    );
    expect(r.stdout).toMatch(/^random-miner\s+random\s+0\.100\s/m);
    expect(r.stdout).toMatch(/^lazy\s+lazy\s+α\d/m);
    // Over 8 epochs the miners' quality hardly drifts, so never updating costs the lazy validator
    // little (95.6% of the honest yield: profit); the random miner gets 77% of its quality's share.
    expect(r.stdout).toMatch(/^ {2}lazy\s+PROFITED\s+never updating its weights, it earned 95\.6% /m);
    expect(r.stdout).toMatch(/^ {2}random-miner\s+no profit\s+answering at random, it took /m);
    expect(r.stdout).not.toMatch(/copier|colluder/);
  });

  it("flags the weight copier PROFITED over a long run, and not over a short one", async () => {
    const run = (blocks: string) => tao(["simulate", "--adversaries", "copier", "--blocks", blocks]);
    const [long, short] = await Promise.all([run("800"), run("200")]);
    for (const r of [long, short]) expect(r.code).toBe(0);
    expect(long.stdout).toMatch(/^ {2}copier\s+PROFITED\s+copying the consensus, it earned 96\.5% /m);
    expect(short.stdout).toMatch(/^ {2}copier\s+no profit\s+copying the consensus, it earned 84\.8% /m);
  });

  it("--out writes the same report and SVGs, byte for byte, for the same seed; another seed differs", async () => {
    const run = (seed: string, out: string) =>
      tao(["simulate", "--blocks", "40", "--seed", seed, "--out", join(dir, out), "--json"]);
    const [a, b, c] = await Promise.all([run("9", "a"), run("9", "b"), run("10", "c")]);
    for (const r of [a, b, c]) expect(r.code).toBe(0);
    expect(a.stderr).toMatch(/Wrote 9 files to .*a \(charts: 7 SVGs, open index\.html\)/);
    const files = readdirSync(join(dir, "a")).sort();
    expect(files).toEqual([
      "adversaries-subnet-1.svg",
      "dividends-subnet-1.svg",
      "incentive-subnet-1.svg",
      "index.html",
      "miner-shares-subnet-1.svg",
      "miners-table-subnet-1.svg",
      "report.json",
      "validators-table-subnet-1.svg",
      "yield-subnet-1.svg",
    ]);
    const read = (out: string, f: string) => readFileSync(join(dir, out, f), "utf8");
    for (const f of files) expect(read("b", f)).toBe(read("a", f));
    expect(read("c", "report.json")).not.toBe(read("a", "report.json"));
    expect(read("c", "incentive-subnet-1.svg")).not.toBe(read("a", "incentive-subnet-1.svg"));
    expect(JSON.parse(read("a", "report.json"))).toEqual(onlyJson(a));
    const series = (f: string) =>
      all(parseXml(read("a", f)), (e) => (e.attrs.class ?? "") === "series").map(
        (e) => e.attrs["data-series"],
      );
    expect(series("dividends-subnet-1.svg")).toEqual([
      "validator-0",
      "validator-1",
      "validator-2",
      "copier",
      "lazy",
      "colluder-0",
      "colluder-1",
    ]);
    expect(series("incentive-subnet-1.svg")).toHaveLength(14);
  });

  it("says so when the run was too short for an epoch", async () => {
    const r = await tao(["simulate", "--blocks", "3"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Simulated 3 blocks \(0 epochs\)/);
    expect(r.stdout).toMatch(/^No epoch ran, so nobody has earned anything yet: run at least a tempo/m);
    expect(r.stdout).not.toMatch(/Adversaries/);
  });

  it("--out under a file fails with the reason, exit 1", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const r = await tao(["simulate", "--blocks", "5", "--out", join(file, "charts")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out .*a-file\/charts: cannot write the report there \(ENOTDIR/);
  });

  it.each([
    [["--miners", "abc"], /--miners abc: expected a whole number/],
    [["--miners", "1"], /--miners: 1 is not an integer from 2 to 64/],
    [["--adversaries", "copier,sybil"], /--adversaries: unknown adversary "sybil"/],
    [["--blocks", "10", "--epochs", "2"], /give --blocks or --epochs, not both/],
    [["--collusion-share", "0.6"], /--collusion-share: 0\.6 must be above 0 and below 0\.5/],
    [["--epochs", "0"], /--epochs: 0 is not an integer from 1/],
    [["--preset", "mainnet"], /--preset mainnet: only the fast preset/],
    [["--yuma", "yuma2"], /--yuma: "yuma2" is not a Yuma variant; use yuma or yuma3/],
  ])("refuses %j with exit 2 and only the JSON error document on stdout", async (args, message) => {
    const r = await tao(["simulate", ...args, "--json"]);
    expect(r.code).toBe(2);
    expect(onlyJson(r)).toMatchObject({ success: false, error: expect.stringMatching(message), data: null });
    expect(r.stderr).toMatch(message);
  });
});
