// The shared behaviour of every fixed-point type. Each concrete type (I32F32, U64F64, ...) is its own
// subclass with a literal `kind`, so TypeScript refuses an I32F32 where a U64F64 is expected, and every
// binary operation also checks the format at run time.
import { decimalToBits } from "./decimal.js";
import { divisionByZeroError, notRepresentableError, overflowError, show } from "./errors.js";
import { bitsToFloat, floatToBits } from "./float.js";
import { bitsFit, clampBits, type FixedFormat, type FixedName } from "./format.js";
import { asIntValue, type IntKind, type IntValue, intBounds } from "./int-kind.js";
import { ceilRaw, convertRaw, divRaw, floorRaw, mulRaw, roundRaw } from "./raw.js";

/** Anything with raw bits and a format: every fixed-point value. */
export interface FixedValue {
  readonly bits: bigint;
  readonly format: FixedFormat;
}

/** A concrete fixed-point class: builds a value from raw bits and knows its format. */
export interface FixedClass<T extends Fixed<T>> {
  new (bits: bigint): T;
  readonly format: FixedFormat;
}

/** What `fromNum` accepts: an integer (bigint), an f64 (rounded to nearest), or another fixed value (floored). */
export type NumSource = bigint | number | FixedValue;

export abstract class Fixed<Self extends Fixed<Self>> implements FixedValue {
  /** Raw bits: value · 2^F as an exact integer inside the format's range (never wrapped). */
  readonly bits: bigint;

  /** Same as `T.fromBits(bits)`: throws a RangeError when `bits` is outside the format's raw range. */
  constructor(bits: bigint) {
    // new.target is the concrete class (this.format is not usable before the subclass exists).
    const f = (new.target as unknown as FixedClass<Self>).format;
    if (typeof bits !== "bigint") {
      throw new TypeError(
        `${f.name} raw bits must be a bigint, got ${typeof bits}; use ${f.name}.fromNum(x) to convert a number`,
      );
    }
    if (!bitsFit(f, bits)) {
      throw new RangeError(
        `${f.name}.fromBits: raw bits ${bits} are outside the ${f.inner} range [${f.minBits}, ${f.maxBits}]; ` +
          `raw bits are value·2^${f.fracBits} — use ${f.name}.fromNum for a plain number`,
      );
    }
    this.bits = bits;
  }

  abstract get format(): FixedFormat;
  /** The type's name; a distinct literal per class, which makes the classes mutually incompatible. */
  abstract get kind(): FixedName;

  // ---- construction ------------------------------------------------------------------------------
  // The factories are inherited by every concrete class and use `this` (that class) on purpose, so
  // `I32F32.fromInt(1)` is an I32F32 and `U64F64.fromInt(1)` a U64F64.
  // biome-ignore-start lint/complexity/noThisInStatic: polymorphic factories, `this` is the concrete class

  /** From raw bits (value·2^F), exactly. */
  static fromBits<T extends Fixed<T>>(this: FixedClass<T>, bits: bigint): T {
    return new this(bits);
  }

  /** From an integer, exactly (`from_num(int)`); RangeError when it does not fit. */
  static fromInt<T extends Fixed<T>>(this: FixedClass<T>, n: bigint | number): T {
    const f = this.format;
    const bits = integerOf(f, n, "fromInt") << f.frac;
    if (!bitsFit(f, bits)) {
      throw notRepresentableError(f, "fromInt", `${n}`, "use saturatingFromNum to clamp, or a wider type");
    }
    return new this(bits);
  }

  /**
   * From an f64, rounded to the nearest representable value with ties to even — `from_num(f64)`, so
   * `I32F32.fromFloat(0.1).bits === round(0.1·2^32)`. RangeError for NaN, ±Infinity or out of range.
   */
  static fromFloat<T extends Fixed<T>>(this: FixedClass<T>, x: number): T {
    const f = this.format;
    if (!Number.isFinite(x)) {
      throw notRepresentableError(f, "fromFloat", `${x}`, "pass a finite number");
    }
    const bits = floatToBits(x, f.fracBits);
    if (!bitsFit(f, bits)) {
      throw notRepresentableError(f, "fromFloat", `${x}`, "use saturatingFromNum to clamp, or a wider type");
    }
    return new this(bits);
  }

  /**
   * From an f32 value: `x` is first rounded to binary32 (Math.fround), then converted like fromFloat.
   * This is what Rust's `from_num(0.1f32)` gives, which differs from `from_num(0.1f64)`.
   */
  static fromF32<T extends Fixed<T>>(this: FixedClass<T>, x: number): T {
    return Fixed.fromFloat.call(this, Math.fround(x)) as T;
  }

