import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BalancesStorage,
  CoinbaseStorage,
  type RuntimeCall,
  SubtensorStorage as S,
  SystemStorage,
  subnetAccountId,
} from "../src/index.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");
const charlie = Keypair.fromUri("//Charlie");

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});
const hotkey = (n: number) => Keypair.fromUri(`//Charlie//miner${n}`).ss58Address;

function run(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return {
    error: o.kind === "Applied" && !o.success ? o.error : undefined,
    events: out.events.map((e) => e.event),
  };
}

/** A chain with subnet 1 registered by Bob (fast preset: started at once). */
function withSubnet() {
  const c = chainWithFunds([bob, charlie]);
  const r = run(c, bob, call("register_network", { hotkey: Keypair.fromUri("//Bob//owner").ss58Address }));
  if (r.error) throw new Error(JSON.stringify(r.error));
  return c;
}

describe("burned_register (Subtensor's registration tests)", () => {
  it("charges the price into the pool, burns the alpha bought, appends a uid and raises the price by 1.26", () => {
    const c = withSubnet();
    const price = S.Burn.get(c.store, 1);
    const alphaOut = S.SubnetAlphaOut.get(c.store, 1);
    const pool = SystemStorage.Account.get(c.store, subnetAccountId(1)).data.free;
    const out = run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(1) }));
    expect(out.error).toBeUndefined();
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NeuronRegistered",
      data: { netuid: 1, uid: 1, hotkey: hotkey(1) },
    });
    const fee = out.events.find((e) => e.name === "Deposit" && e.data.who !== charlie.ss58Address);
    // The alpha the price bought is burned: alpha out grew by at most this block's emission.
    expect(S.SubnetAlphaOut.get(c.store, 1) - alphaOut).toBeLessThanOrEqual(
      CoinbaseStorage.SubnetAlphaOutEmission.get(c.store, 1),
    );
    expect(SystemStorage.Account.get(c.store, subnetAccountId(1)).data.free).toBeGreaterThan(pool);
    expect(fee).toBeDefined();
    const priceBefore = price; // the block's decay ran before the registration
    expect(S.Burn.get(c.store, 1)).toBeGreaterThan(priceBefore);
    expect(S.RAORecycledForRegistration.get(c.store, 1)).toBeGreaterThan(0n);
    expect(S.Owner.get(c.store, hotkey(1))).toBe(charlie.ss58Address);
  });

  it("decays the price every block toward half over BurnHalfLife blocks", () => {
    const c = withSubnet();
    const start = S.Burn.get(c.store, 1);
    const halfLife = S.BurnHalfLife.get(c.store, 1);
    for (let i = 0; i < halfLife; i++) c.block();
    const after = S.Burn.get(c.store, 1);
    expect(after * 2n).toBeGreaterThanOrEqual(start - 2n * BigInt(halfLife));
    expect(after * 2n).toBeLessThanOrEqual(start + 2n);
  });

  it("checks in Subtensor's order", () => {
    const c = withSubnet();
    expect(run(c, charlie, call("burned_register", { netuid: 0, hotkey: hotkey(1) })).error).toMatchObject({
      name: "RegistrationNotPermittedOnRootSubnet",
    });
    expect(run(c, charlie, call("burned_register", { netuid: 5, hotkey: hotkey(1) })).error).toMatchObject({
      name: "SubnetNotExists",
    });
    S.NetworkRegistrationAllowed.set(c.store, 1, false);
    expect(run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(1) })).error).toMatchObject({
      name: "SubNetRegistrationDisabled",
    });
    S.NetworkRegistrationAllowed.set(c.store, 1, true);
    expect(run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(1) })).error).toBeUndefined();
    expect(run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(1) })).error).toMatchObject({
      name: "HotKeyAlreadyRegisteredInSubNet",
    });
    expect(run(c, bob, call("burned_register", { netuid: 1, hotkey: hotkey(1) })).error).toMatchObject({
      name: "HotKeyAlreadyRegisteredInSubNet",
    });
    expect(
      run(c, bob, call("burned_register", { netuid: 1, hotkey: Keypair.fromUri("//Charlie//x").ss58Address }))
        .error,
    ).toBeUndefined();
    run(c, charlie, call("try_associate_hotkey", { hotkey: hotkey(2) }));
    expect(run(c, bob, call("burned_register", { netuid: 1, hotkey: hotkey(2) })).error).toMatchObject({
      name: "NonAssociatedColdKey",
    });
    S.MaxAllowedUids.set(c.store, 1, 0);
    expect(run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(2) })).error).toMatchObject({
      name: "NoNeuronIdAvailable",
    });
  });

  it("register_limit refuses a price above the limit; register ignores its proof of work", () => {
    const c = withSubnet();
    const price = S.Burn.get(c.store, 1);
    expect(
      run(c, charlie, call("register_limit", { netuid: 1, hotkey: hotkey(1), limitPrice: price / 2n })).error,
    ).toMatchObject({
      name: "RegistrationPriceLimitExceeded",
    });
    expect(
      run(c, charlie, call("register_limit", { netuid: 1, hotkey: hotkey(1), limitPrice: price * 2n })).error,
    ).toBeUndefined();
    const pow = {
      netuid: 1,
      blockNumber: 0n,
      nonce: 0n,
      work: new Uint8Array(32),
      hotkey: hotkey(2),
      coldkey: bob.ss58Address,
    };
    expect(run(c, charlie, call("register", pow)).error).toBeUndefined();
    expect(S.Owner.get(c.store, hotkey(2))).toBe(charlie.ss58Address);
  });

  it("replaces the lowest-emission non-immune neuron when full, keeping the owner's", () => {
    const c = withSubnet();
    S.MaxAllowedUids.set(c.store, 1, 3);
    S.ImmunityPeriod.set(c.store, 1, 1);
    S.MinNonImmuneUids.set(c.store, 1, 0);
    run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(1) }));
    run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(2) }));
    S.Emission.set(c.store, 1, [0n, 50n, 10n]);
    S.Weights.set(c.store, 1, 1, [
      [1, 100],
      [2, 200],
    ]);
    c.block();
    const out = run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(3) }));
    expect(out.error).toBeUndefined();
    expect(out.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NeuronRegistered",
      data: { netuid: 1, uid: 2, hotkey: hotkey(3) },
    });
    expect(S.Uids.get(c.store, 1, hotkey(2))).toBeUndefined();
    expect(S.Emission.get(c.store, 1)).toEqual([0n, 50n, 0n]);
    expect(S.Weights.get(c.store, 1, 1)).toEqual([
      [1, 100],
      [2, 0],
    ]);
    expect(S.Keys.get(c.store, 1, 0)).toBe(Keypair.fromUri("//Bob//owner").ss58Address);
  });

  it("keeps issuance equal to all balances through registrations", () => {
    const c = withSubnet();
    for (let i = 1; i <= 3; i++) run(c, charlie, call("burned_register", { netuid: 1, hotkey: hotkey(i) }));
    const total = [...SystemStorage.Account.entries(c.store)].reduce((s, [, a]) => s + a.data.free, 0n);
    expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(total);
    // The pool account holds exactly the pool's TAO plus the existential deposit's worth of rounding.
    const account = SystemStorage.Account.get(c.store, subnetAccountId(1)).data.free;
    expect(account).toBeGreaterThanOrEqual(S.SubnetTAO.get(c.store, 1));
  });
});
