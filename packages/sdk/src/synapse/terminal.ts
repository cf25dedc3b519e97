import { pyFloatRepr } from "./py-str.js";

/** One end of a request, as bittensor's `TerminalInfo`; fields in its `model_dump()` order. */
export interface TerminalInfo {
  status_code: number | null;
  status_message: string | null;
  /** Seconds. */
  process_time: number | null;
  ip: string | null;
  port: number | null;
  version: number | null;
  /** Nanoseconds since the epoch (beyond 2^53, hence a bigint). */
  nonce: bigint | null;
  uuid: string | null;
  /** SS58 address. */
  hotkey: string | null;
  /** `0x` + hex of the sr25519 signature. */
  signature: string | null;
}

export const TERMINAL_FIELDS = [
  "status_code",
  "status_message",
  "process_time",
  "ip",
  "port",
  "version",
  "nonce",
  "uuid",
  "hotkey",
  "signature",
] as const satisfies readonly (keyof TerminalInfo)[];

export type TerminalField = (typeof TERMINAL_FIELDS)[number];

const INT_FIELDS = new Set<TerminalField>(["status_code", "port", "version"]);

export function emptyTerminal(): TerminalInfo {
  return {
    status_code: null,
    status_message: null,
    process_time: null,
    ip: null,
    port: null,
    version: null,
    nonce: null,
    uuid: null,
    hotkey: null,
    signature: null,
  };
}

/** A header or body value that is not what its field needs. */
export class SynapseParseError extends Error {
  override readonly name = "SynapseParseError";
}

const INT_TEXT = /^\s*[+-]?\d+\s*$/;
const FLOAT_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** Python's `int(text)` for the header forms we accept. */
export function parseIntText(text: string, what: string): number {
  if (!INT_TEXT.test(text)) throw new SynapseParseError(`${what} must be an integer, got "${text}"`);
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new SynapseParseError(`${what} is out of range: "${text}"`);
  return n;
}

/** Python's `float(text)` for finite values. */
export function parseFloatText(text: string, what: string): number {
  if (!FLOAT_TEXT.test(text)) throw new SynapseParseError(`${what} must be a number, got "${text}"`);
  return Number(text);
}

function parseBigText(text: string, what: string): bigint {
  if (!INT_TEXT.test(text)) throw new SynapseParseError(`${what} must be an integer, got "${text}"`);
  return BigInt(text.trim());
}

/** Sets one field from its header text (as pydantic casts `str` to `int`/`float`). */
export function setTerminalField(t: TerminalInfo, field: string, text: string, what: string): void {
  switch (field) {
    case "status_code":
    case "port":
    case "version":
      t[field] = parseIntText(text, what);
      return;
    case "process_time":
      t.process_time = parseFloatText(text, what);
      return;
    case "nonce":
      t.nonce = parseBigText(text, what);
      return;
    case "status_message":
    case "ip":
    case "uuid":
    case "hotkey":
    case "signature":
      t[field] = text;
      return;
    default:
      // Unknown bt_header_<side>_* names are ignored, as pydantic ignores extra keys.
      return;
  }
}

/** The header value of a field (Python `str(value)`). */
export function terminalFieldText(t: TerminalInfo, field: TerminalField): string | undefined {
  const v = t[field];
  if (v === null || v === undefined) return undefined;
  if (field === "process_time") return pyFloatRepr(v as number);
  return String(v);
}

/** A terminal from a JSON body (lenient: strings are cast, unknown keys dropped). */
export function terminalFromJson(value: unknown, what: string): TerminalInfo {
  const t = emptyTerminal();
  if (value === null || value === undefined) return t;
  if (typeof value !== "object" || Array.isArray(value))
    throw new SynapseParseError(`${what} must be an object`);
  const obj = value as Record<string, unknown>;
  for (const field of TERMINAL_FIELDS) {
    const v = obj[field];
    if (v === null || v === undefined) continue;
    if (typeof v === "string") setTerminalField(t, field, v, `${what}.${field}`);
    else if (typeof v === "number") {
      if (field === "nonce") {
        if (!Number.isInteger(v)) throw new SynapseParseError(`${what}.nonce must be an integer`);
        t.nonce = BigInt(v);
      } else if (field === "process_time") t.process_time = v;
      else if (INT_FIELDS.has(field)) {
        if (!Number.isInteger(v))
          throw new SynapseParseError(`${what}.${field} must be an integer, got ${v}`);
        (t as unknown as Record<string, number>)[field] = v;
      } else throw new SynapseParseError(`${what}.${field} must be a string, got ${v}`);
    } else if (typeof v === "bigint" && field === "nonce") t.nonce = v;
    else throw new SynapseParseError(`${what}.${field} has the wrong type (${typeof v})`);
  }
  return t;
}

/** `model_dump()` of a terminal: the ten fields, in order. */
export function dumpTerminal(t: TerminalInfo): Record<TerminalField, unknown> {
  const out = {} as Record<TerminalField, unknown>;
  for (const f of TERMINAL_FIELDS) out[f] = t[f];
  return out;
}
