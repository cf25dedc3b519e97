// The registration price (§9.1): scenario S15's burn cases, exact to the rao, and Subtensor's
// registration.rs burn tests (test_burn_decay, test_burn_halves_every_half_life,
// test_burn_min_and_max_clamps…, test_bump…, test_update_registration_prices…, many half-lives).
import { U64F64 } from "@opentao/primitives";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  bumpBurn,
  clampBurn,
  decayBurn,
  decayFactorQ32,
  mulByQ32,
  powQ32,
} from "../src/pallets/subtensor/math.js";
import { getPreset } from "../src/presets/index.js";

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S15: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S15"));
const U64_MAX = (1n << 64n) - 1n;
const mainnet = getPreset("mainnet").subnetDefaults;

describe("S15 decay factors (exact)", () => {
  for (const [hl, f] of Object.entries(S15.burn.decay_factor_q32).filter(([k]) => k !== "definition")) {
    it(`half-life ${hl}: ${f}`, () => {
      expect(decayFactorQ32(Number(hl))).toBe(BigInt(f as number));
    });
  }
  it("half-life 0 is 1.0; the factor's power is ≤ 1/2 and the next Q32 value's is above", () => {
    expect(decayFactorQ32(0)).toBe(1n << 32n);
    for (const hl of [1, 2, 3, 17, 360, 1000, 36_100, 65_535]) {
      const f = decayFactorQ32(hl);
      expect(powQ32(f, hl) <= 1n << 31n).toBe(true);
      expect(powQ32(f + 1n, hl) > 1n << 31n).toBe(true);
    }
    expect(() => decayFactorQ32(65_536)).toThrow(RangeError);
  });
});

describe("S15 burn cases (exact rao)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(S15.burn.cases.map((c: any, i: number) => [i, c.events.join(","), c]) as any[][])(
    "case %i: %s",
    (_i, _e, c) => {
      const max = c.max === "u64::MAX" ? U64_MAX : c.max === undefined ? mainnet.maxBurn : BigInt(c.max);
      const min = c.min === undefined ? (c.provenance === "derived" ? mainnet.minBurn : 0n) : BigInt(c.min);
      const mult = U64F64.fromFloat(c.mult); // BurnIncreaseMult::insert(U64F64::from_num(..))
      let burn = BigInt(c.burn);
      const block = (n: number) => {
        for (let i = 0; i < n; i++)
          burn = decayBurn({ burn, halfLife: c.half_life, minBurn: min, maxBurn: max, block: 2n });
      };
      for (const ev of c.events as string[]) {
        if (ev === "register" || ev === "bump") burn = bumpBurn(burn, mult, min, max);
        else if (ev === "next block") block(1);
        else block(Number.parseInt(ev, 10));
      }
      expect(burn).toBe(BigInt(c.expected_after));
    },
  );

  it("the mainnet default multiplier is U64F64::from_num(1.26)", () => {
    expect(mainnet.burnIncreaseMult).toBe(U64F64.fromFloat(1.26).bits);
    expect(
      bumpBurn(1_000_000_000n, U64F64.fromBits(mainnet.burnIncreaseMult), mainnet.minBurn, mainnet.maxBurn),
    ).toBe(1_260_000_000n);
  });
});

