// The neuron registration price (Burn) of a subnet (spec §9.1; `subnets/registration.rs`
// `update_registration_prices_for_networks` and `bump_registration_price_after_registration`,
// `utils/misc.rs` `mul_by_q32` / `pow_q32` / `decay_factor_q32`):
// - every block after block 1, Burn decays by a Q32 factor f with f^BurnHalfLife ≈ 1/2, the largest Q32
//   value whose power (computed with saturating Q32 multiplies) is still ≤ 0.5, found by bisection;
// - every successful registration multiplies it by BurnIncreaseMult (U64F64, at least 1);
// - both then clamp to [MinBurn, MaxBurn] (MaxBurn wins when MinBurn > MaxBurn).
import { U64F64 } from "@opentao/primitives";

const Q32_ONE = 1n << 32n;
const Q32_HALF = 1n << 31n;
const U64_MAX = (1n << 64n) - 1n;

/** `mul_by_q32`: (value · f) >> 32, clamped to u64. */
export function mulByQ32(value: bigint, factorQ32: bigint): bigint {
  const shifted = (value * factorQ32) >> 32n;
  return shifted > U64_MAX ? U64_MAX : shifted;
}

/** `pow_q32`: base^exp in Q32 by square-and-multiply with `mulByQ32` (1.0 for exp 0). */
export function powQ32(baseQ32: bigint, exp: number): bigint {
  let result = Q32_ONE;
  let factor = baseQ32;
  let power = exp;
  while (power > 0) {
    if ((power & 1) === 1) result = mulByQ32(result, factor);
    power >>>= 1;
    if (power > 0) factor = mulByQ32(factor, factor);
  }
  return result;
}

const factorCache = new Map<number, bigint>();

/**
 * `decay_factor_q32(half_life)`: the largest f in [0, 2^32) with powQ32(f, halfLife) ≤ 2^31, by the
 * same bisection as Subtensor; 1.0 (2^32) for a half-life of 0. Deterministic, so memoised.
 */
export function decayFactorQ32(halfLife: number): bigint {
  if (!Number.isInteger(halfLife) || halfLife < 0 || halfLife > 0xffff) {
    throw new RangeError(`BurnHalfLife is a u16, got ${halfLife}`);
  }
  if (halfLife === 0) return Q32_ONE;
  const cached = factorCache.get(halfLife);
  if (cached !== undefined) return cached;
  let lo = 0n;
  let hi = Q32_ONE;
  while (lo + 1n < hi) {
    const mid = lo + ((hi - lo) >> 1n);
    if (powQ32(mid, halfLife) > Q32_HALF) hi = mid;
    else lo = mid;
  }
  factorCache.set(halfLife, lo);
  return lo;
}

/** Clamp to [min, max] the way Subtensor does: raise to min first, then cap at max. */
export function clampBurn(burn: bigint, minBurn: bigint, maxBurn: bigint): bigint {
  let b = burn;
  if (b < minBurn) b = minBurn;
  if (b > maxBurn) b = maxBurn;
  return b;
}

/** What one block's decay reads for a subnet. */
export interface BurnDecayInput {
  /** Burn before this block [rao] */
  readonly burn: bigint;
  /** BurnHalfLife [blocks, u16]; 0 disables decay */
  readonly halfLife: number;
  readonly minBurn: bigint;
  readonly maxBurn: bigint;
  /** The block being initialised; no decay at blocks 0 and 1 */
  readonly block: bigint;
}

/** Burn after this block's `on_initialize`: decayed by one step (if half-life > 0 and block > 1), then clamped. */
export function decayBurn(input: BurnDecayInput): bigint {
  let next = input.burn;
  if (input.halfLife > 0 && input.block > 1n) next = mulByQ32(input.burn, decayFactorQ32(input.halfLife));
  return clampBurn(next, input.minBurn, input.maxBurn);
}

/**
 * Burn after a successful registration on a non-root subnet: floor(burn · max(mult, 1)) in U64F64
 * (saturating), clamped. Root does not bump (the caller skips it).
 */
export function bumpBurn(burn: bigint, increaseMult: U64F64, minBurn: bigint, maxBurn: bigint): bigint {
  const mult = increaseMult.max(U64F64.ONE);
  const next = U64F64.saturatingFromNum(burn).saturatingMul(mult).saturatingToNum("u64");
  return clampBurn(next, minBurn, maxBurn);
}
