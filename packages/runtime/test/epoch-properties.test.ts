// Properties of the epoch on random subnets: what must hold whatever the weights and stakes, and the
// sparse (production) path agreeing with the dense one wherever Subtensor's two paths agree.
import { I64F64 } from "@opentao/primitives";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type EpochInput,
  type EpochResult,
  runEpoch,
  runEpochDense,
  type SparseRow,
  unpackRows,
} from "../src/epoch/index.js";
import { DEFAULT_PARAMS } from "./yuma/chain.js";

const EMISSION = 1_000_000_000n;

interface Options {
  yuma3?: boolean;
  /** Every validator row names every other uid (explicit zeros included). */
  fullRows?: boolean;
  beta?: number[];
}

/** A random subnet: n uids, random stake (some zero), permits, weights, bonds and activity. */
function subnet(o: Options = {}): fc.Arbitrary<EpochInput> {
  return fc.integer({ min: 2, max: 10 }).chain((n) => {
    const u16 = fc.integer({ min: 0, max: 65535 });
    const row = (i: number): fc.Arbitrary<SparseRow> =>
      o.fullRows
        ? fc
            .array(u16, { minLength: n, maxLength: n })
            .map((vs) => vs.flatMap((v, j) => (j === i ? [] : [[j, v] as const])))
        : fc
            .uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n })
            .chain((uids) => fc.tuple(...uids.map((j) => u16.map((v) => [j, v] as const))));
    const rows = fc.tuple(...Array.from({ length: n }, (_, i) => row(i)));
    return fc
      .record({
        stake: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 15n })), {
          minLength: n,
          maxLength: n,
        }),
        permits: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        weights: rows,
        bonds: rows,
        lastUpdate: fc.array(fc.integer({ min: 0, max: 120 }), { minLength: n, maxLength: n }),
        registered: fc.array(fc.integer({ min: 0, max: 60 }), { minLength: n, maxLength: n }),
        kappa: fc.constantFrom(32767, 65535, 20000, 45000),
        beta: fc.constantFrom(...(o.beta ?? [0, 65535, 32768])),
        mav: fc.integer({ min: 1, max: n + 1 }),
        liquid: fc.boolean(),
        steep: fc.constantFrom(1000, 100, -500, 4000),
      })
      .map(
        (r): EpochInput => ({
          n,
          block: 100,
          lastMechanismStepBlock: 0,
          params: {
            ...DEFAULT_PARAMS,
            tempo: 10,
            activityCutoff: 50,
            kappa: r.kappa,
            bondsPenalty: r.beta,
            maxAllowedValidators: r.mav,
            yuma3: o.yuma3 ?? false,
            liquidAlpha: r.liquid,
            alphaLow: 6553,
            alphaHigh: 58982,
            alphaSigmoidSteepness: r.steep,
          },
          ownerUid: null,
          stake: r.stake.map((s) => I64F64.fromInt(s)),
          validatorPermit: r.permits,
          weights: r.weights,
          bonds: r.bonds,
          lastUpdate: r.lastUpdate,
          blockAtRegistration: r.registered,
          emission: EMISSION,
        }),
      );
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const total = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);

function denseBonds(r: EpochResult, n: number): number[][] {
  return unpackRows(r.bonds).map((row) => {
    const out = Array.from({ length: n }, () => 0);
    for (const [j, v] of row) out[j] = v;
    return out;
  });
}

