// The same sparse epoch in plain float64 — no fixed point, no truncation — to show what exactness costs.
// Same data layout and the same algorithms (middle-pivot weighted median, merge-based EMA, liquid alpha
// with Math.exp); its numbers are close to the chain's but not equal, so it lives in bench/ only.
import { lastTempo, recentlyRegistered } from "../packages/runtime/src/epoch/bonds-mask.js";
import type { EpochInput } from "../packages/runtime/src/epoch/index.js";
import { asPacked } from "../packages/runtime/src/epoch/math/rows.js";
import { SparseBuilder, type SparseMatrix } from "../packages/runtime/src/epoch/math/sparse.js";

function normalize(x: Float64Array): Float64Array {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i]!;
  if (s !== 0) for (let i = 0; i < x.length; i++) x[i] = x[i]! / s;
  return x;
}

function colNormalize(m: SparseMatrix, columns: number): void {
  const sums = new Float64Array(columns);
  const end = m.start[m.rows]!;
  for (let k = 0; k < end; k++) sums[m.col[k]!] = sums[m.col[k]!]! + m.val[k]!;
  for (let k = 0; k < end; k++) {
    const s = sums[m.col[k]!]!;
    if (s !== 0) m.val[k] = m.val[k]! / s;
  }
}

function median(
  stake: Float64Array,
  score: Float64Array,
  off: number,
  k: number,
  minority: number,
  hi0: number,
  buf: Int32Array[],
): number {
  let [cur, lower, upper] = buf as [Int32Array, Int32Array, Int32Array];
  for (let i = 0; i < k; i++) cur[i] = i;
  let m = k;
  let lo = 0;
  let hi = hi0;
  for (;;) {
    if (m === 0) return 0;
    if (m === 1) return score[off + cur[0]!]!;
    const pivot = score[off + cur[m >> 1]!]!;
    let ls = 0;
    let hs = 0;
    let nl = 0;
    let nu = 0;
    for (let t = 0; t < m; t++) {
      const idx = cur[t]!;
      const s = score[off + idx]!;
      if (s === pivot) continue;
      if (s < pivot) {
        ls += stake[idx]!;
        lower[nl++] = idx;
      } else {
        hs += stake[idx]!;
        upper[nu++] = idx;
      }
    }
    if (minority < lo + ls && nl > 0) {
      [cur, lower] = [lower, cur];
      m = nl;
      hi = lo + ls;
    } else if (hi - hs <= minority && nu > 0) {
      [cur, upper] = [upper, cur];
      m = nu;
      lo = hi - hs;
    } else {
      return pivot;
    }
  }
}

export interface FloatEpoch {
  incentive: Float64Array;
  dividends: Float64Array;
  serverEmission: Float64Array;
  validatorEmission: Float64Array;
}

