// Step 1 — activity: a neuron is inactive when it has not set weights within the activity cutoff.

/** `inactive_i = LastUpdate_i + cutoff < current_block` (saturating add, as in Subtensor). */
export function inactiveMask(
  lastUpdate: readonly number[],
  activityCutoff: number,
  block: number,
): boolean[] {
  return lastUpdate.map((updated) => updated + activityCutoff < block);
}
