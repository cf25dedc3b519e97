import type { KeyValueReader } from "../../../storage/store.js";
import { SubtensorStorage as S } from "../storage.js";

/**
 * The stake that entitles a hotkey to set weights on a subnet. Today: the alpha staked to it there.
 * The staking issue replaces this with Subtensor's stake weight (inherited alpha + tao weight ×
 * inherited root stake, child and parent adjusted); every caller goes through this one function.
 */
export function stakeWeightForWeights(store: KeyValueReader, netuid: number, hotkey: string): bigint {
  return S.TotalHotkeyAlpha.get(store, hotkey, netuid);
}

export function meetsStakeThreshold(store: KeyValueReader, netuid: number, hotkey: string): boolean {
  return stakeWeightForWeights(store, netuid, hotkey) >= S.StakeThreshold.get(store);
}
