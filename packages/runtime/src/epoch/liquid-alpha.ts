// Liquid alpha (Yuma3): a per-bond EMA rate from a sigmoid of how far a weight sits from consensus
// (buying) or how far a bond sits above the weight (selling).

import { expSafe } from "./math/exp.js";
import { div, mul, ONE, u16Proportion } from "./math/fixed32.js";

const HALF = ONE / 2;
const MINUS_100 = -100 * ONE;
const CACHE_LIMIT = 1 << 16;

export interface LiquidAlphaParams {
  /** u16 proportions. */
  alphaLow: number;
  alphaHigh: number;
  /** i16. */
  alphaSigmoidSteepness: number;
}

/**
 * `alpha_sigmoid` for one (consensus, weight, bond) triple. Everything after the difference depends on
 * that difference alone, and differences repeat a lot: with clipped bond weights (bonds penalty 1)
 * every bond that buys sits at a weight <= consensus (difference 0), and clipped weights equal their
 * column's consensus while bonds live on the u16 grid. So results are memoised per difference.
 */
export class LiquidAlpha {
  private readonly low: number;
  private readonly high: number;
  private readonly factor: number;
  private readonly atZero: number;
  private readonly cache = new Map<number, number>();

  constructor(p: LiquidAlphaParams) {
    this.low = u16Proportion(p.alphaLow);
    this.high = u16Proportion(p.alphaHigh);
    this.factor = div(p.alphaSigmoidSteepness * ONE, MINUS_100);
    this.atZero = this.fromDifference(0);
  }

  alpha(consensus: number, weight: number, bond: number): number {
    const diff = weight >= bond ? clamp(weight - consensus, 0, ONE) : clamp(bond - weight, 0, ONE);
    if (diff === 0) return this.atZero;
    let a = this.cache.get(diff);
    if (a === undefined) {
      a = this.fromDifference(diff);
      if (this.cache.size < CACHE_LIMIT) this.cache.set(diff, a);
    }
    return a;
  }

  /** sigmoid = 1 / (1 + exp_safe(steepness/−100 · (diff − 0.5))); α = clamp(low + sigmoid·(high − low)). */
  fromDifference(diff: number): number {
    const e = expSafe(mul(this.factor, diff - HALF));
    const denominator = BigInt(ONE) + e;
    const sigmoid =
      denominator < 9007199254740992n ? div(ONE, Number(denominator)) : Number((1n << 64n) / denominator);
    const alpha = this.low + mul(sigmoid, this.high - this.low);
    return clamp(alpha, this.low, this.high);
  }
}

/** `clamp_value`: min with high first, then max with low. */
function clamp(v: number, low: number, high: number): number {
  const capped = Math.min(v, high);
  return Math.max(capped, low);
}
