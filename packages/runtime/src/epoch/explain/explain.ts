// One epoch, uid by uid, in words and numbers: stake share, activity, permits, the weights each
// validator gave (counted or dropped, and why), consensus, what clipping took, bonds, incentive,
// dividends and emission. Every number is the epoch's own (u16 as the chain stores them, rao).
import { runEpoch } from "../epoch.js";
import { toU16Proportion } from "../math/fixed32.js";
import { asPacked, rowOf } from "../math/rows.js";
import type { SparseMatrix } from "../math/sparse.js";
import { traceScenario } from "../scenario/run.js";
import type { Scenario } from "../scenario/types.js";
import type { EpochInput, EpochTrace } from "../types.js";

export const EXPLAIN_FORMAT = "opentao-yuma-explain/1";

export type WeightStatus = "counted" | "clipped" | "dropped";

export interface WeightExplanation {
  /** Target uid. */
  uid: number;
  /** As stored (u16, max-upscaled at set_weights). */
  stored: number;
  status: WeightStatus;
  /** Why a weight was dropped or clipped. */
  reason?: string;
  /** Row-normalised weight after the masks (u16 proportion); 0 when dropped. */
  normalized: number;
  /** The target's consensus (u16). */
  consensus: number;
  /** What is left after clipping to consensus (u16 proportion). */
  clipped: number;
}

export interface UidExplanation {
  uid: number;
  /** Consensus stake, rao. */
  stake: string;
  /** Normalised stake after the threshold (u16). */
  stake_weight: number;
  active: boolean;
  /** Why it is inactive, when it is. */
  inactive_reason?: string;
  /** Permit this epoch masked with (last epoch's), and the new one it stores. */
  permit_before: boolean;
  validator_permit: boolean;
  /** Normalised active stake: the stake that votes in consensus (u16). */
  active_stake: number;
  weights: WeightExplanation[];
  /** Consensus for this uid as a server (u16). */
  consensus: number;
  /** Σ of this validator's clipped weights (u16). */
  validator_trust: number;
  incentive: number;
  dividends: number;
  /** Stored bonds before and after the epoch: [uid, u16] rows. */
  bonds_before: [number, number][];
  bonds: [number, number][];
  /** True when the epoch wrote this row (new permit: EMA bonds; lost permit: emptied). */
  bonds_written: boolean;
  server_emission: string;
  validator_emission: string;
  /** The Emission storage item: normalised (incentive + dividends) × emission. */
  emission: string;
}

export interface EpochExplanation {
  format: typeof EXPLAIN_FORMAT;
  /** Scenario step index, when the epoch comes from a scenario. */
  step: number | null;
  block: number;
  variant: "yuma" | "yuma3";
  liquid_alpha: boolean;
  neurons: number;
  /** u16, 65535 = 1. */
  kappa: number;
  bonds_penalty: number;
  bonds_moving_average: number;
  activity_cutoff: number;
  emission: string;
  /** Sentences about the epoch as a whole. */
  notes: string[];
  uids: UidExplanation[];
}

/** Replays a scenario up to `step` and explains that step's epoch. */
export function explainScenarioStep(s: Scenario, step: number): EpochExplanation {
  if (!Number.isInteger(step) || step < 0 || step >= s.steps.length) {
    throw new RangeError(`step ${step} does not exist; the scenario has steps 0..${s.steps.length - 1}`);
  }
  const traced = traceScenario({ ...s, steps: s.steps.slice(0, step + 1) });
  return { ...explainEpoch(traced[step]!.input), step };
}

