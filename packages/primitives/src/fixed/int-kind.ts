// Rust integer targets of `to_num::<T>()` / `saturating_to_num::<T>()`.

export type IntKind = "u8" | "u16" | "u32" | "u64" | "u128" | "i8" | "i16" | "i32" | "i64" | "i128";

/** Kinds up to 32 bits come back as a JS number, wider ones as a bigint. */
export type IntValue<K extends IntKind> = K extends "u8" | "u16" | "u32" | "i8" | "i16" | "i32"
  ? number
  : bigint;

export interface IntBounds {
  readonly min: bigint;
  readonly max: bigint;
  /** Returned as a JS number (fits exactly). */
  readonly small: boolean;
}

function bounds(signed: boolean, width: number): IntBounds {
  const w = BigInt(width);
  return signed
    ? { min: -(1n << (w - 1n)), max: (1n << (w - 1n)) - 1n, small: width <= 32 }
    : { min: 0n, max: (1n << w) - 1n, small: width <= 32 };
}

export const INT_BOUNDS: Readonly<Record<IntKind, IntBounds>> = Object.freeze({
  u8: bounds(false, 8),
  u16: bounds(false, 16),
  u32: bounds(false, 32),
  u64: bounds(false, 64),
  u128: bounds(false, 128),
  i8: bounds(true, 8),
  i16: bounds(true, 16),
  i32: bounds(true, 32),
  i64: bounds(true, 64),
  i128: bounds(true, 128),
});

export function intBounds(kind: IntKind): IntBounds {
  const b = INT_BOUNDS[kind];
  if (b === undefined) {
    throw new TypeError(
      `unknown integer kind "${String(kind)}"; use one of ${Object.keys(INT_BOUNDS).join(", ")}`,
    );
  }
  return b;
}

/** Packs an in-range integer as the kind's JS type. */
export function asIntValue<K extends IntKind>(kind: K, value: bigint): IntValue<K> {
  return (intBounds(kind).small ? Number(value) : value) as IntValue<K>;
}
