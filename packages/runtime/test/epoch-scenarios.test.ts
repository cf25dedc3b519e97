// Subtensor's epoch scenarios S03–S06 (test/vectors/subtensor-test-scenarios.json) through the
// scenario runner: exact where the vectors are exact, within their stated tolerance otherwise.
import { describe, expect, it } from "vitest";
import { parseScenario, rowOf, runScenario, traceScenario } from "../src/epoch/index.js";
import { s03, s04, s05, s06, vector } from "./yuma/scenarios.js";

const col = (bonds: [number, number][][], rows: number[], j: number) =>
  rows.map((i) => bonds[i]!.find(([c]) => c === j)?.[1] ?? 0);

describe("S03 equal stake, self-weights only (test_10_graph)", () => {
  it("pays nothing through weights and splits emission by raw stake", () => {
    const v = vector("S03");
    const [step] = traceScenario(parseScenario(s03()));
    const r = step!.result;
    expect(r.consensus).toEqual(v.expected.consensus_u16);
    expect(r.incentive).toEqual(v.expected.incentive_u16);
    expect(r.dividends).toEqual(v.expected.dividends_u16);
    expect(r.emission).toEqual(Array(10).fill(BigInt(v.expected.emission_rao_each)));
    expect(r.validatorEmission).toEqual(Array(10).fill(BigInt(v.expected.emission_rao_each)));
    expect(r.serverEmission).toEqual(Array(10).fill(0n));
  });
});

describe("S04 original Yuma bonds over 8 epochs (test_bonds)", () => {
  const v = vector("S04");
  const doc = runScenario(s04());

  it("hands out permits to the staked validators in the first epoch", () => {
    expect(doc.steps[0]!.validator_permit).toEqual([true, true, true, true, false, false, false, false]);
  });

  for (const [k, expected] of v.steps.entries()) {
    it(`block ${expected.block}: bonds and emissions bit for bit`, () => {
      const step = doc.steps[k + 1]!;
      expect(step.block).toBe(expected.block);
      if (expected.expected_bonds_col4_u16) {
        expect(col(step.bonds, [0, 1, 2, 3], 4)).toEqual(expected.expected_bonds_col4_u16);
      }
      if (expected.expected_bonds_col7_u16) {
        expect(col(step.bonds, [0, 1, 2, 3], 7)).toEqual(expected.expected_bonds_col7_u16);
      }
      if (expected.expected_incentive_u16) expect(step.incentive).toEqual(expected.expected_incentive_u16);
      if (expected.expected_server_emission) {
        expect(step.server_emission).toEqual(expected.expected_server_emission.map(String));
      }
      if (expected.expected_validator_emission) {
        expect(step.validator_emission).toEqual(expected.expected_validator_emission.map(String));
      }
    });
  }
});

describe("S05 active stake and an inactive validator (test_active_stake)", () => {
  const v = vector("S05");
  const trace = traceScenario(parseScenario(s05()));

  for (const [k, expected] of v.steps.entries()) {
    it(`block ${expected.block}: dividends, Emission and bonds exactly`, () => {
      const { result, bonds, block } = trace[k + 1]!;
      expect(block).toBe(expected.block);
      if (expected.inactive) expect(result.active).toEqual(expected.inactive.map((x: boolean) => !x));
      expect(result.dividends).toEqual(expected.expected.dividends_u16);
      expect(result.emission).toEqual(expected.expected.emission_rao.map(BigInt));
      for (const [uid, row] of Object.entries(expected.expected.bonds_u16)) {
        expect(rowOf(bonds, Number(uid))).toEqual(row);
      }
    });
  }
});

describe("S06 Yuma3 with liquid alpha, the big validator moves first (test_yuma_3_kappa_moves_first)", () => {
  const v = vector("S06");
  const doc = runScenario(s06());

  it("hands out permits to the three validators", () => {
    expect(doc.steps[0]!.validator_permit).toEqual([true, true, true, false, false]);
  });

  for (const [e, expected] of v.epochs.entries()) {
    it(`epoch ${e}: bonds and dividends within ${v.precision}`, () => {
      const step = doc.steps[e + 1]!;
      expected.dividends.forEach((d: number, i: number) => {
        expect(Math.abs(step.dividends[i]! / 65535 - d)).toBeLessThanOrEqual(0.001);
      });
      expected.bonds_rows_cols_3_4.forEach((row: number[], i: number) => {
        row.forEach((b, c) => {
          const stored = col(step.bonds, [i], 3 + c)[0]!;
          expect(Math.abs(stored / 65535 - b)).toBeLessThanOrEqual(0.001);
        });
      });
    });
  }

  it("reproduces the worked check of epoch 0 exactly: α = 0.1 + σ(−5)·0.2 applied to a zero bond", () => {
    // Every validator buys server 3 at w = c = 1 with no prior bond: bond = α·1 in I32F32, then u16.
    const step = doc.steps[1]!;
    expect(col(step.bonds, [0, 1, 2], 3)).toEqual([6640, 6640, 6640]);
  });
});