/** Explains one epoch from what it reads (a scenario step's input, or a live subnet's storage). */
export function explainEpoch(input: EpochInput): EpochExplanation {
  let t: EpochTrace | undefined;
  const r = runEpoch(input, (x) => {
    t = x;
  });
  const trace = t!;
  const { n, block, params: p, ownerUid } = input;
  const weights = asPacked(input.weights, n);
  const oldBonds = asPacked(input.bonds, n);
  const u16 = (bits: number) => toU16Proportion(bits);
  const consensus = r.consensus;

  const uids = Array.from({ length: n }, (_, i): UidExplanation => {
    const lastUpdate = input.lastUpdate[i] ?? 0;
    const kept = entries(trace.weights, i);
    const clipped = entries(trace.clipped, i);
    const given = rowOf(weights, i).map(([j, stored]): WeightExplanation => {
      const normalized = kept.get(j);
      if (normalized === undefined) {
        return {
          uid: j,
          stored,
          status: "dropped",
          reason: dropReason(input, trace, i, j),
          normalized: 0,
          consensus: consensus[j] ?? 0,
          clipped: 0,
        };
      }
      const left = clipped.get(j) ?? 0;
      const c = consensus[j] ?? 0;
      const wasClipped = left < normalized;
      return {
        uid: j,
        stored,
        status: wasClipped ? "clipped" : "counted",
        ...(wasClipped
          ? {
              reason:
                c === 0
                  ? `uid ${j} has consensus 0: validators holding kappa (${pct(p.kappa)}) of the active stake gave it nothing`
                  : `above uid ${j}'s consensus ${pct(c)}: only validators holding less than kappa (${pct(p.kappa)}) of the active stake gave it that much`,
            }
          : {}),
        normalized: u16(normalized),
        consensus: c,
        clipped: u16(left),
      };
    });
    const inactive = !r.active[i];
    return {
      uid: i,
      stake: String(input.stake[i]!.saturatingToNum("u64")),
      stake_weight: r.stakeWeight[i]!,
      active: r.active[i]!,
      ...(inactive
        ? {
            inactive_reason: `last update at block ${lastUpdate} + activity cutoff ${p.activityCutoff} < block ${block}`,
          }
        : {}),
      permit_before: trace.permitOld[i]!,
      validator_permit: r.validatorPermit[i]!,
      active_stake: u16(trace.activeStake[i]!),
      weights: given,
      consensus: consensus[i]!,
      validator_trust: r.validatorTrust[i]!,
      incentive: r.incentive[i]!,
      dividends: r.dividends[i]!,
      bonds_before: rowOf(oldBonds, i),
      bonds: rowOf(r.bonds, i),
      bonds_written: r.bondsWritten[i]!,
      server_emission: String(r.serverEmission[i]!),
      validator_emission: String(r.validatorEmission[i]!),
      emission: String(r.emission[i]!),
    };
  });

  const notes: string[] = [];
  const voters = uids.filter((u) => u.active_stake > 0).length;
  notes.push(
    `${voters} validator${voters === 1 ? "" : "s"} voted (active, with last epoch's permit and stake); consensus per uid is the stake-weighted median of their normalised weights with kappa ${pct(p.kappa)}.`,
  );
  if (ownerUid !== null)
    notes.push(`uid ${ownerUid} is the subnet owner: permit forced on, self-weight kept.`);
  const paid = r.incentive.some((x) => x > 0) || r.dividends.some((x) => x > 0);
  if (!paid) {
    notes.push("No weight survived the masks and clipping: the whole emission went to validators by stake.");
  }
  const alpha = `${(100 - p.bondsMovingAverage / 10_000).toFixed(2)}%`;
  notes.push(
    p.yuma3
      ? `Yuma3: bonds are per-validator proportions moved toward the bond weights by ${p.liquidAlpha ? "a liquid alpha per bond" : `an EMA with alpha ${alpha}`}; dividends are each validator's bond share of incentive times its active stake.`
      : `Original Yuma: bonds are a stake-weighted, column-normalised EMA (alpha ${alpha}); dividends are bonds times incentive.`,
  );
  const maxDiv = Math.max(...r.dividends);
  const inc = Math.max(...r.incentive);
  if (inc > 0) notes.push(`Top incentive: uid ${r.incentive.indexOf(inc)} (${pct(inc)}).`);
  if (maxDiv > 0) notes.push(`Top dividends: uid ${r.dividends.indexOf(maxDiv)} (${pct(maxDiv)}).`);

  return {
    format: EXPLAIN_FORMAT,
    step: null,
    block,
    variant: p.yuma3 ? "yuma3" : "yuma",
    liquid_alpha: p.yuma3 && p.liquidAlpha,
    neurons: n,
    kappa: p.kappa,
    bonds_penalty: p.bondsPenalty,
    bonds_moving_average: p.bondsMovingAverage,
    activity_cutoff: p.activityCutoff,
    emission: String(input.emission),
    notes,
    uids,
  };
}

/** A u16 proportion as a percentage with two decimals. */
export function pct(x: number): string {
  return `${((x / 65535) * 100).toFixed(2)}%`;
}

function entries(m: SparseMatrix, i: number): Map<number, number> {
  const out = new Map<number, number>();
  if (i >= m.rows) return out;
  for (let e = m.start[i]!; e < m.start[i + 1]!; e++) out.set(m.col[e]!, m.val[e]!);
  return out;
}

/** The mask that dropped weight i → j, in the order the epoch applies them (weights.ts). */
function dropReason(input: EpochInput, trace: EpochTrace, i: number, j: number): string {
  if (!trace.permitOld[i]) return `uid ${i} had no validator permit at the last epoch`;
  if (j >= input.n) return `uid ${j} is beyond the subnet's ${input.n} uids`;
  if (j === i && i !== input.ownerUid) return "self-weight (only the subnet owner's counts)";
  const updated = input.lastUpdate[i] ?? 0;
  const registered = input.blockAtRegistration[j] ?? 0;
  if (updated <= registered) {
    return `outdated: set at block ${updated}, not after uid ${j}'s registration at block ${registered}`;
  }
  const committed = input.commitBlocks?.[i] ?? null;
  if (committed !== null && committed < registered) {
    return `commit-reveal: committed at block ${committed}, before uid ${j} registered at block ${registered}`;
  }
  return "dropped by the weight masks";
}