export function runEpochFloat(input: EpochInput): FloatEpoch {
  const { n, params: p } = input;
  const stake = normalize(Float64Array.from(input.stake, (s) => Number(s.bits >> 64n)));
  const permitOld = Array.from({ length: n }, (_, i) => input.validatorPermit[i] === true);
  const active = normalize(
    stake.map((s, i) =>
      (input.lastUpdate[i] ?? 0) + p.activityCutoff < input.block || !permitOld[i] ? 0 : s,
    ),
  );
  // Weights: masks, row normalisation.
  const w = asPacked(input.weights, n);
  const wb0 = new SparseBuilder(n, w.start[n]!);
  for (let i = 0; i < n; i++) {
    if (permitOld[i]) {
      let s = 0;
      const from = w.start[i]!;
      const to = w.start[i + 1]!;
      for (let k = from; k < to; k++) {
        const j = w.uid[k]!;
        if (j !== i && input.lastUpdate[i]! > input.blockAtRegistration[j]!) s += w.value[k]!;
      }
      for (let k = from; k < to; k++) {
        const j = w.uid[k]!;
        if (j !== i && input.lastUpdate[i]! > input.blockAtRegistration[j]!)
          wb0.push(j, s > 0 ? w.value[k]! / s : 0);
      }
    }
    wb0.endRow();
  }
  const weights = wb0.finish();
  // Consensus.
  const voters: number[] = [];
  for (let i = 0; i < n; i++) if (active[i]! > 0) voters.push(i);
  const k = voters.length;
  const useStake = normalize(Float64Array.from(voters, (i) => active[i]!));
  let stakeSum = 0;
  for (const s of useStake) stakeSum += s;
  const minority = stakeSum - p.kappa / 65535;
  const score = new Float64Array(n * k);
  voters.forEach((i, r) => {
    for (let e = weights.start[i]!; e < weights.start[i + 1]!; e++)
      score[weights.col[e]! * k + r] = weights.val[e]!;
  });
  const buf = [new Int32Array(k), new Int32Array(k), new Int32Array(k)];
  const consensus = new Float64Array(n);
  for (let j = 0; j < n; j++) consensus[j] = median(useStake, score, j * k, k, minority, stakeSum, buf);
  // Clip, ranks, incentive.
  const cb = new SparseBuilder(n, weights.start[n]!);
  const ranks = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let e = weights.start[i]!; e < weights.start[i + 1]!; e++) {
      const j = weights.col[e]!;
      const v = Math.min(weights.val[e]!, consensus[j]!);
      if (v > 0 || weights.val[e]! <= consensus[j]!) {
        cb.push(j, v);
        ranks[j] = ranks[j]! + active[i]! * v;
      }
    }
    cb.endRow();
  }
  const clipped = cb.finish();
  const incentive = normalize(ranks);
  const beta = p.bondsPenalty / 65535;
  // Bonds penalty (β = 1 and β = 0 are the common cases; the benchmark uses β = 1).
  const wbm = beta === 1 ? clipped : weights;
  // Bonds.
  const last = lastTempo(input.block, p.tempo, input.lastMechanismStepBlock);
  const drop = recentlyRegistered(n, last, input.blockAtRegistration);
  const stored = asPacked(input.bonds, n);
  const bb = new SparseBuilder(n, stored.start[n]!);
  for (let i = 0; i < n; i++) {
    for (let e = stored.start[i]!; e < stored.start[i + 1]!; e++) {
      if (drop[stored.uid[e]!] !== 1)
        bb.push(stored.uid[e]!, p.yuma3 ? stored.value[e]! / 65535 : stored.value[e]!);
    }
    bb.endRow();
  }
  const bonds = bb.finish();
  const dividends = new Float64Array(n);
  const eb = new SparseBuilder(n, Math.max(bonds.start[n]!, wbm.start[n]!));
  if (!p.yuma3) {
    colNormalize(bonds, n);
    const delta: SparseMatrix = { ...wbm, val: wbm.val.slice() };
    for (let i = 0; i < n; i++)
      for (let e = delta.start[i]!; e < delta.start[i + 1]!; e++) delta.val[e] = delta.val[e]! * active[i]!;
    colNormalize(delta, n);
    const a = 1 - p.bondsMovingAverage / 1e6;
    mergeEma(
      eb,
      delta,
      bonds,
      n,
      (x) => a * x,
      (x) => (1 - a) * x,
    );
    const ema = eb.finish();
    colNormalize(ema, n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let e = ema.start[i]!; e < ema.start[i + 1]!; e++) s += ema.val[e]! * incentive[ema.col[e]!]!;
      dividends[i] = s;
    }
  } else {
    const low = p.alphaLow / 65535;
    const high = p.alphaHigh / 65535;
    const steep = p.alphaSigmoidSteepness / -100;
    const liquid = p.liquidAlpha && consensus.some((c) => c !== 0);
    const bondAt = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      for (let e = bonds.start[i]!; e < bonds.start[i + 1]!; e++) bondAt[bonds.col[e]!] = bonds.val[e]!;
      for (let e = wbm.start[i]!; e < wbm.start[i + 1]!; e++) {
        const j = wbm.col[e]!;
        const wv = wbm.val[e]!;
        const b = bondAt[j]!;
        let a = 1 - p.bondsMovingAverage / 1e6;
        if (liquid) {
          const x = wv >= b ? Math.min(Math.max(wv - consensus[j]!, 0), 1) : Math.min(Math.max(b - wv, 0), 1);
          const sig = 1 / (1 + Math.exp(steep * (x - 0.5)));
          a = Math.min(Math.max(low + sig * (high - low), low), high);
        }
        const v = Math.min((1 - a) * b + Math.max(a * wv, 0), 1);
        if (v > 0) eb.push(j, v);
      }
      for (let e = bonds.start[i]!; e < bonds.start[i + 1]!; e++) bondAt[bonds.col[e]!] = 0;
      eb.endRow();
    }
    const ema = eb.finish();
    colNormalize(ema, n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let e = ema.start[i]!; e < ema.start[i + 1]!; e++) s += ema.val[e]! * incentive[ema.col[e]!]!;
      dividends[i] = s * active[i]!;
    }
  }
  normalize(dividends);
  let total = 0;
  for (let i = 0; i < n; i++) total += incentive[i]! + dividends[i]!;
  const e = Number(input.emission);
  return {
    incentive,
    dividends,
    serverEmission: incentive.map((x) => Math.floor((x / total) * e)),
    validatorEmission: dividends.map((x) => Math.floor((x / total) * e)),
  };
}

function mergeEma(
  b: SparseBuilder,
  next: SparseMatrix,
  old: SparseMatrix,
  n: number,
  fNew: (x: number) => number,
  fOld: (x: number) => number,
): void {
  for (let i = 0; i < n; i++) {
    let p = next.start[i]!;
    let q = old.start[i]!;
    const pe = next.start[i + 1]!;
    const qe = old.start[i + 1]!;
    while (p < pe || q < qe) {
      const jn = p < pe ? next.col[p]! : n;
      const jo = q < qe ? old.col[q]! : n;
      const j = Math.min(jn, jo);
      const v = (jn === j ? fNew(next.val[p++]!) : 0) + (jo === j ? fOld(old.val[q++]!) : 0);
      if (v > 0) b.push(j, v);
    }
    b.endRow();
  }
}
