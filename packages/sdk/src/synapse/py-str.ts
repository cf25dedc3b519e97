// Python `str()` / `repr()` renderings of JSON-like values, as bittensor's body hash sees them
// (`str(synapse.model_dump()[field])`). JS numbers carry no int/float distinction, so an integral
// number renders as a Python int unless it is wrapped with `pyFloat()` (or its field is declared
// `kind: "float"`); a non-integral number always renders as a float.

/** Marks a number as a Python float so `1` renders as `1.0`. */
export class PyFloat {
  constructor(readonly value: number) {}
  toJSON(): number {
    return this.value;
  }
}

export const pyFloat = (value: number): PyFloat => new PyFloat(value);

/** CPython's `repr(float)`: shortest round-trip digits, exponent form below 1e-4 and from 1e16. */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const sign = x < 0 ? "-" : "";
  // toExponential() without an argument gives the shortest digits that round-trip, like repr.
  const [mantissa, expText] = Math.abs(x).toExponential().split("e") as [string, string];
  const digits = mantissa.replace(".", "");
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const e = Math.abs(exp).toString().padStart(2, "0");
    return `${sign}${digits[0]}${frac}e${exp < 0 ? "-" : "+"}${e}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${"0".repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** CPython's `repr(str)`: single quotes unless the text has `'` and no `"`; escapes as CPython does. */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += ch;
  }
  return out + quote;
}

function reprNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : pyFloatRepr(n);
}

/** Python `repr()` of a JSON-like value (how it appears inside a list or dict). */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "string") return pyStrRepr(value);
  if (typeof value === "number") return reprNumber(value);
  if (typeof value === "bigint") return value.toString();
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (typeof value === "object") {
    const dumped =
      typeof (value as { model_dump?: unknown }).model_dump === "function"
        ? (value as { model_dump(): Record<string, unknown> }).model_dump()
        : (value as Record<string, unknown>);
    const parts = Object.entries(dumped).map(([k, v]) => `${pyStrRepr(k)}: ${pyRepr(v)}`);
    return `{${parts.join(", ")}}`;
  }
  throw new TypeError(`pyStr: cannot render a ${typeof value} as Python would`);
}

/** Python `str()` of a JSON-like value: like `repr()` except a top-level string is itself. */
export function pyStr(value: unknown): string {
  return typeof value === "string" ? value : pyRepr(value);
}
