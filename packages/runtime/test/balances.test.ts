import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { BalancesStorage, computeFee, decodeExtrinsic, type EventRecord } from "../src/index.js";
import { TestChain, transferCall } from "./chain.js";

const alice = Keypair.fromUri("//Alice");
const bob = Keypair.fromUri("//Bob");
const author = Keypair.fromUri("//One");
const fresh = Keypair.fromUri("//Fresh");
const ED = 500n;

beforeAll(TestChain.ready);

function chain(balances: [Keypair, bigint][] = [[alice, 10n * RAO_PER_TAO]]) {
  return new TestChain({
    balances: [...balances, [author, RAO_PER_TAO] as [Keypair, bigint]].map(([k, free]) => ({
      address: k.ss58Address,
      free,
    })),
    sudo: alice.ss58Address,
    authorities: [author.ss58Address],
  });
}

const names = (events: EventRecord[]) => events.map((e) => `${e.event.pallet}.${e.event.name}`);

function only(c: TestChain, tx: Uint8Array) {
  const outcome = c.block([tx]);
  if (!outcome.ok) throw new Error(`block invalid: ${outcome.invalid.kind}`);
  return { outcome: outcome.outcomes[0]!, events: outcome.events };
}

describe("transfers (pallet-balances rules)", () => {
  it("endows a new account and pays the exact fee to the author", () => {
    const c = chain();
    const tx = c.sign(alice, transferCall(fresh.ss58Address, RAO_PER_TAO));
    const { outcome, events } = only(c, tx);
    expect(outcome).toMatchObject({ kind: "Applied", success: true });
    const fee = computeFee(
      c.runtime.preset,
      c.runtime.preset.fees.extrinsicBaseWeight + 175_000_000n,
      tx.length,
    );
    expect(outcome.kind === "Applied" && outcome.fee).toBe(fee);
    expect(c.free(alice)).toBe(9n * RAO_PER_TAO - fee);
    expect(c.free(fresh)).toBe(RAO_PER_TAO);
    expect(c.free(author)).toBe(RAO_PER_TAO + fee);
    expect(c.nonce(alice)).toBe(1);
    expect(names(events)).toEqual([
      "Balances.Withdraw",
      "System.NewAccount",
      "Balances.Endowed",
      "Balances.Transfer",
      "Balances.Deposit",
      "TransactionPayment.TransactionFeePaid",
      "System.ExtrinsicSuccess",
    ]);
    expect(events[3]!.event.data).toEqual({
      from: alice.ss58Address,
      to: fresh.ss58Address,
      amount: RAO_PER_TAO,
    });
  });

  it("refuses to create an account below the existential deposit (Token.BelowMinimum)", () => {
    const c = chain();
    const { outcome } = only(c, c.sign(alice, transferCall(fresh.ss58Address, ED - 1n)));
    expect(outcome).toMatchObject({ success: false, error: { kind: "Token", error: "BelowMinimum" } });
    expect(c.free(fresh)).toBe(0n);
    expect(c.nonce(alice)).toBe(1);
  });

  it("reports missing funds (Token.FundsUnavailable) and keeps only the fee", () => {
    const c = chain();
    const before = c.free(alice);
    const { outcome } = only(c, c.sign(alice, transferCall(bob.ss58Address, 11n * RAO_PER_TAO)));
    expect(outcome).toMatchObject({ success: false, error: { kind: "Token", error: "FundsUnavailable" } });
    expect(outcome.kind === "Applied" && before - c.free(alice)).toBe(
      outcome.kind === "Applied" ? outcome.fee : 0n,
    );
  });

  it("transfer_keep_alive will not reap the sender (Token.NotExpendable)", () => {
    const c = chain([[alice, 10n * RAO_PER_TAO]]);
    const all = c.free(alice);
    const probe = c.sign(alice, transferCall(bob.ss58Address, all, "transfer_keep_alive"));
    const fee = computeFee(
      c.runtime.preset,
      c.runtime.preset.fees.extrinsicBaseWeight + 165_000_000n,
      probe.length,
    );
    const { outcome } = only(
      c,
      c.sign(alice, transferCall(bob.ss58Address, all - fee - 100n, "transfer_keep_alive")),
    );
    expect(outcome).toMatchObject({ success: false, error: { kind: "Token", error: "NotExpendable" } });
  });

  it("transfer_allow_death reaps the sender and burns the dust", () => {
    const c = chain([
      [alice, 10n * RAO_PER_TAO],
      [bob, RAO_PER_TAO],
    ]);
    const tx = c.sign(bob, transferCall(alice.ss58Address, RAO_PER_TAO / 2n)); // same encoded size as the real one
    const fee = computeFee(
      c.runtime.preset,
      c.runtime.preset.fees.extrinsicBaseWeight + 175_000_000n,
      tx.length,
    );
    const dust = 100n;
    const issuance = BalancesStorage.TotalIssuance.get(c.store);
    const send = RAO_PER_TAO - fee - dust;
    const { outcome, events } = only(c, c.sign(bob, transferCall(alice.ss58Address, send)));
    expect(outcome).toMatchObject({ success: true });
    expect(c.free(bob)).toBe(0n);
    expect(c.nonce(bob)).toBe(0);
    expect(names(events)).toContain("System.KilledAccount");
    expect(events.find((e) => e.event.name === "DustLost")?.event.data).toEqual({
      account: bob.ss58Address,
      amount: dust,
    });
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(issuance - dust);
  });

  it("transfer_all with keep_alive leaves exactly the existential deposit", () => {
    const c = chain([
      [alice, 10n * RAO_PER_TAO],
      [bob, RAO_PER_TAO],
    ]);
    const tx = c.sign(bob, {
      pallet: "Balances",
      name: "transfer_all",
      args: { dest: alice.ss58Address, keepAlive: true },
    });
    expect(only(c, tx).outcome).toMatchObject({ success: true });
    expect(c.free(bob)).toBe(ED);
  });

  it("decodes amounts as Compact<u64>, as Substrate clients encode them", () => {
    const c = chain();
    const tx = decodeExtrinsic(c.sign(alice, transferCall(bob.ss58Address, 2n ** 64n - 1n)));
    expect(tx.call.args).toEqual({ dest: bob.ss58Address, value: 2n ** 64n - 1n });
  });
});
