// The fee a call will pay, computed as the runtime computes it (Subtensor's weight/2000 + 1 rao per byte),
// from the public key alone so it can be shown before the key is unlocked.
import { compact } from "@opentao/primitives";
import {
  callPays,
  callWeight,
  computeFee,
  type Preset,
  type RuntimeCall,
  RuntimeCallCodec,
} from "@opentao/runtime";

// version ‖ MultiAddress::Id (1 + 32) ‖ MultiSignature (1 + 64) ‖ mortal era (2) ‖ tip 0 (1) ‖ metadata-hash mode (1)
const SIGNED_OVERHEAD = 1 + 33 + 65 + 2 + 1 + 1;

export function estimateFee(preset: Preset, call: RuntimeCall, nonce: number): bigint {
  if (!callPays(call)) return 0n;
  const body = RuntimeCallCodec.enc(call).length + SIGNED_OVERHEAD + compact.enc(nonce).length;
  const length = compact.enc(body).length + body;
  return computeFee(preset, preset.fees.extrinsicBaseWeight + callWeight(call), length);
}