  /** From a plain decimal string ("-1.25", ".5"), rounded to nearest with ties to even (like `from_str`). */
  static fromString<T extends Fixed<T>>(this: FixedClass<T>, text: string): T {
    const f = this.format;
    const bits = decimalToBits(text, f.fracBits);
    if (bits === undefined) {
      throw new RangeError(
        `${f.name}.fromString: "${text}" is not a plain decimal number; write digits with an optional sign and point, e.g. -12.5`,
      );
    }
    if (!bitsFit(f, bits)) {
      throw notRepresentableError(f, "fromString", `"${text}"`, "use a wider type");
    }
    return new this(bits);
  }

  /**
   * Rust's `from_num`: a bigint is an integer value (exact), a number is an f64 (rounded to nearest, ties
   * to even; exact for integers), a fixed value of another type is converted dropping extra fraction bits
   * (floor). RangeError when the result does not fit.
   */
  static fromNum<T extends Fixed<T>>(this: FixedClass<T>, src: NumSource): T {
    const f = this.format;
    const bits = sourceBits(f, src, "fromNum");
    if (!bitsFit(f, bits)) {
      throw notRepresentableError(
        f,
        "fromNum",
        describe(src),
        "use saturatingFromNum to clamp, or a wider type",
      );
    }
    return new this(bits);
  }

  /** Rust's `saturating_from_num`: like fromNum but clamps to MIN/MAX (±Infinity clamp too; NaN throws). */
  static saturatingFromNum<T extends Fixed<T>>(this: FixedClass<T>, src: NumSource): T {
    const f = this.format;
    if (typeof src === "number" && !Number.isFinite(src)) {
      if (Number.isNaN(src)) throw notRepresentableError(f, "saturatingFromNum", "NaN", "pass a number");
      return new this(src > 0 ? f.maxBits : f.minBits);
    }
    return new this(clampBits(f, sourceBits(f, src, "saturatingFromNum")));
  }

  /** `from_num(a) / from_num(b)` as Subtensor writes it: both must fit, quotient truncated toward zero. */
  static fromRatio<T extends Fixed<T>>(this: FixedClass<T>, a: bigint | number, b: bigint | number): T {
    const f = this.format;
    const num = Fixed.fromInt.call(this, a) as T;
    const den = Fixed.fromInt.call(this, b) as T;
    if (den.bits === 0n) throw divisionByZeroError(f, "fromRatio", num.bits);
    return num.div(den);
  }

  // biome-ignore-end lint/complexity/noThisInStatic: end of the factories

  // ---- arithmetic ----------------------------------------------------------------------------------

  /** `a + b`; RangeError on overflow. */
  add(rhs: Self): Self {
    return this.fit("add", "+", rhs, this.bits + this.same(rhs, "add").bits);
  }

  /** `a - b`; RangeError on overflow (also below zero for unsigned types). */
  sub(rhs: Self): Self {
    return this.fit("sub", "-", rhs, this.bits - this.same(rhs, "sub").bits);
  }

  /** `a * b` = `(a_bits * b_bits) >> F` (floor); RangeError on overflow. */
  mul(rhs: Self): Self {
    return this.fit("mul", "*", rhs, mulRaw(this.format, this.bits, this.same(rhs, "mul").bits));
  }

  /** `a / b` = `(a_bits << F) / b_bits` truncated toward zero; RangeError on overflow or division by zero. */
  div(rhs: Self): Self {
    const f = this.format;
    if (this.same(rhs, "div").bits === 0n) throw divisionByZeroError(f, "div", this.bits);
    return this.fit("div", "/", rhs, divRaw(f, this.bits, rhs.bits));
  }

  /** Rust `checked_add`: undefined on overflow. */
  checkedAdd(rhs: Self): Self | undefined {
    return this.maybe(this.bits + this.same(rhs, "checkedAdd").bits);
  }

  checkedSub(rhs: Self): Self | undefined {
    return this.maybe(this.bits - this.same(rhs, "checkedSub").bits);
  }

  checkedMul(rhs: Self): Self | undefined {
    return this.maybe(mulRaw(this.format, this.bits, this.same(rhs, "checkedMul").bits));
  }

  /** Rust `checked_div`: undefined on overflow or division by zero. */
  checkedDiv(rhs: Self): Self | undefined {
    if (this.same(rhs, "checkedDiv").bits === 0n) return undefined;
    return this.maybe(divRaw(this.format, this.bits, rhs.bits));
  }

  /** Rust `saturating_add`: clamps to MIN/MAX. */
  saturatingAdd(rhs: Self): Self {
    return this.make(clampBits(this.format, this.bits + this.same(rhs, "saturatingAdd").bits));
  }

