import type { KeyValueReader } from "../../../storage/store.js";
import { SubtensorStorage as S } from "../storage.js";

const U64_MAX = 2n ** 64n - 1n;

/**
 * The stake that entitles a hotkey to set weights on a subnet (economics §8.1): its alpha there plus
 * TaoWeight × its root stake. Child-key inheritance (§8.2) adjusts both terms once child keys exist.
 */
export function stakeWeightForWeights(store: KeyValueReader, netuid: number, hotkey: string): bigint {
  const alpha = S.TotalHotkeyAlpha.get(store, hotkey, netuid);
  const root = S.TotalHotkeyAlpha.get(store, hotkey, 0);
  return alpha + (root * S.TaoWeight.get(store)) / U64_MAX;
}

export function meetsStakeThreshold(store: KeyValueReader, netuid: number, hotkey: string): boolean {
  return stakeWeightForWeights(store, netuid, hotkey) >= S.StakeThreshold.get(store);
}
