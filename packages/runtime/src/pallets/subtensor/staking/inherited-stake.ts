// Stake inherited through child keys (economics §8.2): a parent lends a proportion of its own stake on a
// subnet to each child. The arithmetic is Subtensor's, in U96F32 (`get_inherited_for_hotkey_on_subnet`),
// so the rounding matches to the rao; the consensus stake combines alpha and root TAO with the TAO
// weight in I64F64 (`get_stake_weights_for_hotkey_on_subnet`).
import { I64F64, U96F32 } from "@opentao/primitives";
import type { KeyValueReader } from "../../../storage/store.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID } from "../subnets.js";

const U64_MAX = 2n ** 64n - 1n;
const U64_MAX_FIXED = U96F32.fromInt(U64_MAX);

/** proportion / u64::MAX as U96F32: the fraction keeps 32 bits, truncated (u64::MAX/4 → 1073741823/2^32). */
export function normalizedProportion(proportion: bigint): U96F32 {
  return U96F32.saturatingFromNum(proportion).safeDiv(U64_MAX_FIXED);
}

export interface ParentLink {
  proportion: bigint;
  /** The parent's own stake (alpha on the subnet, or root TAO). */
  stake: bigint;
}

/**
 * own − Σ_children own·q_c + Σ_parents stake_p·q_p, each term in U96F32, floored to an integer at the
 * end (saturating at 0 and u64::MAX).
 */
export function inheritedStake(
  own: bigint,
  childProportions: readonly bigint[],
  parents: readonly ParentLink[],
): bigint {
  const initial = U96F32.saturatingFromNum(own);
  let toChildren = U96F32.ZERO;
  for (const q of childProportions) {
    toChildren = toChildren.saturatingAdd(initial.saturatingMul(normalizedProportion(q)));
  }
  let fromParents = U96F32.ZERO;
  for (const { proportion, stake } of parents) {
    fromParents = fromParents.saturatingAdd(
      U96F32.saturatingFromNum(stake).saturatingMul(normalizedProportion(proportion)),
    );
  }
  return initial.saturatingSub(toChildren).saturatingAdd(fromParents).saturatingToNum("u64");
}

const ownStake = (store: KeyValueReader, hotkey: string, netuid: number) =>
  S.TotalHotkeyAlpha.get(store, hotkey, netuid);

/**
 * A hotkey's stake on `stakeNetuid` adjusted by its child/parent links on `linkNetuid`: alpha uses the
 * subnet for both, TAO reads root stakes through the subnet's links.
 */
function inheritedOn(store: KeyValueReader, hotkey: string, linkNetuid: number, stakeNetuid: number): bigint {
  const children = S.ChildKeys.get(store, hotkey, linkNetuid).map(([q]) => q);
  const parents = S.ParentKeys.get(store, hotkey, linkNetuid).map(([proportion, parent]) => ({
    proportion,
    stake: ownStake(store, parent, stakeNetuid),
  }));
  return inheritedStake(ownStake(store, hotkey, stakeNetuid), children, parents);
}

/** `get_inherited_for_hotkey_on_subnet`: alpha after child keys; none on root. */
export function inheritedAlpha(store: KeyValueReader, hotkey: string, netuid: number): bigint {
  if (netuid === ROOT_NETUID) return ownStake(store, hotkey, ROOT_NETUID);
  return inheritedOn(store, hotkey, netuid, netuid);
}

/** `get_tao_inherited_for_hotkey_on_subnet`: root TAO through this subnet's child/parent links. */
export function inheritedTao(store: KeyValueReader, hotkey: string, netuid: number): bigint {
  return inheritedOn(store, hotkey, netuid, ROOT_NETUID);
}

/** `get_tao_weight`: TaoWeight / u64::MAX as U96F32. */
export function taoWeight(store: KeyValueReader): U96F32 {
  return U96F32.saturatingFromNum(S.TaoWeight.get(store)).safeDiv(U64_MAX_FIXED);
}

export interface StakeWeights {
  /** alpha + tao × tao_weight: the consensus stake. */
  total: I64F64;
  alpha: I64F64;
  tao: I64F64;
}

function combine(alpha: bigint, tao: bigint, weight: I64F64): StakeWeights {
  const a = I64F64.saturatingFromNum(alpha);
  const t = I64F64.saturatingFromNum(tao);
  return { total: a.saturatingAdd(t.saturatingMul(weight)), alpha: a, tao: t };
}

/** `get_stake_weights_for_hotkey_on_subnet`: (total, alpha, tao), inherited, in I64F64. */
export function stakeWeightsForHotkey(store: KeyValueReader, hotkey: string, netuid: number): StakeWeights {
  const weight = I64F64.saturatingFromNum(taoWeight(store));
  return combine(inheritedAlpha(store, hotkey, netuid), inheritedTao(store, hotkey, netuid), weight);
}

/** `get_stake_weights_for_network`: the same for every uid of the subnet, in uid order. */
export function stakeWeightsForNetwork(store: KeyValueReader, netuid: number): StakeWeights[] {
  const weight = I64F64.saturatingFromNum(taoWeight(store));
  const n = S.SubnetworkN.get(store, netuid);
  const out: StakeWeights[] = [];
  for (let uid = 0; uid < n; uid++) {
    const hotkey = S.Keys.getOptional(store, netuid, uid);
    out.push(
      hotkey === undefined
        ? combine(0n, 0n, weight)
        : combine(inheritedAlpha(store, hotkey, netuid), inheritedTao(store, hotkey, netuid), weight),
    );
  }
  return out;
}
