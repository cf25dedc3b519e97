// Error-free transformation used by the I32F32Vec fast path to settle the rare ties of floor/trunc.

/** Veltkamp splitter 2^27 + 1: splits a double into two halves of at most 26 significant bits. */
const SPLITTER = 134217729;

/**
 * The exact rounding error of `p = a * b` in binary64 (Dekker's TwoProduct, no FMA needed):
 * a·b = p + productError(a, b, p) exactly, provided nothing overflows or underflows (true for the
 * integer operands below 2^54 used here).
 */
export function productError(a: number, b: number, p: number): number {
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  return aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
}
