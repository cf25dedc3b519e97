// When a subnet's epoch runs: Subtensor's stateful scheduler (spec §3.1; `coinbase/run_coinbase.rs`
// `should_run_epoch`, `blocks_until_next_auto_epoch`, `get_next_epoch_start_block`,
// `epochs_deferred_this_block`, `drain_pending`; `subnets/subnet.rs` `init_new_network`;
// `coinbase/tempo_control.rs` `do_trigger_epoch`; `utils/misc.rs` freeze window and tempo reset),
// as pure transitions over each subnet's small schedule record. The legacy stateless formula survives
// only in `get_first_block_of_epoch` and is kept separately.

const U64_MAX = (1n << 64n) - 1n;
const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);
const satAdd64 = (a: bigint, b: bigint): bigint => (a + b > U64_MAX ? U64_MAX : a + b);

/** A subnet's scheduling state (Tempo, LastEpochBlock, PendingEpochAt, BlocksSinceLastStep, SubnetEpochIndex). */
export interface EpochSchedule {
  /** Tempo [blocks, u16]; 0 = the subnet never runs an epoch */
  readonly tempo: number;
  /** LastEpochBlock: the block of the last epoch slot (run or skipped) */
  readonly lastEpochBlock: bigint;
  /** PendingEpochAt: block of an owner-triggered or deferred epoch; 0 = none */
  readonly pendingEpochAt: bigint;
  /** BlocksSinceLastStep: blocks since the last epoch that actually ran */
  readonly blocksSinceLastStep: bigint;
  /** SubnetEpochIndex: epoch slots consumed so far */
  readonly epochIndex: bigint;
}

/**
 * `should_run_epoch`: never with tempo 0; yes when a pending epoch is due; yes as a safety net when more
 * than `maxTempo` (MAX_TEMPO, 50 400) blocks passed without a run; else when `tempo` blocks have passed
 * since LastEpochBlock.
 */
export function shouldRunEpoch(s: EpochSchedule, block: bigint, maxTempo: number): boolean {
  if (s.tempo === 0) return false;
  if (s.pendingEpochAt > 0n && block >= s.pendingEpochAt) return true;
  if (s.blocksSinceLastStep > BigInt(maxTempo)) return true;
  return satSub(block, s.lastEpochBlock) >= BigInt(s.tempo);
}

/**
 * `blocks_until_next_auto_epoch`: (LastEpochBlock + tempo) − block, saturating at 0; u64::MAX for tempo 0.
 * Ignores pending epochs, the safety net and deferral.
 */
export function blocksUntilNextEpoch(tempo: number, lastEpochBlock: bigint, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  return satSub(satAdd64(lastEpochBlock, BigInt(tempo)), block);
}

/** `get_next_epoch_start_block`: min(LastEpochBlock + tempo, PendingEpochAt if set); undefined for tempo 0. */
export function nextEpochStartBlock(s: EpochSchedule): bigint | undefined {
  if (s.tempo === 0) return undefined;
  const auto = satAdd64(s.lastEpochBlock, BigInt(s.tempo));
  return s.pendingEpochAt > 0n && s.pendingEpochAt < auto ? s.pendingEpochAt : auto;
}

/** LastEpochBlock of a new subnet (`init_new_network`): now − (netuid mod max(tempo, 1)), saturating. */
export function initialLastEpochBlock(netuid: number, tempo: number, now: bigint): bigint {
  const period = BigInt(Math.max(tempo, 1));
  return satSub(now, BigInt(netuid) % period);
}

/** The schedule record of a subnet created at `now` with `tempo`. */
export function newEpochSchedule(netuid: number, tempo: number, now: bigint): EpochSchedule {
  return {
    tempo,
    lastEpochBlock: initialLastEpochBlock(netuid, tempo, now),
    pendingEpochAt: 0n,
    blocksSinceLastStep: 0n,
    epochIndex: 0n,
  };
}

/** `current_epoch_with_lookahead`: SubnetEpochIndex, plus one when an epoch is due this block. */
export function currentEpochWithLookahead(s: EpochSchedule, block: bigint, maxTempo: number): bigint {
  return shouldRunEpoch(s, block, maxTempo) ? satAdd64(s.epochIndex, 1n) : s.epochIndex;
}

/** One subnet as `drain_pending` sees it, in netuid order. */
export interface ScheduledSubnet {
  readonly netuid: number;
  readonly schedule: EpochSchedule;
  /** `is_epoch_input_state_consistent` (no duplicate hotkeys in Keys); an inconsistent epoch is skipped */
  readonly consistent: boolean;
}

/** What happened to one subnet this block. */
export type EpochAction = "idle" | "run" | "skipped" | "deferred";

/** A subnet after this block's scheduling step. */
export interface ScheduledSubnetResult {
  readonly netuid: number;
  readonly schedule: EpochSchedule;
  /**
   * idle: not due; run: the epoch runs (drain the pending emission, distribute, LastMechansimStepBlock = block);
   * skipped: due but inconsistent (slot consumed, emission keeps accumulating, event EpochSkipped);
   * deferred: due but the per-block cap was reached (PendingEpochAt = block + 1, event EpochDeferred).
   */
  readonly action: EpochAction;
}

/**
 * `drain_pending`'s schedule bookkeeping for one block, over the non-root subnets in netuid order:
 * every subnet's BlocksSinceLastStep += 1; a due subnet beyond `maxEpochsPerBlock` runs is deferred one
 * block; otherwise a consistent one runs (BlocksSinceLastStep = 0, counted against the cap) and an
 * inconsistent one is skipped (not counted); in both cases LastEpochBlock = block, PendingEpochAt = 0
 * and SubnetEpochIndex += 1.
 */
