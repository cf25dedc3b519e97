// The epoch scheduler (§3.1): scenario S02 (stateful and legacy cases, exact), Subtensor's emission.rs,
// tempo_control.rs and coinbase.rs scheduling tests, and the per-block cap / deferral transitions.
import { describe, expect, it } from "vitest";
import { subtensorScenarios } from "../../../test/vectors/index.js";
import {
  applyTempoWithCycleReset,
  blocksUntilNextEpoch,
  currentEpochWithLookahead,
  type EpochSchedule,
  epochsDeferredThisBlock,
  initialLastEpochBlock,
  isInAdminFreezeWindow,
  legacyBlocksUntilNextEpoch,
  legacyFirstBlockOfEpoch,
  newEpochSchedule,
  nextEpochStartBlock,
  type ScheduledSubnet,
  shouldRunEpoch,
  stepEpochSchedules,
  triggerEpoch,
} from "../src/pallets/subtensor/math.js";
import { getPreset } from "../src/presets/index.js";

// biome-ignore lint/suspicious/noExplicitAny: scenario JSON
const S02: any = subtensorScenarios.scenarios.find((s: { id: string }) => s.id.startsWith("S02"));
const U64_MAX = (1n << 64n) - 1n;
const MAX_TEMPO = getPreset("mainnet").bounds.maxTempo;
const sched = (over: Partial<EpochSchedule> = {}): EpochSchedule => ({
  tempo: 360,
  lastEpochBlock: 0n,
  pendingEpochAt: 0n,
  blocksSinceLastStep: 0n,
  epochIndex: 0n,
  ...over,
});
// JSON numbers above 2^53 arrive rounded (u64::MAX → 18446744073709551616), so compare through Number.
const same = (got: bigint, want: number) => expect(Number(got)).toBe(want);

describe("S02 stateful scheduler (exact)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(S02.stateful_scheduler_HEAD.cases.map((c: any) => [c.tempo, c.block, c]) as any[][])(
    "tempo %i block %i",
    (_t, _b, c) => {
      const got = blocksUntilNextEpoch(c.tempo, BigInt(c.last_epoch_block), BigInt(c.block));
      same(got, c.expected);
      if (c.tempo === 0) expect(got).toBe(U64_MAX);
      const s = sched({ tempo: c.tempo, lastEpochBlock: BigInt(c.last_epoch_block) });
      expect(shouldRunEpoch(s, BigInt(c.block), MAX_TEMPO)).toBe(c.tempo !== 0 && got === 0n);
    },
  );
});

describe("S02 legacy formula (exact)", () => {
  // biome-ignore lint/suspicious/noExplicitAny: scenario JSON
  it.each(S02.legacy_formula.cases.map((c: any) => [c.netuid, c.tempo, c.block, c]) as any[][])(
    "netuid %i tempo %i block %i",
    (_n, _t, _b, c) => {
      same(legacyBlocksUntilNextEpoch(c.netuid, c.tempo, BigInt(c.block)), c.expected);
    },
  );
  it("tempo 0 never runs; the block sum wraps in u64", () => {
    expect(legacyBlocksUntilNextEpoch(1, 0, 5n)).toBe(U64_MAX);
    expect(legacyBlocksUntilNextEpoch(0, 10, U64_MAX)).toBe(10n); // (2^64 − 1 + 1) wraps to 0
  });
  it("get_first_block_of_epoch = epoch·(tempo+1) − (netuid+1), saturating", () => {
    expect(legacyFirstBlockOfEpoch(1, 10, 3n)).toBe(31n);
    expect(legacyFirstBlockOfEpoch(5, 10, 0n)).toBe(0n);
    // the legacy epoch boundary is where legacyBlocksUntilNextEpoch is 0
    expect(legacyBlocksUntilNextEpoch(1, 10, legacyFirstBlockOfEpoch(1, 10, 3n) - 1n)).toBe(0n);
  });
});

describe("emission.rs", () => {
  it("test_boundary_conditions / test_overflow_handling / test_wrap_around_behavior: saturating", () => {
    expect(blocksUntilNextEpoch(65_535, 0n, U64_MAX)).toBe(0n);
    expect(blocksUntilNextEpoch(65_535, 0n, U64_MAX - 1n)).toBe(0n);
    expect(blocksUntilNextEpoch(10, 0n, U64_MAX)).toBe(0n);
    expect(blocksUntilNextEpoch(10, U64_MAX, 0n)).toBe(U64_MAX); // last + tempo saturates
  });
  it("test_different_network_ids / test_large_tempo_values / test_consecutive_blocks", () => {
    expect(blocksUntilNextEpoch(10, 0n, 5n)).toBe(5n);
    expect(blocksUntilNextEpoch(65_534, 0n, 100n)).toBe(65_534n - 100n);
    let last = blocksUntilNextEpoch(10, 0n, 0n);
    for (let i = 1n; i < 9n; i++) {
      const cur = blocksUntilNextEpoch(10, 0n, i);
      expect(cur).toBe(last - 1n);
      last = cur;
    }
  });
});

