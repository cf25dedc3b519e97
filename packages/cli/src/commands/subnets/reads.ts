// Subnet reads shared by the subnets commands.
import { utf8 } from "@opentao/primitives";
import type { BlockId, ChainClient, SubnetInfo } from "@opentao/sdk";
import { usageError } from "../../errors.js";

/** The subnet's info; a usage error naming the netuid when there is no such subnet. */
export async function subnetInfo(client: ChainClient, netuid: number): Promise<SubnetInfo> {
  const info = await client.call<SubnetInfo | null>("subnetInfo_getSubnetInfo", [netuid]);
  if (!info) throw usageError(`subnet ${netuid} does not exist`, "list subnets with `tao subnets list`");
  return info;
}

/** A `Bytes` value as the node sends it (0x hex) → text. */
export function bytesText(hex: string | undefined | null): string {
  if (!hex || hex === "0x") return "";
  return new TextDecoder().decode(Buffer.from(hex.replace(/^0x/, ""), "hex"));
}

export const toBytes = (text: string): Uint8Array => utf8(text);

export type SubnetIdentity = Record<string, string>;

/** SubnetIdentitiesV3 of a subnet as text fields, or null when none is set. */
export async function subnetIdentity(
  client: ChainClient,
  netuid: number,
  at?: BlockId,
): Promise<SubnetIdentity | null> {
  const raw = await client.queryTyped<Record<string, string> | null>(
    "SubtensorModule",
    "SubnetIdentitiesV3",
    [netuid],
    at,
  );
  if (!raw) return null;
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, bytesText(v)]));
}
