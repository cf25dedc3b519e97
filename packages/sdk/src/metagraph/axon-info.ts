// A neuron's served endpoint as bittensor's AxonInfo shows it: the chain stores the IP as a u128.
import type { AxonInfo } from "../axon/axon.js";
import { intToIp } from "../axon/ip.js";

/** AxonInfo (ip dotted, or IPv6; "0.0.0.0" when the neuron never served) plus where it was announced. */
export interface NeuronAxonInfo extends AxonInfo {
  /** Block of the last serve_axon. */
  block: number;
  /** Whether the neuron announced an endpoint (bittensor's `is_serving`). */
  is_serving: boolean;
}

/** The node's JSON (u64/u128 as decimal strings, or null) → AxonInfo. */
export function toAxonInfo(raw: unknown, hotkey: string, coldkey: string): NeuronAxonInfo {
  const a = (raw ?? {}) as Record<string, string | number>;
  const ipType = Number(a.ipType ?? 4) === 6 ? 6 : 4;
  const stored = BigInt(a.ip ?? 0);
  // The chain checks an IPv4 address fits 32 bits when it is served; the mask only guards odd state.
  const ip = intToIp(ipType === 4 ? stored & 0xffffffffn : stored, ipType);
  return {
    ip,
    port: Number(a.port ?? 0),
    ip_type: ipType,
    version: Number(a.version ?? 0),
    protocol: Number(a.protocol ?? 4),
    placeholder1: Number(a.placeholder1 ?? 0),
    placeholder2: Number(a.placeholder2 ?? 0),
    block: Number(a.block ?? 0),
    hotkey,
    coldkey,
    is_serving: ip !== "0.0.0.0",
  };
}