describe("should_run_epoch", () => {
  it("a due pending epoch, the MAX_TEMPO safety net, or tempo blocks since the last one", () => {
    expect(shouldRunEpoch(sched({ tempo: 0, pendingEpochAt: 1n }), 5n, MAX_TEMPO)).toBe(false);
    expect(shouldRunEpoch(sched({ pendingEpochAt: 5n }), 5n, MAX_TEMPO)).toBe(true);
    expect(shouldRunEpoch(sched({ pendingEpochAt: 6n }), 5n, MAX_TEMPO)).toBe(false);
    expect(
      shouldRunEpoch(sched({ blocksSinceLastStep: 50_401n, lastEpochBlock: 100n }), 101n, MAX_TEMPO),
    ).toBe(true);
    expect(
      shouldRunEpoch(sched({ blocksSinceLastStep: 50_400n, lastEpochBlock: 100n }), 101n, MAX_TEMPO),
    ).toBe(false);
    expect(shouldRunEpoch(sched({ lastEpochBlock: 100n }), 459n, MAX_TEMPO)).toBe(false);
    expect(shouldRunEpoch(sched({ lastEpochBlock: 100n }), 460n, MAX_TEMPO)).toBe(true);
    expect(shouldRunEpoch(sched({ lastEpochBlock: 500n }), 10n, MAX_TEMPO)).toBe(false); // saturating
  });
  it("test_coinbase_drain_pending_resets_blockssincelaststep: tempo 100, last 0, block 102 is due", () => {
    expect(shouldRunEpoch(sched({ tempo: 100 }), 102n, MAX_TEMPO)).toBe(true);
  });
});

describe("new subnets: the LastEpochBlock stagger", () => {
  it("now − (netuid mod tempo), saturating; tempo 0 counts as 1", () => {
    expect(initialLastEpochBlock(7, 360, 1_000n)).toBe(993n);
    expect(initialLastEpochBlock(365, 360, 1_000n)).toBe(995n);
    expect(initialLastEpochBlock(7, 360, 3n)).toBe(0n);
    expect(initialLastEpochBlock(7, 0, 1_000n)).toBe(1_000n);
    const s = newEpochSchedule(3, 10, 100n);
    expect(s).toEqual({
      tempo: 10,
      lastEpochBlock: 97n,
      pendingEpochAt: 0n,
      blocksSinceLastStep: 0n,
      epochIndex: 0n,
    });
    // subnets registered in the same block fire on different blocks
    const fire = (n: number) => nextEpochStartBlock(newEpochSchedule(n, 10, 100n));
    expect(new Set([1, 2, 3, 4].map(fire)).size).toBe(4);
  });
});

describe("get_next_epoch_start_block (tempo_control.rs)", () => {
  it("None for tempo 0; last + tempo; the pending block when earlier", () => {
    expect(nextEpochStartBlock(sched({ tempo: 0 }))).toBeUndefined();
    expect(nextEpochStartBlock(sched({ lastEpochBlock: 100n, tempo: 50 }))).toBe(150n);
    expect(nextEpochStartBlock(sched({ lastEpochBlock: 100n, tempo: 50, pendingEpochAt: 120n }))).toBe(120n);
    expect(nextEpochStartBlock(sched({ lastEpochBlock: 100n, tempo: 50, pendingEpochAt: 200n }))).toBe(150n);
  });
  it("get_next_epoch_start_block_reflects_set_tempo_cycle_reset", () => {
    const s = applyTempoWithCycleReset(sched(), 720, 10n);
    expect(nextEpochStartBlock(s)).toBe(730n);
  });
});

describe("trigger_epoch and the admin freeze window (tempo_control.rs)", () => {
  it("do_trigger_epoch_blocked_with_commit_reveal_enabled", () => {
    expect(triggerEpoch(sched(), 1n, 5, true)).toEqual({
      ok: false,
      error: "DynamicTempoBlockedByCommitReveal",
    });
  });
  it("do_trigger_epoch_works_with_commit_reveal_disabled: fires at now + window", () => {
    const r = triggerEpoch(sched(), 1n, 5, false);
    expect(r).toEqual({ ok: true, schedule: sched({ pendingEpochAt: 6n }), firesAt: 6n });
  });
  it("do_trigger_epoch_rejects_when_auto_epoch_already_imminent: (1 + 10) − 5 = 6 < 8", () => {
    expect(triggerEpoch(sched({ tempo: 10, lastEpochBlock: 1n }), 5n, 8, false)).toEqual({
      ok: false,
      error: "AutoEpochAlreadyImminent",
    });
  });
  it("a second trigger is refused while one is pending", () => {
    expect(triggerEpoch(sched({ pendingEpochAt: 9n }), 1n, 5, false)).toEqual({
      ok: false,
      error: "EpochTriggerAlreadyPending",
    });
  });
  it("is_in_admin_freeze_window: a future pending epoch, or the auto epoch within the window", () => {
    const s = sched({ tempo: 10, lastEpochBlock: 1n });
    expect(isInAdminFreezeWindow(s, 5n, 8)).toBe(true); // 6 blocks left < 8
    expect(isInAdminFreezeWindow(s, 2n, 8)).toBe(false); // 9 left
    expect(isInAdminFreezeWindow({ ...s, pendingEpochAt: 3n }, 2n, 0)).toBe(true);
    expect(isInAdminFreezeWindow({ ...s, pendingEpochAt: 2n }, 2n, 0)).toBe(false);
    expect(isInAdminFreezeWindow(sched({ tempo: 0 }), 2n, 100)).toBe(false);
  });
});