describe("registration.rs", () => {
  it("test_burn_decay: register (x2) then one block: 1000 → 2000 → 1998", () => {
    const mult = U64F64.fromInt(2);
    let burn = bumpBurn(1_000n, mult, 0n, U64_MAX);
    expect(burn).toBe(2_000n);
    burn = decayBurn({ burn, halfLife: 1_000, minBurn: 0n, maxBurn: U64_MAX, block: 2n });
    expect(burn).toBe(1_998n);
  });

  it("no decay on blocks 0 and 1 (on_initialize of the genesis block), clamps still apply", () => {
    expect(decayBurn({ burn: 1_000n, halfLife: 1, minBurn: 0n, maxBurn: U64_MAX, block: 1n })).toBe(1_000n);
    expect(decayBurn({ burn: 1_000n, halfLife: 1, minBurn: 0n, maxBurn: 900n, block: 1n })).toBe(900n);
    expect(decayBurn({ burn: 1_000n, halfLife: 0, minBurn: 0n, maxBurn: U64_MAX, block: 9n })).toBe(1_000n);
  });

  it("test_bump_registration_price_after_registration: mult below 1 counts as 1", () => {
    expect(bumpBurn(1_000n, U64F64.fromInt(3), 0n, U64_MAX)).toBe(3_000n);
    expect(bumpBurn(5n, U64F64.ZERO, 1n, U64_MAX)).toBe(5n);
    expect(bumpBurn(0n, U64F64.ZERO, 100_000n, U64_MAX)).toBe(100_000n);
    expect(bumpBurn(U64_MAX, U64F64.fromInt(2), 0n, U64_MAX)).toBe(U64_MAX);
  });

  it("test_burned_register_immediately_bumps_price_many_multipliers…: repeated bumps, clamped", () => {
    const cases: [bigint, bigint, bigint, bigint, number][] = [
      [0n, 0n, 100_000n, U64_MAX, 7],
      [5n, 0n, 1n, U64_MAX, 7],
      [0n, 1n, 100_000n, U64_MAX, 7],
      [7n, 1n, 1n, U64_MAX, 7],
      [2n, 2n, 1n, 400n, 8],
      [3n, 3n, 1n, U64_MAX, 6],
      [4n, 4n, 1n, U64_MAX, 6],
      [7n, 10n, 1n, 500_000n, 5],
      [1n, 100n, 1n, 5_000_000_000n, 5],
      [1n, 1_000n, 1n, 50_000_000_000n, 4],
      [5n, 1n, 1n, U64_MAX, 32],
    ];
    for (const [initial, mult, min, max, n] of cases) {
      let burn = initial;
      let expected = initial;
      for (let i = 0; i < n; i++) {
        burn = bumpBurn(burn, U64F64.fromInt(mult), min, max);
        const m = mult < 1n ? 1n : mult;
        expected = clampBurn(expected * m > U64_MAX ? U64_MAX : expected * m, min, max);
        expect(burn).toBe(expected);
      }
    }
  });

  it("many half-lives over 5000 blocks follow (v·f) >> 32 exactly", () => {
    const cases: [number, bigint][] = [
      [0, 777_777n],
      [1, 2n],
      [2, 1_024n],
      [3, 4_096n],
      [5, 123_456n],
      [16, 1_000_000n],
      [360, 10_000_000_000n],
      [4_096, 1_000_000_000_000n],
      [65_535, 123_000_000_000n],
    ];
    for (const [hl, initial] of cases) {
      const f = decayFactorQ32(hl);
      let burn = initial;
      let ref = initial;
      for (let block = 2n; block <= 5_001n; block++) {
        burn = decayBurn({ burn, halfLife: hl, minBurn: 0n, maxBurn: U64_MAX, block });
        if (hl > 0) ref = (ref * f) >> 32n;
      }
      expect(burn).toBe(ref);
    }
  });

  it("Q32 helpers saturate", () => {
    expect(mulByQ32(U64_MAX, U64_MAX)).toBe(U64_MAX);
    expect(powQ32(1n << 33n, 70)).toBe(U64_MAX);
    expect(powQ32(12345n, 0)).toBe(1n << 32n);
  });
});

describe("properties", () => {
  it("decay then clamp stays within [MinBurn, MaxBurn]", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: U64_MAX }),
        fc.integer({ min: 0, max: 65_535 }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 0n, max: 10n }),
        (burn, hl, a, b, block) => {
          const [min, max] = a <= b ? [a, b] : [b, a];
          const next = decayBurn({ burn, halfLife: hl % 2000, minBurn: min, maxBurn: max, block });
          expect(next >= min && next <= max).toBe(true);
          const bumped = bumpBurn(next, U64F64.fromFloat(1.26), min, max);
          expect(bumped >= min && bumped <= max).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("decay never increases the burn before clamping", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: U64_MAX }), fc.integer({ min: 1, max: 2000 }), (burn, hl) => {
        expect(decayBurn({ burn, halfLife: hl, minBurn: 0n, maxBurn: U64_MAX, block: 5n }) <= burn).toBe(
          true,
        );
      }),
      { numRuns: 100 },
    );
  });
});
