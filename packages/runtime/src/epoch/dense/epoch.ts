// The epoch, dense path (Subtensor's `epoch_dense_mechanism`): used only by tests, on BigInt I32F32.
// It differs from the sparse path where Subtensor's does: no owner exemption from the stake
// threshold, no forced owner permit, the whole diagonal masked (owner included), no commit-reveal
// mask, every bond cell kept and decayed, and bond rows stored with all n columns.
import { I32F32, I64F64 } from "@opentao/primitives";
import { inactiveMask } from "../activity.js";
import { lastTempo } from "../bonds-mask.js";
import { asPacked, packRows, rowOf, type U16Rows } from "../math/rows.js";
import type { EpochInput, EpochResult, SparseRow } from "../types.js";
import {
  alphaSigmoid,
  colMaxUpscale,
  colNormalize,
  interpolate,
  type Mat,
  matEma,
  matEmaAlpha,
  matmul,
  matmulTranspose,
  normalize,
  rowNormalize,
  sum,
  toU16Proportion,
  u16Fixed,
  u16Proportion,
  type Vec,
  weightedMedianCol,
} from "./math.js";

const ZERO = I32F32.ZERO;

function dense(rows: U16Rows, n: number, read: (u: number) => I32F32): Mat {
  const m: Mat = Array.from({ length: n }, () => Array.from({ length: n }, () => ZERO));
  for (let i = 0; i < Math.min(n, rows.rows); i++) {
    for (const [j, v] of rowOf(rows, i)) if (j < n) m[i]![j] = read(v);
  }
  return m;
}

function topkNonzero(v: Vec, k: number): boolean[] {
  const result = v.map((x) => !x.isZero());
  if (v.length < k) return result;
  const idx = v.map((_, i) => i).sort((a, b) => v[a]!.cmp(v[b]!) || a - b);
  for (const i of idx.slice(0, v.length - k)) result[i] = false;
  return result;
}

export function runEpochDense(input: EpochInput): EpochResult {
  const { n, block, params: p } = input; // the owner uid plays no part on this path
  const inactive = inactiveMask(input.lastUpdate, p.activityCutoff, block);
  const last = lastTempo(block, p.tempo, input.lastMechanismStepBlock);
  const registration = input.blockAtRegistration;

  // Stake: threshold without the owner's exemption, normalised in I64F64, cut to I32F32.
  const filtered = input.stake.map((s) => (s.saturatingToNum("u64") < p.stakeThreshold ? I64F64.ZERO : s));
  const total = filtered.reduce((a, b) => a.add(b), I64F64.ZERO);
  const stake: Vec = filtered.map((s) => (total.isZero() ? s : s.safeDiv(total)).saturatingTo(I32F32));

  const permitOld = Array.from({ length: n }, (_, i) => input.validatorPermit[i] === true);
  const permitNew = topkNonzero(stake, p.maxAllowedValidators);
  const active = normalize(stake.map((s, i) => (inactive[i] || !permitOld[i] ? ZERO : s)));

  let weights = dense(asPacked(input.weights, n), n, u16Fixed);
  weights = weights.map((row, i) =>
    row.map((w, j) => {
      if (!permitOld[i]) return ZERO;
      if (i === j) return ZERO; // the "except owner" mask is followed by the plain diagonal mask
      return (input.lastUpdate[i] ?? 0) <= (registration[j] ?? 0) ? ZERO : w;
    }),
  );
  weights = rowNormalize(weights);

  const consensus = weightedMedianCol(active, weights, u16Proportion(p.kappa));
  const clipped = weights.map((row) => row.map((w, j) => consensus[j]!.min(w)));
  const trust = clipped.map((row) => sum(row));
  const incentive = normalize(matmul(clipped, active));
  const wb = interpolate(weights, clipped, u16Proportion(p.bondsPenalty));
  const oldBonds = asPacked(input.bonds, n);
  const recent = (j: number) => last <= (registration[j] ?? 0);
  const bma = I32F32.ONE.saturatingSub(
    I64F64.fromInt(p.bondsMovingAverage).safeDiv(I64F64.fromInt(1_000_000)).saturatingTo(I32F32),
  );

  let ema: Mat;
  let dividends: Vec;
  if (p.yuma3) {
    const bonds = dense(oldBonds, n, u16Proportion).map((row) => row.map((b, j) => (recent(j) ? ZERO : b)));
    if (p.liquidAlpha && consensus.some((c) => !c.isZero())) {
      const low = u16Proportion(p.alphaLow);
      const high = u16Proportion(p.alphaHigh);
      const steep = I32F32.fromInt(p.alphaSigmoidSteepness);
      const alphas = wb.map((row, i) =>
        row.map((w, j) => alphaSigmoid(consensus[j]!, w, bonds[i]![j]!, low, high, steep)),
      );
      ema = matEmaAlpha(wb, bonds, alphas);
    } else {
      ema = matEma(wb, bonds, bma);
    }
    const norm = colNormalize(ema);
    const perValidator = norm.map((row) =>
      row.reduce((a, b, j) => a.add(b.checkedMul(incentive[j]!) ?? ZERO), ZERO),
    );
    dividends = normalize(perValidator.map((x, i) => x.checkedMul(active[i]!) ?? ZERO));
  } else {
    let bonds = dense(oldBonds, n, u16Fixed).map((row) => row.map((b, j) => (recent(j) ? ZERO : b)));
    bonds = colNormalize(bonds);
    const delta = colNormalize(wb.map((row, i) => row.map((w) => active[i]!.saturatingMul(w))));
    ema = colNormalize(matEma(delta, bonds, bma));
    dividends = normalize(matmulTranspose(ema, incentive));
    ema = colMaxUpscale(ema);
  }

  // Emission split, as on the sparse path.
  const combined = incentive.map((x, i) => x.saturatingAdd(dividends[i]!));
  const emissionSum = sum(combined);
  const byTotal = (v: Vec) => (emissionSum.isZero() ? v : v.map((x) => x.safeDiv(emissionSum)));
  const server = byTotal(incentive);
  let validator = byTotal(dividends);
  let normalizedCombined = normalize(combined);
  if (emissionSum.isZero()) {
    const fallback = sum(active).isZero() ? stake : active;
    validator = fallback;
    normalizedCombined = fallback;
  }
  const rao = (x: I32F32) => (x.bits <= 0n ? 0n : (x.bits * input.emission) >> 32n);

  return {
    active: inactive.map((x) => !x),
    validatorPermit: permitNew,
    stakeWeight: stake.map(toU16Proportion),
    consensus: consensus.map(toU16Proportion),
    incentive: incentive.map(toU16Proportion),
    dividends: dividends.map(toU16Proportion),
    validatorTrust: trust.map(toU16Proportion),
    bonds: packRows(
      ema.map(
        (row, i): SparseRow =>
          permitNew[i]
            ? row.map((b, j) => [j, toU16Proportion(b)] as const)
            : permitOld[i]
              ? []
              : rowOf(oldBonds, i),
      ),
      n,
    ),
    bondsWritten: permitNew.map((x, i) => x || permitOld[i]!),
    serverEmission: server.map(rao),
    validatorEmission: validator.map(rao),
    emission: normalizedCombined.map(rao),
  };
}
