import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  AmountError,
  amountJson,
  formatTao,
  parseRao,
  parseTao,
  RAO_PER_TAO,
  raoToTaoString,
} from "../src/index.js";

const rao = fc.bigInt({ min: 0n, max: 2n ** 64n - 1n });

describe("parseTao", () => {
  it("parses decimal amounts exactly", () => {
    expect(parseTao("1.5")).toBe(1_500_000_000n);
    expect(parseTao("0.000000001")).toBe(1n);
    expect(parseTao("21000000")).toBe(21_000_000n * RAO_PER_TAO);
    expect(parseTao(".5")).toBe(500_000_000n);
    expect(parseTao("7.")).toBe(7_000_000_000n);
    expect(parseTao(" τ1,000.25 ")).toBe(1_000_250_000_000n);
    expect(parseTao("1_000")).toBe(1_000_000_000_000n);
    expect(parseTao("12,345.5")).toBe(12_345_500_000_000n);
    expect(parseTao("1,234,567")).toBe(1_234_567n * RAO_PER_TAO);
    expect(parseTao("12_345_678.000000001")).toBe(12_345_678_000_000_001n);
    expect(parseTao("0")).toBe(0n);
  });

  it("rejects bad strings with a reason", () => {
    expect(() => parseTao("1.0000000001")).toThrow(/10 decimal places; TAO has at most 9/);
    expect(() => parseTao("-1")).toThrow(/negative/);
    expect(() => parseTao("abc")).toThrow(/not a number/);
    expect(() => parseTao("")).toThrow(AmountError);
    expect(() => parseTao("1e9")).toThrow(/not a number/);
    expect(() => parseTao("1.2.3")).toThrow(/not a number/);
    expect(() => parseTao(".")).toThrow(/not a number/);
    expect(() => parseTao("1.5", "--amount")).not.toThrow();
    expect(() => parseTao("x", "--amount")).toThrow(/^--amount "x"/);
  });

  it("takes , and _ only as thousands grouping of the whole part, never as another sum", () => {
    for (const bad of [
      "1,5",
      "0.1,5",
      "1,2,3",
      "10,00",
      "1,0000",
      ",100",
      "100,",
      "1,000_000",
      "1.000,5",
      "1_5",
    ]) {
      expect(() => parseTao(bad, "--amount"), bad).toThrow(AmountError);
    }
    expect(() => parseTao("1,5", "--amount")).toThrow(
      /^--amount "1,5" has a misplaced "," \(character 2\).*1,000 or 12,345\.5; for a decimal write 1\.5, not 1,5$/,
    );
    expect(() => parseTao("10,00")).toThrow(/write 10\.00, not 10,00/);
    expect(() => parseTao("0.1,5")).toThrow(/character 4.*after the decimal point is digits only/);
    expect(() => parseTao("1,2,3")).toThrow(/write 1\.5, not 1,5/);
    expect(() => parseTao("1,000x")).toThrow(/not a number/);
  });

  it("round-trips with raoToTaoString for every u64", () => {
    fc.assert(fc.property(rao, (r) => parseTao(raoToTaoString(r)) === r));
  });

  it("round-trips with unrounded formatTao", () => {
    fc.assert(fc.property(rao, (r) => parseTao(formatTao(r)) === r));
  });
});

describe("formatTao", () => {
  it("formats like bittensor's Balance", () => {
    expect(formatTao(1_500_000_000n)).toBe("τ1.500000000");
    expect(formatTao(1_234_567_890_123_456n)).toBe("τ1,234,567.890123456");
    expect(formatTao(1_234_567_890_123_456n, { grouping: false, symbol: "" })).toBe("1234567.890123456");
    expect(formatTao(0n)).toBe("τ0.000000000");
  });

  it("rounds the last shown digit half away from zero", () => {
    expect(formatTao(1_499_950_000n, { decimals: 4 })).toBe("τ1.5000");
    expect(formatTao(1_499_949_999n, { decimals: 4 })).toBe("τ1.4999");
    expect(formatTao(-1_499_950_000n, { decimals: 4 })).toBe("-τ1.5000");
    expect(formatTao(999_999_999_500n, { decimals: 0, symbol: "α" })).toBe("α1,000");
  });

  it("rounding error is at most half a unit of the last place", () => {
    fc.assert(
      fc.property(rao, fc.integer({ min: 0, max: 9 }), (r, d) => {
        const shown = parseTao(formatTao(r, { decimals: d, symbol: "", grouping: false }));
        const diff = shown > r ? shown - r : r - shown;
        return diff * 2n <= 10n ** BigInt(9 - d);
      }),
    );
  });

  it("rejects an impossible precision", () => {
    expect(() => formatTao(1n, { decimals: 10 })).toThrow(/0 to 9/);
  });
});

describe("rao", () => {
  it("parses integer rao and gives the JSON shape", () => {
    expect(parseRao("1500000000")).toBe(1_500_000_000n);
    expect(parseRao(12)).toBe(12n);
    expect(() => parseRao("1.5")).toThrow(/whole number of rao/);
    expect(() => parseRao(2 ** 60)).toThrow(/decimal string/);
    expect(amountJson(1_500_000_001n)).toEqual({ rao: "1500000001", tao: "1.500000001" });
    expect(raoToTaoString(-5n)).toBe("-0.000000005");
  });
});
