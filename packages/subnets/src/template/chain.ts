// The two chain calls a neuron makes, with failures turned into errors that say what went wrong.
import type { Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { type ChainClient, ipToInt, ipVersion } from "@opentao/sdk";

export async function submitOrThrow(client: ChainClient, who: Keypair, call: RuntimeCall): Promise<void> {
  const r = await client.submit(who, call, { waitFor: "inBlock" });
  if (!r.success) throw new Error(`${call.pallet}.${call.name} failed: ${r.error?.name ?? "unknown error"}`);
}

/** Announces an axon on chain (signed by the hotkey), as bittensor's `axon.serve`. */
export function serveAxon(client: ChainClient, hotkey: Keypair, netuid: number, ip: string, port: number) {
  const ipValue = ipToInt(ip); // throws on text that is not an address
  return submitOrThrow(client, hotkey, {
    pallet: "SubtensorModule",
    name: "serve_axon",
    args: {
      netuid,
      version: 1,
      ip: ipValue,
      port,
      ipType: ipVersion(ip),
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
    },
  });
}
