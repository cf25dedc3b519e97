// The text subnet's validator task and miner. A step sends passages cut at places the validator draws
// from its own seed in the held-out chapters, which no miner trains on; a miner answers with a distribution over the next character, and earns the geometric
// mean of the probability it gave the character that really came next (1 / perplexity).

import { rewardAnswers } from "../anticheat.js";
import { type Rng, randomSeed, rng } from "../rng.js";
import type { Response, Reward, ValidatorTask } from "../template/validator.js";
import { charIndex, heldOutRegion, heldOutText, VOCAB } from "./corpus.js";
import type { CharModel } from "./models.js";
import { NextChar } from "./protocol.js";

/** The least probability counted, so one confident miss cannot zero a whole answer. */
export const FLOOR = 1e-4;

/** ln of the probability a distribution gives character `c`, after clamping and renormalizing. */
function logProb(p: readonly number[], c: number): number {
  let sum = 0;
  for (const v of p) sum += v > 0 ? v : 0;
  const q = sum > 0 ? Math.max(0, p[c]!) / sum : 0;
  return Math.log(Math.max(q, FLOOR));
}

export interface TextTaskOptions {
  seed?: number;
  /** Passages per step (default 24). */
  passages?: number;
  /** Characters per passage (default 48). */
  length?: number;
  /** Text to cut passages from (default: the held-out chapters). */
  text?: string;
}

export class TextTask implements ValidatorTask<NextChar> {
  readonly #text: string;
  readonly #r: Rng;
  readonly #n: number;
  readonly #length: number;
  #truth: number[] = [];

  constructor(opts: TextTaskOptions = {}) {
    this.#text = opts.text ?? heldOutRegion();
    this.#r = rng(opts.seed ?? randomSeed());
    this.#n = opts.passages ?? 24;
    this.#length = opts.length ?? 48;
  }

  challenge(): NextChar {
    const contexts: string[] = [];
    this.#truth = [];
    for (let i = 0; i < this.#n; i++) {
      const at = this.#length + Math.floor(this.#r() * (this.#text.length - this.#length));
      contexts.push(this.#text.slice(at - this.#length, at));
      this.#truth.push(charIndex(this.#text[at]!));
    }
    return NextChar.create({ contexts });
  }

  score(_step: number, responses: Response<NextChar>[], timeout: number): Reward[] {
    const truth = this.#truth;
    // Per passage, the log loss of the character that came next: the distance to the truth in the
    // reward's own unit, and its difference between two answers the distance between them.
    const losses = (s: NextChar) => truth.map((c, i) => -logProb(s.probabilities![i]!, c));
    return rewardAnswers(responses, timeout, {
      valid: (s) => {
        const p = s.probabilities;
        return (
          Array.isArray(p) &&
          p.length === truth.length &&
          p.every(
            (row) =>
              Array.isArray(row) &&
              row.length === VOCAB.length &&
              row.every((v) => typeof v === "number" && Number.isFinite(v)),
          )
        );
      },
      accuracy: (s) => Math.exp(-losses(s).reduce((a, b) => a + b, 0) / truth.length),
      errors: losses,
      gaps: (a, b) => {
        const lb = losses(b);
        return losses(a).map((l, i) => Math.abs(l - lb[i]!));
      },
    });
  }
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** A miner's forward function for a character model. */
export function textForward(model: CharModel) {
  return (s: NextChar): NextChar => {
    s.probabilities = s.contexts.map((c) => model.predict(c).map(round4));
    return s;
  };
}

/** A model's 1 / perplexity on the held-out text (every 5th position), which no miner trains on. */
export function textQuality(model: CharModel, text = heldOutText(), context = 48): number {
  let sum = 0;
  let n = 0;
  for (let at = context; at < text.length; at += 5) {
    sum += logProb(model.predict(text.slice(at - context, at)), charIndex(text[at]!));
    n++;
  }
  return Math.exp(sum / n);
}
