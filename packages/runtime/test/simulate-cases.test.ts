// Every shipped case (packages/runtime/cases/*.json) runs under the three built-in variants, and the
// headline its description states holds.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCase, type SimulationResult, type SimulationRun, simulate } from "../src/epoch/index.js";

const dir = new URL("../cases/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));
const results = new Map<string, SimulationResult>(
  files.map((f) => {
    const c = parseCase(JSON.parse(readFileSync(new URL(f, dir), "utf8")));
    return [c.name, simulate(c)];
  }),
);

function get(name: string): SimulationResult {
  const r = results.get(name);
  if (!r) throw new Error(`no shipped case ${name}`);
  return r;
}
const run = (r: SimulationResult, variant: string): SimulationRun =>
  r.runs.find((x) => x.variant === variant)!;
/** A validator's part of all dividends over the run. */
const share = (r: SimulationResult, variant: string, validator: string) =>
  run(r, variant).dividend_share[r.case.validators.indexOf(validator)]!;
const VARIANTS = ["yuma", "yuma3", "yuma3-liquid"];
/** Dividends equal to stake weights up to the u16 rounding of the two normalisations (a few units). */
function paidByStake(e: { dividends: number[]; stake_weight: number[] }): void {
  for (const [i, d] of e.dividends.entries()) expect(Math.abs(d - e.stake_weight[i]!)).toBeLessThanOrEqual(3);
}

describe("shipped cases", () => {
  it("are all there, named after their files, and run under the three built-in variants", () => {
    expect([...results.keys()].sort()).toEqual(files.map((f) => f.replace(/\.json$/, "")).sort());
    expect(results.size).toBeGreaterThanOrEqual(13);
    for (const r of results.values()) {
      expect(r.runs.map((x) => x.variant)).toEqual(VARIANTS);
      for (const x of r.runs) expect(x.epochs).toHaveLength(r.case.epochs);
      expect(r.case.description).toMatch(/Shows: /);
    }
  });

  it("all-validators-switch: every variant pays by stake in every epoch", () => {
    const r = get("all-validators-switch");
    for (const v of VARIANTS) {
      for (const e of run(r, v).epochs) paidByStake(e);
      const [big, a, b] = run(r, v).dividend_share;
      expect([big, a, b].map((x) => Number(x!.toFixed(4)))).toEqual([0.8, 0.1, 0.1]);
    }
  });

  it("kappa-moves-first: followers lose, the big validator gains; Yuma > Yuma3 > liquid alpha for the big one", () => {
    const r = get("kappa-moves-first");
    for (const v of VARIANTS) {
      expect(share(r, v, "Big")).toBeGreaterThan(0.8);
      expect(share(r, v, "Small A")).toBeLessThan(0.1);
      expect(share(r, v, "Small B")).toBeLessThan(share(r, v, "Small A"));
    }
    expect(share(r, "yuma", "Big")).toBeGreaterThan(share(r, "yuma3", "Big"));
    expect(share(r, "yuma3", "Big")).toBeGreaterThan(share(r, "yuma3-liquid", "Big"));
    expect(share(r, "yuma", "Big")).toBeCloseTo(0.8514, 4);
  });

  it("kappa-moves-second: Yuma rewards the early mover and punishes the last; Yuma3 narrows the gap", () => {
    const r = get("kappa-moves-second");
    expect(share(r, "yuma", "Small A")).toBeGreaterThan(0.1);
    expect(share(r, "yuma", "Small B")).toBeLessThan(0.08);
    for (const v of ["yuma3", "yuma3-liquid"]) {
      expect(share(r, v, "Small A")).toBeLessThan(0.1);
      expect(share(r, v, "Small B")).toBeGreaterThan(share(r, "yuma", "Small B") + 0.015);
    }
    expect(share(r, "yuma3-liquid", "Small B")).toBeGreaterThan(share(r, "yuma3", "Small B"));
  });

  it("kappa-moves-third: the early small movers lose a little, most with liquid alpha; then everyone is paid by stake", () => {
    const r = get("kappa-moves-third");
    for (const v of VARIANTS) {
      expect(share(r, v, "Small A")).toBeLessThan(0.1);
      paidByStake(run(r, v).epochs[39]!);
    }
    expect(share(r, "yuma3-liquid", "Small A")).toBeLessThan(share(r, "yuma3", "Small A"));
    expect(share(r, "yuma3", "Small A")).toBeLessThan(share(r, "yuma", "Small A"));
  });

  it("kappa-delayed: the lone early mover ends below its share, worst under liquid alpha (paid 0 while alone)", () => {
    const r = get("kappa-delayed");
    for (const v of VARIANTS) expect(share(r, v, "Small A")).toBeLessThan(0.1);
    expect(share(r, "yuma3", "Small A")).toBeLessThan(share(r, "yuma", "Small A"));
    expect(share(r, "yuma3-liquid", "Small A")).toBeLessThan(share(r, "yuma3", "Small A"));
    for (const e of run(r, "yuma3-liquid").epochs.slice(1, 10)) expect(e.dividends[1]).toBe(0);
  });

  it("weight-copying: the copier ends above its stake share in every variant, most with liquid alpha", () => {
    const r = get("weight-copying");
    for (const v of VARIANTS) {
      expect(share(r, v, "Big")).toBeGreaterThan(0.8);
      expect(share(r, v, "Small A")).toBeLessThan(0.1);
    }
    expect(share(r, "yuma3-liquid", "Big")).toBeGreaterThan(share(r, "yuma", "Big"));
    expect(share(r, "yuma3-liquid", "Big")).toBeGreaterThan(share(r, "yuma3", "Big"));
  });

  it("lazy-validator: stale weights earn nothing from epoch 1 on, in every variant", () => {
    const r = get("lazy-validator");
    for (const v of VARIANTS) {
      expect(
        run(r, v)
          .epochs.slice(1)
          .every((e) => e.dividends[2] === 0),
      ).toBe(true);
      expect(share(r, v, "Small B")).toBeLessThan(0.003);
    }
  });

  it("one-epoch-switch: one epoch away costs C for several epochs; liquid alpha pays it nothing in epoch 20", () => {
    const r = get("one-epoch-switch");
    for (const v of VARIANTS) expect(share(r, v, "Validator C")).toBeLessThan(0.34);
    expect(run(r, "yuma3-liquid").epochs[20]!.dividends[2]).toBe(0);
    expect(share(r, "yuma3-liquid", "Validator C")).toBeLessThan(share(r, "yuma", "Validator C"));
    for (const v of VARIANTS)
      expect(run(r, v).epochs[22]!.dividends[2]).toBeLessThan(run(r, v).epochs[19]!.dividends[2]!);
  });

  it("split-support: half the weight off consensus earns about half the share; Small A drops once it splits", () => {
    const r = get("split-support");
    for (const v of VARIANTS) {
      expect(share(r, v, "Small B")).toBeGreaterThan(0.05);
      expect(share(r, v, "Small B")).toBeLessThan(0.06);
      const a = run(r, v).epochs.map((e) => e.dividends[1]!);
      expect(a[39]!).toBeLessThan(a[20]! * 0.7);
    }
  });

  it("stable-miner: Server 3 keeps at least half of the incentive every epoch and ends at exactly half", () => {
    const r = get("stable-miner");
    for (const v of VARIANTS) {
      for (const e of run(r, v).epochs) expect(e.incentive[2]).toBeGreaterThanOrEqual(32767);
      expect(run(r, v).epochs[39]!.incentive).toEqual([0, 32767, 32767]);
      expect(share(r, v, "Small B")).toBeLessThan(share(r, v, "Small A"));
    }
  });

  it("small-validators-merged: Yuma3 dividends follow the new stake at once, Yuma's lag behind", () => {
    const r = get("small-validators-merged");
    for (const v of ["yuma3", "yuma3-liquid"]) {
      for (const e of run(r, v).epochs.slice(6)) expect(e.dividends.slice(1)).toEqual([13106, 0]);
    }
    const yuma = run(r, "yuma").epochs.map((e) => e.dividends[1]!);
    expect(yuma[7]!).toBeLessThan(13106 * 0.7);
    for (let k = 8; k < 40; k++) expect(yuma[k]!).toBeGreaterThanOrEqual(yuma[k - 1]!);
    expect(share(r, "yuma", "Small A")).toBeLessThan(share(r, "yuma3", "Small A"));
  });

  it("clipping-demo: B (nearer consensus) out-earns A until epoch 20; after C's change A overtakes B", () => {
    const r = get("clipping-demo");
    for (const v of VARIANTS) {
      const e = run(r, v).epochs;
      expect(e[19]!.dividends[1]!).toBeGreaterThan(e[19]!.dividends[0]!);
      expect(e[39]!.dividends[0]!).toBeGreaterThan(e[39]!.dividends[1]!);
      expect(e[0]!.consensus).toEqual([39320, 26213]);
      expect(e[0]!.validator_trust[0]!).toBeLessThan(e[0]!.validator_trust[1]!);
    }
  });

  it("minimal-weight-hedging: the clipped hedge changes Small B's share by less than 0.1%", () => {
    const r = get("minimal-weight-hedging");
    for (const v of VARIANTS) expect(Math.abs(share(r, v, "Small B") - 0.1)).toBeLessThan(0.001);
  });
});
