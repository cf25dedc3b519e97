// A hotkey's stake pool on a subnet (economics §5.6, Subtensor's `share-pool`): nominators own shares,
// the pool's value is TotalHotkeyAlpha. Dividends raise the value and leave the shares; staking and
// unstaking move shares in proportion. Shares are exact integers scaled by 2^64 so nothing is lost to
// rounding in the shares themselves; values are floored as Subtensor floors them.
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { SubtensorStorage as S } from "../storage.js";

const SHARE_SCALE = 1n << 64n;

/** The alpha `coldkey` owns in `hotkey`'s pool on `netuid`: floor(value · shares / total shares). */
export function stakeOf(store: KeyValueReader, hotkey: string, coldkey: string, netuid: number): bigint {
  const shares = S.AlphaShares.get(store, hotkey, [coldkey, netuid]);
  if (shares === 0n) return 0n;
  const total = S.TotalHotkeyShares.get(store, hotkey, netuid);
  if (total === 0n) return 0n;
  return (S.TotalHotkeyAlpha.get(store, hotkey, netuid) * shares) / total;
}

/** Every (coldkey, netuid, alpha) staked to `hotkey`. */
export function nominatorsOf(
  store: KeyValueReader,
  hotkey: string,
): { coldkey: string; netuid: number; alpha: bigint }[] {
  return [...S.AlphaShares.entriesOf(store, hotkey)].map(([[coldkey, netuid]]) => ({
    coldkey,
    netuid,
    alpha: stakeOf(store, hotkey, coldkey, netuid),
  }));
}

/**
 * Adds `amount` alpha to `coldkey`'s stake and lists `hotkey` in the coldkey's StakingHotkeys, as
 * Subtensor's `increase_stake_for_hotkey_and_coldkey_on_subnet` does, so stake the coinbase credits
 * is found by the coldkey swap and root claims. False when the share change would round to nothing.
 */
export function increaseStake(
  store: KeyValueStore,
  hotkey: string,
  coldkey: string,
  netuid: number,
  amount: bigint,
): boolean {
  if (amount === 0n) return true;
  S.StakingHotkeys.mutate(store, coldkey, (list) => (list.includes(hotkey) ? list : [...list, hotkey]));
  const value = S.TotalHotkeyAlpha.get(store, hotkey, netuid);
  const total = S.TotalHotkeyShares.get(store, hotkey, netuid);
  const delta = total === 0n || value === 0n ? amount * SHARE_SCALE : (amount * total) / value;
  if (delta === 0n) return false;
  S.AlphaShares.mutate(store, hotkey, [coldkey, netuid], (s) => s + delta);
  S.TotalHotkeyShares.set(store, hotkey, netuid, (value === 0n ? 0n : total) + delta);
  S.TotalHotkeyAlpha.set(store, hotkey, netuid, value + amount);
  return true;
}

/** Removes `amount` alpha (at most what `coldkey` owns) and returns what was removed. */
export function decreaseStake(
  store: KeyValueStore,
  hotkey: string,
  coldkey: string,
  netuid: number,
  amount: bigint,
): bigint {
  const owned = stakeOf(store, hotkey, coldkey, netuid);
  const take = amount < owned ? amount : owned;
  if (take === 0n) return 0n;
  const value = S.TotalHotkeyAlpha.get(store, hotkey, netuid);
  const total = S.TotalHotkeyShares.get(store, hotkey, netuid);
  const shares = S.AlphaShares.get(store, hotkey, [coldkey, netuid]);
  // Taking everything the coldkey owns removes all its shares, so no dust is stranded.
  const delta = take === owned ? shares : (take * total) / value;
  const left = shares - delta;
  if (left === 0n) S.AlphaShares.remove(store, hotkey, [coldkey, netuid]);
  else S.AlphaShares.set(store, hotkey, [coldkey, netuid], left);
  S.TotalHotkeyShares.set(store, hotkey, netuid, total - delta);
  S.TotalHotkeyAlpha.set(store, hotkey, netuid, value - take);
  return take;
}

/** Dividends: the whole pool grows; every nominator's share of it is unchanged. */
export function addToPool(store: KeyValueStore, hotkey: string, netuid: number, amount: bigint): void {
  S.TotalHotkeyAlpha.mutate(store, hotkey, netuid, (v) => v + amount);
}
