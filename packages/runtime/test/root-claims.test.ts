import { hexToBytes, Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  CoinbaseStorage as C,
  type RuntimeCall,
  SubtensorStorage as S,
  Scope,
  SystemStorage,
  subnetAccountId,
} from "../src/index.js";
import { distributeEmission } from "../src/pallets/subtensor/coinbase/distribute.js";
import { poolOf } from "../src/pallets/subtensor/pool/pool-state.js";
import { quoteSell } from "../src/pallets/subtensor/pool/swap.js";
import { blockHashToIndices } from "../src/pallets/subtensor/root-claims/auto-claim.js";
import { doRootClaim, owedRootDividends } from "../src/pallets/subtensor/root-claims/claims.js";
import { RootClaimStorage as R } from "../src/pallets/subtensor/root-claims/storage.js";
import { decreaseStake, stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { acct, type Mock, mock, near } from "./staking-mock.js";
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
 * Dave stakes `daveRootTao` on root beside Charlie if given.
 */
function afterRootDividends(auto = false, daveRootTao = 0n) {
  const c = chainWithFunds([bob, charlie, dave]);
  if (!auto) R.NumRootClaim.set(c.store, 0n);
  ok(c, bob, call("register_network", { hotkey: bobHot }));
  ok(c, bob, call("add_stake", { hotkey: bobHot, netuid: 1, amountStaked: 10n * TAO }));
  ok(c, charlie, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: 100_000n * TAO }));
  if (daveRootTao > 0n)
    ok(c, dave, call("add_stake", { hotkey: bobHot, netuid: 0, amountStaked: daveRootTao }));
  // Root dividends are paid only while the subnets' EMA prices sum above 1 (economics §4.5).
  S.SubnetMovingPrice.set(c.store, 1, 2n << 32n);
  const epoch = S.SubnetEpochIndex.get(c.store, 1);
  while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 2n) c.block();
  return c;
}

/** Claims `who`'s dividends on subnet 1 outside a block, so no emission moves the pools meanwhile. */
function claimNow(c: TestChain, who: Keypair) {
  const scope = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
  const r = doRootClaim(scope, who.ss58Address, [1]);
  if (!r.ok) throw new Error(`claim failed: ${JSON.stringify(r)}`);
}

function snapshot(c: TestChain) {
  const free = (who: string) => SystemStorage.Account.get(c.store, who).data.free;
  return {
    alphaIn: S.SubnetAlphaIn.get(c.store, 1),
    alphaOut: S.SubnetAlphaOut.get(c.store, 1),
    subnetTao: S.SubnetTAO.get(c.store, 1),
    rootTao: S.SubnetTAO.get(c.store, 0),
    subnetAccount: free(subnetAccountId(1)),
    rootAccount: free(subnetAccountId(0)),
    charlieRoot: stakeOf(c.store, bobHot, charlie.ss58Address, 0),
    charlieAlpha: stakeOf(c.store, bobHot, charlie.ss58Address, 1),
    hotkeyAlpha: S.TotalHotkeyAlpha.get(c.store, bobHot, 1),
  };
}

