// Fixed-point numbers with Subtensor's exact semantics (crate substrate_fixed): I32F32, I64F64, U64F64,
// I96F32 and U96F32 with raw bits held as exact bigints, plus I32F32Vec for the epoch's hot loops.
//
// PERFORMANCE DECISION — measured with `npx tsx bench/run.ts fixed` (bench/fixed.bench.ts), node 20.20.2,
// 2-vCPU Xeon, 65 536 elements per op, ns per element:
//                      bigint raw bits   I32F32 objects   I32F32Vec (Float64Array)
//   mul                      34               165            2.1  (3.7 if every product is an integer)
//   div                      30               170            3.0
//   normalize (sum + div)    35               175            3.6-5.0
//   20 passes over 65 536 weights: ~42 ms with bigint, ~3.3 ms with I32F32Vec.
// The 5 ms budget of a 256-UID epoch cannot be met with BigInt in the inner loops, so the epoch's vector and
// matrix code must run on I32F32Vec. Why a Float64Array of raw bits: every value the epoch handles (u16
// weights <= 65535, proportions <= 1) has |bits| < 2^48, inside the 2^53 where doubles are exact, and one
// float multiply or divide plus a rarely taken exact tie check (Dekker's product) gives the floor / trunc
// bit for bit. A first version on 32-bit limbs (Int32Array + Uint32Array) measured 8 ns: splitting and
// joining the words cost more than the arithmetic. Values beyond ±2^21 take a BigInt side table (~150 ns),
// so the vector stays exact over the whole i64 range; tests check it against BigInt bit for bit.
// Scalars stay BigInt classes: exactness for all five formats up to 128 bits is simplest there, and
// coinbase, swap and per-neuron code does O(n) operations, where ~170 ns (mostly allocation) is irrelevant.

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
