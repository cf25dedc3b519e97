// Bonds to neurons registered since the last epoch are dropped before the EMA (both variants).
import { filterColumns, type SparseMatrix } from "./math/sparse.js";

/** `last_tempo`: LastMechansimStepBlock + 1, or block − tempo when no mechanism step ran yet. */
export function lastTempo(block: number, tempo: number, lastMechanismStepBlock: number): number {
  return lastMechanismStepBlock === 0 ? Math.max(0, block - tempo) : lastMechanismStepBlock + 1;
}

/** Drops B_ij where last_tempo <= BlockAtRegistration_j (a missing registration counts as block 0). */
export function maskRecentlyRegistered(
  bonds: SparseMatrix,
  last: number,
  blockAtRegistration: readonly number[],
): SparseMatrix {
  return filterColumns(bonds, (j) => !(last <= (blockAtRegistration[j] ?? 0)));
}
