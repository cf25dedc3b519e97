// Perquintill (sp_arithmetic): a proportion stored as u64 parts of 10^18. The balancer pool's quote
// weight is one; we keep it as a plain bigint of parts.

/** 1.0 as Perquintill parts (Subtensor's balancer `ACCURACY`). */
export const PERQUINTILL_ONE = 1_000_000_000_000_000_000n;

/**
 * `Perquintill::from_rational(p, q)` for unsigned p, q: `floor(10^18 · p / q)` exactly (sp_arithmetic's
 * `multiply_rational` with `Rounding::Down`); `q == 0` or `p > q` gives 1.0, as Substrate does.
 */
export function perquintillFromRational(p: bigint, q: bigint): bigint {
  if (p < 0n || q < 0n) throw new RangeError(`perquintillFromRational needs unsigned values, got ${p}/${q}`);
  if (q === 0n || p > q) return PERQUINTILL_ONE;
  return (PERQUINTILL_ONE * p) / q;
}

/** `Perquintill::from_parts`: parts above 10^18 saturate to 1.0. */
export function perquintillFromParts(parts: bigint): bigint {
  if (parts < 0n) throw new RangeError(`Perquintill parts must be unsigned, got ${parts}`);
  return parts > PERQUINTILL_ONE ? PERQUINTILL_ONE : parts;
}

/** `ONE.saturating_sub(p)`: the complement of a proportion. */
export function perquintillComplement(parts: bigint): bigint {
  return parts >= PERQUINTILL_ONE ? 0n : PERQUINTILL_ONE - parts;
}
