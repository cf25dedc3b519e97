// move_stake / transfer_stake / swap_stake: Subtensor's tests/move_stake.rs, ported with their names and
// numbers. Accounts are Subtensor's U256 numbers (acct(n)); the chain runs the mock's values (`test`
// preset) and calls are dispatched straight to the pallet as the Rust tests do (see staking-mock.ts).
// Where a test only checked balances, the events Subtensor deposits are asserted too (marked "added").
import { beforeAll, describe, expect, it } from "vitest";
import { poolOf, quoteSell, SubtensorStorage as S } from "../src/index.js";
import { simulateBuy } from "../src/pallets/subtensor/staking/stake-ops.js";
import { TestChain } from "./chain.js";
import { acct, errorName, type Mock, mock, near, U64F64 } from "./staking-mock.js";

beforeAll(TestChain.ready);

const subnetOwnerColdkey = acct(1001);
const subnetOwnerHotkey = acct(1002);

/** `swap_alpha_to_tao_ext(netuid, alpha, drop_fees = true)`: TAO a fee-free sale would pay. */
function sellFeeless(m: Mock, netuid: number, alpha: bigint): bigint {
  const q = quoteSell(
    poolOf(m.store, netuid),
    alpha,
    {
      feeRate: S.FeeRate.get(m.store, netuid),
      minimumReserve: m.c.runtime.preset.pool.minimumReserve,
      dropFees: true,
      simulate: true,
    },
    undefined,
  );
  if (!q.ok) throw new Error(q.error);
  return q.amountPaidOut;
}

/** `swap_tao_to_alpha(netuid, tao)`: alpha and fee a purchase would get. */
function buy(m: Mock, netuid: number, tao: bigint): { alpha: bigint; fee: bigint } {
  const r = simulateBuy(m.scope(), netuid, tao);
  if (!r.ok) throw new Error("swap_tao_to_alpha failed");
  return r;
}

const event = (events: { name: string; data: Record<string, unknown> }[], name: string) =>
  events.filter((e) => e.name === name).at(-1)?.data;

