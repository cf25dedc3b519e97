// A neuron's served endpoint as bittensor's AxonInfo shows it: the chain stores the IP as a u128.
import type { AxonInfo } from "../axon/axon.js";

/** AxonInfo (ip dotted, or IPv6; "0.0.0.0" when the neuron never served) plus where it was announced. */
export interface NeuronAxonInfo extends AxonInfo {
  /** Block of the last serve_axon. */
  block: number;
  /** Whether the neuron announced an endpoint (bittensor's `is_serving`). */
  is_serving: boolean;
}

function ipString(ip: bigint, type: number): string {
  if (type === 6) {
    return Array.from({ length: 8 }, (_, i) => ((ip >> BigInt(112 - 16 * i)) & 0xffffn).toString(16)).join(
      ":",
    );
  }
  return [24, 16, 8, 0].map((s) => Number((ip >> BigInt(s)) & 0xffn)).join(".");
}

/** The node's JSON (u64/u128 as decimal strings, or null) → AxonInfo. */
export function toAxonInfo(raw: unknown, hotkey: string, coldkey: string): NeuronAxonInfo {
  const a = (raw ?? {}) as Record<string, string | number>;
  const ipType = Number(a.ipType ?? 4) === 6 ? 6 : 4;
  const ip = ipString(BigInt(a.ip ?? 0), ipType);
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
