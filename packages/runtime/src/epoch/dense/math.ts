// Dense matrix helpers of Subtensor's epoch/math.rs on the primitives' BigInt I32F32: the reference
// arithmetic, independent of the fast kernels of the sparse path (tests run both and compare).
import { I32F32 } from "@opentao/primitives";
import { expSafeBig } from "../math/exp.js";

export type Vec = I32F32[];
export type Mat = I32F32[][];

const ZERO = I32F32.ZERO;
const ONE = I32F32.ONE;

export const u16Fixed = (x: number) => I32F32.fromInt(x);
export const u16Proportion = (x: number) => I32F32.fromInt(x).safeDiv(I32F32.fromInt(65535));
export const toU16Proportion = (x: I32F32) => x.saturatingMul(I32F32.fromInt(65535)).saturatingToNum("u16");

export function sum(v: readonly I32F32[]): I32F32 {
  return v.reduce((a, b) => a.add(b), ZERO);
}

export function normalize(v: Vec): Vec {
  const s = sum(v);
  return s.isZero() ? v : v.map((x) => x.safeDiv(s));
}

export function rowNormalize(m: Mat): Mat {
  return m.map((row) => {
    const s = sum(row);
    return s.gt(ZERO) ? row.map((x) => x.safeDiv(s)) : row;
  });
}

export function colNormalize(m: Mat): Mat {
  const cols = m[0]?.length ?? 0;
  const sums = Array.from({ length: cols }, (_, j) => m.reduce((a, row) => a.saturatingAdd(row[j]!), ZERO));
  return m.map((row) => row.map((x, j) => (sums[j]!.isZero() ? x : x.safeDiv(sums[j]!))));
}

export function colMaxUpscale(m: Mat): Mat {
  const cols = m[0]?.length ?? 0;
  const max = Array.from({ length: cols }, (_, j) =>
    m.reduce((a, row) => (a.lt(row[j]!) ? row[j]! : a), ZERO),
  );
  return m.map((row) => row.map((x, j) => (max[j]!.isZero() ? x : x.safeDiv(max[j]!))));
}

/** `matmul`: out_j = Σ_i v_i · M_ij. */
export function matmul(m: Mat, v: Vec): Vec {
  const cols = m[0]?.length ?? 0;
  const acc: Vec = Array.from({ length: cols }, () => ZERO);
  m.forEach((row, i) => {
    row.forEach((x, j) => {
      acc[j] = acc[j]!.saturatingAdd(v[i]!.saturatingMul(x));
    });
  });
  return acc;
}

/** `matmul_transpose`: out_i = Σ_j M_ij · v_j. */
export function matmulTranspose(m: Mat, v: Vec): Vec {
  return m.map((row) => row.reduce((a, x, j) => a.saturatingAdd(x.saturatingMul(v[j]!)), ZERO));
}

/** `interpolate`: A + ratio·(B − A); ratio 0 → A, 1 → B. */
export function interpolate(a: Mat, b: Mat, ratio: I32F32): Mat {
  if (ratio.isZero()) return a;
  if (ratio.eq(ONE)) return b;
  return a.map((row, i) =>
    row.map((x, j) => x.saturatingAdd(ratio.saturatingMul(b[i]![j]!.saturatingSub(x)))),
  );
}

/** `mat_ema`: α·new + (1−α)·old. */
export function matEma(next: Mat, old: Mat, alpha: I32F32): Mat {
  const oneMinus = ONE.saturatingSub(alpha);
  return next.map((row, i) =>
    row.map((x, j) => alpha.saturatingMul(x).saturatingAdd(oneMinus.saturatingMul(old[i]![j]!))),
  );
}

/** `mat_ema_alpha`: min(1, (1−α_ij)·old + max(α_ij·new, 0)). */
export function matEmaAlpha(next: Mat, old: Mat, alpha: Mat): Mat {
  return next.map((row, i) =>
    row.map((x, j) => {
      const a = alpha[i]![j]!;
      const decayed = ONE.saturatingSub(a).saturatingMul(old[i]![j]!);
      return decayed.saturatingAdd(a.saturatingMul(x).max(ZERO)).min(ONE);
    }),
  );
}

/** `weighted_median` with the middle-index pivot. */
export function weightedMedian(stake: Vec, score: Vec, minority: I32F32, lo0: I32F32, hi0: I32F32): I32F32 {
  let idx = score.map((_, i) => i);
  let lo = lo0;
  let hi = hi0;
  for (let iteration = 0; iteration <= score.length; iteration++) {
    if (idx.length === 0) return ZERO;
    if (idx.length === 1) return score[idx[0]!]!;
    const pivot = score[idx[idx.length >> 1]!]!;
    const lower: number[] = [];
    const upper: number[] = [];
    let loStake = ZERO;
    let hiStake = ZERO;
    for (const i of idx) {
      const s = score[i]!;
      if (s.eq(pivot)) continue;
      if (s.lt(pivot)) {
        loStake = loStake.saturatingAdd(stake[i]!);
        lower.push(i);
      } else {
        hiStake = hiStake.saturatingAdd(stake[i]!);
        upper.push(i);
      }
    }
    if (minority.lt(lo.saturatingAdd(loStake)) && lower.length > 0) {
      idx = lower;
      hi = lo.saturatingAdd(loStake);
    } else if (hi.saturatingSub(hiStake).lte(minority) && upper.length > 0) {
      idx = upper;
      lo = hi.saturatingSub(hiStake);
    } else {
      return pivot;
    }
  }
  return ZERO;
}

/** `weighted_median_col`: per column over validators with stake > 0, stakes renormalised. */
export function weightedMedianCol(stake: Vec, score: Mat, majority: I32F32): Vec {
  const cols = score[0]?.length ?? 0;
  return Array.from({ length: cols }, (_, c) => {
    const useStake: Vec = [];
    const useScore: Vec = [];
    stake.forEach((st, r) => {
      if (st.gt(ZERO)) {
        useStake.push(st);
        useScore.push(score[r]![c]!);
      }
    });
    if (useStake.length === 0) return ZERO;
    const normalized = normalize(useStake);
    const total = sum(normalized);
    return weightedMedian(normalized, useScore, total.saturatingSub(majority), ZERO, total);
  });
}

/** `alpha_sigmoid` on BigInt I32F32 (the reference for the sparse path's LiquidAlpha). */
export function alphaSigmoid(
  consensus: I32F32,
  weight: I32F32,
  bond: I32F32,
  low: I32F32,
  high: I32F32,
  steepness: I32F32,
): I32F32 {
  const clamp = (v: I32F32, a: I32F32, b: I32F32) => v.min(b).max(a);
  const diff = weight.gte(bond)
    ? clamp(weight.saturatingSub(consensus), ZERO, ONE)
    : clamp(bond.saturatingSub(weight), ZERO, ONE);
  const x = steepness
    .saturatingDiv(I32F32.fromInt(-100))
    .saturatingMul(diff.saturatingSub(I32F32.fromFloat(0.5)));
  const e = I32F32.fromBits(expSafeBig(x.bits));
  const sigmoid = ONE.saturatingDiv(ONE.saturatingAdd(e));
  return clamp(low.saturatingAdd(sigmoid.saturatingMul(high.saturatingSub(low))), low, high);
}
