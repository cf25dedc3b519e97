// `(a/b)^(p/q) · scale` in exact integer arithmetic, as Subtensor's weighted pool computes it with
// `SafeInt::pow_ratio_scaled` (crate safe-bigmath, the revision pinned by Subtensor's Cargo.lock).
// The chain's swap outputs are floors of these integers, so the algorithm is reproduced step for step —
// the same exponent reduction, the same exact/approximate split, the same series, stopping rules,
// guard bits and rounding — not merely to "the same precision":
//
// 1. Reduce p/q by their gcd. When both fit 32 bits and are ≤ 1024 the result is exact:
//    floor( (a^p · scale^q / b^p)^(1/q) ), the largest r with r^q · b^p ≤ a^p · scale^q.
// 2. Otherwise a fixed-point approximation at F = max(precision, 32, bits(scale) + 8) bits, computed
//    with 24 guard bits (internal scale 2^(F+24)):
//      ln 2   = −ln1p(−1/2)
//      ln n   = ln1p(m − 1) + s · ln 2   with n = m · 2^s, m ∈ [0.5, 1.5) (mantissa truncated to the scale)
//      L      = floor((ln a − ln b) · p / q)
//      E      = exp(L) by its Taylor series
//      result = floor(round_guard(E) · scale / 2^F)
//    where every series multiplies and divides with floor division, and stops when a term is zero,
//    smaller than the guard factor, or leaves the guard-rounded sum unchanged.
// Everything is bigint; nothing here depends on the platform.

/** safe-bigmath's DEFAULT_MAX_ITERS: the cap on series terms before the per-call cap below. */
const DEFAULT_MAX_ITERS = 4096;
/** Exponents whose reduced numerator and denominator are at most this are computed exactly. */
const MAX_EXACT_EXPONENT = 1024n;
/** Guard bits carried through the approximate path. */
const GUARD_BITS = 24n;
const U32_MAX = 0xffff_ffffn;

/** Number of significant bits of a non-negative integer (0 for 0), like `BigUint::bits`. */
export function bitLength(n: bigint): number {
  if (n < 0n) throw new RangeError(`bitLength needs a non-negative integer, got ${n}`);
  return n === 0n ? 0 : n.toString(2).length;
}

/** Floor division (rounds toward −∞), like `Integer::div_floor`; `d` must not be 0. */
export function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n !== d < 0n ? q - 1n : q;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const r = x % y;
    x = y;
    y = r;
  }
  return x;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** `value / guard` truncated, then moved one away from zero when the remainder is at least half. */
function roundToGuard(value: bigint, guard: bigint): bigint {
  let truncated = value / guard;
  const rem = value % guard;
  if (rem !== 0n && abs(rem) << 1n >= abs(guard)) truncated += rem < 0n ? -1n : 1n;
  return truncated;
}

/** ln(1 + x) at fixed-point `scale` by its Taylor series. */
function ln1pFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = x;
  let result = term;
  let prevRounded = roundToGuard(result, guard);
  for (let n = 2; n <= maxIters; n++) {
    term = floorDiv(term * x, scale);
    if (term === 0n) break;
    const next = floorDiv(term, BigInt(n));
    if (next === 0n) break;
    if (n % 2 === 0) result -= next;
    else result += next;
    const rounded = roundToGuard(result, guard);
    if (abs(next) < abs(guard) || rounded === prevRounded) break;
    prevRounded = rounded;
  }
  return result;
}

/** exp(x) at fixed-point `scale` by its Taylor series. */
function expFixed(x: bigint, scale: bigint, guard: bigint, maxIters: number): bigint {
  let term = scale;
  let result = term;
  let prevRounded = roundToGuard(result, guard);
  for (let n = 1; n <= maxIters; n++) {
    term = floorDiv(term * x, scale * BigInt(n));
    if (term === 0n) break;
    result += term;
    const rounded = roundToGuard(result, guard);
    if (abs(term) < abs(guard) || rounded === prevRounded) break;
    prevRounded = rounded;
  }
  return result;
}

