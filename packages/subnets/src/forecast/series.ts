// The forecasting subnet's data: monthly-like series from a documented stochastic process, so every
// value a validator scores is drawn after the forecast was made and no miner can look it up.
//
//   x_t = base + slope·t + L_t + A·sin(2πt/12 + φ) + e_t
//   L_t = L_{t−1} + σ_L·z        (a drifting level: a random walk)
//   e_t = ρ·e_{t−1} + σ_e·z      (AR(1) noise)
//
// with, per series, base ~ U(20, 80), slope ~ U(−0.1, 0.1), A ~ U(2, 8), φ ~ U(0, 2π),
// σ_L ~ U(0.1, 0.4), ρ ~ U(0.3, 0.8), σ_e ~ U(0.5, 1.5) and z standard normal. Trend, a 12-step
// season and autocorrelated noise are what real monthly series (sales, temperatures, CO₂) show, so
// the models that win here (seasonal exponential smoothing, autoregression) are the ones that win there.
import { gaussian, type Rng, rng } from "../rng.js";

export const SEASON = 12;

export class SeriesStream {
  readonly #r: Rng;
  readonly #base: number;
  readonly #slope: number;
  readonly #amp: number;
  readonly #phase: number;
  readonly #sigmaL: number;
  readonly #rho: number;
  readonly #sigmaE: number;
  #t = 0;
  #level = 0;
  #noise = 0;

  constructor(seed: number) {
    const r = rng(seed);
    this.#r = r;
    this.#base = 20 + 60 * r();
    this.#slope = -0.1 + 0.2 * r();
    this.#amp = 2 + 6 * r();
    this.#phase = 2 * Math.PI * r();
    this.#sigmaL = 0.1 + 0.3 * r();
    this.#rho = 0.3 + 0.5 * r();
    this.#sigmaE = 0.5 + r();
  }

  /** The next value: it does not exist before this call. */
  next(): number {
    const t = this.#t++;
    this.#level += this.#sigmaL * gaussian(this.#r);
    this.#noise = this.#rho * this.#noise + this.#sigmaE * gaussian(this.#r);
    const season = this.#amp * Math.sin((2 * Math.PI * t) / SEASON + this.#phase);
    return this.#base + this.#slope * t + this.#level + season + this.#noise;
  }

  take(n: number): number[] {
    return Array.from({ length: n }, () => this.next());
  }
}

/** In-sample scale of a history: the mean absolute one-step change (MASE's denominator). */
export function naiveScale(history: readonly number[]): number {
  let s = 0;
  for (let i = 1; i < history.length; i++) s += Math.abs(history[i]! - history[i - 1]!);
  return Math.max(s / Math.max(1, history.length - 1), 1e-9);
}

/** Mean absolute scaled error of a forecast against the values that arrived. */
export function mase(
  history: readonly number[],
  forecast: readonly number[],
  actual: readonly number[],
): number {
  let s = 0;
  for (let h = 0; h < actual.length; h++) s += Math.abs((forecast[h] ?? Number.NaN) - actual[h]!);
  const v = s / actual.length / naiveScale(history);
  return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
}

/**
 * Forecast skill in (0, 1]: exp(−MASE), the reward and the reported quality alike. It falls fast enough
 * that guessing within a series' range (MASE ≈ 2.5) earns a fraction of what a real model earns.
 */
export const skill = (m: number): number => Math.exp(-m);
