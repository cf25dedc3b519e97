// `exp_safe` of Subtensor's epoch/math.rs: substrate_fixed's `transcendental::exp` on I32F32, input
// clamped to [-20, 20]. The series below is that function's, term by term with its truncations, so
// results match bit for bit (it is not an accurate exponential: 30 Taylor terms, each floored).

const ONE_BIG = 1n << 32n;
/** e as substrate_fixed's I9F23 constant (consts::E, a U2F126, shifted right by 103), widened to I32F32. */
const E_BITS = (0xadf85458a2bb4a9aafdc5620273d3cf1n >> 103n) << 9n;
const LIMIT = 20n << 32n;
/** Inputs whose series stays below 2^53 raw bits (e^8 < 2981) take the fast path in numbers. */
const FAST_LIMIT = 8 * 4294967296;
const ONE = 4294967296;
const INV32 = 1 / ONE;

/** `exp_safe(x)` for x as I32F32 bits (bigint), result as bits (bigint). */
export function expSafeBig(x: bigint): bigint {
  let operand = x < -LIMIT ? -LIMIT : x > LIMIT ? LIMIT : x;
  if (operand === 0n) return ONE_BIG;
  if (operand === ONE_BIG) return E_BITS;
  const neg = operand < 0n;
  if (neg) operand = -operand;
  let result = operand + ONE_BIG;
  let term = operand;
  for (let i = 2n; i < 32n; i++) {
    term = (term * operand) >> 32n;
    term = (term << 32n) / (i << 32n);
    if (term === 0n) break; // every later term is 0 as well
    result += term;
  }
  return neg ? (ONE_BIG << 32n) / result : result;
}

/**
 * The same for |x| <= 8 in numbers (raw bits), exact: every term and partial sum is an integer below
 * 2^53, products below 2^79 are floored with a tie check, quotients by the small i likewise.
 * Returns undefined outside that range (use expSafeBig).
 */
export function expSafeFast(x: number): number | undefined {
  if (x === 0) return ONE;
  if (x > FAST_LIMIT || x < -FAST_LIMIT || x === ONE) return undefined;
  const neg = x < 0;
  const operand = neg ? -x : x;
  let result = operand + ONE;
  let term = operand;
  for (let i = 2; i < 32; i++) {
    // term·operand >> 32 (both positive): floor of the rounded product, corrected when it rounded up.
    const p = term * operand;
    let f = Math.floor(p * INV32);
    if (f * ONE > p || (f * ONE === p && productError(term, operand, p) < 0)) f -= 1;
    // (f << 32) / (i << 32) = floor(f / i)
    let q = Math.floor(f / i);
    if (q * i > f) q -= 1;
    term = q;
    if (term === 0) break;
    result += term;
  }
  return neg ? reciprocal(result) : result;
}

const TWO64 = 2 ** 64;
/**
 * 1 / r in I32F32 bits: floor(2^64 / r) for an integer 2^32 <= r < 2^52. The rounded quotient is off
 * by at most one; the remainder 2^64 − q·r settles it exactly (2^64 − fl(q·r) is exact by Sterbenz, and
 * the product's rounding error is exact by Dekker).
 */
function reciprocal(r: number): number {
  let q = Math.floor(TWO64 / r);
  const p = q * r;
  let rem = TWO64 - p - productError(q, r, p);
  while (rem < 0) {
    q -= 1;
    rem += r;
  }
  while (rem >= r) {
    q += 1;
    rem -= r;
  }
  return q;
}

const SPLITTER = 134217729;
/** The exact rounding error of p = fl(a·b) (Dekker's TwoProduct). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

/** `exp_safe` on raw bits in numbers; the result may exceed 2^53 only for inputs above ~21 (clamped at 20). */
export function expSafe(x: number): bigint {
  const fast = expSafeFast(x);
  return fast === undefined ? expSafeBig(BigInt(x)) : BigInt(fast);
}