export function stepEpochSchedules(
  subnets: readonly ScheduledSubnet[],
  block: bigint,
  maxEpochsPerBlock: number,
  maxTempo: number,
): ScheduledSubnetResult[] {
  let ran = 0;
  return subnets.map(({ netuid, schedule, consistent }) => {
    const s: EpochSchedule = { ...schedule, blocksSinceLastStep: satAdd64(schedule.blocksSinceLastStep, 1n) };
    if (!shouldRunEpoch(s, block, maxTempo)) return { netuid, schedule: s, action: "idle" };
    if (ran >= maxEpochsPerBlock) {
      return { netuid, schedule: { ...s, pendingEpochAt: satAdd64(block, 1n) }, action: "deferred" };
    }
    if (consistent) ran += 1;
    const after: EpochSchedule = {
      ...s,
      blocksSinceLastStep: consistent ? 0n : s.blocksSinceLastStep,
      lastEpochBlock: block,
      pendingEpochAt: 0n,
      epochIndex: satAdd64(s.epochIndex, 1n),
    };
    return { netuid, schedule: after, action: consistent ? "run" : "skipped" };
  });
}

/**
 * `epochs_deferred_this_block`: the netuids that are due this block but will be deferred by the cap,
 * evaluated on the schedules as they are before `drain_pending` (the reveal logic asks this first).
 */
export function epochsDeferredThisBlock(
  subnets: readonly ScheduledSubnet[],
  block: bigint,
  maxEpochsPerBlock: number,
  maxTempo: number,
): number[] {
  const deferred: number[] = [];
  let ran = 0;
  for (const { netuid, schedule, consistent } of subnets) {
    if (!shouldRunEpoch(schedule, block, maxTempo)) continue;
    if (ran >= maxEpochsPerBlock) {
      deferred.push(netuid);
      continue;
    }
    if (consistent) ran += 1;
  }
  return deferred;
}

/** Why an owner's `trigger_epoch` is refused, in Subtensor's check order. */
export type TriggerEpochError =
  | "DynamicTempoBlockedByCommitReveal"
  | "EpochTriggerAlreadyPending"
  | "AutoEpochAlreadyImminent";

/**
 * `do_trigger_epoch` after the origin check: refused with commit-reveal on, with an epoch already pending,
 * or when the automatic epoch is fewer than `adminFreezeWindow` blocks away; otherwise the epoch fires at
 * now + AdminFreezeWindow. (The owner-hyperparameter rate limit is the caller's, checked after these.)
 */
export function triggerEpoch(
  s: EpochSchedule,
  now: bigint,
  adminFreezeWindow: number,
  commitRevealEnabled: boolean,
): { ok: true; schedule: EpochSchedule; firesAt: bigint } | { ok: false; error: TriggerEpochError } {
  if (commitRevealEnabled) return { ok: false, error: "DynamicTempoBlockedByCommitReveal" };
  if (s.pendingEpochAt !== 0n) return { ok: false, error: "EpochTriggerAlreadyPending" };
  const window = BigInt(adminFreezeWindow);
  if (blocksUntilNextEpoch(s.tempo, s.lastEpochBlock, now) < window) {
    return { ok: false, error: "AutoEpochAlreadyImminent" };
  }
  const firesAt = satAdd64(now, window);
  return { ok: true, schedule: { ...s, pendingEpochAt: firesAt }, firesAt };
}

/** `apply_tempo_with_cycle_reset` (owner `set_tempo`): the new tempo, and the cycle restarts at `now`. */
export function applyTempoWithCycleReset(s: EpochSchedule, tempo: number, now: bigint): EpochSchedule {
  return { ...s, tempo, lastEpochBlock: now };
}

/**
 * `is_in_admin_freeze_window`: owner hyperparameter changes are refused while a triggered epoch is
 * pending in the future, or when the automatic epoch is fewer than `adminFreezeWindow` blocks away.
 */
export function isInAdminFreezeWindow(s: EpochSchedule, block: bigint, adminFreezeWindow: number): boolean {
  if (s.tempo === 0) return false;
  if (s.pendingEpochAt > 0n && s.pendingEpochAt > block) return true;
  return blocksUntilNextEpoch(s.tempo, s.lastEpochBlock, block) < BigInt(adminFreezeWindow);
}

/**
 * The legacy stateless formula (Subtensor up to v3.4.5-419): tempo − ((block + netuid + 1) mod (tempo + 1)),
 * the epoch running when it is 0 (period tempo + 1); u64::MAX for tempo 0. `block + netuid + 1` wraps in u64.
 */
export function legacyBlocksUntilNextEpoch(netuid: number, tempo: number, block: bigint): bigint {
  if (tempo === 0) return U64_MAX;
  const adjusted = (block + BigInt(netuid) + 1n) & U64_MAX;
  return satSub(BigInt(tempo), adjusted % BigInt(tempo + 1));
}

/** `get_first_block_of_epoch` (still the legacy formula): epoch·(tempo + 1) − (netuid + 1), saturating. */
export function legacyFirstBlockOfEpoch(netuid: number, tempo: number, epoch: bigint): bigint {
  const start = epoch * BigInt(tempo + 1);
  return satSub(start > U64_MAX ? U64_MAX : start, BigInt(netuid) + 1n);
}
