// The simulated agents' randomness (off-chain behaviour only; the runtime never sees these numbers): the
// package's seeded generator, with the draws the agents need.
import { rng } from "../rng.js";

export class Rng {
  readonly next: () => number;

  constructor(seed: number) {
    this.next = rng(seed);
  }

  /** Uniform in [lo, hi). */
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Normal with mean 0 and standard deviation `sd` (Box–Muller). */
  normal(sd: number): number {
    const u = 1 - this.next();
    const v = this.next();
    return sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
