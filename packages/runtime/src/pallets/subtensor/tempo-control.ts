// Owner control of a subnet's epochs: set_tempo, set_activity_cutoff_factor, trigger_epoch
// (economics §3.1; Subtensor's coinbase/tempo_control.rs).
import { Struct, u16, u32 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { weight } from "../../frame/weights.js";
import { inAdminFreezeWindow, ownerRateLimited, recordOwnerUpdate } from "../admin-utils/access.js";
import { readSchedule, writeSchedule } from "./epoch-schedule.js";
import { SubtensorErrors as E } from "./errors.js";
import { applyTempoWithCycleReset, triggerEpoch as scheduleTrigger } from "./scheduler.js";
import { SubtensorStorage as S } from "./storage.js";
import { subnetExists } from "./subnets.js";

// Rate-limit keys of these SubtensorModule calls in LastHyperparamUpdate, apart from AdminUtils' indexes.
const KEY = { setTempo: 1139, activityCutoffFactor: 1140, triggerEpoch: 1141 } as const;

function ownerOf(scope: Scope, origin: Origin, netuid: number): string | undefined {
  if (origin.kind !== "Signed" || !subnetExists(scope.store, netuid)) return undefined;
  return S.SubnetOwner.get(scope.store, netuid) === origin.who ? origin.who : undefined;
}

export const setTempo = defineCall({
  pallet: "SubtensorModule",
  name: "set_tempo",
  index: 139,
  args: Struct({ netuid: u16, tempo: u16 }),
  weight: () => weight(20_000_000n, 4, 3),
  pays: true,
  dispatch: (scope, origin, { netuid, tempo }): DispatchResult => {
    if (!ownerOf(scope, origin, netuid)) return badOrigin();
    const { minTempo, maxTempo } = scope.env.preset.bounds;
    if (tempo < minTempo || tempo > maxTempo) return fail(E.TempoOutOfBounds);
    if (inAdminFreezeWindow(scope, netuid)) return fail(E.AdminActionProhibitedDuringWeightsWindow);
    const limited = ownerRateLimited(
      scope,
      netuid,
      KEY.setTempo,
      BigInt(scope.env.preset.rateLimits.setTempoRateLimit),
    );
    if (limited) return fail(limited);
    const now = BigInt(scope.env.block.number);
    writeSchedule(
      scope.store,
      netuid,
      applyTempoWithCycleReset(readSchedule(scope.store, netuid), tempo, now),
    );
    recordOwnerUpdate(scope, netuid, KEY.setTempo);
    scope.emit("SubtensorModule", "TempoSet", { netuid, tempo });
    return OK;
  },
});

export const setActivityCutoffFactor = defineCall({
  pallet: "SubtensorModule",
  name: "set_activity_cutoff_factor",
  index: 140,
  args: Struct({ netuid: u16, factorMilli: u32 }),
  weight: () => weight(15_000_000n, 3, 2),
  pays: true,
  dispatch: (scope, origin, { netuid, factorMilli }): DispatchResult => {
    const owner = ownerOf(scope, origin, netuid);
    if (!owner && origin.kind !== "Root") return badOrigin();
    const { minActivityCutoffFactorMilli: min, maxActivityCutoffFactorMilli: max } = scope.env.preset.bounds;
    if (factorMilli < min || factorMilli > max) return fail(E.ActivityCutoffFactorMilliOutOfBounds);
    if (owner) {
      if (inAdminFreezeWindow(scope, netuid)) return fail(E.AdminActionProhibitedDuringWeightsWindow);
      const limit =
        BigInt(S.OwnerHyperparamRateLimit.get(scope.store)) * BigInt(S.Tempo.get(scope.store, netuid));
      const limited = ownerRateLimited(scope, netuid, KEY.activityCutoffFactor, limit);
      if (limited) return fail(limited);
      recordOwnerUpdate(scope, netuid, KEY.activityCutoffFactor);
    }
    S.ActivityCutoffFactorMilli.set(scope.store, netuid, factorMilli);
    return OK;
  },
});

/** The owner asks for an epoch AdminFreezeWindow blocks from now (not with commit-reveal on). */
export const triggerEpoch = defineCall({
  pallet: "SubtensorModule",
  name: "trigger_epoch",
  index: 141,
  args: Struct({ netuid: u16 }),
  weight: () => weight(20_000_000n, 5, 2),
  pays: true,
  dispatch: (scope, origin, { netuid }): DispatchResult => {
    const owner = ownerOf(scope, origin, netuid);
    if (!owner) return badOrigin();
    const { store } = scope;
    const now = BigInt(scope.env.block.number);
    const triggered = scheduleTrigger(
      readSchedule(store, netuid),
      now,
      S.AdminFreezeWindow.get(store),
      S.CommitRevealWeightsEnabled.get(store, netuid),
    );
    if (!triggered.ok) return fail(E[triggered.error]);
    const limit = BigInt(S.OwnerHyperparamRateLimit.get(store)) * BigInt(S.Tempo.get(store, netuid));
    const limited = ownerRateLimited(scope, netuid, KEY.triggerEpoch, limit);
    if (limited) return fail(limited);
    const { firesAt } = triggered;
    writeSchedule(store, netuid, triggered.schedule);
    recordOwnerUpdate(scope, netuid, KEY.triggerEpoch);
    scope.emit("SubtensorModule", "EpochTriggered", { netuid, by: owner, firesAt });
    return OK;
  },
});
