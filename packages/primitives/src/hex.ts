export class HexError extends Error {
  override readonly name = "HexError";
}

const HEX = /^(0x)?([0-9a-fA-F]*)$/;

/** Hex (with or without 0x) to bytes; `length` in bytes is checked when given. */
export function hexToBytes(hex: string, what = "hex value", length?: number): Uint8Array {
  const m = HEX.exec(hex.trim());
  if (!m)
    throw new HexError(`${what} "${abbreviate(hex)}" is not hexadecimal (expected 0x followed by 0-9a-f)`);
  const digits = m[2]!;
  if (digits.length % 2 !== 0)
    throw new HexError(`${what} has an odd number of hex digits (${digits.length})`);
  if (length !== undefined && digits.length !== length * 2) {
    throw new HexError(
      `${what} must be ${length} bytes (${length * 2} hex digits), got ${digits.length / 2} bytes`,
    );
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
}

const HEX_DIGITS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

export function bytesToHex(bytes: Uint8Array, prefix = true): string {
  let out = prefix ? "0x" : "";
  for (const b of bytes) out += HEX_DIGITS[b];
  return out;
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function abbreviate(s: string): string {
  return s.length > 20 ? `${s.slice(0, 17)}...` : s;
}
