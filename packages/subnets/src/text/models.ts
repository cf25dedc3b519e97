// Next-character models, four families: character frequencies, a smoothed n-gram Markov model,
// softmax (multinomial logistic) regression on the previous characters, and a small neural net with
// character embeddings. Each trains on the training text only and returns a distribution over VOCAB.
import { gaussian, rng } from "../rng.js";
import { charIndex, VOCAB } from "./corpus.js";

const V = VOCAB.length;

export interface CharModel {
  readonly model: string;
  /** Probabilities of the next character after `context`, in VOCAB order; they sum to 1. */
  predict(context: string): number[];
}

const codes = (text: string) => Array.from(text, charIndex);

function softmax(z: number[]): number[] {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

/** How often each character occurs, whatever came before (add-one smoothed). */
export function frequencies(text: string): CharModel {
  const counts = new Array<number>(V).fill(1);
  for (const c of codes(text)) counts[c]!++;
  const total = counts.reduce((a, b) => a + b, 0);
  const p = counts.map((c) => c / total);
  return { model: "character frequencies", predict: () => p };
}

/**
 * An order-n Markov model with Witten-Bell interpolation: each context length's counts are mixed with
 * the next shorter one's, in proportion to how many different characters followed that context.
 */
export function ngram(text: string, order: number): CharModel {
  const x = codes(text);
  const tables: Map<string, number[]>[] = Array.from({ length: order }, () => new Map());
  for (let t = 0; t < x.length; t++) {
    for (let k = 0; k < order && k <= t; k++) {
      const key = x.slice(t - k, t).join(",");
      const row = tables[k]!.get(key) ?? new Array<number>(V).fill(0);
      tables[k]!.set(key, row);
      row[x[t]!]!++;
    }
  }
  return {
    model: `${order}-gram Markov model`,
    predict: (context) => {
      const c = codes(context);
      let p = new Array<number>(V).fill(1 / V);
      for (let k = 0; k < order && k <= c.length; k++) {
        const row = tables[k]!.get(c.slice(c.length - k).join(","));
        if (!row) break;
        const total = row.reduce((a, b) => a + b, 0);
        const types = row.filter((v) => v > 0).length;
        const lambda = total / (total + types);
        p = p.map((q, i) => lambda * (row[i]! / total) + (1 - lambda) * q);
      }
      return p;
    },
  };
}

/** Softmax regression: one weight per (position, character, next character) over the last `k` characters. */
export function logisticRegression(text: string, k = 2, epochs = 2, seed = 3): CharModel {
  const x = codes(text);
  const w = Array.from({ length: k * V }, () => new Float64Array(V));
  const b = new Float64Array(V);
  const feats = (c: number[], t: number) => Array.from({ length: k }, (_, j) => j * V + (c[t - 1 - j] ?? 1));
  const scores = (f: number[]) => {
    const z = Array.from(b);
    for (const i of f) for (let v = 0; v < V; v++) z[v]! += w[i]![v]!;
    return softmax(z);
  };
  const r = rng(seed);
  const lr = 0.5;
  for (let e = 0; e < epochs; e++) {
    for (let n = 0; n < x.length; n++) {
      const t = k + Math.floor(r() * (x.length - k));
      const f = feats(x, t);
      const p = scores(f);
      p[x[t]!]! -= 1;
      for (let v = 0; v < V; v++) {
        const g = lr * p[v]!;
        b[v]! -= g * 0.1;
        for (const i of f) w[i]![v]! -= g;
      }
    }
  }
  return {
    model: `logistic regression (last ${k} chars)`,
    predict: (context) => {
      const c = codes(context);
      return scores(feats(c, c.length));
    },
  };
}

/** A small neural net: embeddings of the last `k` characters → tanh hidden layer → softmax. */
export function neuralNet(
  text: string,
  opts: { k?: number; dim?: number; hidden?: number; steps?: number; seed?: number } = {},
): CharModel {
  const k = opts.k ?? 4;
  const d = opts.dim ?? 8;
  const h = opts.hidden ?? 48;
  const r = rng(opts.seed ?? 5);
  const init = (n: number, scale: number) => Float64Array.from({ length: n }, () => gaussian(r) * scale);
  const emb = init(V * d, 0.3);
  const w1 = init(h * k * d, 1 / Math.sqrt(k * d));
  const b1 = new Float64Array(h);
  const w2 = init(V * h, 1 / Math.sqrt(h));
  const b2 = new Float64Array(V);
  const x = codes(text);
  const forward = (c: number[], t: number) => {
    const ids = Array.from({ length: k }, (_, j) => c[t - k + j] ?? 1);
    const input = new Float64Array(k * d);
    ids.forEach((id, j) => {
      for (let i = 0; i < d; i++) input[j * d + i] = emb[id * d + i]!;
    });
    const a = new Float64Array(h);
    for (let u = 0; u < h; u++) {
      let s = b1[u]!;
      for (let i = 0; i < k * d; i++) s += w1[u * k * d + i]! * input[i]!;
      a[u] = Math.tanh(s);
    }
    const z = new Array<number>(V);
    for (let v = 0; v < V; v++) {
      let s = b2[v]!;
      for (let u = 0; u < h; u++) s += w2[v * h + u]! * a[u]!;
      z[v] = s;
    }
    return { ids, input, a, p: softmax(z) };
  };
  const steps = opts.steps ?? 150_000;
  for (let n = 0; n < steps; n++) {
    const lr = 0.1 * (1 - n / steps) + 0.01;
    const t = k + Math.floor(r() * (x.length - k));
    const { ids, input, a, p } = forward(x, t);
    p[x[t]!]! -= 1;
    const da = new Float64Array(h);
    for (let v = 0; v < V; v++) {
      const g = p[v]!;
      if (g === 0) continue;
      for (let u = 0; u < h; u++) {
        da[u]! += g * w2[v * h + u]!;
        w2[v * h + u]! -= lr * g * a[u]!;
      }
      b2[v]! -= lr * g;
    }
    const din = new Float64Array(k * d);
    for (let u = 0; u < h; u++) {
      const g = da[u]! * (1 - a[u]! * a[u]!);
      for (let i = 0; i < k * d; i++) {
        din[i]! += g * w1[u * k * d + i]!;
        w1[u * k * d + i]! -= lr * g * input[i]!;
      }
      b1[u]! -= lr * g;
    }
    ids.forEach((id, j) => {
      for (let i = 0; i < d; i++) emb[id * d + i]! -= lr * din[j * d + i]!;
    });
  }
  return {
    model: `neural net (${k} chars → ${h} → softmax)`,
    predict: (context) => {
      const c = codes(context);
      return forward(c, c.length).p;
    },
  };
}
