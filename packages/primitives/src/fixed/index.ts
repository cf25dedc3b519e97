// DECISION PLACEHOLDER

export { bitsToDecimal, decimalToBits } from "./decimal.js";
export { Fixed, type FixedClass, type FixedValue, type NumSource } from "./fixed.js";
export { bitsToFloat, floatToBits } from "./float.js";
export {
  type FixedFormat,
  type FixedName,
  I32F32_FORMAT,
  I64F64_FORMAT,
  I96F32_FORMAT,
  U64F64_FORMAT,
  U96F32_FORMAT,
} from "./format.js";
export { I32F32Vec } from "./i32f32-vec.js";
export { INT_BOUNDS, type IntKind, type IntValue } from "./int-kind.js";
export { fixedProportionToU16, u16ProportionToFixed, u16ToFixed } from "./proportion.js";
export { type AnyFixed, I32F32, I64F64, I96F32, U64F64, U96F32 } from "./types.js";
export { vecMaxUpscaleToU16, vecU16MaxUpscaleToU16 } from "./vec.js";
