// The transaction pool on an in-memory chain: validation, nonce order, future nonces, priority across
// accounts, duplicates, replacement, limits and eviction, and the worker-thread verifier.
import { cryptoReady, Keypair } from "@opentao/primitives";
import { type RuntimeCall, signExtrinsic } from "@opentao/runtime";
import { beforeAll, describe, expect, it } from "vitest";
import {
  type Chain,
  type PoolError,
  SignatureVerifier,
  TransactionPool,
  type TxStatus,
} from "../src/index.js";
import { ALICE, BOB, CHARLIE, devChain, TAO } from "./helpers.js";

let chain: Chain;

const call = (dest: string, value = TAO): RuntimeCall => ({
  pallet: "Balances",
  name: "transfer_allow_death",
  args: { dest, value },
});
const sign = (who: Keypair, nonce: number, tip = 0n, dest = Keypair.fromUri("//pool").ss58Address) =>
  signExtrinsic(who, call(dest), {
    nonce,
    tip,
    genesisHash: chain.genesisHash,
    birthHash: chain.genesisHash,
  });

async function freshPool(limits?: ConstructorParameters<typeof TransactionPool>[2]) {
  chain = await devChain();
  const pool = new TransactionPool(chain, new SignatureVerifier(0), limits);
  const seen: [string, TxStatus][] = [];
  pool.listen((hash, status) => seen.push([hash, status]));
  return { pool, seen };
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: PoolError) => e,
  );

beforeAll(() => cryptoReady());

describe("TransactionPool", () => {
  it("orders each account by nonce, holds future nonces, promotes them when the gap fills", async () => {
    const { pool, seen } = await freshPool();
    const t2 = sign(ALICE, 2);
    const t1 = sign(ALICE, 1);
    const t0 = sign(ALICE, 0);
    expect((await pool.submit(t2)).status).toBe("future");
    expect((await pool.submit(t1)).status).toBe("future");
    expect(pool.ready()).toEqual([]);
    expect((await pool.submit(t0)).status).toBe("ready");
    expect(pool.ready()).toEqual([t0, t1, t2]);
    expect(seen.filter(([, s]) => s.type === "ready")).toHaveLength(3);
    const block = chain.produceBlock(pool.ready());
    expect(block.rejected).toEqual([]);
    pool.onBlock(
      block.hash,
      block.number,
      block.block.extrinsics.map((x) => pool.all().find((t) => t.bytes === x)!.hash),
    );
    expect(pool.size).toBe(0);
    await chain.close();
  });

  it("puts higher priority (operational) first across accounts and keeps arrival order among equals", async () => {
    const { pool } = await freshPool();
    const b0 = sign(BOB, 0);
    const c0 = sign(CHARLIE, 0);
    const a0 = sign(ALICE, 0);
    for (const t of [b0, c0, a0]) await pool.submit(t);
    expect(pool.ready()).toEqual([b0, c0, a0]);
    expect(pool.ready(2)).toEqual([b0, c0]);
    await chain.close();
  });

  it("rejects duplicates, stale nonces, bad signatures, and a same-nonce rival without a higher tip", async () => {
    const { pool, seen } = await freshPool();
    const t0 = sign(ALICE, 0);
    await pool.submit(t0);
    expect((await refusal(pool.submit(t0)))?.code).toBe("AlreadyImported");
    const rival = sign(ALICE, 0);
    expect((await refusal(pool.submit(rival)))?.code).toBe("TooLowPriority");
    // The runtime's priority is by dispatch class (a tip does not raise it): a tipped rival is refused too.
    const tipped = sign(ALICE, 0, 1_000n);
    expect((await refusal(pool.submit(tipped)))?.code).toBe("TooLowPriority");
    const forged = signExtrinsic(ALICE, call(BOB.ss58Address), {
      nonce: 1,
      genesisHash: `0x${"22".repeat(32)}`,
      birthHash: `0x${"22".repeat(32)}`,
    });
    const bad = await refusal(pool.submit(forged));
    expect(bad?.code).toBe("InvalidTransaction");
    expect(bad?.invalid?.kind).toBe("BadProof");
    const block = chain.produceBlock(pool.ready());
    pool.onBlock(block.hash, block.number, [pool.all()[0]!.hash]);
    const stale = await refusal(pool.submit(t0));
    expect(stale?.invalid?.kind).toBe("Stale");
    expect(seen.map(([, s]) => s.type)).toEqual(["ready", "inBlock"]);
    await chain.close();
  });

  it("limits an account's transactions and evicts the newest future ones over the future limit", async () => {
    const { pool, seen } = await freshPool({ ready: 100, future: 2, perAccount: 3 });
    for (const n of [1, 2]) await pool.submit(sign(ALICE, n));
    const third = sign(ALICE, 3);
    expect((await refusal(pool.submit(third)))?.code).toBe("ImmediatelyDropped");
    expect(pool.size).toBe(2);
    // Bob's future transaction is the newest of equal priority: over the limit it goes at once.
    expect((await refusal(pool.submit(sign(BOB, 5))))?.code).toBe("ImmediatelyDropped");
    expect(seen.filter(([, s]) => s.type === "dropped")).toEqual([]);
    expect(pool.size).toBe(2);
    // Alice's own account is full (3 with the ready one).
    await pool.submit(sign(ALICE, 0));
    expect(pool.ready()).toHaveLength(3);
    await chain.close();
  });

  it("verifies signatures on worker threads when built (inline from the sources)", async () => {
    const verifier = new SignatureVerifier();
    expect(verifier.threads).toBe(0); // vitest runs the TypeScript sources
    await verifier.close();
  });
});
