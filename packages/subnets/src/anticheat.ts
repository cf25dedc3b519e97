// Scoring rules both reference subnets share, against the cheap tricks: an answer that arrives late or
// broken earns nothing, a slower answer earns a little less, and an answer that copies another miner's
// earns nothing unless it arrived first — a copier has to wait for the miner it copies. Arrival is on
// the round's clock (Response.arrival), so being asked earlier or later buys no head start.
//
// What counts as a copy. Once the truth is known, each answer's error on each item of the challenge is
// measured in the task's own unit (scaled absolute error of a forecast, log loss of a distribution). A
// later answer B copies an earlier answer A when, over the items, B is much closer to A than A is to the
// truth:   median_i gap_i(A, B)  ≤  COPY_RATIO · median_i error_i(A).
// Why this rule: when miners answer, the truth does not exist yet, so an independent model can agree
// with A only as far as both are close to the truth — their disagreement is of the order of their
// errors (between the default lineups' models: at least 0.36 of A's error on forecasts; on text, above
// 0.1 in all but 1 of 7,200 pairs of answers, which then costs the later one that round's reward). A
// relayed answer differs from A only by what the copier adds, which it must keep small to keep A's
// accuracy: ±0.01 on forecasts of 20–80 puts it at 0.004 of A's error, ±5% on every probability at
// 0.01. The rule needs no tolerance in the answer's own units (which a little jitter defeats), and no
// one can get an honest miner flagged without knowing its answer before it arrives. Medians, so that
// a copier cannot escape by changing a few items.
// What it cannot catch: a copier adding noise of the size of the gaps between independent models cannot
// be told from one by its answers (the limit of any rule that looks only at answers). It still has to
// wait for the answer it copies, and some noise costs accuracy (±0.01 added to every probability: about
// 14% of the text reward).
import type { Synapse } from "@opentao/sdk";
import { median } from "./stats.js";
import type { Response, Reward } from "./template/validator.js";

/** Share of the reward a miner loses for taking the whole timeout to answer. */
export const LATENCY_PENALTY = 0.1;

/** How much closer to an earlier answer than to the truth a later one must be to count as its copy. */
export const COPY_RATIO = 0.1;

/** How a task scores a well-formed answer, once the truth is known. */
export interface AnswerScoring<T extends Synapse> {
  /** Whether the answer is present and well-formed (else it earns 0). */
  valid(s: T): boolean;
  /** Accuracy in [0, 1]. */
  accuracy(s: T): number;
  /** Per item of the challenge, the answer's distance to the truth (≥ 0). */
  errors(s: T): number[];
  /** Per item, the distance between two answers, in the unit of `errors`. */
  gaps(a: T, b: T): number[];
}

/** Whether `later` is a copy of `earlier` (see the rule at the top of this file). */
export function isCopy<T extends Synapse>(scoring: AnswerScoring<T>, earlier: T, later: T): boolean {
  return median(scoring.gaps(earlier, later)) <= COPY_RATIO * median(scoring.errors(earlier));
}

/**
 * Turns answers into rewards: a valid answer that copies none that arrived before it earns its accuracy,
 * less the latency penalty for its own call time against the timeout; every other answer earns 0.
 */
export function rewardAnswers<T extends Synapse>(
  responses: readonly Response<T>[],
  timeout: number,
  scoring: AnswerScoring<T>,
): Reward[] {
  const valid = responses.filter((r) => r.synapse.dendrite.status_code === 200 && scoring.valid(r.synapse));
  const byArrival = [...valid].sort((a, b) => a.arrival - b.arrival);
  const copies = new Set<Response<T>>();
  byArrival.forEach((r, i) => {
    if (byArrival.slice(0, i).some((earlier) => isCopy(scoring, earlier.synapse, r.synapse))) copies.add(r);
  });
  return responses.map((r) => {
    let reward = 0;
    if (valid.includes(r) && !copies.has(r)) {
      const time = r.synapse.dendrite.process_time ?? timeout;
      const late = Math.min(1, Math.max(0, time / timeout));
      reward = scoring.accuracy(r.synapse) * (1 - LATENCY_PENALTY * late);
    }
    return { uid: r.uid, hotkey: r.hotkey, reward: Number.isFinite(reward) ? reward : 0 };
  });
}
