// The case format opentao-yuma-case/1: conversion to scenario steps, variants and hyperparameter sets,
// and errors that name the field.
import { describe, expect, it } from "vitest";
import {
  CaseError,
  caseToScenario,
  findVariant,
  parseCase,
  runScenario,
  simulate,
  weightPairs,
} from "../src/epoch/index.js";

// biome-ignore lint/suspicious/noExplicitAny: cases are free-form JSON mutated by the tests
type Doc = any;

function base(): Doc {
  return {
    format: "opentao-yuma-case/1",
    name: "tiny",
    validators: ["A", "B"],
    servers: ["S1", "S2"],
    epochs: 4,
    timeline: [
      {
        epoch: 0,
        stakes: [3, "1.5"],
        weights: [
          [1, 0],
          [1, 0.5],
        ],
      },
      { epoch: 2, weights: { B: [0, 1] } },
    ],
  };
}

describe("conversion to a scenario", () => {
  it("lays validators out as uids 0..V-1 and servers after them, one epoch per tempo", () => {
    const c = parseCase(base());
    const doc = caseToScenario(c, findVariant(c, "yuma3"));
    expect(doc.variant).toBe("yuma3");
    expect(doc.neurons).toBe(4);
    expect(doc.initial).toEqual({ validator_permit: [true, true, false, false] });
    const steps = doc.steps as Doc[];
    expect(steps.map((s) => s.block)).toEqual([360, 720, 1080, 1440]);
    expect(steps[0].stake).toEqual(["3000000000", "1500000000", "0", "0"]);
    expect(steps[0].weights).toEqual([
      [[2, 65535]],
      [
        [2, 65535],
        [3, 32768],
      ],
      [],
      [],
    ]);
    expect(steps[1].weights).toBeUndefined();
    expect(steps[2].weights[1]).toEqual([[3, 65535]]);
    expect(steps[3].last_update).toEqual([1440, 1440, 1440, 1440]);
  });

  it("simulate reports exactly what tao yuma run computes for the converted scenario", () => {
    const c = parseCase(base());
    const sim = simulate(c, { variants: ["yuma"] });
    const ref = runScenario(caseToScenario(c, findVariant(c, "yuma")));
    for (const [k, e] of sim.runs[0]!.epochs.entries()) {
      const s = ref.steps[k]!;
      expect(e.dividends).toEqual(s.dividends.slice(0, 2));
      expect(e.incentive).toEqual(s.incentive.slice(2));
      expect(e.server_emission).toEqual(s.server_emission.slice(2));
      expect(e.bonds[1]).toEqual([2, 3].map((j) => s.bonds[1]!.find(([u]) => u === j)?.[1] ?? 0));
    }
    const total = sim.runs[0]!.total_dividends.reduce((a, b) => a + BigInt(b), 0n);
    expect(total).toBe(
      ref.steps.reduce((a, s) => a + BigInt(s.validator_emission[0]!) + BigInt(s.validator_emission[1]!), 0n),
    );
  });

  it("rounds weight rows as set_weights stores them: max-upscaled to 65535, zeros dropped", () => {
    expect(weightPairs([0.3, 0.61], 3)).toEqual([
      [3, 32230],
      [4, 65535],
    ]);
    expect(weightPairs([0, 0], 3)).toEqual([]);
    expect(weightPairs(null, 3)).toEqual([]);
  });

  it("runs case-defined variants (hyperparameter sets) and global overrides", () => {
    const doc = base();
    doc.hyperparameters = { bonds_moving_average: 500000 };
    doc.variants = [{ name: "yuma3-beta0", base: "yuma3", hyperparameters: { bonds_penalty: 0 } }];
    const c = parseCase(doc);
    const r = simulate(c, { variants: ["yuma3-liquid", "yuma3-beta0"], hyperparameters: { kappa: 40000 } });
    expect(r.runs.map((x) => x.variant)).toEqual(["yuma3-liquid", "yuma3-beta0"]);
    expect(r.runs[0]!.hyperparameters).toMatchObject({
      liquid_alpha_enabled: true,
      bonds_moving_average: 500000,
      kappa: 40000,
    });
    expect(r.runs[1]!.hyperparameters).toMatchObject({
      liquid_alpha_enabled: false,
      bonds_penalty: 0,
      kappa: 40000,
    });
    expect(r.runs[1]!.epoch).toBe("yuma3");
  });
});

