// Subtensor's epoch tests (pallets/subtensor/src/tests/epoch.rs) that pin numbers, ported with their
// targets and tolerances; the Yuma3 ones run on both paths, as the Rust tests do.
import { describe, expect, it } from "vitest";
import { resetBonds } from "../src/epoch/index.js";
import { DEFAULT_PARAMS, TestSubnet } from "./yuma/chain.js";

const MAX = 65535;

/** `setup_yuma_3_scenario`: validators 0–2, liquid alpha (0.1, 0.3), β = 0, m = 0.975, permits at block 2. */
function yuma3(stakes: number[], sparse: boolean, liquidAlpha = true): TestSubnet {
  const net = new TestSubnet(
    stakes.length,
    stakes.map(BigInt),
    {
      ...DEFAULT_PARAMS,
      yuma3: true,
      liquidAlpha,
      bondsPenalty: 0,
      bondsMovingAverage: 975_000,
      alphaLow: 6553,
      alphaHigh: 19660,
      maxAllowedValidators: 3,
    },
    sparse,
  );
  net.nextBlock();
  net.epoch();
  return net;
}

/** `set_yuma_3_weights` then `run_epoch` (next block, epoch). */
function round(net: TestSubnet, weights: number[][] | undefined, servers: number[]): number[] {
  if (weights) for (const [uid, w] of weights.entries()) net.setWeights(uid, servers, w);
  net.nextBlock();
  return net.epoch().dividends.map((d) => d / MAX);
}

function expectClose(actual: number[], target: number[], eps = 1e-3): void {
  for (const [i, t] of target.entries()) {
    expect(Math.abs(actual[i]! - t), `index ${i}: ${actual[i]} vs ${t}`).toBeLessThanOrEqual(eps);
  }
}

const S1 = [MAX, 0];
const S2 = [0, MAX];

