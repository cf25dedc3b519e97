// Forecasting models, four families: naive, exponential smoothing (Holt-Winters),
// autoregression fitted by least squares, and a small neural net trained on simulated series.
import { gaussian, rng } from "../rng.js";
import { SEASON, SeriesStream } from "./series.js";

export interface Forecaster {
  readonly model: string;
  forecast(history: readonly number[], horizon: number): number[];
}

/** Tomorrow looks like today. */
export const naive: Forecaster = {
  model: "naive (last value)",
  forecast: (h, n) => new Array(n).fill(h[h.length - 1]),
};

/** Additive Holt-Winters: level, trend and a 12-step season, each smoothed. */
export function holtWinters(alpha = 0.3, beta = 0.05, gamma = 0.3): Forecaster {
  return {
    model: "Holt-Winters smoothing",
    forecast: (h, n) => {
      const m = SEASON;
      const avg = (a: number, b: number) => h.slice(a, b).reduce((s, v) => s + v, 0) / (b - a);
      let level = avg(0, m);
      let trend = h.length >= 2 * m ? (avg(m, 2 * m) - level) / m : 0;
      const season = h.slice(0, m).map((v) => v - level);
      for (let t = m; t < h.length; t++) {
        const s = season[t % m]!;
        const prev = level;
        level = alpha * (h[t]! - s) + (1 - alpha) * (level + trend);
        trend = beta * (level - prev) + (1 - beta) * trend;
        season[t % m] = gamma * (h[t]! - level) + (1 - gamma) * s;
      }
      return Array.from({ length: n }, (_, i) => level + (i + 1) * trend + season[(h.length + i) % m]!);
    },
  };
}

/** Solves (AᵀA + λI) w = Aᵀy by Gaussian elimination. */
function ridge(rows: number[][], y: number[], lambda: number): number[] {
  const k = rows[0]!.length;
  const a = Array.from({ length: k }, (_, i) => {
    const row = new Array<number>(k + 1).fill(0);
    for (let j = 0; j < k; j++) for (const r of rows) row[j]! += r[i]! * r[j]!;
    row[i]! += lambda;
    rows.forEach((r, t) => {
      row[k]! += r[i]! * y[t]!;
    });
    return row;
  });
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]! || 1e-12;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      for (let j = c; j <= k; j++) a[r]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((row, i) => row[k]! / (row[i]! || 1e-12));
}

/** Linear autoregression on lags 1..p (p ≥ 13 reaches last season), fitted to each history, iterated. */
export function autoregressive(p = 13): Forecaster {
  return {
    model: `autoregressive AR(${p})`,
    forecast: (h, n) => {
      const x = [...h];
      const rows: number[][] = [];
      const y: number[] = [];
      for (let t = p; t < x.length; t++) {
        rows.push([1, ...Array.from({ length: p }, (_, j) => x[t - 1 - j]! - x[t - 1]!)]);
        y.push(x[t]! - x[t - 1]!);
      }
      const w = ridge(rows, y, 1e-3);
      const out: number[] = [];
      for (let i = 0; i < n; i++) {
        const t = x.length;
        const last = x[t - 1]!;
        let d = w[0]!;
        for (let j = 0; j < p; j++) d += w[j + 1]! * (x[t - 1 - j]! - last);
        x.push(last + d);
        out.push(last + d);
      }
      return out;
    },
  };
}

/**
 * A one-hidden-layer network (tanh) from the last `window` values, centred on the last one and scaled
 * by their spread, to the next `horizon` changes; trained with SGD on series the miner simulates itself.
 */
export function neuralNet(
  opts: { window?: number; hidden?: number; horizon?: number; samples?: number; seed?: number } = {},
): Forecaster {
  const win = opts.window ?? 24;
  const hid = opts.hidden ?? 16;
  const out = opts.horizon ?? 4;
  const r = rng(opts.seed ?? 7);
  const w1 = Array.from({ length: hid }, () =>
    Array.from({ length: win }, () => gaussian(r) / Math.sqrt(win)),
  );
  const b1 = new Array<number>(hid).fill(0);
  const w2 = Array.from({ length: out }, () =>
    Array.from({ length: hid }, () => gaussian(r) / Math.sqrt(hid)),
  );
  const b2 = new Array<number>(out).fill(0);
  const encode = (h: readonly number[]) => {
    const tail = h.slice(-win);
    const last = tail[tail.length - 1]!;
    const sd = Math.sqrt(tail.reduce((s, v) => s + (v - last) ** 2, 0) / tail.length) || 1;
    return { input: tail.map((v) => (v - last) / sd), last, sd };
  };
  const run = (input: number[]) => {
    const a = w1.map((row, j) => Math.tanh(row.reduce((s, w, i) => s + w * input[i]!, b1[j]!)));
    return { a, y: w2.map((row, k) => row.reduce((s, w, j) => s + w * a[j]!, b2[k]!)) };
  };
  // Training data: windows of series drawn from the documented process with the miner's own seeds.
  const samples = opts.samples ?? 6000;
  const lr = 0.01;
  for (let n = 0; n < samples; n++) {
    const series = new SeriesStream(1_000_000 + (((opts.seed ?? 7) * 7919 + n) % 400)).take(
      win + out + (n % 60),
    );
    const h = series.slice(0, series.length - out);
    const { input, last, sd } = encode(h);
    const target = series.slice(-out).map((v) => (v - last) / sd);
    const { a, y } = run(input);
    const dy = y.map((v, k) => v - target[k]!);
    const da = a.map((aj, j) => (1 - aj * aj) * dy.reduce((s, d, k) => s + d * w2[k]![j]!, 0));
    for (let k = 0; k < out; k++) {
      for (let j = 0; j < hid; j++) w2[k]![j]! -= lr * dy[k]! * a[j]!;
      b2[k]! -= lr * dy[k]!;
    }
    for (let j = 0; j < hid; j++) {
      for (let i = 0; i < win; i++) w1[j]![i]! -= lr * da[j]! * input[i]!;
      b1[j]! -= lr * da[j]!;
    }
  }
  return {
    model: `neural net (${win}→${hid}→${out})`,
    forecast: (h, n) => {
      const { input, last, sd } = encode(h);
      const { y } = run(input);
      return Array.from({ length: n }, (_, k) => last + sd * (y[Math.min(k, out - 1)] ?? 0));
    },
  };
}
