/** 1234567890123 rao → "1234.567890" (6 decimals, truncated). */
export function formatToken(rao: bigint | string): string {
  const v = BigInt(rao);
  const sign = v < 0n ? "-" : "";
  const a = v < 0n ? -v : v;
  return `${sign}${a / 1_000_000_000n}.${String((a % 1_000_000_000n) / 1000n).padStart(6, "0")}`;
}
