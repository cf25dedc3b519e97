/**
 * Transaction mortality (Substrate's `Era`): a mortal transaction is valid only during `period`
 * blocks from its birth block, whose hash it signs, so it cannot be replayed later.
 */
export type Era = { kind: "Immortal" } | { kind: "Mortal"; period: number; phase: number };

export const IMMORTAL: Era = Object.freeze({ kind: "Immortal" });

/** A mortal era of about `period` blocks (rounded up to a power of two, 4…65536) from `current`. */
export function mortalEra(period: number, current: number): Era {
  let p = 4;
  while (p < period && p < 65536) p *= 2;
  const quantize = Math.max(p >> 12, 1);
  const phase = Math.floor((current % p) / quantize) * quantize;
  return { kind: "Mortal", period: p, phase };
}

export function encodeEra(era: Era): Uint8Array {
  if (era.kind === "Immortal") return Uint8Array.of(0);
  const quantize = Math.max(era.period >> 12, 1);
  const trailingZeros = Math.log2(era.period & -era.period);
  const encoded = Math.min(15, Math.max(1, trailingZeros - 1)) | (Math.floor(era.phase / quantize) << 4);
  return Uint8Array.of(encoded & 0xff, encoded >> 8);
}

/** Decodes an era from `bytes` at `offset`; returns the era and the bytes it used. */
export function decodeEra(bytes: Uint8Array, offset: number): { era: Era; length: number } {
  const first = bytes[offset];
  if (first === undefined) throw new Error("era truncated");
  if (first === 0) return { era: IMMORTAL, length: 1 };
  const second = bytes[offset + 1];
  if (second === undefined) throw new Error("era truncated");
  const encoded = first + (second << 8);
  const period = 2 << (encoded % 16);
  const quantize = Math.max(period >> 12, 1);
  const phase = (encoded >> 4) * quantize;
  if (period < 4 || phase >= period) throw new Error(`invalid mortal era (period ${period}, phase ${phase})`);
  return { era: { kind: "Mortal", period, phase }, length: 2 };
}

/** The block whose hash a transaction with this era, seen at block `current`, must have signed. */
export function eraBirth(era: Era, current: number): number {
  if (era.kind === "Immortal") return 0;
  return Math.floor((Math.max(current, era.phase) - era.phase) / era.period) * era.period + era.phase;
}

/** The first block at which the transaction is no longer valid. */
export function eraDeath(era: Era, current: number): number {
  return era.kind === "Immortal" ? Number.POSITIVE_INFINITY : eraBirth(era, current) + era.period;
}
