// pow_ratio_scaled: Subtensor's fractional power. The approximate-path vectors below were produced by an
// independent transcription of safe-bigmath's algorithm (Python integers) and equal
// floor((a/b)^(p/q) · 10^18) computed with 500-bit mpmath, so they pin both the algorithm and its accuracy.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitLength, floorDiv, powRatioScaled } from "../src/pallets/subtensor/math.js";

const E18 = 1_000_000_000_000_000_000n;

describe("powRatioScaled", () => {
  it("gives safe-bigmath's documented example: (2/3)^(1/2) · 1000 = 816", () => {
    expect(powRatioScaled(2n, 3n, 1n, 2n, 0, 1000n)).toBe(816n);
  });

  it("returns None / 0 / scale for the degenerate inputs exactly as Rust does", () => {
    expect(powRatioScaled(1n, 0n, 1n, 2n, 256, E18)).toBeUndefined();
    expect(powRatioScaled(1n, 2n, 1n, 0n, 256, E18)).toBeUndefined();
    expect(powRatioScaled(0n, 2n, 1n, 3n, 256, E18)).toBe(0n);
    expect(powRatioScaled(0n, 2n, 1n, 3n, 256, -1n)).toBe(0n); // zero base is checked before the scale
    expect(powRatioScaled(1n, 2n, 1n, 3n, 256, -1n)).toBeUndefined();
    expect(powRatioScaled(-1n, 2n, 1n, 3n, 256, E18)).toBeUndefined();
    expect(powRatioScaled(3n, 2n, 0n, 7n, 256, E18)).toBe(E18);
  });

  it("is exact on the small-exponent path (exponents reduced by their gcd to ≤ 1024)", () => {
    expect(powRatioScaled(2n, 3n, 1n, 2n, 256, E18)).toBe(816496580927726032n);
    expect(powRatioScaled(500_000n, 505_000n, 3n, 1n, 256, E18)).toBe(970590147927644445n);
    expect(powRatioScaled(7n, 10n, 2n, 3n, 256, E18)).toBe(788373516310524281n);
    expect(powRatioScaled(7n, 10n, 20n, 30n, 256, E18)).toBe(788373516310524281n);
    expect(powRatioScaled(1n, 1_000_000n, 1000n, 1023n, 256, E18)).toBe(1364260674966n);
    // 5e17/5e17 reduces to 1/1: a plain floor division.
    expect(powRatioScaled(1_000_000_000n, 1_000_001_000n, 5n * 10n ** 17n, 5n * 10n ** 17n, 256, E18)).toBe(
      10n ** 27n / 1_000_001_000n,
    );
  });

  const approx: [string, string, string, string, number, string][] = [
    ["986996338168105", "1403381901441362", "982023008233255727", "17976991766744273", 1024, "4464273579"],
    [
      "7527653373626884",
      "7527654230061072",
      "984951714942566083",
      "15048285057433917",
      256,
      "999992553354625968",
    ],
    [
      "14225013937622903",
      "14225014636558476",
      "552469848457261323",
      "447530151542738677",
      256,
      "999999939344428227",
    ],
    [
      "15623729888355738",
      "19959126011539754",
      "342733937612001999",
      "657266062387998001",
      256,
      "880115835509158114",
    ],
    [
      "20792323493688113",
      "4099032206676151806",
      "646459889053034805",
      "353540110946965195",
      1024,
      "63668013239965",
    ],
    [
      "5197337431110786",
      "5172658636456238779",
      "318815142829102475",
      "681184857170897525",
      256,
      "39525430441596670",
    ],
    [
      "3510304141259843",
      "278372188986221831",
      "227673058345110049",
      "772326941654889951",
      1024,
      "275495099487739246",
    ],
    [
      "11318345970727256",
      "11318346470663453",
      "294372402615360507",
      "705627597384639493",
      1024,
      "999999981573063542",
    ],
    [
      "17838448840968545",
      "5329352659518969244",
      "715605142554231496",
      "284394857445768504",
      256,
      "590897845436",
    ],
    [
      "15064462551501308",
      "15064462728628018",
      "561726255172655818",
      "438273744827344182",
      1024,
      "999999984930124072",
    ],
  ];
  it.each(approx)("matches the reference on the series path: (%s/%s)^(%s/%s)", (a, b, p, q, prec, want) => {
    expect(powRatioScaled(BigInt(a), BigInt(b), BigInt(p), BigInt(q), prec, E18)).toBe(BigInt(want));
  });

  it("reproduces the series path's noise where the true value underflows the scale", () => {
    // (1/1175)^(w/(1−w)) with w ≈ 0.951 is about 1.5e-42; the Taylor series of exp(−134) leaves 3 and 2
    // units of 1e-18 (an independent transcription gives the same). Swaps only meet this at the 1000×
    // input cap with extreme weights, where it changes nothing after flooring.
    const w = 951184038322091117n;
    expect(powRatioScaled(1n, 1175n, w, E18 - w, 256, E18)).toBe(3n);
    expect(powRatioScaled(1n, 1174n, w, E18 - w, 256, E18)).toBe(2n);
  });

  it("is monotone in the base and never exceeds the scale for bases in [1/2, 1] (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 16n }),
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.bigInt({ min: 10n ** 16n, max: 99n * 10n ** 16n }),
        (x, dRaw, w) => {
          const d = dRaw % x;
          const lo = powRatioScaled(x, x + d + 1n, w, E18 - w, 256, E18)!;
          const hi = powRatioScaled(x, x + d, w, E18 - w, 256, E18)!;
          expect(lo <= hi).toBe(true);
          expect(hi <= E18).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("integer helpers", () => {
  it("bitLength counts significant bits", () => {
    expect([0n, 1n, 2n, 255n, 256n, 2n ** 64n].map(bitLength)).toEqual([0, 1, 2, 8, 9, 65]);
  });
  it("floorDiv rounds toward −∞", () => {
    expect([
      floorDiv(7n, 2n),
      floorDiv(-7n, 2n),
      floorDiv(7n, -2n),
      floorDiv(-7n, -2n),
      floorDiv(-6n, 2n),
    ]).toEqual([3n, -4n, -4n, 3n, -3n]);
  });
});