for (const sparse of [true, false]) {
  const path = sparse ? "sparse" : "dense";

  describe(`test_yuma_3_kappa_moves_second (${path})`, () => {
    it("matches the dividend targets epoch by epoch", () => {
      const net = yuma3([8, 1, 1, 0, 0], sparse);
      const plan = [[S1, S1, S1], [S1, S2, S1], [S2, S2, S1], [S2, S2, S2], undefined, undefined];
      const targets = [
        [0.8, 0.1, 0.1, 0, 0],
        [0.8446, 0.0498, 0.1056, 0, 0],
        [0.6868, 0.3132, 0, 0, 0],
        [0.7421, 0.209, 0.0489, 0, 0],
        [0.7625, 0.1706, 0.0669, 0, 0],
        [0.773, 0.1508, 0.0762, 0, 0],
      ];
      for (const [e, w] of plan.entries()) expectClose(round(net, w, [3, 4]), targets[e]!);
    });
  });

  describe(`test_yuma_3_kappa_moves_last (${path})`, () => {
    it("matches the dividend targets epoch by epoch", () => {
      const net = yuma3([8, 1, 1, 0, 0], sparse);
      const plan = [[S1, S1, S1], [S1, S2, S1], [S1, S2, S2], [S2, S2, S2], undefined, undefined];
      const targets = [
        [0.8, 0.1, 0.1, 0, 0],
        [0.8446, 0.0498, 0.1056, 0, 0],
        [0.8966, 0.0333, 0.0701, 0, 0],
        [0.4663, 0.321, 0.2127, 0, 0],
        [0.5976, 0.234, 0.1683, 0, 0],
        [0.6592, 0.1932, 0.1475, 0, 0],
      ];
      for (const [e, w] of plan.entries()) expectClose(round(net, w, [3, 4]), targets[e]!);
    });
  });

  for (const liquid of [true, false]) {
    const name = liquid ? "test_yuma_3_one_epoch_switch" : "test_yuma_3_liquid_alpha_disabled";
    describe(`${name} (${path})`, () => {
      it("matches the dividend targets epoch by epoch", () => {
        const net = yuma3([33, 33, 34, 0, 0], sparse, liquid);
        const targets = liquid
          ? [
              [0.33, 0.33, 0.34, 0, 0],
              [0.33, 0.33, 0.34, 0, 0],
              [0.3782, 0.3782, 0.2436, 0, 0],
              [0.3628, 0.3628, 0.2745, 0, 0],
              [0.3541, 0.3541, 0.2917, 0, 0],
              [0.3487, 0.3487, 0.3026, 0, 0],
            ]
          : [
              [0.33, 0.33, 0.34, 0, 0],
              [0.33, 0.33, 0.34, 0, 0],
              [0.3734, 0.3734, 0.2532, 0, 0],
              [0.3611, 0.3611, 0.2779, 0, 0],
              [0.3541, 0.3541, 0.2919, 0, 0],
              [0.3495, 0.3495, 0.3009, 0, 0],
            ];
        for (const [e, t] of targets.entries()) {
          expectClose(round(net, e === 2 ? [S1, S1, S2] : [S1, S1, S1], [3, 4]), t);
        }
      });
    });
  }

  describe(`test_yuma_3_stable_miner (${path})`, () => {
    it("matches the dividend targets; half weights are max-upscaled when stored", () => {
      const net = yuma3([8, 1, 1, 0, 0, 0], sparse);
      const h = Math.floor(MAX / 2);
      const A = [h, 0, h];
      const B = [0, h, h];
      const plan = [[A, A, A], [A, B, A], [B, B, A], [B, B, B], undefined, undefined];
      const targets = [
        [0.8, 0.1, 0.1, 0, 0, 0],
        [0.8226, 0.0745, 0.1028, 0, 0, 0],
        [0.775, 0.1685, 0.0565, 0, 0, 0],
        [0.7864, 0.1372, 0.0764, 0, 0, 0],
        [0.7912, 0.1241, 0.0847, 0, 0, 0],
        [0.7937, 0.1173, 0.089, 0, 0, 0],
      ];
      plan.forEach((w, e) => {
        expectClose(round(net, w, [3, 4, 5]), targets[e]!);
        if (e === 0)
          expect(net.weights[0]).toEqual([
            [3, MAX],
            [4, 0],
            [5, MAX],
          ]);
      });
    });
  });
}

describe("test_yuma_3_bonds_reset (sparse)", () => {
  it("clearing the bonds toward uid 3 at epoch 20 matches the dividend and bond targets", () => {
    const net = yuma3([8, 1, 1, 0, 0], true);
    const dividends: Record<number, number[]> = {
      0: [0.8, 0.1, 0.1, 0, 0],
      1: [0.8944, 0.0528, 0.0528, 0, 0],
      2: [0.523, 0.2385, 0.2385, 0, 0],
      19: [0.7919, 0.104, 0.104, 0, 0],
      20: [0.7928, 0.1036, 0.1036, 0, 0],
      21: [0.8467, 0.0766, 0.0766, 0, 0],
      40: [0.7928, 0.1036, 0.1036, 0, 0],
    };
    const bonds: Record<number, number[][]> = {
      0: [
        [0.1013, 0],
        [0.1013, 0],
        [0.1013, 0],
      ],
      1: [
        [0.1924, 0],
        [0.0908, 0.2987],
        [0.0908, 0.2987],
      ],
      2: [
        [0.1715, 0.1013],
        [0.0815, 0.3697],
        [0.0815, 0.3697],
      ],
      19: [
        [0.0269, 0.8539],
        [0.0131, 0.8975],
        [0.0131, 0.8975],
      ],
      20: [
        [0, 0.8687],
        [0, 0.9079],
        [0, 0.9079],
      ],
      21: [
        [0, 0.882],
        [0.2987, 0.6386],
        [0.2987, 0.6386],
      ],
      40: [
        [0.8687, 0.0578],
        [0.9079, 0.0523],
        [0.9079, 0.0523],
      ],
    };
    for (let epoch = 0; epoch <= 40; epoch++) {
      const w =
        epoch === 0
          ? [S1, S1, S1]
          : epoch === 1
            ? [S1, S2, S2]
            : epoch <= 20
              ? [S2, S2, S2]
              : epoch === 21
                ? [S2, S1, S1]
                : [S1, S1, S1];
      for (const [uid, row] of w.entries()) net.setWeights(uid, [3, 4], row);
      if (epoch === 20) net.bonds = resetBonds(net.bonds, 3);
      net.nextBlock();
      const r = net.epoch();
      if (dividends[epoch]) {
        expectClose(
          r.dividends.map((d) => d / MAX),
          dividends[epoch]!,
        );
        const m = net.bondMatrix();
        for (const [i, row] of bonds[epoch]!.entries()) expectClose([m[i]![3]! / MAX, m[i]![4]! / MAX], row);
      }
    }
  });
});