  saturatingSub(rhs: Self): Self {
    return this.make(clampBits(this.format, this.bits - this.same(rhs, "saturatingSub").bits));
  }

  saturatingMul(rhs: Self): Self {
    return this.make(
      clampBits(this.format, mulRaw(this.format, this.bits, this.same(rhs, "saturatingMul").bits)),
    );
  }

  /** Rust `saturating_div`: clamps on overflow; division by zero still throws (Rust panics). */
  saturatingDiv(rhs: Self): Self {
    const f = this.format;
    if (this.same(rhs, "saturatingDiv").bits === 0n) throw divisionByZeroError(f, "saturatingDiv", this.bits);
    return this.make(clampBits(f, divRaw(f, this.bits, rhs.bits)));
  }

  /** Subtensor's `safe_div` = `checked_div(..).unwrap_or_default()`: 0 on division by zero AND on overflow. */
  safeDiv(rhs: Self): Self {
    return this.checkedDiv(rhs) ?? this.make(0n);
  }

  /** `-a`; RangeError on overflow (MIN of a signed type, any non-zero unsigned value). */
  neg(): Self {
    return this.fit("neg", "-", undefined, -this.bits);
  }

  /** `|a|`; RangeError for MIN of a signed type. */
  abs(): Self {
    return this.bits < 0n ? this.neg() : (this as unknown as Self);
  }

  // ---- comparison ----------------------------------------------------------------------------------

  /** -1, 0 or 1 as this is less than, equal to or greater than `rhs`. */
  cmp(rhs: Self): -1 | 0 | 1 {
    const b = this.same(rhs, "cmp").bits;
    return this.bits < b ? -1 : this.bits > b ? 1 : 0;
  }

  eq(rhs: Self): boolean {
    return this.bits === this.same(rhs, "eq").bits;
  }

  lt(rhs: Self): boolean {
    return this.bits < this.same(rhs, "lt").bits;
  }

  lte(rhs: Self): boolean {
    return this.bits <= this.same(rhs, "lte").bits;
  }

  gt(rhs: Self): boolean {
    return this.bits > this.same(rhs, "gt").bits;
  }

  gte(rhs: Self): boolean {
    return this.bits >= this.same(rhs, "gte").bits;
  }

  min(rhs: Self): Self {
    return this.bits <= this.same(rhs, "min").bits ? (this as unknown as Self) : rhs;
  }

  max(rhs: Self): Self {
    return this.bits >= this.same(rhs, "max").bits ? (this as unknown as Self) : rhs;
  }

  isZero(): boolean {
    return this.bits === 0n;
  }

  isNegative(): boolean {
    return this.bits < 0n;
  }

  // ---- rounding ------------------------------------------------------------------------------------

  /** Largest integer <= this (an arithmetic shift: floor(-1.5) = -2). */
  floor(): Self {
    return this.make(floorRaw(this.format, this.bits));
  }

  /** Smallest integer >= this; RangeError when that integer does not fit. */
  ceil(): Self {
    return this.fit("ceil", "ceil", undefined, ceilRaw(this.format, this.bits));
  }

  /** Nearest integer, ties away from zero (2.5 → 3, -2.5 → -3), like `fixed`'s `round()`. */
  round(): Self {
    return this.fit("round", "round", undefined, roundRaw(this.format, this.bits));
  }

  // ---- conversion ----------------------------------------------------------------------------------

  /** floor(this) as an exact bigint, never saturating. */
  toInt(): bigint {
    return this.bits >> this.format.frac;
  }

  /**
   * Rust `to_num::<K>()`: floor, then RangeError when it does not fit K. (Rust itself panics in debug
   * builds and silently wraps in release, e.g. I32F32(-1).to_num::<u64>() = 2^64-1.)
   */
  toNum<K extends IntKind>(kind: K): IntValue<K> {
    const b = intBounds(kind);
    const v = this.toInt();
    if (v < b.min || v > b.max) {
      const f = this.format;
      const width = BigInt(kind.slice(1));
      let wrapped = BigInt.asUintN(Number(width), v);
      if (kind.startsWith("i")) wrapped = BigInt.asIntN(Number(width), v);
      throw new RangeError(
        `${f.name}(${show(f, this.bits)}).toNum("${kind}"): floor ${v} is outside ${kind} [${b.min}, ${b.max}] ` +
          `(Rust's to_num panics in debug builds and wraps to ${wrapped} in release); ` +
          `use saturatingToNum("${kind}") to clamp${b.min === 0n ? " (negative → 0)" : ""}`,
      );
    }
    return asIntValue(kind, v);
  }

