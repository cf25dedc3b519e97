// The simulated participants and how each behaves off-chain: what a miner's work is worth, how a
// validator measures it, and which weights each kind of validator sends.
import type { Keypair } from "@opentao/primitives";
import type { Rng } from "./rng.js";

/** honest: real work; random: answers at random; colluders: the colluding validators' own (weak) miner. */
export type MinerKind = "honest" | "random" | "colluders";
/** honest: measures and scores; copier: copies the chain's consensus; lazy: never updates; colluder: weights its own miner. */
export type ValidatorKind = "honest" | "copier" | "lazy" | "colluder";

export interface Keys {
  coldkey: Keypair;
  hotkey: Keypair;
}

export interface Miner extends Keys {
  name: string;
  kind: MinerKind;
  /** True quality (0–1) at the start and end of the run; it drifts linearly in between. */
  qualityStart: number;
  qualityEnd: number;
}

export interface Validator extends Keys {
  name: string;
  kind: ValidatorKind;
  /** TAO this validator stakes on its hotkey during setup [rao]. */
  stake: bigint;
  /** Block offset (within the weights interval) at which it sets weights, so validators don't all send at once. */
  offset: number;
  /** Moving average of its measurements, per miner (honest and lazy validators). */
  scores: number[] | undefined;
  /** The weights it keeps sending (lazy: its first ones). */
  frozen: number[] | undefined;
}

/** What answering at random scores on the subnet's task: chance level. */
export const CHANCE_QUALITY = 0.1;
/** The colluders' miner does little real work. */
export const COLLUDERS_MINER_QUALITY = 0.15;
/** Weight of the newest measurement in a validator's moving average. */
const SCORE_EMA = 0.5;

export const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** A miner's true quality `progress` (0–1) of the way through the run. */
export function qualityAt(m: Miner, progress: number): number {
  return m.qualityStart + (m.qualityEnd - m.qualityStart) * progress;
}

/** One validator's measurement of a miner now: the quality plus noise; random answers score around chance. */
export function measure(m: Miner, progress: number, rng: Rng, noise: number): number {
  if (m.kind === "random") return rng.uniform(0, 2 * CHANCE_QUALITY);
  return clamp01(qualityAt(m, progress) + rng.normal(noise));
}

/** Folds a round of measurements into the validator's moving average and returns the new scores. */
export function updateScores(v: Validator, measured: readonly number[]): number[] {
  const prev = v.scores;
  v.scores = measured.map((x, i) => (prev ? (1 - SCORE_EMA) * prev[i]! + SCORE_EMA * x : x));
  return v.scores;
}

/** Scores → u16 weights, the largest at 65535 (as set_weights stores them); undefined when all are 0. */
export function toU16(scores: readonly number[]): number[] | undefined {
  const max = Math.max(...scores.map((s) => Math.max(s, 0)));
  if (!(max > 0)) return undefined;
  return scores.map((s) => Math.round((Math.max(s, 0) / max) * 65_535));
}

/**
 * Honest miners' qualities spread from 0.9 down to 0.3 (with seeded jitter); by the end of the run each
 * has drifted to another miner's starting quality (a seeded rotation, never the identity), so rankings change.
 */
export function honestQualities(n: number, rng: Rng): { start: number; end: number }[] {
  const start = Array.from({ length: n }, (_, i) =>
    clamp01(0.9 - (0.6 * i) / (n - 1) + rng.uniform(-0.03, 0.03)),
  );
  const shift = 1 + Math.floor(rng.next() * (n - 1));
  return start.map((s, i) => ({ start: s, end: start[(i + shift) % n]! }));
}