describe("epoch properties", () => {
  for (const yuma3 of [false, true]) {
    const variant = yuma3 ? "Yuma3" : "original Yuma";

    it(`${variant}: incentive sums to one (in u16) exactly when some clipped weight pays out`, () => {
      fc.assert(
        fc.property(subnet({ yuma3 }), (input) => {
          const r = runEpoch(input);
          const s = sum(r.incentive);
          if (s === 0) {
            expect(r.serverEmission.every((x) => x === 0n)).toBe(true);
          } else {
            // Each u16 is floored, so the sum falls short of 65535 by less than one per uid.
            expect(s).toBeLessThanOrEqual(65535);
            expect(s).toBeGreaterThan(65535 - input.n - 1);
          }
        }),
        { numRuns: 300 },
      );
    });

    it(`${variant}: emission is never overspent and at most a few rao are lost to rounding`, () => {
      fc.assert(
        fc.property(subnet({ yuma3 }), (input) => {
          const r = runEpoch(input);
          const paid = total(r.serverEmission) + total(r.validatorEmission);
          expect(paid).toBeLessThanOrEqual(EMISSION);
          if (sum(input.stake.map((s) => (s.isZero() ? 0 : 1))) > 0) {
            expect(EMISSION - paid).toBeLessThanOrEqual(BigInt(3 * input.n));
          }
          expect(total(r.emission)).toBeLessThanOrEqual(EMISSION);
        }),
        { numRuns: 300 },
      );
    });

    it(`${variant}: with no weights and no bonds there are no dividends, and validators are paid by stake`, () => {
      fc.assert(
        fc.property(subnet({ yuma3 }), (input) => {
          const empty = Array.from({ length: input.n }, () => []);
          const r = runEpoch({ ...input, weights: empty, bonds: empty });
          expect(r.dividends.every((d) => d === 0)).toBe(true);
          expect(r.incentive.every((d) => d === 0)).toBe(true);
          const anyStake = input.stake.some((s) => !s.isZero());
          expect(total(r.validatorEmission) > EMISSION - BigInt(input.n) - 1n).toBe(anyStake);
        }),
        { numRuns: 200 },
      );
    });

    it(`${variant}: permits go to at most k non-zero stakes; bonds are written only for permit holders`, () => {
      fc.assert(
        fc.property(subnet({ yuma3 }), (input) => {
          const r = runEpoch(input);
          const permitted = r.validatorPermit.filter(Boolean).length;
          expect(permitted).toBeLessThanOrEqual(input.params.maxAllowedValidators);
          r.validatorPermit.forEach((p, i) => {
            if (p) expect(input.stake[i]!.isZero()).toBe(false);
          });
          const before = input.bonds as SparseRow[];
          unpackRows(r.bonds).forEach((row, i) => {
            if (!r.validatorPermit[i] && !input.validatorPermit[i]) expect(row).toEqual(before[i]);
            if (!r.validatorPermit[i] && input.validatorPermit[i]) expect(row).toEqual([]);
          });
        }),
        { numRuns: 300 },
      );
    });
  }

  it("leaves its input untouched and gives the same result twice", () => {
    fc.assert(
      fc.property(subnet({ yuma3: true }), (input) => {
        const copy = JSON.stringify(input, (_k, v) => (typeof v === "bigint" ? String(v) : v));
        const a = runEpoch(input);
        const b = runEpoch(input);
        expect(JSON.stringify(input, (_k, v) => (typeof v === "bigint" ? String(v) : v))).toBe(copy);
        expect(unpackRows(a.bonds)).toEqual(unpackRows(b.bonds));
        expect(a.validatorEmission).toEqual(b.validatorEmission);
      }),
      { numRuns: 100 },
    );
  });
});

