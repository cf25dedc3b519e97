import { SubtensorStorage as S, SystemStorage } from "@opentao/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import {
  buildReport,
  resolveConfig,
  runSimulation,
  SimulationConfigError,
  type SimulationReport,
  type SimulationRun,
  simulateNetwork,
} from "../src/index.js";

const json = (r: SimulationReport) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? v.toString() : v));

describe("tao simulate: determinism", { timeout: 60_000 }, () => {
  it("gives byte-identical reports for the same seed, and different noise for another", async () => {
    const a = json(await simulateNetwork({ seed: 7, blocks: 120 }));
    const b = json(await simulateNetwork({ seed: 7, blocks: 120 }));
    const c = json(await simulateNetwork({ seed: 8, blocks: 120 }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe("tao simulate: who earns what", () => {
  let run: SimulationRun;
  let report: SimulationReport;
  // About a second alone; a loaded machine gets the minute a CLI run gets.
  beforeAll(async () => {
    run = await runSimulation({ seed: 3, blocks: 600 });
    report = buildReport(run);
  }, 60_000);
  const subnet = () => report.subnets[0]!;
  const miner = (name: string) => subnet().miners.find((m) => m.name === name)!;
  const honestMiners = () => subnet().miners.filter((m) => m.kind === "honest");
  const honestValidators = () => subnet().validators.filter((v) => v.kind === "honest");
  const validator = (name: string) => subnet().validators.find((v) => v.name === name)!;

  it("runs real extrinsics and epochs: stake bought, weights stored, no refused calls", () => {
    const { cast } = run.subnets[0]!;
    expect(report.epochs).toBeGreaterThanOrEqual(50);
    for (const v of cast.validators) {
      expect(SystemStorage.Account.get(run.chain.store, v.hotkey.ss58Address).nonce).toBeGreaterThan(10);
      expect(S.Weights.get(run.chain.store, cast.netuid, v.uid).length).toBeGreaterThan(0);
    }
    for (const v of subnet().validators) {
      expect(v.stake).toBeGreaterThan(0n);
      expect(v.failedCalls).toEqual({});
    }
  });

  it("pays honest miners in the order of their quality", () => {
    const ms = honestMiners();
    const byQuality = [...ms].sort((a, b) => b.quality - a.quality).map((m) => m.name);
    const byEmission = [...ms].sort((a, b) => Number(b.emission - a.emission)).map((m) => m.name);
    expect(byEmission).toEqual(byQuality);
  });

  it("pays the random-answer miner less than every honest miner", () => {
    for (const m of honestMiners()) expect(miner("random-miner").emission).toBeLessThan(m.emission);
  });

  it("keeps the colluders (below half the stake) from making their weak miner out-earn the best honest one", () => {
    const colluders = subnet().validators.filter((v) => v.kind === "colluder");
    const share = colluders.reduce((a, v) => a + v.stakeShare, 0);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.5);
    const best = Math.max(...honestMiners().map((m) => Number(m.emission)));
    expect(Number(miner("colluders-miner").emission)).toBeLessThan(best);
    // Their validators lose most of their dividends: the group as a whole does not profit.
    for (const c of colluders)
      expect(c.yieldPerEpoch).toBeLessThan(Math.min(...honestValidators().map((v) => v.yieldPerEpoch)) / 2);
    expect(subnet().verdicts.find((v) => v.adversary === "colluders")?.profited).toBe(false);
  });

  it("lets the lazy validator fall behind honest ones as miner quality drifts", () => {
    const lazy = validator("lazy");
    for (const v of honestValidators()) expect(lazy.yieldPerEpoch).toBeLessThan(v.yieldPerEpoch);
    // Its weights agree less and less with the consensus.
    const i = subnet().validators.indexOf(lazy);
    const epochs = subnet().epochs;
    const trust = (from: number, to: number) =>
      epochs.slice(from, to).reduce((a, e) => a + e.validatorTrust[i]!, 0) / (to - from);
    expect(trust(epochs.length - 10, epochs.length)).toBeLessThan(trust(2, 12) - 0.1);
  });

  it("does not reward the weight copier above honest validators", () => {
    const copier = validator("copier");
    // It lags the consensus by an epoch, so it never quite catches up with those it copies.
    for (const v of honestValidators()) expect(copier.yieldPerEpoch).toBeLessThan(v.yieldPerEpoch);
    expect(subnet().verdicts.find((v) => v.adversary === "copier")!.ratio).toBeLessThan(1);
  });

  it("values earnings in TAO at the pool's price", () => {
    const m = miner("miner-0");
    expect(subnet().price).toBeGreaterThan(0n);
    // The price is rounded to whole rao per alpha; the value is not.
    const approx = (m.emission * subnet().price) / 1_000_000_000n;
    const diff = m.emissionTao > approx ? m.emissionTao - approx : approx - m.emissionTao;
    expect(diff).toBeLessThanOrEqual(m.emission / 1_000_000_000n + 1n);
  });
});

describe("tao simulate: flagging an adversary that profited", { timeout: 60_000 }, () => {
  // The weight copier sends nothing before the first consensus, then copies it an epoch late: a
  // handicap that weighs less the longer the run (the miners' quality drifts more slowly per epoch).
  // Over 800 blocks it earns 96.5% of the honest validators' yield without measuring anything, which
  // is profit (the bar is 95%); over 200 blocks, 85%, which is not.
  const copier = async (blocks: number) =>
    (await simulateNetwork({ seed: 1, blocks, adversaries: ["copier"] })).subnets[0]!.verdicts;

  it("flags the weight copier as having profited over a long run", async () => {
    const verdicts = await copier(800);
    expect(verdicts.map((v) => v.adversary)).toEqual(["copier"]);
    expect(verdicts[0]!.profited).toBe(true);
    expect(verdicts[0]!.ratio).toBeGreaterThan(0.96);
    expect(verdicts[0]!.ratio).toBeLessThan(1);
    expect(verdicts[0]!.measure).toMatch(
      /^copying the consensus, it earned 96\.\d% of the honest validators' yield/,
    );
  });

  it("does not flag it over a short run, where copying an epoch late costs it", async () => {
    const [verdict] = await copier(200);
    expect(verdict!.profited).toBe(false);
    expect(verdict!.ratio).toBeGreaterThan(0.8);
    expect(verdict!.ratio).toBeLessThan(0.9);
  });
});

describe("tao simulate: options", { timeout: 60_000 }, () => {
  it("runs several subnets, and only the adversaries asked for", async () => {
    const r = await simulateNetwork({ seed: 1, blocks: 40, subnets: 2, adversaries: ["lazy"], miners: 3 });
    expect(r.subnets.map((s) => s.netuid)).toEqual([1, 2]);
    for (const s of r.subnets) {
      expect(s.miners.map((m) => m.kind)).toEqual(["honest", "honest", "honest"]);
      expect(s.validators.map((v) => v.kind)).toEqual(["honest", "honest", "honest", "lazy"]);
      expect(s.verdicts.map((v) => v.adversary)).toEqual(["lazy"]);
    }
  });

  it("judges nobody when no epoch ran", async () => {
    const r = await simulateNetwork({ seed: 1, blocks: 1 });
    expect(r.epochs).toBe(0);
    expect(r.subnets[0]!.verdicts).toEqual([]);
    expect(r.subnets[0]!.miners.every((m) => m.emission === 0n && m.quality === m.qualityStart)).toBe(true);
  });

  it("switches the subnets to the earlier Yuma through the owner's call", async () => {
    const yuma = await runSimulation({ seed: 2, blocks: 20, subnets: 2, yuma: "yuma" });
    const yuma3 = await runSimulation({ seed: 2, blocks: 20, subnets: 2 });
    for (const netuid of [1, 2]) {
      expect(S.Yuma3On.get(yuma.chain.store, netuid)).toBe(false);
      expect(S.Yuma3On.get(yuma3.chain.store, netuid)).toBe(true);
    }
  });

  it.each([
    [{ yuma: "yuma2" as never }, "yuma"],
    [{ seed: -1 }, "seed"],
    [{ blocks: 0 }, "blocks"],
    [{ miners: 1 }, "miners"],
    [{ validators: 1.5 }, "validators"],
    [{ adversaries: ["sybil"] as never }, "adversaries"],
    [{ collusionShare: 0.5 }, "collusionShare"],
    [{ weightsInterval: 2 }, "weightsInterval"],
  ])("refuses %j, naming %s", (partial, field) => {
    let error: unknown;
    try {
      resolveConfig(partial);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationConfigError);
    expect((error as SimulationConfigError).field).toBe(field);
  });
});
