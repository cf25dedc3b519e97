// Nominations below NominatorMinRequiredStake are force-unstaked (Subtensor's staking/helpers.rs
// `clear_small_nomination_if_required`): after each unstake, and for every nomination when root raises
// the minimum. Only nominations: a coldkey's stake on its own hotkey is never cleared.
import { U64F64 } from "@opentao/primitives";
import { fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
import { spotPrice } from "../pool/balancer.js";
import { poolOf } from "../pool/pool-state.js";
import { SubtensorStorage as S } from "../storage.js";
import { decreaseStake, stakeOf } from "./share-pool.js";
import { unstakeAlpha } from "./stake-ops.js";

const U64_MAX = 2n ** 64n - 1n;

/** `get_nominator_min_required_stake`: DefaultMinStake × the per-million factor [rao]. */
export function nominatorMinRequiredStake(store: KeyValueReader): bigint {
  const product = S.DefaultMinStake.get(store) * S.NominatorMinRequiredStake.get(store);
  return (product > U64_MAX ? U64_MAX : product) / 1_000_000n;
}

export function clearSmallNominationIfRequired(
  scope: Scope,
  hotkey: string,
  coldkey: string,
  netuid: number,
): void {
  const { store } = scope;
  if (S.Owner.contains(store, hotkey) && S.Owner.get(store, hotkey) === coldkey) return;
  const alpha = stakeOf(store, hotkey, coldkey, netuid);
  const price = spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid));
  const minAlpha = U64F64.saturatingFromNum(nominatorMinRequiredStake(store))
    .safeDiv(price)
    .saturatingToNum("u64");
  if (alpha === 0n || alpha >= minAlpha) return;
  const sold = scope.transaction((s) => {
    const r = unstakeAlpha(s, coldkey, hotkey, netuid, alpha);
    return r.ok ? OK : fail(r.error);
  });
  // A nomination the pool cannot buy back is removed all the same.
  if (!sold.ok) decreaseStake(store, hotkey, coldkey, netuid, stakeOf(store, hotkey, coldkey, netuid));
}

/** `clear_small_nominations`: every (hotkey, coldkey, netuid) stake, checked once. */
export function clearSmallNominations(scope: Scope): void {
  const keys = [...S.AlphaShares.entries(scope.store)].map(([hotkey, [coldkey, netuid]]) => ({
    hotkey,
    coldkey,
    netuid,
  }));
  for (const k of keys) clearSmallNominationIfRequired(scope, k.hotkey, k.coldkey, k.netuid);
}
