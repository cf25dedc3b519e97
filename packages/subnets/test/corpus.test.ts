// The text subnet's split of Moby-Dick: miners train on chapters before the held-out ones, and each
// validator draws its passages from the held-out chapters with its own seed.
import { describe, expect, it } from "vitest";
import {
  HELD_OUT_CHAPTERS,
  heldOutRegion,
  heldOutText,
  TRAIN_CHAPTERS,
  trainingText,
} from "../src/text/corpus.js";
import { TextTask } from "../src/text/task.js";

describe("text corpus", () => {
  const training = trainingText();
  const region = heldOutRegion();

  it("trains on chapters before the held-out ones, and measures quality inside those", () => {
    expect(TRAIN_CHAPTERS.last).toBeLessThan(HELD_OUT_CHAPTERS.first);
    expect(training).toHaveLength(120_000);
    expect(training.startsWith("CHAPTER 1. Loomings.\n\nCall me Ishmael.")).toBe(true);
    expect(region.startsWith("CHAPTER 100.")).toBe(true);
    expect(region.length).toBeGreaterThan(250_000);
    expect(region.startsWith(heldOutText())).toBe(true);
    // Chapter 100 opens the held-out region and appears nowhere in the training text.
    expect(training.includes(region.slice(0, 200))).toBe(false);
  });

  it("gives each validator its own passages from the held-out chapters, none from the training text", () => {
    const contexts = (seed: number) => new TextTask({ seed }).challenge().contexts;
    const a = contexts(1);
    expect(contexts(1)).toEqual(contexts(1));
    const b = contexts(2);
    expect(b.filter((c) => a.includes(c))).toEqual([]);
    for (const c of [...a, ...b]) {
      expect(c).toHaveLength(48);
      expect(region.includes(c)).toBe(true);
      expect(training.includes(c)).toBe(false);
    }
  });
});
