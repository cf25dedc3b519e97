// The dense index of coldkeys with root stake (`StakingColdkeys` ⇄ `StakingColdkeysByIndex`, 0…n−1)
// from which every block draws the coldkeys whose root dividends it claims.
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { stakeOf } from "../staking/share-pool.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID } from "../subnets.js";
import { RootClaimStorage as R } from "./storage.js";

/** `maybe_add_coldkey_index`: appends the coldkey unless it is indexed already. */
export function indexColdkey(store: KeyValueStore, coldkey: string): void {
  if (R.StakingColdkeys.contains(store, coldkey)) return;
  const n = R.NumStakingColdkeys.get(store);
  R.StakingColdkeysByIndex.set(store, n, coldkey);
  R.StakingColdkeys.set(store, coldkey, n);
  R.NumStakingColdkeys.set(store, n + 1n);
}

/** `maybe_remove_coldkey_index`: the last entry takes the freed slot, so the index stays dense. */
export function unindexColdkey(store: KeyValueStore, coldkey: string): void {
  const index = R.StakingColdkeys.getOptional(store, coldkey);
  if (index === undefined) return;
  R.StakingColdkeys.remove(store, coldkey);
  const last = R.NumStakingColdkeys.get(store) - 1n;
  const moved = index !== last ? R.StakingColdkeysByIndex.getOptional(store, last) : undefined;
  if (moved !== undefined) {
    R.StakingColdkeysByIndex.remove(store, last);
    R.StakingColdkeysByIndex.set(store, index, moved);
    R.StakingColdkeys.set(store, moved, index);
  } else {
    R.StakingColdkeysByIndex.remove(store, index);
  }
  R.NumStakingColdkeys.set(store, last);
}

export function hasRootStake(store: KeyValueReader, coldkey: string): boolean {
  return S.StakingHotkeys.get(store, coldkey).some(
    (hotkey) => stakeOf(store, hotkey, coldkey, ROOT_NETUID) > 0n,
  );
}
