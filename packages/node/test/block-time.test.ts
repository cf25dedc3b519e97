// Block times on a dev node: blocks made on a timer carry the wall-clock time (as a Substrate dev
// chain), never less than one slot after their parent; instant and manual blocks stay one slot apart
// from genesis time 0, so runs repeat exactly; dev_setNextBlockTimestamp wins over both.
import { setTimeout as sleep } from "node:timers/promises";
import { cryptoReady } from "@opentao/primitives";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { type BlockMode, NodeService } from "../src/service.js";

const SLOT = 250n; // the fast preset's slot duration
let node: NodeService | undefined;

beforeAll(cryptoReady);
afterEach(async () => {
  await node?.stop();
  node = undefined;
});

const start = async (mode: BlockMode, extra: Partial<Parameters<typeof NodeService.start>[0]> = {}) => {
  node = await NodeService.start({ mode, rpcPort: 0, dev: true, verifyThreads: 0, ...extra });
  return node;
};

const timestamps = (n: NodeService): bigint[] => {
  const out: bigint[] = [];
  for (let i = 1; i <= n.chain.head().number; i++) out.push(n.chain.getHeader(i)!.header.timestamp);
  return out;
};

async function blocks(n: NodeService, count: number): Promise<void> {
  for (let i = 0; i < 200 && n.chain.head().number < count; i++) await sleep(20);
  expect(n.chain.head().number).toBeGreaterThanOrEqual(count);
}

describe("dev node block times", () => {
  it("stamps timer blocks with the wall clock", async () => {
    const before = BigInt(Date.now());
    const n = await start("interval", { blockTimeMs: Number(SLOT) });
    await blocks(n, 2);
    const [first, second] = timestamps(n);
    expect(first).toBeGreaterThanOrEqual(before);
    expect(first).toBeLessThanOrEqual(BigInt(Date.now()));
    expect(second! - first!).toBeGreaterThanOrEqual(SLOT);
  });

  it("keeps timer blocks one slot apart when blocks come faster than slots", async () => {
    const n = await start("interval", { blockTimeMs: 20, now: () => 1_000_000 });
    await blocks(n, 3);
    expect(timestamps(n).slice(0, 3)).toEqual([1_000_000n, 1_000_000n + SLOT, 1_000_000n + 2n * SLOT]);
  });

  it("keeps instant and manual blocks deterministic, from genesis time 0", async () => {
    const n = await start("manual");
    n.produceBlock();
    n.produceBlock();
    expect(timestamps(n)).toEqual([SLOT, 2n * SLOT]);
  });

  it("lets dev_setNextBlockTimestamp win over the wall clock", async () => {
    const n = await start("interval", { blockTimeMs: 60_000 });
    n.produceBlock();
    const head = n.chain.head().header.timestamp;
    n.setNextTimestamp(head + 100n * SLOT);
    n.produceBlock();
    expect(n.chain.head().header.timestamp).toBe(head + 100n * SLOT);
  });
});
