// Per-subnet numbers the list and the subnet page share.
import { hexToBytes } from "@opentao/primitives";
import { blocksToNextEpoch, type DynamicInfo, type SubnetInfo } from "./chain.js";
import type { Rpc } from "./rpc.js";

export interface SubnetRow {
  netuid: number;
  name: string;
  symbol: string;
  info: SubnetInfo;
  dynamic: DynamicInfo;
  /** TAO per alpha, 9 decimals. */
  price: string;
  /** Share of the block's TAO by EMA price (Subtensor's split before its refinements), 0..1. */
  emissionShare: number;
  registrationCost: string;
  lastEpochBlock: number;
  blocksToEpoch: number | null;
}

const utf8 = (hex: string | undefined) => (hex ? new TextDecoder().decode(hexToBytes(hex)) : "");

export async function loadSubnets(rpc: Rpc, best: number): Promise<SubnetRow[]> {
  const [infos, dynamics] = await Promise.all([
    rpc.call<SubnetInfo[]>("subnetInfo_getSubnetsInfo"),
    rpc.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo"),
  ]);
  const q = (item: string, netuid: number) =>
    rpc.call<unknown>("state_queryStorageTyped", ["SubtensorModule", item, [netuid]]);
  const extra = await Promise.all(
    infos.map(async (s) => {
      const [burn, last, identity, moving] = await Promise.all([
        q("Burn", s.netuid),
        q("LastEpochBlock", s.netuid),
        q("SubnetIdentitiesV3", s.netuid),
        q("SubnetMovingPrice", s.netuid),
      ]);
      return {
        burn: String(burn),
        last: Number(last),
        name: utf8((identity as { subnetName?: string } | null)?.subnetName),
        moving: BigInt(String(moving ?? 0)),
      };
    }),
  );
  const emitting = (i: number) => infos[i]!.netuid !== 0;
  const total = extra.reduce((s, e, i) => (emitting(i) ? s + e.moving : s), 0n);
  return infos.map((info, i) => {
    const e = extra[i]!;
    const dynamic = dynamics.find((d) => d.netuid === info.netuid)!;
    return {
      netuid: info.netuid,
      name: e.name || (info.netuid === 0 ? "root" : `subnet ${info.netuid}`),
      symbol: info.tokenSymbol || "τ",
      info,
      dynamic,
      price: dynamic.price,
      emissionShare: emitting(i) && total > 0n ? Number((e.moving * 1_000_000n) / total) / 1_000_000 : 0,
      registrationCost: e.burn,
      lastEpochBlock: e.last,
      blocksToEpoch: blocksToNextEpoch(best, e.last, info.tempo),
    };
  });
}
