// TAO (and each subnet's alpha) emitted per block from its issuance (economics §2, S01):
//   ratio = I / 21e15;  k = floor(log2(1 / (1 − ratio)));  emission = floor(1e9 / 2^k);  0 once I ≥ 21e15
// in I96F32. Only the floor of the log2 matters, and for a fixed-point value ≥ 1 it is exact from its bits.
import { I96F32 } from "@opentao/primitives";

export const TOTAL_SUPPLY = 21_000_000_000_000_000n;
export const DEFAULT_BLOCK_EMISSION = 1_000_000_000n;

export function blockEmissionForIssuance(issuance: bigint): bigint {
  if (issuance >= TOTAL_SUPPLY) return 0n;
  const ratio = I96F32.fromInt(issuance).div(I96F32.fromInt(2n * 10_500_000_000_000_000n));
  const inverse = I96F32.ONE.div(I96F32.ONE.sub(ratio));
  const k = floorLog2(inverse);
  return I96F32.ONE.div(I96F32.fromInt(1n << BigInt(k)))
    .mul(I96F32.fromInt(DEFAULT_BLOCK_EMISSION))
    .toInt();
}

/** floor(log2(x)) for x ≥ 1, exactly. */
function floorLog2(x: I96F32): number {
  const integer = x.toInt();
  return integer <= 1n ? 0 : integer.toString(2).length - 1;
}
