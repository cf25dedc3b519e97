// Step 10a — bonds and dividends, original Yuma (Yuma3 off): stake-weighted bond deltas, an EMA with
// a fixed alpha, dividends from the column-normalised bonds; stored column max-upscaled.
import { I64F64 } from "@opentao/primitives";
import { ONE } from "./math/fixed32.js";
import {
  colMaxUpscale,
  colNormalize,
  colNormalizeIntegers,
  matEma,
  matmulTranspose,
  rowHadamard,
} from "./math/matrix.js";
import type { SparseMatrix } from "./math/sparse.js";
import { normalizeInPlace } from "./math/vector.js";

/** α = 1 − I32F32(I64F64(BondsMovingAverage) / 1_000_000): the weight of the new bonds (0.1 by default). */
export function bondsEmaAlpha(bondsMovingAverage: number): number {
  const ratio = I64F64.fromInt(bondsMovingAverage).safeDiv(I64F64.fromInt(1_000_000));
  return ONE - Number(ratio.bits >> 32n);
}

export interface BondsOutcome {
  /** EMA bonds as I32F32 bits, in the form to convert for storage. */
  stored: SparseMatrix;
  dividends: Float64Array;
}

/**
 * `stored` are the chain's u16 bonds (integers, already masked for recent registrations; overwritten). Returns the
 * column max-upscaled EMA bonds (for `fixed_proportion_to_u16`) and the normalised dividends.
 * `overwriteWeights` lets the stake-weighted deltas overwrite `weightsForBonds`.
 */
export function bondsYuma(
  stored: SparseMatrix,
  weightsForBonds: SparseMatrix,
  activeStake: Float64Array,
  incentive: Float64Array,
  columns: number,
  bondsMovingAverage: number,
  overwriteWeights = false,
): BondsOutcome {
  const bonds = colNormalizeIntegers(stored, columns, true);
  const delta = colNormalize(rowHadamard(weightsForBonds, activeStake, overwriteWeights), columns, true);
  const ema = colNormalize(matEma(delta, bonds, bondsEmaAlpha(bondsMovingAverage), columns), columns, true);
  const dividends = normalizeInPlace(matmulTranspose(ema, incentive));
  return { stored: colMaxUpscale(ema, columns, true), dividends };
}
