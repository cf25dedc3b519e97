// Liquid alpha (Yuma3): a per-bond EMA rate from a sigmoid of how far a weight sits from consensus
// (buying) or how far a bond sits above the weight (selling).

import { expSafeBig, expSafeFast } from "./math/exp.js";
import { div, MAX_EXACT, mul, ONE, u16Proportion } from "./math/fixed32.js";

const HALF = ONE / 2;
const MINUS_100 = -100 * ONE;
const CACHE_LIMIT = 1 << 16;
const CACHE_SHIFT = 15;
/** Twice the limit, so probes stay short. */
const CACHE_SLOTS = 1 << (32 - CACHE_SHIFT);

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
  // An open-addressing table (differences are integers in 1..2^32): a Map keyed by heap numbers cost
  // more than the sigmoid's arithmetic on a hit.
  private readonly keys = new Float64Array(CACHE_SLOTS);
  private readonly values = new Float64Array(CACHE_SLOTS);
  private size = 0;

  constructor(p: LiquidAlphaParams) {
    this.low = u16Proportion(p.alphaLow);
    this.high = u16Proportion(p.alphaHigh);
    this.factor = div(p.alphaSigmoidSteepness * ONE, MINUS_100);
    this.atZero = this.fromDifference(0);
  }

  alpha(consensus: number, weight: number, bond: number): number {
    const diff = weight >= bond ? clamp(weight - consensus, 0, ONE) : clamp(bond - weight, 0, ONE);
    if (diff === 0) return this.atZero;
    const { keys, values } = this;
    let h = Math.imul(diff | 0, 0x9e3779b1) >>> CACHE_SHIFT;
    for (;;) {
      const k = keys[h]!;
      if (k === diff) return values[h]!;
      if (k === 0) break;
      h = (h + 1) & (CACHE_SLOTS - 1);
    }
    const a = this.fromDifference(diff);
    if (this.size < CACHE_LIMIT) {
      keys[h] = diff;
      values[h] = a;
      this.size++;
    }
    return a;
  }

  /** sigmoid = 1 / (1 + exp_safe(steepness/−100 · (diff − 0.5))); α = clamp(low + sigmoid·(high − low)). */
  fromDifference(diff: number): number {
    const x = mul(this.factor, diff - HALF);
    const e = expSafeFast(x);
    let sigmoid: number;
    if (e !== undefined && e < MAX_EXACT - ONE) sigmoid = div(ONE, ONE + e);
    else {
      const denominator = BigInt(ONE) + (e === undefined ? expSafeBig(BigInt(x)) : BigInt(e));
      sigmoid =
        denominator < 9007199254740992n ? div(ONE, Number(denominator)) : Number((1n << 64n) / denominator);
    }
    const alpha = this.low + mul(sigmoid, this.high - this.low);
    return clamp(alpha, this.low, this.high);
  }
}

/** `clamp_value`: min with high first, then max with low. */
function clamp(v: number, low: number, high: number): number {
  const capped = Math.min(v, high);
  return Math.max(capped, low);
}
