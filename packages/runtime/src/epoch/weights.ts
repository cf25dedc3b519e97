// Step 5 — weight masks: which stored weights count this epoch, then row normalisation.
import { floorDivInt, ONE } from "./math/fixed32.js";
import type { U16Rows } from "./math/rows.js";
import { SparseBuilder, type SparseMatrix } from "./math/sparse.js";

export interface WeightMaskInput {
  n: number;
  weights: U16Rows;
  /** Last epoch's permits (owner forced on); rows of validators without one are dropped. */
  permit: readonly boolean[];
  ownerUid: number | null;
  lastUpdate: readonly number[];
  blockAtRegistration: readonly number[];
  commitBlocks?: readonly (number | null)[] | undefined;
}

/**
 * Masks, in Subtensor's order: rows without a permit; self-weights (except the owner's); weights set
 * at or before the target's latest registration (`LastUpdate_i <= BlockAtRegistration_j`); with
 * commit-reveal, weights to uids registered after the validator's earliest active commit. Entries stay
 * as stored u16 integers (not yet raw bits); explicit zeros are kept.
 */
export function maskWeights(input: WeightMaskInput): SparseMatrix {
  const { n, weights, permit, ownerUid, lastUpdate, blockAtRegistration, commitBlocks } = input;
  const rows = Math.min(n, weights.rows);
  const b = new SparseBuilder(n, weights.start[rows]!);
  const { start, uid, value } = weights;
  for (let i = 0; i < n; i++) {
    if (i < rows && permit[i] === true) {
      const updated = lastUpdate[i] ?? 0;
      const committed = commitBlocks?.[i] ?? null;
      for (let k = start[i]!; k < start[i + 1]!; k++) {
        const j = uid[k]!;
        const w = value[k]!;
        if (j >= n) continue; // get_weights_sparse ignores uids beyond n
        if (j === i && i !== ownerUid) continue;
        const registered = blockAtRegistration[j] ?? 0;
        if (updated <= registered) continue;
        if (committed !== null && committed < registered) continue;
        b.push(j, w);
      }
    }
    b.endRow();
  }
  return b.finish();
}

/**
 * `inplace_row_normalize_sparse` over u16 integers read as I32F32: w·2^32 / (Σw·2^32) with 32 fraction
 * bits is trunc(w·2^32 / Σw), done on the integers because Σw·2^32 can pass 2^53. A row summing to 0
 * is left as it is (all zeros).
 */
export function rowNormalizeWeights(masked: SparseMatrix, inPlace = false): SparseMatrix {
  const { rows: n, start, col, val: raw } = masked;
  const val = inPlace ? raw : new Float64Array(raw.length);
  for (let i = 0; i < n; i++) {
    let s = 0;
    const end = start[i + 1]!;
    for (let k = start[i]!; k < end; k++) s += raw[k]!;
    for (let k = start[i]!; k < end; k++) val[k] = s > 0 ? floorDivInt(raw[k]! * ONE, s) : 0;
  }
  return { rows: n, start, col, val };
}
