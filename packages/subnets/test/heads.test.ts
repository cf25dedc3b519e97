import { describe, expect, it } from "vitest";
import { headsWithin } from "../src/network/heads.js";

/** A subscription fed by hand: `push` delivers a head to the reader waiting on it. */
function feed() {
  const waiting: ((r: IteratorResult<number>) => void)[] = [];
  const queued: IteratorResult<number>[] = [];
  const deliver = (r: IteratorResult<number>) => {
    const w = waiting.shift();
    if (w) w(r);
    else queued.push(r);
  };
  return {
    iterator: {
      next: () =>
        queued.length > 0
          ? Promise.resolve(queued.shift()!)
          : new Promise<IteratorResult<number>>((r) => waiting.push(r)),
    } as AsyncIterator<number>,
    push: (n: number) => deliver({ value: n, done: false }),
    end: () => deliver({ value: undefined, done: true }),
  };
}

describe("headsWithin", () => {
  it("yields the heads until the subscription ends", async () => {
    const f = feed();
    f.push(1);
    f.push(2);
    f.end();
    const seen: number[] = [];
    for await (const h of headsWithin(f.iterator, 60_000)) seen.push(h);
    expect(seen).toEqual([1, 2]);
  });

  it("fails with a clear error when no head arrives in time, instead of waiting forever", async () => {
    const f = feed();
    f.push(1);
    const seen: number[] = [];
    const run = (async () => {
      for await (const h of headsWithin(f.iterator, 50)) seen.push(h);
    })();
    await expect(run).rejects.toThrow("the node produced no block for 0.05 s");
    expect(seen).toEqual([1]);
  });
});
