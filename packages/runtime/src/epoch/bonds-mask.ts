// Bonds to neurons registered since the last epoch are dropped before the EMA (both variants).

/** `last_tempo`: LastMechansimStepBlock + 1, or block − tempo when no mechanism step ran yet. */
export function lastTempo(block: number, tempo: number, lastMechanismStepBlock: number): number {
  return lastMechanismStepBlock === 0 ? Math.max(0, block - tempo) : lastMechanismStepBlock + 1;
}

/**
 * Columns whose bonds are dropped: last_tempo <= BlockAtRegistration_j (`scalar_vec_mask_sparse_matrix`),
 * as a mask for reading the stored bonds.
 */
export function recentlyRegistered(
  n: number,
  last: number,
  blockAtRegistration: readonly number[],
): Uint8Array {
  const drop = new Uint8Array(n);
  for (let j = 0; j < n; j++) drop[j] = last <= (blockAtRegistration[j] ?? 0) ? 1 : 0;
  return drop;
}
