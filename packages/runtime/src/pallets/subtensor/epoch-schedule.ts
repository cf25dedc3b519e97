// The epoch scheduler's state in storage, read into and written from the pure `EpochSchedule` of
// `scheduler.ts`, which holds every rule (economics §3.1).
import type { Scope } from "../../frame/scope.js";
import type { KeyValueReader, KeyValueStore } from "../../storage/store.js";
import * as schedule from "./scheduler.js";
import { SubtensorStorage as S } from "./storage.js";
import { allNetuids, ROOT_NETUID } from "./subnets.js";

export function readSchedule(store: KeyValueReader, netuid: number): schedule.EpochSchedule {
  return {
    tempo: S.Tempo.get(store, netuid),
    lastEpochBlock: S.LastEpochBlock.get(store, netuid),
    pendingEpochAt: S.PendingEpochAt.get(store, netuid),
    blocksSinceLastStep: S.BlocksSinceLastStep.get(store, netuid),
    epochIndex: S.SubnetEpochIndex.get(store, netuid),
  };
}

export function writeSchedule(store: KeyValueStore, netuid: number, s: schedule.EpochSchedule): void {
  S.Tempo.set(store, netuid, s.tempo);
  S.LastEpochBlock.set(store, netuid, s.lastEpochBlock);
  S.PendingEpochAt.set(store, netuid, s.pendingEpochAt);
  S.BlocksSinceLastStep.set(store, netuid, s.blocksSinceLastStep);
  S.SubnetEpochIndex.set(store, netuid, s.epochIndex);
}

const maxTempo = (scope: Scope) => scope.env.preset.bounds.maxTempo;
const now = (scope: Scope) => BigInt(scope.env.block.number);

/** The epoch a commit or reveal in this block belongs to. */
export function currentEpochWithLookahead(scope: Scope, netuid: number): bigint {
  return schedule.currentEpochWithLookahead(readSchedule(scope.store, netuid), now(scope), maxTempo(scope));
}

export function blocksUntilNextEpoch(scope: Scope, netuid: number): bigint {
  const s = readSchedule(scope.store, netuid);
  return schedule.blocksUntilNextEpoch(s.tempo, s.lastEpochBlock, now(scope));
}

export function inAdminFreezeWindow(scope: Scope, netuid: number): boolean {
  return schedule.isInAdminFreezeWindow(
    readSchedule(scope.store, netuid),
    now(scope),
    S.AdminFreezeWindow.get(scope.store),
  );
}

/**
 * A subnet's epoch is skipped when its key maps are inconsistent: a hotkey holding two uids shows as
 * fewer `Uids` entries than neurons.
 */
function consistent(store: KeyValueReader, netuid: number): boolean {
  return S.Uids.countOf(store, netuid) === S.SubnetworkN.get(store, netuid);
}

/**
 * `drain_pending`'s bookkeeping for this block over the non-root subnets; returns those whose epoch
 * runs now (what runs at an epoch comes with the emission issue).
 */
export function stepSchedules(scope: Scope): number[] {
  const { store } = scope;
  const block = now(scope);
  const subnets = allNetuids(store)
    .filter((n) => n !== ROOT_NETUID)
    .map((netuid) => {
      const s = readSchedule(store, netuid);
      // Checking the keys costs a read per uid: only worth it for a subnet whose epoch is due.
      const due = schedule.shouldRunEpoch(
        { ...s, blocksSinceLastStep: s.blocksSinceLastStep + 1n },
        block,
        maxTempo(scope),
      );
      return { netuid, schedule: s, consistent: !due || consistent(store, netuid) };
    });
  const results = schedule.stepEpochSchedules(
    subnets,
    block,
    S.MaxEpochsPerBlock.get(store),
    maxTempo(scope),
  );
  const ran: number[] = [];
  for (const r of results) {
    writeSchedule(store, r.netuid, r.schedule);
    if (r.action === "run") ran.push(r.netuid);
    if (r.action === "deferred")
      scope.emit("SubtensorModule", "EpochDeferred", { netuid: r.netuid, block: now(scope) });
    if (r.action === "skipped")
      scope.emit("SubtensorModule", "EpochSkipped", { netuid: r.netuid, block: now(scope) });
  }
  return ran;
}
