// Step 4 — active stake: stake of active, permitted validators, normalised.
import { normalizeInPlace } from "./math/vector.js";

export function activeStake(
  stake: Float64Array,
  inactive: readonly boolean[],
  permit: readonly boolean[],
): Float64Array {
  const out = Float64Array.from(stake);
  for (let i = 0; i < out.length; i++) if (inactive[i] !== false || permit[i] !== true) out[i] = 0;
  return normalizeInPlace(out);
}