describe("root dividends and claim_root", () => {
  it("an epoch leaves root dividends claimable per unit of root stake", () => {
    const c = afterRootDividends();
    expect(C.RootClaimable.get(c.store, bobHot, 1)).toBeGreaterThan(0n);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBeGreaterThan(0n);
  });

  it("Swap (the default) sells exactly the owed alpha, fee-free, and adds the TAO to the root stake", () => {
    const c = afterRootDividends();
    const owed = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    const claimed = R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1]);
    const quote = quoteSell(poolOf(c.store, 1), owed, {
      feeRate: S.FeeRate.get(c.store, 1),
      minimumReserve: c.runtime.preset.pool.minimumReserve,
      dropFees: true,
      simulate: true,
    });
    if (!quote.ok) throw new Error("the owed alpha cannot be sold");
    const tao = quote.amountPaidOut;
    const before = snapshot(c);
    claimNow(c, charlie);
    const after = snapshot(c);
    expect(after.alphaIn - before.alphaIn).toBe(owed);
    expect(before.alphaOut - after.alphaOut).toBe(owed);
    expect(before.subnetTao - after.subnetTao).toBe(tao);
    expect(after.rootTao - before.rootTao).toBe(tao);
    expect(before.subnetAccount - after.subnetAccount).toBe(tao);
    expect(after.rootAccount - before.rootAccount).toBe(tao);
    expect(after.charlieRoot - before.charlieRoot).toBe(tao);
    expect(after.charlieAlpha).toBe(before.charlieAlpha);
    // The claim is recorded, and the new root stake is marked as having claimed (floored) what it
    // would have earned, so at most the rounding of that mark is left.
    const rate = C.RootClaimable.get(c.store, bobHot, 1);
    expect(R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1])).toBe(
      claimed + owed + ((rate * tao) >> 32n),
    );
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBeLessThanOrEqual(1n);
  });

  it("Keep stakes exactly the owed alpha on the subnet and leaves the pool alone", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("set_root_claim_type", { newRootClaimType: { tag: "Keep", value: undefined } }));
    const owed = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    const before = snapshot(c);
    claimNow(c, charlie);
    const after = snapshot(c);
    // The share pool floors the value it reports by at most one rao.
    expect(after.charlieAlpha - before.charlieAlpha).toBeGreaterThanOrEqual(owed - 1n);
    expect(after.charlieAlpha - before.charlieAlpha).toBeLessThanOrEqual(owed);
    expect(S.TotalHotkeyAlpha.get(c.store, bobHot, 1) - before.hotkeyAlpha).toBe(owed);
    expect([after.alphaIn, after.alphaOut, after.subnetTao, after.charlieRoot]).toEqual([
      before.alphaIn,
      before.alphaOut,
      before.subnetTao,
      before.charlieRoot,
    ]);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBe(0n);
  });

  // test_claim_root_with_keep_subnets and test_claim_root_keep_subnets_swap_claim_type.
  it("KeepSubnets keeps the alpha of the subnets it names and swaps the others", () => {
    const c = afterRootDividends();
    const keepSubnets = (subnets: number[]) =>
      call("set_root_claim_type", { newRootClaimType: { tag: "KeepSubnets", value: { subnets } } });
    const refused = c.block([c.sign(charlie, keepSubnets([]))]);
    expect(refused.ok && refused.outcomes[0]).toMatchObject({
      success: false,
      error: { name: "InvalidSubnetNumber" },
    });
    expect(R.RootClaimType.get(c.store, charlie.ss58Address).tag).toBe("Swap");

    // Kept on subnet 1: the owed alpha becomes stake there.
    ok(c, charlie, keepSubnets([1]));
    expect(R.RootClaimType.get(c.store, charlie.ss58Address)).toEqual({
      tag: "KeepSubnets",
      value: { subnets: [1] },
    });
    const owed = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    const before = snapshot(c);
    claimNow(c, charlie);
    const kept = snapshot(c);
    expect(S.TotalHotkeyAlpha.get(c.store, bobHot, 1) - before.hotkeyAlpha).toBe(owed);
    expect([kept.charlieRoot, kept.alphaIn, kept.subnetTao]).toEqual([
      before.charlieRoot,
      before.alphaIn,
      before.subnetTao,
    ]);

    // Keeping another subnet only: the next dividends on subnet 1 are swapped for root stake.
    ok(c, charlie, keepSubnets([100]));
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 1n) c.block();
    const owedAgain = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    expect(owedAgain).toBeGreaterThan(0n);
    const beforeSwap = snapshot(c);
    claimNow(c, charlie);
    const swapped = snapshot(c);
    expect(swapped.alphaIn - beforeSwap.alphaIn).toBe(owedAgain);
    expect(swapped.charlieRoot - beforeSwap.charlieRoot).toBe(beforeSwap.subnetTao - swapped.subnetTao);
    expect(swapped.charlieRoot).toBeGreaterThan(beforeSwap.charlieRoot);
    expect(swapped.hotkeyAlpha).toBe(beforeSwap.hotkeyAlpha);
  });

  // test_claim_root_threshold, and what the threshold does to a claim.
  it("RootClaimableThreshold: set by root or the subnet owner up to 10_000_000; smaller claims wait", () => {
    const c = afterRootDividends();
    const threshold = (who: Keypair, newValue: bigint, sudo = false) => {
      const x = call("sudo_set_root_claim_threshold", { netuid: 1, newValue });
      const out = c.block([c.sign(who, sudo ? { pallet: "Sudo", name: "sudo", args: { call: x } } : x)]);
      return out.ok ? out.outcomes[0] : undefined;
    };
    expect(R.RootClaimableThreshold.get(c.store, 1)).toBe(500_000n);
    threshold(sudoKey, 1000n, true);
    expect(R.RootClaimableThreshold.get(c.store, 1)).toBe(1000n);
    expect(threshold(bob, 2000n)).toMatchObject({ success: true });
    expect(R.RootClaimableThreshold.get(c.store, 1)).toBe(2000n);
    expect(threshold(charlie, 2000n)).toMatchObject({ success: false, error: { kind: "BadOrigin" } });
    expect(threshold(bob, 10_000_001n)).toMatchObject({
      success: false,
      error: { name: "InvalidRootClaimThreshold" },
    });
    expect(R.RootClaimableThreshold.get(c.store, 1)).toBe(2000n);

    // Dave's 100 τ of root stake is owed less than the largest threshold: below it, claim_root succeeds
    // and pays nothing; at it, the claim pays.
    const d = afterRootDividends(false, 100n * TAO);
    ok(d, dave, call("set_root_claim_type", { newRootClaimType: { tag: "Keep", value: undefined } }));
    const owed = owedRootDividends(d.store, bobHot, dave.ss58Address, 1);
    expect(owed).toBeGreaterThan(500_000n);
    expect(owed).toBeLessThan(10_000_000n);
    R.RootClaimableThreshold.set(d.store, 1, owed + 1n);
    const hotkeyAlpha = S.TotalHotkeyAlpha.get(d.store, bobHot, 1);
    claimNow(d, dave);
    expect(stakeOf(d.store, bobHot, dave.ss58Address, 1)).toBe(0n);
    expect(owedRootDividends(d.store, bobHot, dave.ss58Address, 1)).toBe(owed);
    R.RootClaimableThreshold.set(d.store, 1, owed);
    claimNow(d, dave);
    expect(S.TotalHotkeyAlpha.get(d.store, bobHot, 1) - hotkeyAlpha).toBe(owed);
    expect(owedRootDividends(d.store, bobHot, dave.ss58Address, 1)).toBe(0n);
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

describe("root stake moved within root keeps what was claimed (transfer_stake_within_subnet)", () => {
  const transferRoot = (to: Keypair, alphaAmount: bigint) =>
    call("transfer_stake", {
      destinationColdkey: to.ss58Address,
      hotkey: bobHot,
      originNetuid: 0,
      destinationNetuid: 0,
      alphaAmount,
    });

  it("the receiver of claimed root stake is owed nothing, and its claim pays 0", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    const left = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    expect(left).toBeLessThanOrEqual(1n);
    const root = stakeOf(c.store, bobHot, charlie.ss58Address, 0);
    ok(c, charlie, transferRoot(dave, root));
    expect(stakeOf(c.store, bobHot, dave.ss58Address, 0)).toBe(root);
    expect(owedRootDividends(c.store, bobHot, dave.ss58Address, 1)).toBe(0n);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBe(0n);
    // Dave now holds root stake, so the automatic claims draw him too; Charlie stays (as in Subtensor).
    expect(R.StakingColdkeys.getOptional(c.store, dave.ss58Address)).toBe(1n);
    expect(R.NumStakingColdkeys.get(c.store)).toBe(2n);
    const before = snapshot(c);
    claimNow(c, dave);
    expect(stakeOf(c.store, bobHot, dave.ss58Address, 0)).toBe(root);
    expect(stakeOf(c.store, bobHot, dave.ss58Address, 1)).toBe(0n);
    expect([S.SubnetAlphaIn.get(c.store, 1), S.SubnetTAO.get(c.store, 1)]).toEqual([
      before.alphaIn,
      before.subnetTao,
    ]);
  });

  it("what is still owed stays with the sender; sender and receiver together are owed what it was", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    const epoch = S.SubnetEpochIndex.get(c.store, 1);
    while (S.SubnetEpochIndex.get(c.store, 1) < epoch + 1n) c.block();
    const owed = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    expect(owed).toBeGreaterThan(500_000n);
    const root = stakeOf(c.store, bobHot, charlie.ss58Address, 0);
    ok(c, charlie, transferRoot(dave, root / 2n));
    const sender = owedRootDividends(c.store, bobHot, charlie.ss58Address, 1);
    const receiver = owedRootDividends(c.store, bobHot, dave.ss58Address, 1);
    expect(receiver).toBe(0n);
    // Subtensor floors the claimed marks it moves: at most a rao is lost per mark.
    expect(sender + receiver).toBeLessThanOrEqual(owed);
    expect(sender + receiver).toBeGreaterThanOrEqual(owed - 2n);
  });

  it("move_stake to another hotkey on root: no dividends of the new hotkey from before the move", () => {
    const c = afterRootDividends();
    const daveHot = Keypair.fromUri("//Dave//hot").ss58Address;
    ok(c, dave, call("burned_register", { netuid: 1, hotkey: daveHot }));
    // The other hotkey's root stakers were paid at the same rate.
    C.RootClaimable.set(c.store, daveHot, 1, C.RootClaimable.get(c.store, bobHot, 1));
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    const root = stakeOf(c.store, bobHot, charlie.ss58Address, 0);
    ok(
      c,
      charlie,
      call("move_stake", {
        originHotkey: bobHot,
        destinationHotkey: daveHot,
        originNetuid: 0,
        destinationNetuid: 0,
        alphaAmount: root,
      }),
    );
    expect(stakeOf(c.store, daveHot, charlie.ss58Address, 0)).toBe(root);
    expect(owedRootDividends(c.store, daveHot, charlie.ss58Address, 1)).toBe(0n);
    expect(owedRootDividends(c.store, bobHot, charlie.ss58Address, 1)).toBe(0n);
  });

  it("swap_hotkey on root moves what was claimed to the new hotkey (transfer_root_claimed_for_new_keys)", () => {
    const c = afterRootDividends();
    ok(c, charlie, call("claim_root", { subnets: [1] }));
    const claimed = R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1]);
    const newHot = Keypair.fromUri("//Bob//new").ss58Address;
    ok(c, bob, call("swap_hotkey", { hotkey: bobHot, newHotkey: newHot, netuid: undefined }));
    expect(R.RootClaimed.get(c.store, newHot, [charlie.ss58Address, 1])).toBe(claimed);
    expect(R.RootClaimed.get(c.store, bobHot, [charlie.ss58Address, 1])).toBe(0n);
    expect(owedRootDividends(c.store, newHot, charlie.ss58Address, 1)).toBeLessThanOrEqual(1n);
  });
});

