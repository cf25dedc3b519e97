// Everything the dashboard shows, read at one block: the coldkey's free balance and stake, and every
// subnet's pool and metagraph. Amounts stay bigint rao; the page and the JSON format them.
import { parseTao } from "@opentao/primitives";
import { type BlockId, type ChainClient, type DynamicInfo, Metagraph } from "@opentao/sdk";
import type { Chain } from "../../chain/connect.js";
import { freeBalance, stakeOfColdkey } from "../../chain/reads.js";
import { poolView } from "../stake/shared.js";
import { bytesText, subnetIdentity } from "../subnets/reads.js";
import { saleValue } from "./slippage.js";

export interface DashboardStake {
  hotkey: string;
  netuid: number;
  /** Alpha (rao) on the subnet. */
  alpha: bigint;
  /** Its TAO worth at the pool's price (the chain's own figure). */
  value: bigint;
  /** What unstaking it alone would pay out now. */
  valueAfterSlippage: bigint;
}

export interface DashboardNeuron {
  uid: number;
  hotkey: string;
  /** Consensus stake (alpha plus weighted root TAO), rao. */
  stake: bigint;
  /** Normalized to [0, 1]. */
  incentive: number;
  dividends: number;
  /** Alpha (rao) from the last epoch. */
  emission: bigint;
  validatorPermit: boolean;
  /** "ip:port" when the neuron serves an axon. */
  axon: string | null;
}

export interface DashboardSubnet {
  netuid: number;
  name: string;
  symbol: string;
  /** TAO (rao) per alpha × 10^9. */
  price: bigint;
  /** TAO (rao): alpha supply × price (root: its staked TAO). */
  marketCap: bigint;
  /** TAO (rao) injected per block. */
  emission: bigint;
  /** Alpha (rao) staked: the pool's alpha out. */
  totalStake: bigint;
  neurons: DashboardNeuron[];
}

export interface DashboardData {
  network: string;
  block: number;
  /** The wallet's name, or the address's first 7 characters with --coldkey-ss58 (as btcli). */
  walletName: string;
  /** The coldkey's on-chain identity name, when it has one. */
  identity: string | null;
  coldkey: string;
  free: bigint;
  stakes: DashboardStake[];
  totalValue: bigint;
  totalValueAfterSlippage: bigint;
  /** Largest market cap first. */
  subnets: DashboardSubnet[];
}

export async function gatherDashboard(
  chain: Chain,
  coldkey: string,
  walletName: string,
): Promise<DashboardData> {
  const { client } = chain;
  const head = await client.header();
  const at = head.hash;
  const [free, rows, dynamics, identity] = await Promise.all([
    freeBalance(client, coldkey, at),
    stakeOfColdkey(client, coldkey, at),
    client.call<DynamicInfo[]>("subnetInfo_getAllDynamicInfo", [at]),
    identityName(client, coldkey, at),
  ]);
  const held = rows.filter((r) => r.stake > 0n);
  const netuids = [...new Set(held.map((r) => r.netuid))];
  const [subnets, views] = await Promise.all([
    Promise.all(dynamics.map((d) => subnetOf(client, d, at))),
    Promise.all(netuids.map((n) => poolView(client, n, at))),
  ]);
  const viewOf = new Map(netuids.map((n, i) => [n, views[i]!]));
  const { minimumReserve } = chain.preset.pool;
  const stakes = held
    .map((r) => ({
      hotkey: r.hotkey,
      netuid: r.netuid,
      alpha: r.stake,
      value: r.value,
      valueAfterSlippage: saleValue(viewOf.get(r.netuid)!, r.stake, minimumReserve),
    }))
    .sort((a, b) => a.netuid - b.netuid || a.hotkey.localeCompare(b.hotkey));
  return {
    network: chain.network.name,
    block: head.number,
    walletName,
    identity,
    coldkey,
    free,
    stakes,
    totalValue: stakes.reduce((s, x) => s + x.value, 0n),
    totalValueAfterSlippage: stakes.reduce((s, x) => s + x.valueAfterSlippage, 0n),
    subnets: subnets.sort((a, b) =>
      a.marketCap === b.marketCap ? a.netuid - b.netuid : a.marketCap > b.marketCap ? -1 : 1,
    ),
  };
}

async function subnetOf(client: ChainClient, d: DynamicInfo, at: BlockId): Promise<DashboardSubnet> {
  const [identity, m] = await Promise.all([
    subnetIdentity(client, d.netuid, at),
    new Metagraph(d.netuid, client).sync({ block: at }),
  ]);
  const price = parseTao(d.price);
  // btcli counts root's market cap from its staked TAO only (alpha in is 0 there).
  const supply = (d.netuid === 0 ? 0n : BigInt(d.alphaIn)) + BigInt(d.alphaOut);
  return {
    netuid: d.netuid,
    name: identity?.subnetName || (d.netuid === 0 ? "root" : ""),
    symbol: d.tokenSymbol,
    price,
    marketCap: (supply * price) / 1_000_000_000n,
    emission: BigInt(d.taoInEmission),
    totalStake: BigInt(d.alphaOut),
    neurons: m.uids.map((uid) => {
      const axon = m.axons[uid]!;
      return {
        uid,
        hotkey: m.hotkeys[uid]!,
        stake: m.stake[uid]!,
        incentive: m.incentive[uid]!,
        dividends: m.dividends[uid]!,
        emission: m.emission[uid]!,
        validatorPermit: m.validator_permit[uid]!,
        axon: axon.is_serving ? `${axon.ip_type === 6 ? `[${axon.ip}]` : axon.ip}:${axon.port}` : null,
      };
    }),
  };
}

/** The `name` of the coldkey's identity (IdentitiesV2), or null. */
async function identityName(client: ChainClient, coldkey: string, at: BlockId): Promise<string | null> {
  const raw = await client.queryTyped<{ name?: string } | null>(
    "SubtensorModule",
    "IdentitiesV2",
    [coldkey],
    at,
  );
  return bytesText(raw?.name) || null;
}
