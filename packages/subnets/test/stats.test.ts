import { describe, expect, it } from "vitest";
import { taoValue } from "../src/network/run.js";
import { ranks, spearman } from "../src/stats.js";

describe("spearman", () => {
  it("is 1 for the same order, −1 for the reverse, 0.8 for one adjacent swap of four", () => {
    expect(spearman([1, 2, 3, 4], [10, 20, 30, 40])).toBeCloseTo(1);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1);
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8);
  });
  it("averages tied ranks", () => {
    expect(ranks([5, 1, 5, 2])).toEqual([3.5, 1, 3.5, 2]);
  });
  it("refuses lists of different lengths", () => {
    expect(() => spearman([1], [1, 2])).toThrow(/1 vs 2/);
  });
});

describe("taoValue", () => {
  it("values alpha rao at the pool price in integer rao", () => {
    expect(taoValue(2_000_000_000n, "1.500000000")).toBe(3_000_000_000n);
    expect(taoValue(1_000_000_000n, "17.058716")).toBe(17_058_716_000n);
  });
});
