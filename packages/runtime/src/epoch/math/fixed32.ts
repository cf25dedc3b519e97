// I32F32 arithmetic on raw bits (value·2^32) carried in plain JS numbers, for the epoch's inner loops.
//
// Why numbers and not BigInt: the same decision as the primitives' I32F32Vec (see the header of
// packages/primitives/src/fixed/index.ts) — BigInt costs ~30 ns an operation, and a 4096-UID epoch does
// tens of millions. Every value the epoch holds is a proportion or a u16 integer, so its bits stay below
// 2^53 and are exact doubles. A product or quotient is formed in binary64 and its floor / truncation is
// then settled exactly: the rounded result can only be one too high when it landed on an integer, and
// that rare case is checked with Dekker's error-free product. Results are bit-identical to Rust's
// `substrate_fixed` (mul = (a·b) >> 32, floor; div = (a << 32) / b, truncated toward zero); the tests
// compare them with the primitives' BigInt I32F32 on random and edge-case operands.
// Anything outside the fast domain is computed in BigInt and must come back below 2^53.

/** 1.0 as I32F32 bits. */
export const ONE = 4294967296;
/** The largest bits a number carries exactly (|value| < 2^21). */
export const MAX_EXACT = 9007199254740992;

const INV32 = 1 / ONE;
const EPS = 2 ** -52;
const SPLITTER = 134217729; // 2^27 + 1 (Veltkamp)

/** The exact rounding error of p = fl(a·b): a·b = p + productError(a, b, p) (Dekker's TwoProduct). */
function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}

function fromBig(bits: bigint, what: string): number {
  if (bits > 9007199254740992n || bits < -9007199254740992n) {
    throw new RangeError(
      `epoch arithmetic: ${what} = ${bits} raw I32F32 bits is beyond ±2^53 (|value| > 2^21); ` +
        "the epoch only holds proportions and u16 integers, so an input is out of range",
    );
  }
  return Number(bits);
}

/** I32F32 `a * b`: floor(a·b / 2^32). */
export function mul(a: number, b: number): number {
  const p = a * b;
  const r = p * INV32;
  if (r < MAX_EXACT && r > -MAX_EXACT) {
    let f = Math.floor(r);
    if (r - f <= Math.abs(r) * EPS && p - f * ONE < -productError(a, b, p)) f -= 1;
    return f;
  }
  return fromBig((BigInt(a) * BigInt(b)) >> 32n, "a product");
}

/** I32F32 `a / b` for b ≠ 0: trunc(a·2^32 / b), toward zero like Rust's integer division. */
export function div(a: number, b: number): number {
  const n = Math.abs(a) * ONE;
  const d = Math.abs(b);
  const approx = n / d;
  if (approx < MAX_EXACT) {
    let q = Math.floor(approx);
    if (q === approx && q !== 0 && n - q * d < productError(q, d, q * d)) q -= 1;
    return a < 0 !== b < 0 ? -q : q;
  }
  return fromBig((BigInt(a) << 32n) / BigInt(b), "a quotient");
}

/** Subtensor's `safe_div`: 0 when dividing by zero. */
export function safeDiv(a: number, b: number): number {
  return b === 0 ? 0 : div(a, b);
}

/**
 * floor(num / den) for non-negative integers below 2^53 (den > 0). Used where Subtensor divides I32F32
 * integers whose raw bits would pass 2^53 (sums of u16 weights): (x<<32)/(s<<32) as bits is x·2^32/s.
 */
export function floorDivInt(num: number, den: number): number {
  const approx = num / den;
  let q = Math.floor(approx);
  if (q === approx && q !== 0 && num - q * den < productError(q, den, q * den)) q -= 1;
  return q;
}

/** Raw bits of an integer (`I32F32::from_num(int)`). */
export function fromInt(x: number): number {
  return x * ONE;
}

/** `u16_proportion_to_fixed`: I32F32(x) / I32F32(65535), truncated. */
export function u16Proportion(x: number): number {
  return floorDivInt(x * ONE, 65535);
}

/** `fixed_proportion_to_u16`: floor(x · 65535) saturated into 0..65535. */
export function toU16Proportion(bits: number): number {
  const v = Math.floor(mul(bits, 65535 * ONE) * INV32);
  return v < 0 ? 0 : Math.min(v, 65535);
}
