// Chain reads the commands share; amounts come back as bigint rao.
import type { BlockId, ChainClient } from "@opentao/sdk";

export async function freeBalance(client: ChainClient, address: string, at?: BlockId): Promise<bigint> {
  const account = await client.queryTyped<{ data: { free: string } }>("System", "Account", [address], at);
  return BigInt(account.data.free);
}

export interface StakeRow {
  hotkey: string;
  coldkey: string;
  netuid: number;
  /** Alpha (rao) on that subnet. */
  stake: bigint;
  /** Its TAO worth (rao) at the pool's price now. */
  value: bigint;
}

export async function stakeOfColdkey(
  client: ChainClient,
  coldkey: string,
  at?: BlockId,
): Promise<StakeRow[]> {
  const rows = await client.call<
    { hotkey: string; coldkey: string; netuid: number; stake: string; value: string }[]
  >("stakeInfo_getStakeInfoForColdkey", at === undefined ? [coldkey] : [coldkey, at]);
  return rows.map((r) => ({ ...r, stake: BigInt(r.stake), value: BigInt(r.value) }));
}

/** Free balance and staked value (TAO) of each address, read at one block. */
export async function balancesOf(
  client: ChainClient,
  addresses: readonly string[],
): Promise<{ free: bigint; staked: bigint }[]> {
  const at = (await client.header()).hash;
  return Promise.all(
    addresses.map(async (a) => {
      const [free, stakes] = await Promise.all([freeBalance(client, a, at), stakeOfColdkey(client, a, at)]);
      return { free, staked: stakes.reduce((sum, s) => sum + s.value, 0n) };
    }),
  );
}

/** The owner coldkey of a hotkey, or undefined when the hotkey has never been registered. */
export async function hotkeyOwner(client: ChainClient, hotkey: string): Promise<string | undefined> {
  const owner = await client.queryTyped<string>("SubtensorModule", "Owner", [hotkey]);
  return owner === ZERO_ACCOUNT ? undefined : owner;
}

/** Subtensor's default AccountId (32 zero bytes): what `Owner` holds for a hotkey nobody owns. */
export const ZERO_ACCOUNT = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";
