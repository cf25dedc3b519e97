// set_weights' checks in Subtensor's order (transactions.md §4.3) and the stored, max-upscaled row.
import { vecU16MaxUpscaleToU16 } from "@opentao/primitives";
import { type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { SubtensorErrors as E } from "../errors.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID, subnetExists } from "../subnets.js";
import { meetsStakeThreshold } from "./stake.js";

export interface WeightsInput {
  netuid: number;
  /** Mechanism (sub-subnet) id; 0 is the main one. */
  mecid?: number;
  uids: readonly number[];
  values: readonly number[];
  versionKey: bigint;
}

/** Weights, bonds and last-update rows are stored per mechanism: index = mecid · 4096 + netuid. */
export const netuidIndex = (netuid: number, mecid = 0): number => mecid * 4096 + netuid;

export function mechanismExists(scope: Scope, netuid: number, mecid: number): boolean {
  return subnetExists(scope.store, netuid) && mecid < S.MechanismCountCurrent.get(scope.store, netuid);
}

/** `LastUpdate[uid] == 0` or `now − LastUpdate[uid] ≥ WeightsSetRateLimit`. */
export function weightsRateLimitPasses(scope: Scope, netuid: number, uid: number, mecid = 0): boolean {
  const last = S.LastUpdate.get(scope.store, netuidIndex(netuid, mecid))[uid] ?? 0n;
  if (last === 0n) return true;
  return BigInt(scope.env.block.number) - last >= S.WeightsSetRateLimit.get(scope.store, netuid);
}

/**
 * `internal_set_weights`: every check, then store `Weights[netuid][uid]`. A reveal skips the rate limit
 * and leaves `LastUpdate` alone (`fromReveal`).
 */
export function setWeights(
  scope: Scope,
  hotkey: string,
  input: WeightsInput,
  fromReveal = false,
): DispatchResult {
  const { store } = scope;
  const { netuid, uids, values, versionKey } = input;
  const mecid = input.mecid ?? 0;
  const index = netuidIndex(netuid, mecid);
  if (netuid === ROOT_NETUID) return fail(E.CanNotSetRootNetworkWeights);
  if (uids.length !== values.length) return fail(E.WeightVecNotEqualSize);
  if (!mechanismExists(scope, netuid, mecid)) return fail(E.MechanismDoesNotExist);
  const n = S.SubnetworkN.get(store, netuid);
  if (uids.length > n) return fail(E.UidsLengthExceedUidsInSubNet);
  const uid = S.Uids.get(store, netuid, hotkey);
  if (uid === undefined) return fail(E.HotKeyNotRegisteredInSubNet);
  const isOwnerHotkey = S.SubnetOwnerHotkey.get(store, netuid) === hotkey;
  if (!isOwnerHotkey && !meetsStakeThreshold(store, netuid, hotkey))
    return fail(E.NotEnoughStakeToSetWeights);
  const required = S.WeightsVersionKey.get(store, netuid);
  if (required !== 0n && versionKey < required) return fail(E.IncorrectWeightVersionKey);
  const commitReveal = S.CommitRevealWeightsEnabled.get(store, netuid);
  if (!fromReveal && !commitReveal && !weightsRateLimitPasses(scope, netuid, uid, mecid))
    return fail(E.SettingWeightsTooFast);
  const selfWeight = uids.length === 1 && uids[0] === uid;
  if (!selfWeight && !isOwnerHotkey && !S.ValidatorPermit.get(store, netuid)[uid])
    return fail(E.NeuronNoValidatorPermit);
  if (new Set(uids).size !== uids.length) return fail(E.DuplicateUids);
  if (uids.some((u) => u >= n)) return fail(E.UidVecContainInvalidOne);
  if (!selfWeight && values.length < Math.min(S.MinAllowedWeights.get(store, netuid), n))
    return fail(E.WeightVecLengthIsLow);
  const upscaled = vecU16MaxUpscaleToU16(values);
  S.Weights.set(
    store,
    index,
    uid,
    uids.map((u, i) => [u, upscaled[i]!] as [number, number]),
  );
  if (!fromReveal && !commitReveal) {
    setLastUpdate(scope, index, uid);
  }
  scope.emit("SubtensorModule", "WeightsSet", { netuidIndex: index, uid });
  return OK;
}

export function setLastUpdate(scope: Scope, index: number, uid: number): void {
  const now = BigInt(scope.env.block.number);
  S.LastUpdate.mutate(scope.store, index, (v) => {
    const next = [...v];
    while (next.length <= uid) next.push(0n);
    next[uid] = now;
    return next;
  });
}
