// Step 3 — validator permits: the top-k non-zero stakes get a permit for the NEXT epoch.

/**
 * `is_topk_nonzero`: true for non-zero entries; when n >= k, indices are sorted by value ascending with
 * a stable sort and the first n − k lose their permit — so ties favour the higher uid.
 */
export function topkNonzero(values: Float64Array, k: number): boolean[] {
  const n = values.length;
  const result = Array.from(values, (v) => v !== 0);
  if (n < k) return result;
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => values[a]! - values[b]! || a - b);
  for (let r = 0; r < n - k; r++) result[idx[r]!] = false;
  return result;
}

/** New permits, the owner's forced on (sparse path). */
export function newValidatorPermits(
  stake: Float64Array,
  maxAllowed: number,
  ownerUid: number | null,
): boolean[] {
  const permits = topkNonzero(stake, maxAllowed);
  if (ownerUid !== null && ownerUid < permits.length) permits[ownerUid] = true;
  return permits;
}

/** Last epoch's permits as the mask for this one; a missing entry is no permit, the owner's forced on. */
export function oldValidatorPermits(
  stored: readonly boolean[],
  n: number,
  ownerUid: number | null,
): boolean[] {
  const permits = Array.from({ length: n }, (_, i) => stored[i] === true);
  if (ownerUid !== null && ownerUid < n) permits[ownerUid] = true;
  return permits;
}
