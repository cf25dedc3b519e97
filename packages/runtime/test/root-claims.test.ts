import { hexToBytes, Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { CoinbaseStorage as C, type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { blockHashToIndices } from "../src/pallets/subtensor/root-claims/auto-claim.js";
import { owedRootDividends } from "../src/pallets/subtensor/root-claims/claims.js";
import { RootClaimStorage as R } from "../src/pallets/subtensor/root-claims/storage.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds, owner as sudoKey } from "./subnet-fixtures.js";

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

/**
 * Subnet 1 whose validator (the owner hotkey) carries Charlie's root stake, after one paid epoch.
 * Automatic claims are off unless `auto`, so the explicit claims have something left to claim.
 */
function afterRootDividends(auto = false) {
  const c = chainWithFunds([bob, charlie, dave]);
  if (!auto) R.NumRootClaim.set(c.store, 0n);
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

describe("automatic root claims (run_auto_claim_root_divs)", () => {
  // Subtensor's test_claim_root_block_hash_indices; the hashes are keccak_256 of the words.
  it("draws up to k distinct coldkey indices below n from the parent hash", () => {
    const keccak = {
      zero: "0x29319238daf40223d6021718c846ac2a0c0ef028ecc765972e999a8ac79662a8",
      some: "0x4e7e8301f5d206748d1c4f822e3564ddb1124f86591a839f58dfc2f007983b61",
      some2: "0xc357a61b4f8af02f92c4f354b4839925d8c5a18c9c017f80efab7efcb363aed7",
    };
    expect(blockHashToIndices(hexToBytes(keccak.zero), 0n, 15_000n)).toEqual([]);
    expect(blockHashToIndices(hexToBytes(keccak.some), 15n, 15_000n)).toEqual(
      [265, 630, 1286, 1558, 4496, 4861, 5517, 5789, 6803, 8096, 9092, 11034, 11399, 12055, 12327].map(
        BigInt,
      ),
    );
    expect(blockHashToIndices(hexToBytes(keccak.some2), 15n, 15_000n)).toEqual(
      [61, 246, 1440, 2855, 3521, 5236, 6130, 6615, 8511, 9405, 9890, 11786, 11971, 13165, 14580].map(BigInt),
    );
    expect(blockHashToIndices(hexToBytes(keccak.some), 5n, 0n)).toEqual([0n]);
  });

  it("pays a root staker's dividends every block without claim_root (Keep: as subnet alpha)", () => {
    const c = chainWithFunds([bob, charlie]);
    ok(c, bob, call("register_network", { hotkey: bobHot }));
    ok(c, bob, call("add_stake", { hotkey: bobHot, netuid: 1, amountStaked: 10n * TAO }));
    ok(c, charlie, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: 100_000n * TAO }));
    ok(c, charlie, call("set_root_claim_type", { newRootClaimType: { tag: "Keep", value: undefined } }));
    expect(R.NumStakingColdkeys.get(c.store)).toBe(1n);
    S.SubnetMovingPrice.set(c.store, 1, 2n << 32n);
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
    c.block();
    expect(C.RootClaimable.get(c.store, bobHot, 1)).toBeGreaterThan(0n);
    expect(stakeOf(c.store, bobHot, charlie.ss58Address, 1)).toBeGreaterThan(0n);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBeLessThan(500_000n);
  });

  it("indexes coldkeys with root stake densely and drops those that unstake it all", () => {
    const c = afterRootDividends();
    ok(c, dave, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: 10n * TAO }));
    const indexOf = (k: Keypair) => R.StakingColdkeys.getOptional(c.store, k.ss58Address);
    expect([indexOf(charlie), indexOf(dave), R.NumStakingColdkeys.get(c.store)]).toEqual([0n, 1n, 2n]);
    const all = stakeOf(c.store, bobHot, charlie.ss58Address, 0);
    ok(c, charlie, call("remove_stake", { hotkey: bobHot, netuid: 0, amountUnstaked: all / 2n }));
    expect(indexOf(charlie)).toBe(0n);
    ok(c, charlie, call("remove_stake", { hotkey: bobHot, netuid: 0, amountUnstaked: all }));
    expect([indexOf(charlie), indexOf(dave), R.NumStakingColdkeys.get(c.store)]).toEqual([undefined, 0n, 1n]);
    expect(R.StakingColdkeysByIndex.getOptional(c.store, 0n)).toBe(dave.ss58Address);
    expect(R.StakingColdkeysByIndex.getOptional(c.store, 1n)).toBeUndefined();
  });

  // test_claim_root_with_swap_coldkey (Keep: the claimed record moves with the alpha on that subnet).
  it("a coldkey swap moves the index entry and what was claimed to the new coldkey", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("set_root_claim_type", { newRootClaimType: { tag: "Keep", value: undefined } }));
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    const claimed = R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1]);
    expect(claimed).toBeGreaterThan(0n);
    const fresh = Keypair.fromUri("//Fresh").ss58Address;
    ok(c, sudoKey, {
      pallet: "Sudo",
      name: "sudo",
      args: {
        call: call("swap_coldkey", { oldColdkey: charlie.ss58Address, newColdkey: fresh, swapCost: 0n }),
      },
    });
    expect(R.StakingColdkeys.getOptional(c.store, charlie.ss58Address)).toBeUndefined();
    expect(R.StakingColdkeysByIndex.getOptional(c.store, 0n)).toBe(fresh);
    expect(R.RootClaimed.get(c.store, bobHot, [fresh, 1])).toBe(claimed);
    expect(R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1])).toBe(0n);
    expect(owedRootDividends(c.store, bobHot, fresh, 1)).toBeLessThan(500_000n);
  });
});
