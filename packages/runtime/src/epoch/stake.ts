// Step 2 — stake and threshold: the consensus stake vector, normalised in I64F64, then cut to I32F32.
import { I64F64 } from "@opentao/primitives";

/**
 * Stake below the threshold counts as 0 (`fixed64_to_u64(s) < StakeThreshold`); the subnet owner is
 * exempt on the sparse path only. The rest is normalised in I64F64 and truncated to I32F32 bits.
 */
export function normalizedStake(
  stake: readonly I64F64[],
  threshold: bigint,
  exemptUid: number | null,
): Float64Array {
  const filtered = stake.map((s, uid) =>
    uid !== exemptUid && s.saturatingToNum("u64") < threshold ? I64F64.ZERO : s,
  );
  let total = I64F64.ZERO;
  for (const s of filtered) total = total.add(s);
  const out = new Float64Array(stake.length);
  for (let i = 0; i < filtered.length; i++) {
    const s = total.isZero() ? filtered[i]! : filtered[i]!.safeDiv(total);
    out[i] = Number(s.bits >> 32n); // I64F64 → I32F32 drops the low 32 fraction bits (floor)
  }
  return out;
}

/** Raw stake in rao (`saturating_to_num::<u64>`), as reported in the epoch terms. */
export function rawStake(stake: readonly I64F64[]): bigint[] {
  return stake.map((s) => s.saturatingToNum("u64"));
}
