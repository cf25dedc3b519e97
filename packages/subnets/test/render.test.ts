// What `npm start` prints for people: the live table after each block and the closing summary, from
// fixed states — each miner's row carries its own numbers, the summary ranks miners by quality, and
// alpha earned is valued in TAO at the pool price.
import { describe, expect, it } from "vitest";
import { renderLive, renderSummary } from "../src/network/render.js";
import { type LiveState, type NetworkSummary, taoValue } from "../src/network/run.js";

const ALPHA = 1_000_000_000n;
const PRICE = "0.0125";
/** Alpha earned, and its value at the pool price as the summary computes it. */
const earned = (alpha: bigint) => ({
  emission: alpha.toString(),
  emission_tao: taoValue(alpha, PRICE).toString(),
});

const miner = (
  uid: number,
  name: string,
  model: string,
  quality: number,
  score: number,
  incentive: number,
) => ({
  uid,
  hotkey: `5Hotkey${uid}`,
  name,
  model,
  quality,
  score,
  incentive,
});

const live: LiveState = {
  block: 57,
  subnets: [
    {
      netuid: 1,
      name: "forecast",
      description: "time-series forecasting",
      price: "0.0125",
      epochs: 3,
      miners: [
        { ...miner(3, "naive", "naive (last value)", 0.3012, 0.2875, 0.1034), emission: 250_000_000n },
        {
          ...miner(4, "holt-winters", "Holt-Winters smoothing", 0.5123, 0.4956, 0.4521),
          emission: 12n * ALPHA,
        },
      ],
      validators: [
        { uid: 0, hotkey: "5Alice", name: "Alice", stake: 0n, dividends: 0.6123, emission: 3n * ALPHA },
      ],
    },
    {
      netuid: 2,
      name: "text",
      description: "next-character prediction",
      price: "0.02",
      epochs: -1,
      miners: [],
      validators: [],
    },
  ],
};

const summary: NetworkSummary = {
  blocks: 120,
  seconds: 118.4,
  subnets: [
    {
      netuid: 1,
      name: "forecast",
      description: "time-series forecasting; quality = held-out skill exp(−MASE)",
      price: PRICE,
      epochs: 8,
      spearman: 0.8,
      // Not in quality order: the summary sorts them.
      miners: [
        {
          ...miner(3, "naive", "naive (last value)", 0.3012, 0.2875, 0.1034),
          ...earned(2n * ALPHA),
        },
        {
          ...miner(4, "holt-winters", "Holt-Winters smoothing", 0.5123, 0.4956, 0.4521),
          ...earned(1234n * ALPHA + 567_890_123n),
        },
        {
          ...miner(5, "autoregressive", "autoregressive AR(6)", 0.4701, 0.45, 0.3012),
          ...earned(40n * ALPHA),
        },
      ],
      validators: [
        {
          uid: 0,
          hotkey: "5Alice",
          name: "Alice",
          stake: "1000000000000",
          dividends: 0.6123,
          ...earned(300n * ALPHA),
        },
      ],
    },
  ],
};

/** The whitespace-separated cells of the line that starts (after indentation) with `start`. */
function row(text: string, start: string): string[] {
  const line = text.split("\n").find((l) => l.trimStart().startsWith(start));
  expect(line, `a line starting with ${start}`).toBeDefined();
  return line!.trim().split(/\s+/);
}

describe("npm start's live table", () => {
  const text = renderLive(live);

  it("heads each subnet with its epoch and pool price, or says it is warming up", () => {
    expect(text.split("\n")[0]).toBe("block 57");
    expect(text).toContain("subnet 1 · forecast · epoch 3 · 1 α = 0.0125 τ");
    expect(text).toContain("subnet 2 · text · warming up · 1 α = 0.0200 τ");
  });

  it("gives each miner its uid, quality, score, incentive and emitted alpha, and validators their dividends", () => {
    expect(row(text, "3  naive")).toEqual(["3", "naive", "0.3012", "0.2875", "0.1034", "0.250000"]);
    expect(row(text, "4  holt-winters")).toEqual([
      "4",
      "holt-winters",
      "0.5123",
      "0.4956",
      "0.4521",
      "12.000000",
    ]);
    expect(row(text, "0  Alice")).toEqual(["0", "Alice", "(val)", "div", "0.612", "3.000000"]);
  });
});

describe("npm start's summary", () => {
  const text = renderSummary(summary);

  it("states the run, each subnet's pool price and the rank correlation of quality and incentive", () => {
    expect(text.split("\n")[0]).toBe("Done: 120 blocks in 118.4 s.");
    expect(text).toContain(
      "subnet 1 · forecast (time-series forecasting; quality = held-out skill exp(−MASE))",
    );
    expect(text).toContain(
      "8 epochs measured · pool price 1 α = 0.012500 τ · Spearman(quality, incentive) = 0.80",
    );
  });

  it("lists miners best model first, with quality, incentive, alpha earned and its TAO value", () => {
    const lines = text.split("\n").filter((l) => /^\s+\d+\s{2}\S/.test(l));
    expect(lines.map((l) => l.trim().split(/\s{2,}/)[1])).toEqual([
      "Holt-Winters smoothing",
      "autoregressive AR(6)",
      "naive (last value)",
      "validator Alice (dividends 0.612)",
    ]);
    expect(row(text, "4  Holt-Winters").slice(-4)).toEqual(["0.5123", "0.4521", "1,234.567890", "15.432099"]);
    expect(row(text, "5  autoregressive").slice(-4)).toEqual(["0.4701", "0.3012", "40.000000", "0.500000"]);
    expect(row(text, "3  naive").slice(-4)).toEqual(["0.3012", "0.1034", "2.000000", "0.025000"]);
    expect(row(text, "0  validator Alice").slice(-2)).toEqual(["300.000000", "3.750000"]);
  });
});
