// The two chain calls a neuron makes, with failures turned into errors that say what went wrong.
import type { Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import type { ChainClient } from "@opentao/sdk";

export async function submitOrThrow(client: ChainClient, who: Keypair, call: RuntimeCall): Promise<void> {
  const r = await client.submit(who, call, { waitFor: "inBlock" });
  if (!r.success) throw new Error(`${call.pallet}.${call.name} failed: ${r.error?.name ?? "unknown error"}`);
}

/** 127.0.0.1 → 0x7f000001n, as serve_axon carries IPv4 addresses. */
export function ipv4ToInt(ip: string): bigint {
  const parts = ip.split(".").map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255))
    throw new Error(`"${ip}" is not an IPv4 address (a.b.c.d)`);
  return parts.reduce((n, p) => (n << 8n) | BigInt(p), 0n);
}

/** Announces an axon on chain (signed by the hotkey), as bittensor's `axon.serve`. */
export function serveAxon(client: ChainClient, hotkey: Keypair, netuid: number, ip: string, port: number) {
  return submitOrThrow(client, hotkey, {
    pallet: "SubtensorModule",
    name: "serve_axon",
    args: {
      netuid,
      version: 1,
      ip: ipv4ToInt(ip),
      port,
      ipType: 4,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
    },
  });
}