// Subtensor's tests/claim_root.rs on its mock (straight dispatch, no blocks): root stake put in place as
// `mock_increase_stake_for_hotkey_and_coldkey_on_subnet` does, then `distribute_emission` with only
// pending root alpha. The delegate take is the default 18%.
describe("claim_root.rs, ported", () => {
  const U64_MAX = 2n ** 64n - 1n;
  const [ownerColdkey, hotkey] = [acct(1001), acct(1002)];
  const keep = { tag: "Keep", value: undefined };

  /** `mock_increase_stake_for_hotkey_and_coldkey_on_subnet`: shares, and the hotkey in StakingHotkeys. */
  function mockStake(m: Mock, coldkey: string, netuid: number, alpha: bigint) {
    m.increaseStake(hotkey, coldkey, netuid, alpha);
    S.StakingHotkeys.mutate(m.store, coldkey, (l) => (l.includes(hotkey) ? l : [...l, hotkey]));
  }

  /** `distribute_emission(netuid, 0, 0, pending_root_alpha, 0)`. */
  function distributeRootAlpha(m: Mock, netuid: number, pendingRootAlpha: bigint) {
    C.PendingRootAlphaDivs.set(m.store, netuid, pendingRootAlpha);
    distributeEmission(m.scope(), netuid);
  }

  function network(m: Mock) {
    const netuid = m.addDynamicNetwork(hotkey, ownerColdkey);
    // remove_owner_registration_stake
    const ownerStake = m.stake(hotkey, ownerColdkey, netuid);
    decreaseStake(m.store, hotkey, ownerColdkey, netuid, ownerStake);
    S.SubnetAlphaOut.mutate(m.store, netuid, (x) => x - ownerStake);
    S.TaoWeight.set(m.store, U64_MAX); // set_tao_weight(u64::MAX): 1.0
    return netuid;
  }

  it("test_claim_root_with_moved_stake", () => {
    const m = mock();
    const [alice, bob, eve] = [acct(1003), acct(1004), acct(1005)];
    const netuid = network(m);
    const rootStake = 8_000_000n;
    mockStake(m, alice, 0, rootStake);
    mockStake(m, bob, 0, rootStake);
    mockStake(m, ownerColdkey, netuid, 10_000_000n);
    for (const k of [alice, bob, eve]) m.ok(k, "set_root_claim_type", { newRootClaimType: keep });
    const stakes = () => [alice, bob, eve].map((k) => m.stake(hotkey, k, netuid));

    distributeRootAlpha(m, netuid, 10_000_000n);
    for (const k of [alice, bob]) m.ok(k, "claim_root", { subnets: [netuid] });
    // 10_000_000 · (1 − 0.18) / 2 each.
    const estimated = 4_100_000n;
    const [alice1, bob1] = stakes();
    expect(alice1).toBe(bob1);
    expect(near(alice1!, estimated, 100n)).toBe(true);

    distributeRootAlpha(m, netuid, 10_000_000n);
    m.ok(bob, "transfer_stake", {
      destinationColdkey: eve,
      hotkey,
      originNetuid: 0,
      destinationNetuid: 0,
      alphaAmount: rootStake / 2n,
    });
    const eve1 = m.stake(hotkey, eve, netuid);
    for (const k of [alice, bob, eve]) m.ok(k, "claim_root", { subnets: [netuid] });
    const [alice2, bob2, eve2] = stakes();
    // Eve received stake whose dividends Bob had not claimed yet: they stay Bob's.
    expect(eve2! - eve1).toBe(0n);
    expect(near(alice2! - alice1!, bob2! - bob1!, 100n)).toBe(true);
    expect(near(bob2! - bob1!, estimated, 100n)).toBe(true);

    m.ok(eve, "transfer_stake", {
      destinationColdkey: bob,
      hotkey,
      originNetuid: 0,
      destinationNetuid: 0,
      alphaAmount: rootStake / 2n,
    });
    distributeRootAlpha(m, netuid, 10_000_000n);
    for (const k of [alice, bob]) m.ok(k, "claim_root", { subnets: [netuid] });
    const [alice3, bob3] = stakes();
    expect(near(alice3! - alice2!, bob3! - bob2!, 100n)).toBe(true);
    expect(near(bob3! - bob2!, estimated, 100n)).toBe(true);
  });

  it("test_claim_root_with_keep_subnets", () => {
    const m = mock();
    const coldkey = acct(1003);
    const netuid = network(m);
    const rootStake = 2_000_000n;
    mockStake(m, coldkey, 0, rootStake);
    mockStake(m, ownerColdkey, netuid, 10_000_000n);
    expect(m.stake(hotkey, ownerColdkey, netuid)).toBe(10_000_000n);
    distributeRootAlpha(m, netuid, 1_000_000n);
    const claimable = C.RootClaimable.get(m.store, hotkey, netuid);
    expect(claimable).toBeGreaterThan(0n);

    const keepSubnets = (subnets: number[]) => ({
      newRootClaimType: { tag: "KeepSubnets", value: { subnets } },
    });
    expect(m.call(coldkey, "set_root_claim_type", keepSubnets([])).error).toMatchObject({
      name: "InvalidSubnetNumber",
    });
    m.ok(coldkey, "set_root_claim_type", keepSubnets([netuid]));
    expect(R.RootClaimType.get(m.store, coldkey)).toEqual({
      tag: "KeepSubnets",
      value: { subnets: [netuid] },
    });
    m.ok(coldkey, "claim_root", { subnets: [netuid] });
    // (root_stake · claimable) as u64, within 10.
    expect(near(m.stake(hotkey, coldkey, netuid), (rootStake * claimable) >> 32n, 10n)).toBe(true);
  });

  it("test_claim_root_keep_subnets_swap_claim_type", () => {
    const m = mock();
    const [coldkey, otherColdkey] = [acct(1003), acct(10010)];
    const netuid = m.addDynamicNetwork(hotkey, ownerColdkey);
    S.TaoWeight.set(m.store, U64_MAX);
    S.SubnetMechanism.set(m.store, netuid, 1);
    m.setupReserves(netuid, 50_000_000_000n, 100_000_000_000n);
    expect(m.price(netuid).toString()).toBe("0.5");
    const rootStake = 2_000_000n;
    mockStake(m, coldkey, 0, rootStake);
    mockStake(m, otherColdkey, 0, 9n * rootStake);
    mockStake(m, ownerColdkey, netuid, 10_000_000n);
    distributeRootAlpha(m, netuid, 10_000_000n);

    // Keeping another subnet only: subnet 1's dividends are swapped for root stake.
    m.ok(coldkey, "set_root_claim_type", {
      newRootClaimType: { tag: "KeepSubnets", value: { subnets: [100] } },
    });
    m.ok(coldkey, "claim_root", { subnets: [netuid] });
    // pending · (1 − take) · price · the coldkey's tenth of the root stake.
    const estimated = (10_000_000n * 82n * 5n * 1n) / (100n * 10n * 10n);
    expect(near(m.stake(hotkey, coldkey, 0), rootStake + estimated, 10_000n)).toBe(true);
    expect(m.stake(hotkey, coldkey, netuid)).toBe(0n);
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
