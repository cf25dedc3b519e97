// Step 10b — bonds and dividends, Yuma3: bonds are per-validator proportions of each miner (not
// stake-weighted), moved by an EMA toward the bond weights — with a per-bond liquid alpha when enabled —
// and dividends are the bonds' share of incentive times the validator's active stake.
import type { BondsOutcome } from "./bonds-yuma.js";
import { bondsEmaAlpha } from "./bonds-yuma.js";
import { LiquidAlpha, type LiquidAlphaParams } from "./liquid-alpha.js";
import { div, mul, ONE } from "./math/fixed32.js";
import { matEma } from "./math/matrix.js";
import { colSums, SparseBuilder, type SparseMatrix } from "./math/sparse.js";
import { normalizeInPlace } from "./math/vector.js";

export interface Yuma3Params extends LiquidAlphaParams {
  liquidAlpha: boolean;
  bondsMovingAverage: number;
}

/**
 * `bonds` are the stored bonds as proportions (u16 / 65535, masked for recent registrations). Returns
 * the EMA bonds (stored as `fixed_proportion_to_u16`, no upscaling) and the normalised dividends.
 * `overwriteWeights` lets the liquid-alpha EMA overwrite `weightsForBonds`.
 */
export function bondsYuma3(
  bonds: SparseMatrix,
  weightsForBonds: SparseMatrix,
  consensus: Float64Array,
  activeStake: Float64Array,
  incentive: Float64Array,
  columns: number,
  p: Yuma3Params,
  overwriteWeights = false,
): BondsOutcome {
  const liquid = p.liquidAlpha && consensus.length > 0 && consensus.some((c) => c !== 0);
  const ema = liquid
    ? matEmaLiquidAlpha(weightsForBonds, bonds, consensus, new LiquidAlpha(p), overwriteWeights)
    : matEma(weightsForBonds, bonds, bondsEmaAlpha(p.bondsMovingAverage), columns);
  // Column-normalised bonds (`inplace_col_normalize_sparse`) are only summed, so each is formed where
  // it is read instead of in a matrix of its own.
  const sums = colSums(ema, columns);
  const { start, col, val } = ema;
  const dividends = new Float64Array(ema.rows);
  for (let i = 0; i < ema.rows; i++) {
    let s = 0;
    const end = start[i + 1]!;
    for (let e = start[i]!; e < end; e++) {
      const j = col[e]!;
      const sum = sums[j]!;
      s += mul(sum === 0 ? val[e]! : div(val[e]!, sum), incentive[j] ?? 0);
    }
    dividends[i] = mul(s, activeStake[i] ?? 0);
  }
  return { stored: ema, dividends: normalizeInPlace(dividends) };
}

/**
 * `compute_liquid_alpha_values_sparse` + `mat_ema_alpha_sparse`. Alphas are only computed where they
 * are read (the row's old and new entries). The weight and bond each column's alpha sees come from
 * Subtensor's forward merge over the row as stored, which matters only for rows not sorted by uid.
 * Output entries follow the order of the weight row (at most one per weight entry, so `inPlace` can
 * overwrite `next`); values are clamped to 1 and kept when > 0.
 */
export function matEmaLiquidAlpha(
  next: SparseMatrix,
  old: SparseMatrix,
  consensus: Float64Array,
  liquid: LiquidAlpha,
  inPlace = false,
): SparseMatrix {
  const n = next.rows;
  const columns = consensus.length;
  const b = new SparseBuilder(n, next.start[n]!, inPlace ? next : undefined);
  const weightAt = new Float64Array(columns);
  const bondAt = new Float64Array(columns);
  const decayed = new Float64Array(columns);
  let ne = next.start[0]!;
  for (let i = 0; i < n; i++) {
    // Row i starts where row i - 1 ended as read, before endRow may have overwritten start[i].
    const ns = ne;
    ne = next.start[i + 1]!;
    if (ns === ne) {
      b.endRow();
      continue;
    }
    const os = i < old.rows ? old.start[i]! : 0;
    const oe = i < old.rows ? old.start[i + 1]! : 0;
    if (sortedRange(next, ns, ne) && sortedRange(old, os, oe))
      emaSortedRow(b, next, ns, ne, old, os, oe, consensus, liquid);
    else {
      mergeRow(next, ns, ne, weightAt);
      mergeRow(old, os, oe, bondAt);
      for (let e = os; e < oe; e++) {
        const j = old.col[e]!;
        if (j < columns)
          decayed[j] = mul(ONE - liquid.alpha(consensus[j]!, weightAt[j]!, bondAt[j]!), old.val[e]!);
      }
      for (let e = ns; e < ne; e++) {
        const j = next.col[e]!;
        if (j >= columns) continue;
        const inc = Math.max(mul(liquid.alpha(consensus[j]!, weightAt[j]!, bondAt[j]!), next.val[e]!), 0);
        const v = Math.min(decayed[j]! + inc, ONE);
        if (v > 0) b.push(j, v);
      }
      for (let e = os; e < oe; e++) {
        const j = old.col[e]!;
        if (j < columns) decayed[j] = 0;
      }
    }
    b.endRow();
  }
  return b.finish();
}

/** True when the entries' uids strictly increase. */
function sortedRange(m: SparseMatrix, start: number, end: number): boolean {
  for (let k = start + 1; k < end; k++) if (m.col[k]! <= m.col[k - 1]!) return false;
  return true;
}

/**
 * The same for a row sorted by uid in both matrices: one walk over both, an alpha per weight entry
 * (a bond with no weight in its column is never written, so its alpha is never needed).
 */
function emaSortedRow(
  b: SparseBuilder,
  next: SparseMatrix,
  ns: number,
  ne: number,
  old: SparseMatrix,
  os: number,
  oe: number,
  consensus: Float64Array,
  liquid: LiquidAlpha,
): void {
  const columns = consensus.length;
  let q = os;
  for (let e = ns; e < ne; e++) {
    const j = next.col[e]!;
    if (j >= columns) break;
    while (q < oe && old.col[q]! < j) q++;
    const weight = next.val[e]!;
    const held = q < oe && old.col[q] === j;
    const bond = held ? old.val[q]! : 0;
    const alpha = liquid.alpha(consensus[j]!, weight, bond);
    const decayed = held ? mul(ONE - alpha, bond) : 0;
    const v = Math.min(decayed + Math.max(mul(alpha, weight), 0), ONE);
    if (v > 0) b.push(j, v);
  }
}

/**
 * What Subtensor's peeking merge sees for every column j = 0, 1, …: it skips entries with a smaller
 * uid and takes the next entry's value when its uid equals j. For a row sorted by uid that is simply
 * the row's value at j; an unsorted row yields exactly what the chain computes.
 */
function mergeRow(m: SparseMatrix, start: number, end: number, out: Float64Array): void {
  out.fill(0);
  let p = start;
  for (let j = 0; j < out.length && p < end; j++) {
    while (p < end && m.col[p]! < j) p++;
    if (p < end && m.col[p] === j) out[j] = m.val[p]!;
  }
}
