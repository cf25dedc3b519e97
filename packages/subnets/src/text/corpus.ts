// The text subnet's corpus: Shakespeare's plays (public domain), as collected in the tiny-shakespeare
// file of Andrej Karpathy's char-rnn examples. Miners train on the first 120 kB (`shakespeare-train.txt`,
// the opening of Coriolanus); validators score on 30 kB from a different play further on
// (`shakespeare-heldout.txt`, from Henry VI), which no miner trains on.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const file = (name: string) => fileURLToPath(new URL(`../../data/${name}`, import.meta.url));

/** Every character the corpus uses; the order of a prediction's probabilities. */
export const VOCAB = "\n !$&',-.3:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const INDEX = new Map([...VOCAB].map((c, i) => [c, i]));

/** A character's index in VOCAB; anything else reads as a space. */
export const charIndex = (c: string): number => INDEX.get(c) ?? 1;

export const trainingText = (): string => readFileSync(file("shakespeare-train.txt"), "utf8");
export const heldOutText = (): string => readFileSync(file("shakespeare-heldout.txt"), "utf8");