/** ln(value) for a positive integer at `2^precisionBits`: mantissa near 1 plus a multiple of ln 2. */
function lnInteger(
  value: bigint,
  precisionBits: bigint,
  scale: bigint,
  guard: bigint,
  lnTwo: bigint,
  maxIters: number,
): bigint {
  let shift = BigInt(bitLength(value) - 1);
  let mantissa = (value << precisionBits) >> shift;
  // Keep the mantissa in [0.5, 1.5) so ln1p converges quickly.
  if (mantissa >= scale + (scale >> 1n)) {
    mantissa >>= 1n;
    shift += 1n;
  }
  return ln1pFixed(mantissa - scale, scale, guard, maxIters) + lnTwo * shift;
}

/** The largest r ≥ 0 with r^q · den ≤ num (q ≥ 1, den ≥ 1). */
function nthRootRatioFloor(num: bigint, den: bigint, q: bigint): bigint {
  const n = num / den; // r^q integer: r^q·den ≤ num ⟺ r^q ≤ floor(num/den)
  if (n === 0n) return 0n;
  if (q === 1n) return n;
  // The root has at most ceil(bits(n)/q) bits: search [0, 2^k) by bisection on exact powers.
  const k = BigInt(Math.ceil(bitLength(n) / Number(q)));
  let lo = 0n;
  let hi = (1n << k) - 1n;
  if (hi ** q <= n) return hi;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (mid ** q <= n) lo = mid;
    else hi = mid - 1n;
  }
  return lo;
}

/**
 * `(baseNum/baseDen)^(expNum/expDen) · scale`, floored — Subtensor's `pow_ratio_scaled` with its
 * default iteration cap. `undefined` where Rust returns `None`: a zero denominator, a negative base or
 * scale. A zero base gives 0, a zero exponent gives `scale`. The result can be negative or huge when
 * the approximation degenerates (Rust returns it as is); callers convert it as Subtensor does.
 */
export function powRatioScaled(
  baseNum: bigint,
  baseDen: bigint,
  expNum: bigint,
  expDen: bigint,
  precision: number,
  scale: bigint,
  maxIters?: number,
): bigint | undefined {
  if (baseDen === 0n || expDen === 0n) return undefined;
  if (baseNum === 0n) return 0n;
  if (scale < 0n) return undefined;
  if (baseNum < 0n || baseDen < 0n || expNum < 0n || expDen < 0n) return undefined;
  if (expNum === 0n) return scale;

  const g = gcd(expNum, expDen);
  const p = g > 1n ? expNum / g : expNum;
  const q = g > 1n ? expDen / g : expDen;

  if (p <= U32_MAX && q <= U32_MAX && p <= MAX_EXACT_EXPONENT && q <= MAX_EXACT_EXPONENT) {
    return nthRootRatioFloor(baseNum ** p * scale ** q, baseDen ** p, q);
  }

  const requested = BigInt(Math.max(precision, 32, bitLength(scale) + 8));
  const internalBits = requested + GUARD_BITS;
  const iters = Math.max(maxIters ?? Math.min(DEFAULT_MAX_ITERS, Number(internalBits) + 128), 1);
  const targetScale = 1n << requested;
  const guard = 1n << GUARD_BITS;
  const internalScale = targetScale << GUARD_BITS;

  const lnTwo = -ln1pFixed(-(internalScale >> 1n), internalScale, guard, iters);
  const lnBase =
    lnInteger(baseNum, internalBits, internalScale, guard, lnTwo, iters) -
    lnInteger(baseDen, internalBits, internalScale, guard, lnTwo, iters);
  const lnScaled = floorDiv(lnBase * p, q);
  const e = roundToGuard(expFixed(lnScaled, internalScale, guard, iters), guard);
  return floorDiv(e * scale, targetScale);
}
