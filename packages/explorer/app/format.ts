// Numbers for people: TAO from rao strings (exact, bigint), u16 shares as percentages, short addresses.
import { formatTao } from "@opentao/primitives";

export const rao = (v: string | number | bigint | undefined | null): bigint => BigInt(v ?? 0);

/** Exact TAO with 9 decimals: "τ12.345678901". */
export const tao = (v: string | number | bigint | undefined | null): string => formatTao(rao(v));

/** TAO rounded to `decimals` places, for dense tables. */
export const taoShort = (v: string | number | bigint | undefined | null, decimals = 4): string =>
  formatTao(rao(v), { decimals });

/** Alpha (rao-scaled) with its subnet symbol. */
export const alpha = (v: string | number | bigint | undefined | null, symbol = "α", decimals = 4): string =>
  formatTao(rao(v), { decimals, symbol });

/** A u16 proportion (65535 = 1) as a percentage. */
export const u16pct = (v: number | undefined): string => `${(((v ?? 0) / 65535) * 100).toFixed(2)}%`;

export const short = (s: string | undefined | null, n = 6): string =>
  !s ? "—" : s.length <= 2 * n + 1 ? s : `${s.slice(0, n)}…${s.slice(-n)}`;

/** Header numbers come as hex (Substrate's shape). */
export const blockNumber = (n: string | number): number =>
  typeof n === "number" ? n : Number.parseInt(n, 16);

export function timeOf(ms: string | number): string {
  return new Date(Number(ms))
    .toISOString()
    .replace("T", " ")
    .replace(/\.\d+Z$/, " UTC");
}

/** Any decoded value as short text: bigint as decimal, bytes as hex. */
export function plain(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") return v.toString();
    if (v instanceof Uint8Array) return `0x${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    return v;
  });
}