describe("sparse path = dense path (as Subtensor's two paths agree)", () => {
  it("original Yuma: every output, for any weights, bonds, activity and bonds penalty", () => {
    fc.assert(
      fc.property(subnet({ yuma3: false }), (input) => {
        const s = runEpoch(input);
        const d = runEpochDense(input);
        expect(s.consensus).toEqual(d.consensus);
        expect(s.incentive).toEqual(d.incentive);
        expect(s.dividends).toEqual(d.dividends);
        expect(s.validatorTrust).toEqual(d.validatorTrust);
        expect(s.validatorPermit).toEqual(d.validatorPermit);
        expect(s.serverEmission).toEqual(d.serverEmission);
        expect(s.validatorEmission).toEqual(d.validatorEmission);
        expect(s.emission).toEqual(d.emission);
        expect(denseBonds(s, input.n)).toEqual(denseBonds(d, input.n));
      }),
      { numRuns: 300 },
    );
  });

  it("Yuma3 (liquid alpha on or off, β = 0): when every validator row names every other uid", () => {
    // With β > 0, omitted columns or masked rows the paths differ by design: the sparse one drops a
    // bond whose column is missing from the bond weights, the dense one decays it.
    fc.assert(
      fc.property(subnet({ yuma3: true, fullRows: true, beta: [0] }), (input) => {
        const noSelfBonds = (input.bonds as SparseRow[]).map((row, i) => row.filter(([j]) => j !== i));
        const registered = input.blockAtRegistration.map(() => 0);
        const lastUpdate = input.lastUpdate.map((x) => Math.max(x, 1));
        const permits = input.validatorPermit.map(() => true); // rows without a permit are emptied
        const fixed = {
          ...input,
          bonds: noSelfBonds,
          blockAtRegistration: registered,
          lastUpdate,
          validatorPermit: permits,
        };
        const s = runEpoch(fixed);
        const d = runEpochDense(fixed);
        expect(s.dividends).toEqual(d.dividends);
        expect(s.incentive).toEqual(d.incentive);
        expect(s.validatorEmission).toEqual(d.validatorEmission);
        expect(denseBonds(s, input.n)).toEqual(denseBonds(d, input.n));
      }),
      { numRuns: 300 },
    );
  });
});

// Without a trace the epoch overwrites intermediate matrices in place (clipping, stake-weighting,
// Yuma3's EMA); with one it keeps them. Rows here come in random uid order, so the unsorted paths run.
describe("a trace changes nothing in the result", () => {
  for (const yuma3 of [false, true]) {
    it(yuma3 ? "Yuma3" : "original Yuma", () => {
      fc.assert(
        fc.property(subnet({ yuma3 }), (input) => {
          const plain = runEpoch(input);
          let traced = false;
          const withTrace = runEpoch(input, () => {
            traced = true;
          });
          expect(traced).toBe(true);
          expect({ ...withTrace, bonds: unpackRows(withTrace.bonds) }).toEqual({
            ...plain,
            bonds: unpackRows(plain.bonds),
          });
        }),
        {
          numRuns: 2000,
          examples: [[{ ...DROPS_ZERO_WEIGHTS, params: { ...DROPS_ZERO_WEIGHTS.params, yuma3 } }]],
        },
      );
    });
  }
});

/** Zero weights with no bond are dropped by the EMA, so later rows of the overwritten matrix move. */
const DROPS_ZERO_WEIGHTS: EpochInput = {
  n: 8,
  block: 100,
  lastMechanismStepBlock: 0,
  params: {
    ...DEFAULT_PARAMS,
    tempo: 10,
    activityCutoff: 50,
    kappa: 32767,
    bondsPenalty: 0,
    maxAllowedValidators: 2,
    liquidAlpha: true,
    alphaLow: 6553,
    alphaHigh: 58982,
    alphaSigmoidSteepness: 1000,
  },
  ownerUid: null,
  stake: [1n, 0n, 1n, 128629n, 0n, 1n, 0n, 1n].map((s) => I64F64.fromInt(s)),
  validatorPermit: [false, true, false, true, false, false, false, false],
  weights: [
    [],
    [
      [7, 0],
      [4, 0],
      [2, 0],
      [3, 0],
      [0, 0],
    ],
    [],
    [[0, 1]],
    [],
    [],
    [],
    [],
  ],
  bonds: [[], [], [], [], [], [], [], []],
  lastUpdate: [0, 4, 0, 50, 0, 0, 0, 0],
  blockAtRegistration: [0, 0, 0, 0, 0, 0, 0, 0],
  emission: EMISSION,
};