describe("a case with a mistake names the field", () => {
  const cases: [string, (d: Doc) => void, RegExp][] = [
    ["the wrong format", (d) => (d.format = "x"), /^format: expected "opentao-yuma-case\/1"/],
    [
      "a misspelt top-level field",
      (d) => (d.epoch = 3),
      /^epoch: unknown field; expected one of format, name/,
    ],
    ["a bad name", (d) => (d.name = "My Case"), /^name: expected lowercase/],
    ["a duplicate validator", (d) => (d.validators = ["A", "A"]), /^validators\[1\]: "A" appears twice/],
    [
      "a stake missing at epoch 0",
      (d) => (d.timeline[0].stakes = { A: 1 }),
      /^timeline\[0\]\.stakes: epoch 0 must give every validator's stake; "B" has none/,
    ],
    [
      "a stake that is not TAO",
      (d) => (d.timeline[0].stakes[1] = "1e9"),
      /^timeline\[0\]\.stakes\[1\]: stake "1e9" is not a number/,
    ],
    [
      "a negative stake",
      (d) => (d.timeline[0].stakes[0] = -1),
      /^timeline\[0\]\.stakes\[0\]: stake "-1" is negative/,
    ],
    [
      "a short weight row",
      (d) => (d.timeline[0].weights[1] = [1]),
      /^timeline\[0\]\.weights\[1\]: expected 2 weights \(one per server: S1, S2\), got 1/,
    ],
    [
      "a negative weight",
      (d) => (d.timeline[1].weights.B = [0, -1]),
      /^timeline\[1\]\.weights\.B\[1\]: expected a weight >= 0/,
    ],
    [
      "an unknown validator",
      (d) => (d.timeline[1].weights = { C: [0, 1] }),
      /^timeline\[1\]\.weights\.C: no validator is named "C"/,
    ],
    [
      "an epoch past the end",
      (d) => (d.timeline[1].epoch = 4),
      /^timeline\[1\]\.epoch: 4 is out of range for an epoch index; expected 0\.\.3/,
    ],
    [
      "events out of order",
      (d) => d.timeline.push({ epoch: 1, weights: { A: [0, 1] } }),
      /^timeline\[2\]\.epoch: epoch 1 does not come after/,
    ],
    [
      "an empty event",
      (d) => (d.timeline[1] = { epoch: 2 }),
      /^timeline\[1\]: an event must change stakes, weights or both/,
    ],
    [
      "a bad hyperparameter",
      (d) => (d.hyperparameters = { kappa: 70000 }),
      /^hyperparameters\.kappa: 70000 is out of range for a u16/,
    ],
    [
      "a misspelt hyperparameter",
      (d) => (d.hyperparameters = { bond_penalty: 0 }),
      /^hyperparameters\.bond_penalty: unknown field/,
    ],
    [
      "a bad variant hyperparameter",
      (d) =>
        (d.variants = [
          { name: "v", base: "yuma", hyperparameters: { alpha_low: 60000, alpha_high: 50000 } },
        ]),
      /^variants\[0\]\.hyperparameters\.alpha_low: alpha_low 60000 is above alpha_high 50000/,
    ],
    [
      "an unknown base variant",
      (d) => (d.variants = [{ name: "v", base: "yuma4" }]),
      /^variants\[0\]\.base: expected one of yuma, yuma3, yuma3-liquid/,
    ],
  ];
  for (const [what, mutate, message] of cases) {
    it(what, () => {
      const doc = base();
      mutate(doc);
      let error: unknown;
      try {
        simulate(parseCase(doc));
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CaseError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it("an unknown variant or a bad override names the variant list or the override", () => {
    const c = parseCase(base());
    expect(() => simulate(c, { variants: ["yuma2"] })).toThrow(
      /^variant: unknown variant "yuma2"; expected one of yuma, yuma3, yuma3-liquid/,
    );
    expect(() => simulate(c, { hyperparameters: { tempo: -1 } })).toThrow(
      /^overrides\.tempo: -1 is out of range/,
    );
  });
});
