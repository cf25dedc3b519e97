// Fees in alpha (Subtensor pallets/transaction-fee tests: test_remove_stake_fees_alpha,
// test_rejects_multi_subnet_alpha_fee_deduction, test_move_stake_fees_alpha, …).
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, Scope } from "../src/index.js";
import { setFreeBalance } from "../src/pallets/balances/currency.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { author, chainWithFunds } from "./subnet-fixtures.js";

beforeAll(TestChain.ready);

const owner = Keypair.fromUri("//Bob");
const hot = Keypair.fromUri("//Bob//owner").ss58Address;
const hot2 = Keypair.fromUri("//Bob//sn2").ss58Address;
const staker = Keypair.fromUri("//Charlie");
const TAO = RAO_PER_TAO;

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function apply(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  if (!out.ok)
    return { invalid: out.invalid, events: [] as { name: string; data: Record<string, unknown> }[] };
  const o = out.outcomes[0]!;
  if (o.kind === "Applied" && !o.success) throw new Error(`${x.name}: ${JSON.stringify(o.error)}`);
  return { invalid: undefined, events: out.events.map((e) => e.event) };
}

/** Charlie staked 10 TAO on subnets 1 (and 2), then spent all but the existential deposit. */
function broke(subnets = 1) {
  const c = chainWithFunds([owner, staker]);
  apply(c, owner, call("register_network", { hotkey: hot }));
  if (subnets > 1) apply(c, owner, call("register_network", { hotkey: hot2 }));
  apply(c, staker, call("add_stake", { hotkey: hot, netuid: 1, amountStaked: 10n * TAO }));
  if (subnets > 1) apply(c, staker, call("add_stake", { hotkey: hot, netuid: 2, amountStaked: 10n * TAO }));
  const scope = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
  setFreeBalance(scope, staker.ss58Address, c.runtime.preset.chain.existentialDeposit);
  return c;
}

describe("transaction fees in alpha", () => {
  it("remove_stake without TAO for the fee pays it in alpha, sold to the block author", () => {
    const c = broke();
    const unstake = TAO / 50n;
    const alphaBefore = stakeOf(c.store, hot, staker.ss58Address, 1);
    const freeBefore = c.free(staker);
    const authorBefore = c.free(author);
    const r = apply(c, staker, call("remove_stake", { hotkey: hot, netuid: 1, amountUnstaked: unstake }));
    expect(r.invalid).toBeUndefined();
    const names = r.events.map((e) => e.name);
    const feeEvent = r.events.find((e) => e.name === "TransactionFeePaidWithAlpha")!;
    expect(feeEvent.data).toMatchObject({ who: staker.ss58Address, netuid: 1 });
    const alphaFee = feeEvent.data.alphaFee as bigint;
    expect(alphaFee).toBeGreaterThan(0n);
    expect(names.indexOf("TransactionFeePaidWithAlpha")).toBeLessThan(names.indexOf("TransactionFeePaid"));
    // The stake lost the unstaked amount and the fee; the coldkey's TAO grew by exactly what the call sold.
    expect(stakeOf(c.store, hot, staker.ss58Address, 1)).toBe(alphaBefore - unstake - alphaFee);
    const removed = r.events.filter((e) => e.name === "StakeRemoved").map((e) => e.data.tao as bigint);
    expect(removed).toHaveLength(2);
    expect(c.free(staker)).toBe(freeBefore + removed[1]!);
    // The author got the fee's TAO (and nothing was refunded: alpha fees are final).
    expect(c.free(author) - authorBefore).toBeGreaterThanOrEqual(feeEvent.data.taoAmount as bigint);
  });

  it("a call touching stake on several subnets cannot pay in alpha: refused, nothing moves", () => {
    const c = broke(2);
    const before = [1, 2].map((n) => stakeOf(c.store, hot, staker.ss58Address, n));
    const bytes = c.sign(staker, call("unstake_all", { hotkey: hot }));
    const pool = c.runtime.validateTransaction(c.store, c.nextBlock(), bytes);
    expect(pool).toMatchObject({ ok: false, invalid: { kind: "Payment" } });
    expect(c.block([bytes])).toMatchObject({ ok: false, invalid: { kind: "Payment" } });
    expect([1, 2].map((n) => stakeOf(c.store, hot, staker.ss58Address, n))).toEqual(before);
  });

  it("move_stake pays from its origin position; add_stake has no alpha to pay with", () => {
    const c = broke();
    const alpha = stakeOf(c.store, hot, staker.ss58Address, 1);
    expect(
      c.runtime.validateTransaction(
        c.store,
        c.nextBlock(),
        c.sign(staker, call("add_stake", { hotkey: hot, netuid: 1, amountStaked: TAO })),
      ),
    ).toMatchObject({ ok: false, invalid: { kind: "Payment" } });
    const r = apply(
      c,
      staker,
      call("move_stake", {
        originHotkey: hot,
        destinationHotkey: hot,
        originNetuid: 1,
        destinationNetuid: 0,
        alphaAmount: alpha,
      }),
    );
    expect(r.events.find((e) => e.name === "TransactionFeePaidWithAlpha")?.data).toMatchObject({ netuid: 1 });
    // The requested amount is capped at what the fee left.
    expect(stakeOf(c.store, hot, staker.ss58Address, 1)).toBe(0n);
    expect(stakeOf(c.store, hot, staker.ss58Address, 0)).toBeGreaterThan(0n);
  });

  it("with TAO for the fee nothing is paid in alpha", () => {
    const c = chainWithFunds([owner, staker]);
    apply(c, owner, call("register_network", { hotkey: hot }));
    apply(c, staker, call("add_stake", { hotkey: hot, netuid: 1, amountStaked: 10n * TAO }));
    const r = apply(c, staker, call("remove_stake", { hotkey: hot, netuid: 1, amountUnstaked: TAO / 50n }));
    expect(r.events.some((e) => e.name === "TransactionFeePaidWithAlpha")).toBe(false);
  });
});
