// Scoring rules both reference subnets share, against the cheap tricks: an answer that arrives late or
// broken earns nothing, a slower answer earns a little less, and an answer that duplicates another
// miner's earns nothing unless it arrived first — a copier has to wait for the miner it copies. Arrival
// is on the round's clock (Response.arrival), so being asked earlier or later buys no head start.
import type { Synapse } from "@opentao/sdk";
import type { Response, Reward } from "./template/validator.js";

/** Share of the reward a miner loses for taking the whole timeout to answer. */
export const LATENCY_PENALTY = 0.1;

/** Whether two answers are the same up to `tolerance` (max absolute difference). */
function same(a: readonly number[], b: readonly number[], tolerance: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i]! - b[i]!) <= tolerance)) return false;
  return true;
}

/**
 * Turns per-answer accuracies into rewards. `answer` flattens a valid answer to numbers (null: missing
 * or malformed); `accuracy` scores it in [0, 1]. Answers within `tolerance` of one that arrived earlier
 * in the round are copies and earn 0; the latency penalty uses each call's own time against the timeout.
 */
export function rewardAnswers<T extends Synapse>(
  responses: readonly Response<T>[],
  timeout: number,
  answer: (s: T) => number[] | null,
  accuracy: (s: T) => number,
  tolerance: number,
): Reward[] {
  const valid = responses.map((r) => {
    const ok = r.synapse.dendrite.status_code === 200;
    const flat = ok ? answer(r.synapse) : null;
    const time = r.synapse.dendrite.process_time ?? timeout;
    return { r, flat, time };
  });
  const byArrival = valid.filter((v) => v.flat !== null).sort((a, b) => a.r.arrival - b.r.arrival);
  const copies = new Set<Response<T>>();
  byArrival.forEach((v, i) => {
    if (byArrival.slice(0, i).some((earlier) => same(earlier.flat!, v.flat!, tolerance))) copies.add(v.r);
  });
  return valid.map(({ r, flat, time }) => {
    let reward = 0;
    if (flat !== null && !copies.has(r)) {
      const late = Math.min(1, Math.max(0, time / timeout));
      reward = accuracy(r.synapse) * (1 - LATENCY_PENALTY * late);
    }
    return { uid: r.uid, hotkey: r.hotkey, reward: Number.isFinite(reward) ? reward : 0 };
  });
}
