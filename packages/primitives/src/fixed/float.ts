// IEEE-754 binary64 <-> raw bits, exactly as `fixed`'s `from_num(f64)` / `to_num::<f64>()` do it.

const view = new DataView(new ArrayBuffer(8));

/**
 * Raw bits of the f64 `x` with `fracBits` fraction bits, rounded to nearest with ties to even — the
 * rounding of `from_num(float)` in `fixed`/`substrate_fixed` (so `from_num(0.1)` is `round(0.1·2^32)`).
 * `x` must be finite; the result is not range-checked.
 */
export function floatToBits(x: number, fracBits: number): bigint {
  view.setFloat64(0, x);
  const high = view.getUint32(0);
  const low = view.getUint32(4);
  const negative = high >>> 31 === 1;
  const biasedExp = (high >>> 20) & 0x7ff;
  let mantissa = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  let exp: number; // x = ±mantissa · 2^exp
  if (biasedExp === 0) {
    exp = -1074; // zero or subnormal
  } else {
    mantissa |= 1n << 52n;
    exp = biasedExp - 1075;
  }
  const shift = exp + fracBits; // bits = mantissa · 2^shift
  let abs: bigint;
  if (shift >= 0) {
    abs = mantissa << BigInt(shift);
  } else {
    const s = BigInt(-shift);
    abs = mantissa >> s;
    const removed = mantissa & ((1n << s) - 1n);
    const half = 1n << (s - 1n);
    if (removed > half || (removed === half && (abs & 1n) === 1n)) abs += 1n;
  }
  return negative ? -abs : abs;
}

/** The f64 nearest to `bits / 2^fracBits` (ties to even); for display and logging only. */
export function bitsToFloat(bits: bigint, fracBits: number): number {
  // Number(bigint) rounds to nearest-even; dividing by a power of two is then exact (no subnormals here).
  return Number(bits) / 2 ** fracBits;
}