  /** Rust `saturating_to_num::<K>()`: floor, then clamp into K (negatives → 0 for unsigned K). */
  saturatingToNum<K extends IntKind>(kind: K): IntValue<K> {
    const b = intBounds(kind);
    let v = this.toInt();
    if (v < b.min) v = b.min;
    else if (v > b.max) v = b.max;
    return asIntValue(kind, v);
  }

  /** Converts to another fixed type, dropping extra fraction bits (floor); RangeError if out of range. */
  to<T extends Fixed<T>>(target: FixedClass<T>): T {
    const bits = convertRaw(this.format, target.format, this.bits);
    if (!bitsFit(target.format, bits)) {
      throw notRepresentableError(
        target.format,
        "fromNum",
        `${this.format.name}(${show(this.format, this.bits)})`,
        `use saturatingTo(${target.format.name}) to clamp`,
      );
    }
    return new target(bits);
  }

  /** Converts to another fixed type (floor), clamping to its MIN/MAX — `saturating_from_num(other)`. */
  saturatingTo<T extends Fixed<T>>(target: FixedClass<T>): T {
    return new target(clampBits(target.format, convertRaw(this.format, target.format, this.bits)));
  }

  /** The nearest f64 (ties to even). For display and logs only: f64 cannot reproduce chain integers. */
  toNumber(): number {
    return bitsToFloat(this.bits, this.format.fracBits);
  }

  /** The exact decimal value with no trailing zeros: I32F32 from bits 1 is "0.00000000023283064365386962890625". */
  toString(): string {
    return show(this.format, this.bits);
  }

  toJSON(): string {
    return this.toString();
  }

  /** Template strings get the exact decimal; `a + b`, `a < b` and `+a` throw instead of silently coercing. */
  [Symbol.toPrimitive](hint: string): string {
    if (hint === "string") return this.toString();
    throw new TypeError(
      `${this.format.name} cannot be used with JS operators (+, <, ==, unary +); ` +
        "use .add/.lt/.eq, .toNumber() for display or .toString() for text",
    );
  }

  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `${this.format.name}(${this.toString()})`;
  }

  // ---- internals -----------------------------------------------------------------------------------

  protected make(bits: bigint): Self {
    const ctor = this.constructor as FixedClass<Self>;
    return new ctor(bits);
  }

  private maybe(bits: bigint): Self | undefined {
    return bitsFit(this.format, bits) ? this.make(bits) : undefined;
  }

  private fit(op: string, symbol: string, rhs: FixedValue | undefined, bits: bigint): Self {
    const f = this.format;
    if (bitsFit(f, bits)) return this.make(bits);
    const lhs = show(f, this.bits);
    const expr = rhs === undefined ? `${symbol}(${lhs})` : `${lhs} ${symbol} ${show(f, rhs.bits)}`;
    throw overflowError(f, op, expr, bits);
  }

  private same(rhs: Self, op: string): Self {
    if ((rhs as FixedValue | undefined)?.format !== this.format) {
      const got = (rhs as Partial<FixedValue> | undefined)?.format?.name ?? typeof rhs;
      throw new TypeError(
        `${this.format.name}.${op} needs another ${this.format.name}, got ${got}; ` +
          `convert first with value.to(${this.format.name}) or ${this.format.name}.fromNum(x)`,
      );
    }
    return rhs;
  }
}

/** An exact integer from a bigint or an integral JS number. */
function integerOf(format: FixedFormat, n: bigint | number, where: string): bigint {
  if (typeof n === "bigint") return n;
  if (typeof n === "number" && Number.isInteger(n)) return BigInt(n);
  throw new RangeError(
    `${format.name}.${where}: ${String(n)} is not an integer; use ${format.name}.fromFloat for fractional numbers`,
  );
}

/** Raw bits (unchecked) of a fromNum source in `format`. */
function sourceBits(format: FixedFormat, src: NumSource, where: string): bigint {
  if (typeof src === "bigint") return src << format.frac;
  if (typeof src === "number") {
    if (!Number.isFinite(src)) throw notRepresentableError(format, where, `${src}`, "pass a finite number");
    return floatToBits(src, format.fracBits);
  }
  if (src !== null && typeof src === "object" && typeof src.bits === "bigint" && src.format !== undefined) {
    return convertRaw(src.format, format, src.bits);
  }
  throw new TypeError(
    `${format.name}.${where}: expected a bigint, a number or a fixed-point value, got ${typeof src}`,
  );
}

function describe(src: NumSource): string {
  if (typeof src === "object") return `${src.format.name}(${show(src.format, src.bits)})`;
  return `${src}`;
}