describe("drain_pending bookkeeping: the per-block cap and deferral", () => {
  const subnet = (netuid: number, over: Partial<EpochSchedule> = {}, consistent = true): ScheduledSubnet => ({
    netuid,
    schedule: sched({ tempo: 100, ...over }),
    consistent,
  });

  it("test_coinbase_drain_pending_increments_blockssincelaststep", () => {
    const [r] = stepEpochSchedules(
      [subnet(1, { lastEpochBlock: 1n, blocksSinceLastStep: 4n })],
      2n,
      2,
      MAX_TEMPO,
    );
    expect(r).toEqual({
      netuid: 1,
      schedule: sched({ tempo: 100, lastEpochBlock: 1n, blocksSinceLastStep: 5n }),
      action: "idle",
    });
  });

  it("test_coinbase_drain_pending_resets_blockssincelaststep: a run resets it and consumes the slot", () => {
    const [r] = stepEpochSchedules(
      [subnet(1, { blocksSinceLastStep: 12_345_678n, epochIndex: 4n })],
      102n,
      2,
      MAX_TEMPO,
    );
    expect(r!.action).toBe("run");
    expect(r!.schedule).toEqual(
      sched({ tempo: 100, lastEpochBlock: 102n, blocksSinceLastStep: 0n, epochIndex: 5n }),
    );
  });

  it("an inconsistent subnet is skipped: the slot is consumed, BlocksSinceLastStep keeps counting, no cap use", () => {
    const rs = stepEpochSchedules(
      [subnet(1, { blocksSinceLastStep: 7n }, false), subnet(2), subnet(3)],
      200n,
      2,
      MAX_TEMPO,
    );
    expect(rs.map((r) => r.action)).toEqual(["skipped", "run", "run"]);
    expect(rs[0]!.schedule).toEqual(
      sched({ tempo: 100, lastEpochBlock: 200n, blocksSinceLastStep: 8n, epochIndex: 1n }),
    );
  });

  it("test_epochs_deferred_this_block_respects_cap: due subnets beyond the cap are deferred one block", () => {
    const cap = getPreset("mainnet").epoch.maxEpochsPerBlock;
    const subs = [1, 2, 3, 4].map((n) => subnet(n, { pendingEpochAt: 1n }));
    expect(epochsDeferredThisBlock(subs, 1n, cap, MAX_TEMPO)).toEqual([3, 4]);
    const rs = stepEpochSchedules(subs, 1n, cap, MAX_TEMPO);
    expect(rs.map((r) => r.action)).toEqual(["run", "run", "deferred", "deferred"]);
    expect(rs[2]!.schedule).toEqual(sched({ tempo: 100, pendingEpochAt: 2n, blocksSinceLastStep: 1n }));
    // next block: the deferred ones run (their pending block has come), the others are idle
    const next = stepEpochSchedules(
      rs.map((r) => ({ netuid: r.netuid, schedule: r.schedule, consistent: true })),
      2n,
      cap,
      MAX_TEMPO,
    );
    expect(next.map((r) => r.action)).toEqual(["idle", "idle", "run", "run"]);
    expect(next[3]!.schedule).toEqual(sched({ tempo: 100, lastEpochBlock: 2n, epochIndex: 1n }));
  });

  it("current_epoch_with_lookahead counts the epoch that fires this block", () => {
    const s = sched({ tempo: 10, epochIndex: 3n });
    expect(currentEpochWithLookahead(s, 9n, MAX_TEMPO)).toBe(3n);
    expect(currentEpochWithLookahead(s, 10n, MAX_TEMPO)).toBe(4n);
  });

  it("period is tempo blocks: running every block from a fresh schedule fires at last + tempo", () => {
    let subs = [subnet(1, { tempo: 10, lastEpochBlock: 0n })];
    const fired: bigint[] = [];
    for (let b = 1n; b <= 35n; b++) {
      const rs = stepEpochSchedules(subs, b, 2, MAX_TEMPO);
      if (rs[0]!.action === "run") fired.push(b);
      subs = rs.map((r) => ({ netuid: r.netuid, schedule: r.schedule, consistent: true }));
    }
    expect(fired).toEqual([10n, 20n, 30n]);
  });
});
