// u16 <-> I32F32 helpers of pallets/subtensor/src/epoch/math.rs (spec §0.3).
import { I32F32 } from "./types.js";

const U16_MAX = 65535;
/** I32F32(65535), the denominator of on-chain u16 proportions. */
const U16_MAX_FIXED = I32F32.fromInt(U16_MAX);

function checkU16(x: number, where: string): void {
  if (!Number.isInteger(x) || x < 0 || x > U16_MAX) {
    throw new RangeError(
      `${where}: ${x} is not a u16 (an integer 0..65535); stored proportions are u16 values`,
    );
  }
}

/** `u16_proportion_to_fixed(x)` = I32F32(x) / I32F32(65535) (safe_div, truncating): 65535 → 1.0, 32768 → 0.50000762... */
export function u16ProportionToFixed(x: number): I32F32 {
  checkU16(x, "u16ProportionToFixed");
  return I32F32.fromInt(x).safeDiv(U16_MAX_FIXED);
}

/** `fixed_proportion_to_u16(x)` = floor(x · 65535) saturated into 0..65535 (negative → 0, > 1 → 65535). */
export function fixedProportionToU16(x: I32F32): number {
  return x.saturatingMul(U16_MAX_FIXED).saturatingToNum("u16");
}

/** `u16_to_fixed(x)` = I32F32(x): the integer value itself, NOT divided by 65535 (stored weights, bonds). */
export function u16ToFixed(x: number): I32F32 {
  checkU16(x, "u16ToFixed");
  return I32F32.fromInt(x);
}
