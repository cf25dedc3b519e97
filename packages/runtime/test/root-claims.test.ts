import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { CoinbaseStorage as C, type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { owedRootDividends } from "../src/pallets/subtensor/root-claims/claims.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");
const bobHot = Keypair.fromUri("//Bob//owner").ss58Address;
const charlie = Keypair.fromUri("//Charlie");
const dave = Keypair.fromUri("//Dave");
const TAO = RAO_PER_TAO;

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function ok(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  const o = out.ok ? out.outcomes[0] : undefined;
  if (o?.kind !== "Applied" || !o.success)
    throw new Error(`${x.name}: ${JSON.stringify(o, (_k, v) => (typeof v === "bigint" ? `${v}` : v))}`);
}

/** Subnet 1 whose validator (the owner hotkey) carries Charlie's root stake, after one paid epoch. */
function afterRootDividends() {
  const c = chainWithFunds([bob, charlie, dave]);
  ok(c, bob, call("register_network", { hotkey: bobHot }));
  ok(c, bob, call("add_stake", { hotkey: bobHot, netuid: 1, amountStaked: 10n * TAO }));
  ok(c, charlie, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: 100_000n * TAO }));
  // Root dividends are paid only while the subnets' EMA prices sum above 1 (economics §4.5).
  S.SubnetMovingPrice.set(c.store, 1, 2n << 32n);
  const epoch = S.SubnetEpochIndex.get(c.store, 1);
  while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
  return c;
}

describe("root dividends and claim_root", () => {
  it("an epoch leaves root dividends claimable per unit of root stake", () => {
    const c = afterRootDividends();
    expect(C.RootClaimable.get(c.store, bobHot, 1)).toBeGreaterThan(0n);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBeGreaterThan(0n);
  });

  it("Swap (the default) sells the alpha and adds the TAO to the root stake", () => {
    const c = afterRootDividends();
    const before = stakeOf(c.store, bobHot, charlie.ss58Address, 0);
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    expect(stakeOf(c.store, bobHot, charlie.ss58Address, 0)).toBeGreaterThan(before);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBeLessThan(500_000n * 20n);
  });

  it("Keep stakes the alpha on the subnet", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("set_root_claim_type", { newRootClaimType: { tag: "Keep", value: undefined } }));
    const owed = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    // The share pool floors a value by at most one rao.
    expect(stakeOf(c.store, bobHot, charlie.ss58Address, 1)).toBeGreaterThanOrEqual(owed - 1n);
  });

  it("new root stake cannot claim dividends paid before it arrived", () => {
    const c = afterRootDividends();
    ok(c, dave, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: 100_000n * TAO }));
    expect(owedRootDividends(c.store, bobHot, dave.ss58Address, 1)).toBeLessThanOrEqual(1n);
  });

  it("claims name one to five subnets", () => {
    const c = afterRootDividends();
    const out = c.block([c.sign(charlie, call("claim_root", { subnets: [] }))]);
    expect(out.ok && out.outcomes[0]).toMatchObject({
      success: false,
      error: { name: "InvalidSubnetNumber" },
    });
  });
});
