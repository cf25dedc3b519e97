// The epoch explainer agrees with `tao yuma run` (runScenario) on every number it shows, and says why
// weights were dropped or clipped.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  caseToScenario,
  type EpochExplanation,
  explainScenarioStep,
  findVariant,
  parseCase,
  parseScenario,
  runScenario,
} from "../src/epoch/index.js";
import { type Doc, s03, s04, s05, s06 } from "./yuma/scenarios.js";

function clippingDemo(variant: string): Doc {
  const c = parseCase(
    JSON.parse(readFileSync(new URL("../cases/clipping-demo.json", import.meta.url), "utf8")),
  );
  return caseToScenario(c, findVariant(c, variant));
}

const docs: [string, () => Doc][] = [
  ["S03", s03],
  ["S04", s04],
  ["S05", s05],
  ["S06 (Yuma3, liquid alpha)", s06],
  ["clipping-demo under yuma3-liquid", () => clippingDemo("yuma3-liquid")],
];

function agree(
  x: EpochExplanation,
  step: ReturnType<typeof runScenario>["steps"][number],
  before: [number, number][][],
): void {
  expect(x.block).toBe(step.block);
  const pick = <K extends keyof EpochExplanation["uids"][number]>(k: K) => x.uids.map((u) => u[k]);
  expect(pick("active")).toEqual(step.active);
  expect(pick("validator_permit")).toEqual(step.validator_permit);
  expect(pick("consensus")).toEqual(step.consensus);
  expect(pick("incentive")).toEqual(step.incentive);
  expect(pick("dividends")).toEqual(step.dividends);
  expect(pick("validator_trust")).toEqual(step.validator_trust);
  expect(pick("bonds")).toEqual(step.bonds);
  expect(pick("bonds_before")).toEqual(before);
  expect(pick("server_emission")).toEqual(step.server_emission);
  expect(pick("validator_emission")).toEqual(step.validator_emission);
  for (const u of x.uids) {
    for (const w of u.weights) {
      expect(w.consensus).toBe(step.consensus[w.uid]);
      if (w.status === "clipped") {
        expect(w.clipped).toBeLessThan(w.normalized);
        expect(w.clipped).toBe(w.consensus > 0 ? w.consensus : 0);
        expect(w.reason).toBeTruthy();
      }
      if (w.status === "counted") expect(w.clipped).toBe(w.normalized);
      if (w.status === "dropped") expect(w.reason).toBeTruthy();
    }
  }
}

describe("explain agrees with tao yuma run on every number it shows", () => {
  for (const [name, make] of docs) {
    it(name, () => {
      const doc = make();
      const run = runScenario(doc);
      const scenario = parseScenario(doc);
      let before = scenario.initialBonds.map((r) => r.map(([j, v]) => [j, v] as [number, number]));
      for (const [k, step] of run.steps.entries()) {
        agree(explainScenarioStep(scenario, k), step, before);
        before = step.bonds;
      }
    });
  }
});

describe("explain says why", () => {
  it("S03: every weight is a self-weight or comes from a uid without a permit", () => {
    const x = explainScenarioStep(parseScenario(s03()), 0);
    const reasons = new Set(x.uids.flatMap((u) => u.weights.map((w) => w.reason)));
    expect([...reasons].every((r) => /self-weight|no validator permit/.test(r ?? ""))).toBe(true);
    expect(x.notes.join(" ")).toMatch(/whole emission went to validators by stake/);
  });

  it("S05: the validator that stopped updating is inactive, with the blocks that make it so", () => {
    const scenario = parseScenario(s05());
    const x = explainScenarioStep(scenario, scenario.steps.length - 1);
    const inactive = x.uids.filter((u) => !u.active);
    expect(inactive.length).toBeGreaterThan(0);
    for (const u of inactive)
      expect(u.inactive_reason).toMatch(/last update at block \d+ \+ activity cutoff \d+ < block \d+/);
  });

  it("clipping-demo: consensus is B's 0.6/0.4; A's 0.7 on Server 2 and C's 0.61 on Server 1 are clipped", () => {
    const x = explainScenarioStep(parseScenario(clippingDemo("yuma")), 0);
    const a = x.uids[0]!.weights;
    expect(a.map((w) => w.status)).toEqual(["counted", "clipped"]);
    expect(a[1]!.reason).toMatch(/above uid 4's consensus 40\.00%/);
    expect(x.uids[1]!.weights.map((w) => w.status)).toEqual(["counted", "counted"]);
    expect(x.uids[2]!.weights.map((w) => w.status)).toEqual(["clipped", "counted"]);
    expect(x.uids[2]!.weights[0]!.reason).toMatch(/above uid 3's consensus 60\.00%/);
    expect(x.uids.map((u) => u.stake_weight).slice(0, 3)).toEqual([32112, 32112, 1310]);
  });

  it("refuses a step that does not exist", () => {
    expect(() => explainScenarioStep(parseScenario(s03()), 1)).toThrow(
      /step 1 does not exist; the scenario has steps 0\.\.0/,
    );
  });
});
