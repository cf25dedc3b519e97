// Small vector helpers of pallets/subtensor/src/epoch/math.rs that are pure number formatting.
// (The hot vector arithmetic of the epoch lives in I32F32Vec.)
import { I32F32 } from "./types.js";

const U16_MAX_FIXED = I32F32.fromInt(65535);
const THRESHOLD = I32F32.fromInt(32768);

/**
 * `vec_max_upscale_to_u16`: scales a non-negative vector so its maximum becomes 65535, rounding half away
 * from zero. Max 0 → floor(v·65535); max > 32768 → round(v · (65535/max)); otherwise round((v·65535)/max).
 * All steps saturate like Subtensor's (saturating_mul, safe_div, saturating_to_num::<u16>).
 */
export function vecMaxUpscaleToU16(values: readonly I32F32[]): number[] {
  if (values.length === 0) return [];
  let max = values[0]!;
  for (const v of values) max = max.max(v);
  if (max.isZero()) return values.map((v) => v.saturatingMul(U16_MAX_FIXED).saturatingToNum("u16"));
  if (max.gt(THRESHOLD)) {
    const ratio = U16_MAX_FIXED.safeDiv(max);
    return values.map((v) => v.saturatingMul(ratio).round().saturatingToNum("u16"));
  }
  return values.map((v) => v.saturatingMul(U16_MAX_FIXED).safeDiv(max).round().saturatingToNum("u16"));
}

/** `vec_u16_max_upscale_to_u16`: the u16 values read as I32F32 integers, then vecMaxUpscaleToU16. */
export function vecU16MaxUpscaleToU16(values: readonly number[]): number[] {
  return vecMaxUpscaleToU16(
    values.map((x) => {
      if (!Number.isInteger(x) || x < 0 || x > 65535) {
        throw new RangeError(`vecU16MaxUpscaleToU16: ${x} is not a u16 (an integer 0..65535)`);
      }
      return I32F32.fromInt(x);
    }),
  );
}
