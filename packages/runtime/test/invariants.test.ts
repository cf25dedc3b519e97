// Property tests over random sequences of signed extrinsics, one block each.
// The invariant on money, written from the spec (transactions.md §1.3–1.4, §2.2): TAO exists only in
// accounts. Balances.TotalIssuance = Σ over every System.Account (special accounts included) of
// free + reserved; fees move to the block author (or are burned, reducing issuance), dust is burned.
// Nothing is held outside accounts until staking moves TAO into subnet accounts, which are accounts too.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { BalancesStorage, type RuntimeCall, SystemStorage } from "../src/index.js";
import { TestChain } from "./chain.js";

const people = ["Alice", "Bob", "Charlie", "Dave"].map((n) => Keypair.fromUri(`//${n}`));
const author = Keypair.fromUri("//One");

beforeAll(TestChain.ready);

const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 1_000n }),
  fc.bigInt({ min: 0n, max: 20n * RAO_PER_TAO }),
  fc.constantFrom(499n, 500n, 501n, 10n * RAO_PER_TAO),
);
const who = fc.integer({ min: 0, max: people.length - 1 });

const call: fc.Arbitrary<RuntimeCall> = fc.oneof(
  fc.record({ to: who, value: amount }).map(({ to, value }) => ({
    pallet: "Balances",
    name: "transfer_allow_death",
    args: { dest: people[to]!.ss58Address, value },
  })),
  fc.record({ to: who, value: amount }).map(({ to, value }) => ({
    pallet: "Balances",
    name: "transfer_keep_alive",
    args: { dest: people[to]!.ss58Address, value },
  })),
  fc.record({ to: who, keepAlive: fc.boolean() }).map(({ to, keepAlive }) => ({
    pallet: "Balances",
    name: "transfer_all",
    args: { dest: people[to]!.ss58Address, keepAlive },
  })),
  fc.record({ value: amount, keepAlive: fc.boolean() }).map(({ value, keepAlive }) => ({
    pallet: "Balances",
    name: "burn",
    args: { value, keepAlive },
  })),
);

const step = fc.record({ from: who, call: fc.oneof(call, fc.array(call, { maxLength: 3 }).map(batchOf)) });

function batchOf(calls: RuntimeCall[]): RuntimeCall {
  return { pallet: "Utility", name: "batch_all", args: { calls } };
}

function snapshot(c: TestChain): Map<string, { free: bigint; nonce: number }> {
  return new Map(
    [...SystemStorage.Account.entries(c.store)].map(([k, v]) => [k, { free: v.data.free, nonce: v.nonce }]),
  );
}

describe("runtime invariants over random extrinsics", () => {
  it("issuance equals the sum of balances; a failed call changes only the fee and the nonce", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const c = new TestChain({
          balances: [...people, author].map((k, i) => ({
            address: k.ss58Address,
            free: BigInt(i + 1) * 3n * RAO_PER_TAO,
          })),
          authorities: [author.ss58Address],
        });
        for (const { from, call: stepCall } of steps) {
          const signer = people[from]!;
          const before = snapshot(c);
          const outcome = c.block([c.sign(signer, stepCall)]);
          const after = snapshot(c);
          const total = [...after.values()].reduce((sum, a) => sum + a.free, 0n);
          expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(total);
          for (const a of after.values()) expect(a.free >= 500n).toBe(true);
          if (!outcome.ok) {
            // Invalid (e.g. a reaped account cannot pay): nothing at all changed.
            expect(after).toEqual(before);
            continue;
          }
          const result = outcome.outcomes[0]!;
          if (result.kind !== "Applied" || result.success) continue;
          const changed = new Set(
            [...before.keys(), ...after.keys()].filter((k) => {
              const x = before.get(k);
              const y = after.get(k);
              return x?.free !== y?.free || x?.nonce !== y?.nonce;
            }),
          );
          changed.delete(signer.ss58Address);
          changed.delete(author.ss58Address);
          expect([...changed]).toEqual([]);
          const b = before.get(signer.ss58Address)!;
          const a = after.get(signer.ss58Address)!;
          expect(a.nonce).toBe(b.nonce + 1);
          expect(b.free - a.free).toBe(result.fee);
        }
      }),
      { numRuns: 60 },
    );
  });
});
