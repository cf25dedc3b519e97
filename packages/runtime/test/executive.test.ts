import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BalancesStorage,
  type BlockOutcome,
  invalidMessage,
  mortalEra,
  type RuntimeCall,
  SystemStorage,
} from "../src/index.js";
import { GENESIS_HASH, hashOfBlock, TestChain, transferCall } from "./chain.js";

const alice = Keypair.fromUri("//Alice");
const bob = Keypair.fromUri("//Bob");
const eve = Keypair.fromUri("//Eve");
const author = Keypair.fromUri("//One");

beforeAll(TestChain.ready);

function chain(authored = true) {
  const c = new TestChain({
    balances: [alice, bob, author].map((k) => ({ address: k.ss58Address, free: 100n * RAO_PER_TAO })),
    sudo: alice.ss58Address,
    authorities: [author.ss58Address],
  });
  if (!authored) c.author = undefined;
  return c;
}

function invalidOf(outcome: BlockOutcome) {
  if (outcome.ok) throw new Error("expected an invalid block");
  return outcome.invalid;
}

function applied(outcome: BlockOutcome) {
  if (!outcome.ok) throw new Error(`invalid block: ${invalidMessage(outcome.invalid)}`);
  return outcome;
}

const remark: RuntimeCall = {
  pallet: "System",
  name: "remark_with_event",
  args: { remark: Uint8Array.of(1) },
};

describe("transaction validity", () => {
  it("rejects a tampered signature, another chain's genesis, and unsigned extrinsics", () => {
    const c = chain();
    const tx = c.sign(alice, remark);
    const tampered = Uint8Array.from(tx);
    tampered[50] = (tampered[50]! + 1) % 256;
    expect(invalidOf(c.block([tampered])).kind).toBe("BadProof");
    expect(invalidOf(c.block([c.sign(alice, remark, { genesisHash: hashOfBlock(999) })])).kind).toBe(
      "BadProof",
    );
    // unsigned v4: length 4, version 0x04, System.remark(empty)
    expect(invalidOf(c.block([Uint8Array.of(16, 4, 0, 0, 0)])).kind).toBe("NoUnsignedValidator");
    expect(c.head).toBe(0);
  });

  it("names undecodable bytes and unknown calls", () => {
    const c = chain();
    expect(invalidOf(c.block([Uint8Array.of(1, 2, 3)])).kind).toBe("Decode");
    const tx = c.sign(alice, remark);
    const unknown = Uint8Array.from(tx);
    unknown[tx.length - 4] = 99; // the pallet index of the call
    expect(invalidOf(c.block([unknown]))).toMatchObject({
      kind: "Call",
      detail: expect.stringMatching(/no call/),
    });
  });

  it("orders nonces: stale and future are invalid; the pool sees the dependency", () => {
    const c = chain();
    applied(c.block([c.sign(alice, remark)]));
    expect(invalidOf(c.block([c.sign(alice, remark, { nonce: 0 })]))).toMatchObject({ kind: "Stale" });
    expect(invalidOf(c.block([c.sign(alice, remark, { nonce: 5 })]))).toMatchObject({ kind: "Future" });
    const future = c.runtime.validateTransaction(c.store, c.nextBlock(), c.sign(alice, remark, { nonce: 2 }));
    expect(future).toMatchObject({
      ok: true,
      value: { requires: [`${alice.ss58Address}:1`], provides: [`${alice.ss58Address}:2`] },
    });
    const ready = c.runtime.validateTransaction(c.store, c.nextBlock(), c.sign(alice, remark));
    expect(ready).toMatchObject({ ok: true, value: { requires: [], priority: 1n } });
  });

  it("enforces mortality: valid inside the era, outdated after it", () => {
    const c = chain();
    for (let i = 0; i < 3; i++) applied(c.block());
    const era = mortalEra(4, c.head);
    const tx = c.sign(alice, remark, { era, birthHash: hashOfBlock(c.head) });
    expect(c.runtime.validateTransaction(c.store, c.nextBlock(), tx)).toMatchObject({
      ok: true,
      value: { longevity: 3 },
    });
    for (let i = 0; i < 4; i++) applied(c.block());
    const late = invalidOf(c.block([tx]));
    expect(late.kind).toBe("Stale");
    expect(invalidMessage(late)).toMatch(/mortal era ended/);
  });

  it("rejects payers without funds, and Sudo calls from anyone but the sudo key", () => {
    const c = chain();
    expect(invalidOf(c.block([c.sign(eve, remark)])).kind).toBe("Payment");
    const sudo = { pallet: "Sudo", name: "sudo", args: { call: remark } };
    expect(invalidOf(c.block([c.sign(bob, sudo)])).kind).toBe("BadSigner");
  });

  it("an invalid extrinsic invalidates its whole block, leaving the state untouched", () => {
    const c = chain();
    const before = new Map(c.store.entries());
    const good = c.sign(alice, transferCall(eve.ss58Address, RAO_PER_TAO));
    expect(invalidOf(c.block([good, c.sign(bob, remark, { nonce: 7 })])).kind).toBe("Future");
    expect(new Map(c.store.entries())).toEqual(before);
  });
});