describe("original Yuma: permits, outdated weights and zero weights", () => {
  it("test_validator_permits shape: only the top-k non-zero stakes get a permit, ties to the higher uid", () => {
    const net = new TestSubnet(6, [5n, 3n, 3n, 0n, 9n, 3n], { ...DEFAULT_PARAMS, maxAllowedValidators: 3 });
    expect(net.epoch().validatorPermit).toEqual([true, false, false, false, true, true]);
  });

  it("test_outdated_weights: weights set at or before a target's re-registration are dropped", () => {
    const net = new TestSubnet(4, [1n, 1n, 0n, 0n], { ...DEFAULT_PARAMS, maxAllowedValidators: 2 }, true, 0);
    net.epoch();
    net.nextBlock();
    net.setWeights(0, [2, 3], [MAX, MAX]);
    net.setWeights(1, [2, 3], [MAX, MAX]);
    net.epoch();
    // uid 3 re-registers at block 2: every weight to it was set before and no longer counts.
    net.nextBlock();
    net.blockAtRegistration[3] = net.block;
    const r = net.epoch();
    expect(r.incentive).toEqual([0, 0, MAX, 0]);
    expect(r.consensus[3]).toBe(0);
  });

  it("test_zero_weights: all-zero weights pay validators by active stake", () => {
    const net = new TestSubnet(2, [1n, 0n], { ...DEFAULT_PARAMS, maxAllowedValidators: 1 }, true, 0);
    net.epoch();
    net.nextBlock();
    net.setWeights(0, [1], [0]);
    const r = net.epoch();
    expect(r.incentive).toEqual([0, 0]);
    expect(r.dividends).toEqual([0, 0]);
    expect(r.validatorEmission).toEqual([1_000_000_000n, 0n]);
    expect(r.serverEmission).toEqual([0n, 0n]);
  });

  it("owner uid: keeps its self-weight and its permit on the sparse path, not on the dense one", () => {
    for (const sparse of [true, false]) {
      const net = new TestSubnet(3, [5n, 5n, 0n], { ...DEFAULT_PARAMS, maxAllowedValidators: 1 }, sparse, 0);
      net.ownerUid = 0;
      net.permits = [true, true, false];
      const first = net.epoch();
      // Equal stakes tie: the stable sort keeps the higher uid; the sparse path forces the owner in.
      expect(first.validatorPermit).toEqual(sparse ? [true, true, false] : [false, true, false]);
      net.permits = [true, true, false];
      net.nextBlock();
      net.setWeights(0, [0], [MAX]);
      net.setWeights(1, [2], [MAX]);
      const r = net.epoch();
      expect(r.consensus).toEqual(sparse ? [MAX, 0, MAX] : [0, 0, MAX]);
      expect(r.incentive).toEqual(sparse ? [32767, 0, 32767] : [0, 0, MAX]);
    }
  });
});
