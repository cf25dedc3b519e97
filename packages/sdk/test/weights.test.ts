// Float weights → u16 exactly as bittensor's convert_weights_and_uids_for_emit, against the vectors.
import { describe, expect, it } from "vitest";
import { clientVectors } from "../../../test/vectors/index.js";
import { convertWeightsAndUidsForEmit } from "../src/index.js";

describe("convertWeightsAndUidsForEmit", () => {
  for (const v of clientVectors.weights.u16_normalization) {
    it(`${JSON.stringify(v.weights)} → ${JSON.stringify(v.expected_u16)}`, () => {
      // The vectors were computed from float32 tensors, as bittensor's callers pass them.
      const out = convertWeightsAndUidsForEmit(v.uids, Float32Array.from(v.weights));
      expect(out).toEqual({ uids: v.expected_uids, weights: v.expected_u16 });
      expect(convertWeightsAndUidsForEmit(v.uids, v.weights)).toEqual(out);
    });
  }

  it("rounds ties to even, as Python's round()", () => {
    // 0.5 / 65535 * 65535 = 0.5 → 0 (dropped); 2.5 → 2; 3.5 → 4 (weights relative to a max of 65535).
    const out = convertWeightsAndUidsForEmit([0, 1, 2, 3], [0.5, 2.5, 3.5, 65535]);
    expect(out).toEqual({ uids: [1, 2, 3], weights: [2, 4, 65535] });
  });

  it("returns nothing for all-zero weights and refuses bad input", () => {
    expect(convertWeightsAndUidsForEmit([0, 1], [0, 0])).toEqual({ uids: [], weights: [] });
    expect(() => convertWeightsAndUidsForEmit([0, 1], [1])).toThrow(/same length/);
    expect(() => convertWeightsAndUidsForEmit([0], [-1])).toThrow(/non-negative/);
    expect(() => convertWeightsAndUidsForEmit([-1], [1])).toThrow(/uids/);
  });
});
