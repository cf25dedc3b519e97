import type { KeyValueReader } from "../../../storage/store.js";
import { stakeWeightsForHotkey } from "../staking/inherited-stake.js";
import { SubtensorStorage as S } from "../storage.js";

/**
 * The stake that entitles a hotkey to set weights on a subnet (economics §8.1–8.2): its alpha there
 * plus TaoWeight × its root stake, both after child-key inheritance on this subnet, floored to rao.
 * The epoch reads the same function (`stakeWeightsForNetwork`) for its stake vector.
 */
export function stakeWeightForWeights(store: KeyValueReader, netuid: number, hotkey: string): bigint {
  return stakeWeightsForHotkey(store, hotkey, netuid).total.saturatingToNum("u64");
}

/** `check_weights_min_stake` without the owner exemption (the callers check the owner first). */
export function meetsStakeThreshold(store: KeyValueReader, netuid: number, hotkey: string): boolean {
  return stakeWeightForWeights(store, netuid, hotkey) >= S.StakeThreshold.get(store);
}