describe("dispatch", () => {
  it("a failed call keeps only its fee and nonce", () => {
    const c = chain();
    const before = c.free(alice);
    const out = applied(c.block([c.sign(alice, transferCall(eve.ss58Address, 1_000n * RAO_PER_TAO))]));
    const result = out.outcomes[0]!;
    expect(result).toMatchObject({
      kind: "Applied",
      success: false,
      error: { kind: "Token", error: "FundsUnavailable" },
    });
    expect(c.free(alice)).toBe(before - (result.kind === "Applied" ? result.fee : 0n));
    expect(c.nonce(alice)).toBe(1);
    expect(c.free(eve)).toBe(0n);
    expect(out.events.at(-1)?.event).toMatchObject({ pallet: "System", name: "ExtrinsicFailed" });
  });

  it("sudo dispatches as root and is free; root-only calls refuse signed origins", () => {
    const c = chain();
    const setBalance = {
      pallet: "Balances",
      name: "force_set_balance",
      args: { who: eve.ss58Address, newFree: 5n * RAO_PER_TAO },
    };
    const out = applied(
      c.block([c.sign(alice, { pallet: "Sudo", name: "sudo", args: { call: setBalance } })]),
    );
    expect(out.outcomes[0]).toMatchObject({ success: true, fee: 0n });
    expect(c.free(eve)).toBe(5n * RAO_PER_TAO);
    expect(out.events.find((e) => e.event.name === "Sudid")?.event.data).toEqual({
      sudoResult: { ok: null },
    });
    const direct = applied(c.block([c.sign(bob, setBalance)]));
    expect(direct.outcomes[0]).toMatchObject({ success: false, error: { kind: "BadOrigin" } });
  });

  it("batch stops at the first failure, batch_all rolls back, force_batch carries on", () => {
    const ok = transferCall(eve.ss58Address, RAO_PER_TAO);
    const bad = transferCall(eve.ss58Address, 10_000n * RAO_PER_TAO);
    const run = (name: string) => {
      const c = chain();
      const out = applied(
        c.block([c.sign(alice, { pallet: "Utility", name, args: { calls: [ok, bad, ok] } })]),
      );
      return {
        c,
        out,
        utility: out.events.filter((e) => e.event.pallet === "Utility").map((e) => e.event.name),
      };
    };
    const batch = run("batch");
    expect(batch.c.free(eve)).toBe(RAO_PER_TAO);
    expect(batch.utility).toEqual(["ItemCompleted", "BatchInterrupted"]);
    expect(batch.out.outcomes[0]).toMatchObject({ success: true });
    const all = run("batch_all");
    expect(all.c.free(eve)).toBe(0n);
    expect(all.out.outcomes[0]).toMatchObject({
      success: false,
      error: { kind: "Token", error: "FundsUnavailable" },
    });
    const force = run("force_batch");
    expect(force.c.free(eve)).toBe(2n * RAO_PER_TAO);
    expect(force.utility).toEqual([
      "ItemCompleted",
      "ItemFailed",
      "ItemCompleted",
      "BatchCompletedWithErrors",
    ]);
  });

  it("filters a batch nested in a batch", () => {
    const c = chain();
    const inner = { pallet: "Utility", name: "batch", args: { calls: [remark] } };
    const out = applied(
      c.block([c.sign(alice, { pallet: "Utility", name: "batch_all", args: { calls: [inner] } })]),
    );
    expect(out.outcomes[0]).toMatchObject({
      success: false,
      error: { kind: "Module", pallet: "System", name: "CallFiltered" },
    });
  });

  it("burns fees when there is no block author, keeping issuance equal to the balances", () => {
    const c = chain(false);
    const issuance = BalancesStorage.TotalIssuance.get(c.store);
    const out = applied(c.block([c.sign(alice, remark)]));
    const fee = out.outcomes[0]!.kind === "Applied" ? out.outcomes[0]!.fee : 0n;
    expect(fee).toBeGreaterThan(0n);
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(issuance - fee);
    expect(out.events.map((e) => e.event.name)).toContain("Rescinded");
  });

  it("records block hashes for mortality and keeps the genesis hash", () => {
    const c = chain();
    applied(c.block());
    applied(c.block());
    expect(SystemStorage.BlockHash.get(c.store, 0)).toBe(GENESIS_HASH);
    expect(SystemStorage.BlockHash.get(c.store, 1)).toBe(hashOfBlock(1));
    expect(SystemStorage.Number.get(c.store)).toBe(2);
  });
});