describe("move_stake (move_stake.rs)", () => {
  it("1. test_do_move_success", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, originHotkey, destinationHotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(coldkey, originHotkey);
    m.createAccount(coldkey, destinationHotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(originHotkey, coldkey, netuid, stakeAmount);
    const alpha = m.stake(originHotkey, coldkey, netuid);

    m.ok(coldkey, "move_stake", {
      originHotkey,
      destinationHotkey,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: alpha,
    });
    expect(m.stake(originHotkey, coldkey, netuid)).toBe(0n);
    expect(near(m.stake(destinationHotkey, coldkey, netuid), alpha, alpha / 1000n)).toBe(true);
  });

  it("2. test_do_move_different_subnets (a cross-subnet move to another hotkey)", () => {
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const destinationNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, originHotkey, destinationHotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.setupReserves(originNetuid, stakeAmount * 100n, stakeAmount * 100n);
    m.setupReserves(destinationNetuid, stakeAmount * 100n, stakeAmount * 100n);
    m.createAccount(coldkey, originHotkey);
    m.createAccount(coldkey, destinationHotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(originHotkey, coldkey, originNetuid, stakeAmount);
    const alpha = m.stake(originHotkey, coldkey, originNetuid);

    const events = m.ok(coldkey, "move_stake", {
      originHotkey,
      destinationHotkey,
      originNetuid,
      destinationNetuid,
      alphaAmount: alpha,
    });
    expect(m.stake(originHotkey, coldkey, originNetuid)).toBe(0n);
    // approx_fee_amount(destination, alpha): FeeRate/65535 of the amount.
    const fee = (alpha * BigInt(S.FeeRate.get(m.store, destinationNetuid))) / 65_535n;
    expect(near(m.stake(destinationHotkey, coldkey, destinationNetuid), alpha - fee, alpha / 1000n)).toBe(
      true,
    );
    // added: the StakeMoved event names both hotkeys and both subnets, with the TAO the sale paid.
    const removed = event(events, "StakeRemoved")!;
    expect(event(events, "StakeMoved")).toEqual({
      coldkey,
      originHotkey,
      originNetuid,
      destinationHotkey,
      destinationNetuid,
      tao: removed.tao,
    });
    // The fee is charged on one leg only: the origin's sale (drop_fee_destination unless origin is root).
    expect(removed.fee).toBeGreaterThan(0n);
    expect(event(events, "StakeAdded")!.fee).toBe(0n);
    expect(event(events, "StakeAdded")!.hotkey).toBe(destinationHotkey);
  });

  it("4. test_do_move_nonexistent_subnet", () => {
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, originHotkey, destinationHotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = 1_000_000n;
    m.setupReserves(originNetuid, stakeAmount * 1000n, stakeAmount * 1000n);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(originHotkey, coldkey, originNetuid, stakeAmount);
    const alpha = m.stake(originHotkey, coldkey, originNetuid);
    // Adapted: our hotkey checks come after the subnet checks as in Subtensor, so the keys are created
    // to reach SubnetNotExists rather than HotKeyAccountNotExists (Subtensor's mock leaves them out).
    m.createAccount(coldkey, originHotkey);
    m.createAccount(coldkey, destinationHotkey);
    const r = m.call(coldkey, "move_stake", {
      originHotkey,
      destinationHotkey,
      originNetuid,
      destinationNetuid: 99,
      alphaAmount: alpha,
    });
    expect(errorName(r.error)).toBe("SubnetNotExists");
    expect(m.stake(originHotkey, coldkey, originNetuid)).toBe(alpha);
  });

  it("6. test_do_move_nonexistent_destination_hotkey", () => {
    const m = mock();
    const [coldkey, originHotkey, nonexistent] = [acct(1), acct(2), acct(99)];
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const stakeAmount = 1_000_000n;
    m.setupReserves(netuid, stakeAmount * 1000n, stakeAmount * 1000n);
    m.createAccount(coldkey, originHotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    const alpha = m.stakeIntoSubnet(originHotkey, coldkey, netuid, stakeAmount);
    const r = m.call(coldkey, "move_stake", {
      originHotkey,
      destinationHotkey: nonexistent,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: alpha,
    });
    expect(errorName(r.error)).toBe("HotKeyAccountNotExists");
    expect(m.stake(originHotkey, coldkey, netuid)).toBe(alpha);
    expect(m.stake(nonexistent, coldkey, netuid)).toBe(0n);
  });

  it("15. test_do_move_event_emission", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, originHotkey, destinationHotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(coldkey, originHotkey);
    m.createAccount(coldkey, destinationHotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(originHotkey, coldkey, netuid, stakeAmount);
    const alpha = m.stake(originHotkey, coldkey, netuid);
    const taoEquivalent = U64F64.fromInt(alpha).saturatingMul(m.price(netuid)).saturatingToNum("u64");
    const events = m.ok(coldkey, "move_stake", {
      originHotkey,
      destinationHotkey,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: alpha,
    });
    expect(events.at(-1)).toEqual({
      pallet: "SubtensorModule",
      name: "StakeMoved",
      data: {
        coldkey,
        originHotkey,
        originNetuid: netuid,
        destinationHotkey,
        destinationNetuid: netuid,
        tao: taoEquivalent,
      },
    });
  });

  it("test_moving_too_little_unstakes", () => {
    const m = mock();
    const [hotkey, coldkey] = [acct(533453), acct(55453)];
    const amount = S.DefaultMinStake.get(m.store);
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    const netuid2 = m.addDynamicNetwork(hotkey, coldkey);
    const { fee } = buy(m, netuid, amount);
    m.addBalance(coldkey, amount + fee * 2n);
    m.ok(coldkey, "add_stake", { hotkey, netuid, amountStaked: amount + fee * 2n });
    const r = m.call(coldkey, "move_stake", {
      originHotkey: hotkey,
      destinationHotkey: hotkey,
      originNetuid: netuid,
      destinationNetuid: netuid2,
      alphaAmount: 1n,
    });
    expect(errorName(r.error)).toBe("AmountTooLow");
  });
});

describe("transfer_stake (move_stake.rs)", () => {
  it("test_do_transfer_success", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [originColdkey, destinationColdkey, hotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(originColdkey, hotkey);
    m.addBalance(originColdkey, stakeAmount + 1n);
    m.stakeIntoSubnet(hotkey, originColdkey, netuid, stakeAmount);
    const alpha = m.stake(hotkey, originColdkey, netuid);
    const events = m.ok(originColdkey, "transfer_stake", {
      destinationColdkey,
      hotkey,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: alpha,
    });
    expect(m.stake(hotkey, originColdkey, netuid)).toBe(0n);
    expect(near(m.stake(hotkey, destinationColdkey, netuid), alpha, alpha / 1000n)).toBe(true);
    // added: StakeTransferred(origin coldkey, destination coldkey, hotkey, netuids, TAO value).
    const tao = U64F64.fromInt(alpha).saturatingMul(m.price(netuid)).saturatingToNum("u64");
    expect(events.at(-1)).toEqual({
      pallet: "SubtensorModule",
      name: "StakeTransferred",
      data: {
        originColdkey,
        destinationColdkey,
        hotkey,
        originNetuid: netuid,
        destinationNetuid: netuid,
        tao,
      },
    });
  });

  it("test_do_transfer_minimum_stake_check", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [originColdkey, destinationColdkey, hotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store);
    m.createAccount(originColdkey, hotkey);
    m.addBalance(originColdkey, stakeAmount + 1n);
    m.stakeIntoSubnet(hotkey, originColdkey, netuid, stakeAmount);
    const r = m.call(originColdkey, "transfer_stake", {
      destinationColdkey,
      hotkey,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: 1n,
    });
    expect(errorName(r.error)).toBe("AmountTooLow");
  });

  it("test_do_transfer_different_subnets", () => {
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const destinationNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [originColdkey, destinationColdkey, hotkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(originColdkey, hotkey);
    m.addBalance(originColdkey, 1_000_000_000n);
    m.stakeIntoSubnet(hotkey, originColdkey, originNetuid, stakeAmount);
    const alpha = m.stake(hotkey, originColdkey, originNetuid);
    const taoEquivalent = sellFeeless(m, originNetuid, alpha);
    const expectedAlpha = buy(m, destinationNetuid, taoEquivalent).alpha;
    const destinationBalance = m.free(destinationColdkey);

    const events = m.ok(originColdkey, "transfer_stake", {
      destinationColdkey,
      hotkey,
      originNetuid,
      destinationNetuid,
      alphaAmount: alpha,
    });
    expect(m.stake(hotkey, originColdkey, originNetuid)).toBe(0n);
    expect(near(m.stake(hotkey, destinationColdkey, destinationNetuid), expectedAlpha, 1000n)).toBe(true);
    // added: the sale's TAO passed through the empty destination coldkey into its new stake, all but
    // the existential deposit it must keep (transfer_tao_to_subnet), and StakeTransferred reports it.
    expect(m.free(destinationColdkey)).toBe(destinationBalance + m.c.runtime.preset.chain.existentialDeposit);
    const sold = event(events, "StakeRemoved")!.tao as bigint;
    expect(near(sold, taoEquivalent, taoEquivalent / 1000n)).toBe(true);
    expect(events.at(-1)).toEqual({
      pallet: "SubtensorModule",
      name: "StakeTransferred",
      data: { originColdkey, destinationColdkey, hotkey, originNetuid, destinationNetuid, tao: sold },
    });
    expect(event(events, "StakeAdded")!.coldkey).toBe(destinationColdkey);
  });

  it("TransferToggle off on the destination subnet refuses a cross-subnet transfer (validate_stake_transition)", () => {
    // Not a Subtensor test: stake_utils.rs checks TransferToggle on both subnets when they differ.
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const destinationNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [originColdkey, destinationColdkey, hotkey] = [acct(1), acct(2), acct(3)];
    m.createAccount(originColdkey, hotkey);
    m.addBalance(originColdkey, 1_000_000_000n);
    m.stakeIntoSubnet(hotkey, originColdkey, originNetuid, 100_000_000n);
    const alpha = m.stake(hotkey, originColdkey, originNetuid);
    S.TransferToggle.set(m.store, destinationNetuid, false);
    const args = { destinationColdkey, hotkey, originNetuid, destinationNetuid, alphaAmount: alpha };
    expect(errorName(m.call(originColdkey, "transfer_stake", args).error)).toBe("TransferDisallowed");
    expect(m.stake(hotkey, originColdkey, originNetuid)).toBe(alpha);
  });
});

describe("swap_stake (move_stake.rs)", () => {
  it("test_do_swap_success", () => {
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const destinationNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, hotkey] = [acct(1), acct(2)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(coldkey, hotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(hotkey, coldkey, originNetuid, stakeAmount);
    const alphaBefore = m.stake(hotkey, coldkey, originNetuid);
    const taoEquivalent = sellFeeless(m, originNetuid, alphaBefore);
    const expectedAlpha = buy(m, destinationNetuid, taoEquivalent).alpha;

    const events = m.ok(coldkey, "swap_stake", {
      hotkey,
      originNetuid,
      destinationNetuid,
      alphaAmount: alphaBefore,
    });
    expect(m.stake(hotkey, coldkey, originNetuid)).toBe(0n);
    expect(near(m.stake(hotkey, coldkey, destinationNetuid), expectedAlpha, 1000n)).toBe(true);
    // added: StakeSwapped(coldkey, hotkey, origin, destination, TAO the sale paid).
    const sold = event(events, "StakeRemoved")!.tao as bigint;
    expect(near(sold, taoEquivalent, taoEquivalent / 1000n)).toBe(true);
    expect(events.at(-1)).toEqual({
      pallet: "SubtensorModule",
      name: "StakeSwapped",
      data: { coldkey, hotkey, originNetuid, destinationNetuid, tao: sold },
    });
  });

  it("test_do_swap_same_subnet", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, hotkey] = [acct(1), acct(2)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(coldkey, hotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(hotkey, coldkey, netuid, stakeAmount);
    const alphaBefore = m.stake(hotkey, coldkey, netuid);
    const r = m.call(coldkey, "swap_stake", {
      hotkey,
      originNetuid: netuid,
      destinationNetuid: netuid,
      alphaAmount: alphaBefore,
    });
    expect(errorName(r.error)).toBe("SameNetuid");
    expect(m.stake(hotkey, coldkey, netuid)).toBe(alphaBefore);
  });

  it("test_do_swap_allows_non_owned_hotkey", () => {
    const m = mock();
    const originNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const destinationNetuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const [coldkey, hotkey, foreignColdkey] = [acct(1), acct(2), acct(3)];
    const stakeAmount = S.DefaultMinStake.get(m.store) * 10n;
    m.createAccount(foreignColdkey, hotkey);
    m.addBalance(coldkey, stakeAmount + 1n);
    m.stakeIntoSubnet(hotkey, coldkey, originNetuid, stakeAmount);
    const alphaBefore = m.stake(hotkey, coldkey, originNetuid);
    m.ok(coldkey, "swap_stake", { hotkey, originNetuid, destinationNetuid, alphaAmount: alphaBefore });
    // added: staking to a hotkey the coldkey does not own makes it a delegate (maybe_become_delegate).
    expect(S.Delegates.contains(m.store, hotkey)).toBe(true);
  });
});
