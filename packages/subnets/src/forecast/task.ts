// The forecasting subnet's validator task and miner. Each validator holds secret series (seeded from
// its own randomness); a step sends every series' recent history, and only after the answers are in
// are the next values drawn — they did not exist when the miners forecast — and each forecast is
// scored by its skill exp(−MASE), averaged over the series.

import { rewardAnswers } from "../anticheat.js";
import { randomSeed } from "../rng.js";
import type { Response, Reward, ValidatorTask } from "../template/validator.js";
import type { Forecaster } from "./models.js";
import { Forecast } from "./protocol.js";
import { mase, naiveScale, SeriesStream, skill } from "./series.js";

export interface ForecastTaskOptions {
  /** Seed of the validator's series (default: fresh randomness). */
  seed?: number;
  series?: number;
  history?: number;
  horizon?: number;
}

const round3 = (v: number) => Math.round(v * 1000) / 1000;

export class ForecastTask implements ValidatorTask<Forecast> {
  readonly horizon: number;
  readonly #streams: SeriesStream[];
  readonly #histories: number[][];
  readonly #length: number;

  constructor(opts: ForecastTaskOptions = {}) {
    const seed = opts.seed ?? randomSeed();
    this.horizon = opts.horizon ?? 4;
    this.#length = opts.history ?? 48;
    this.#streams = Array.from({ length: opts.series ?? 12 }, (_, k) => new SeriesStream(seed * 31 + k));
    this.#histories = this.#streams.map((s) => s.take(this.#length).map(round3));
  }

  challenge(): Forecast {
    return Forecast.create({ histories: this.#histories.map((h) => [...h]), horizon: this.horizon });
  }

  score(_step: number, responses: Response<Forecast>[], timeout: number): Reward[] {
    const histories = this.#histories.map((h) => [...h]);
    // The values arrive now, after every forecast is in.
    const actual = this.#streams.map((s) => s.take(this.horizon).map(round3));
    actual.forEach((a, k) => {
      const h = this.#histories[k]!;
      h.splice(0, a.length);
      h.push(...a);
    });
    const scales = histories.map(naiveScale);
    // Per series, mean absolute difference over the horizon in units of the series' naive scale: the
    // distance to the truth is then the series' MASE.
    const distance = (a: readonly number[], b: readonly number[], k: number) =>
      a.reduce((s, v, h) => s + Math.abs(v - b[h]!), 0) / a.length / scales[k]!;
    const errors = (s: Forecast) => s.forecasts!.map((f, k) => distance(f, actual[k]!, k));
    return rewardAnswers(responses, timeout, {
      valid: (s) => {
        const f = s.forecasts;
        return (
          Array.isArray(f) &&
          f.length === histories.length &&
          f.every(
            (row) =>
              Array.isArray(row) &&
              row.length === this.horizon &&
              row.every((v) => typeof v === "number" && Number.isFinite(v)),
          )
        );
      },
      accuracy: (s) => errors(s).reduce((sum, m) => sum + skill(m), 0) / histories.length,
      errors,
      gaps: (a, b) => a.forecasts!.map((f, k) => distance(f, b.forecasts![k]!, k)),
    });
  }
}

/** A miner's forward function for a forecasting model. */
export function forecastForward(model: Forecaster) {
  return (s: Forecast): Forecast => {
    s.forecasts = s.histories.map((h) => model.forecast(h, s.horizon).map(round3));
    return s;
  };
}

/** A model's skill on held-out series no miner trains on and no validator draws (seeds 9,000,000+). */
export function forecastQuality(model: Forecaster, samples = 300, history = 48, horizon = 4): number {
  let total = 0;
  for (let k = 0; k < samples; k++) {
    const x = new SeriesStream(9_000_000 + k).take(history + horizon + (k % 30));
    const h = x.slice(-history - horizon, -horizon);
    total += skill(mase(h, model.forecast(h, horizon), x.slice(-horizon)));
  }
  return total / samples;
}
