// add_stake_limit, remove_stake_limit, remove_stake_full_limit, unstake_all(_alpha), small nominations
// and delegate takes: Subtensor's tests/staking.rs, ported with their names and numbers. Accounts are
// Subtensor's U256 numbers (acct(n)); the chain runs the mock's values (`test` preset) and calls are
// dispatched straight to the pallet as the Rust tests do (see staking-mock.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import { limitPriceFromRao } from "../src/pallets/subtensor/pool/swap.js";
import {
  clearSmallNominations,
  nominatorMinRequiredStake,
} from "../src/pallets/subtensor/staking/small-nominations.js";
import { unstakeAlpha } from "../src/pallets/subtensor/staking/stake-ops.js";
import { TestChain } from "./chain.js";
import { acct, errorName, type Mock, mock, near, U64F64 } from "./staking-mock.js";

beforeAll(TestChain.ready);

const U64_MAX = 2n ** 64n - 1n;
const ED = 1n; // the mock's ExistentialDeposit (`test` preset)

/** `register_ok_neuron`: burned_register with the burn set to zero before and after. */
function registerOkNeuron(m: Mock, netuid: number, hotkey: string, coldkey: string) {
  S.Burn.set(m.store, netuid, 0n);
  m.addBalance(coldkey, 1_000n);
  m.ok(coldkey, "burned_register", { netuid, hotkey });
  S.Burn.set(m.store, netuid, 0n);
}

/** The price in rao per alpha, floored. */
const priceRao = (m: Mock, netuid: number) =>
  m.price(netuid).saturatingMul(U64F64.fromInt(1_000_000_000n)).saturatingToNum("u64");

describe("add_stake_limit (staking.rs)", () => {
  it("test_add_stake_limit_ok", () => {
    const m = mock();
    const [hotkey, coldkey] = [acct(533453), acct(55453)];
    const amount = 900_000_000_000n; // over the maximum
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    // remove_owner_registration_stake: our register_network stakes nothing for the owner.
    m.setupReserves(netuid, 150_000_000_000n, 100_000_000_000n);
    expect(m.price(netuid).toString()).toBe("1.5");
    m.addBalance(coldkey, amount);
    const before = m.free(coldkey);

    // Price may not peak above 24 (16× the price): 450 TAO execute, for 75 = 450·100/(450+150) alpha.
    m.ok(coldkey, "add_stake_limit", {
      hotkey,
      netuid,
      amountStaked: amount,
      limitPrice: 24_000_000_000n,
      allowPartial: true,
    });
    const expected = 75_000_000_000n;
    expect(near(m.stake(hotkey, coldkey, netuid), expected, expected / 1000n)).toBe(true);
    // 450 TAO and the fee left the coldkey (Subtensor: balance ≈ amount/2 − fee).
    const fee = ((amount / 2n) * BigInt(S.FeeRate.get(m.store, netuid))) / 65_535n;
    expect(near(before - m.free(coldkey), amount / 2n + fee, amount / 2n / 1000n)).toBe(true);
    // Price is now ≈ 24 = (150 + 450) / (100 − 75).
    expect(Math.abs(m.price(netuid).toNumber() - 24)).toBeLessThan(0.001);
  });

  it("test_add_stake_limit_fill_or_kill", () => {
    const m = mock();
    const [hotkey, coldkey] = [acct(533453), acct(55453)];
    const amount = 900_000_000_000n;
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.setupReserves(netuid, 150_000_000_000n, 100_000_000_000n);
    expect(m.price(netuid).toString()).toBe("1.5");
    m.addBalance(coldkey, amount);
    const limitPrice = 24_000_000_000n;
    const limited = (amountStaked: bigint) =>
      m.call(coldkey, "add_stake_limit", { hotkey, netuid, amountStaked, limitPrice, allowPartial: false });
    expect(errorName(limited(amount).error)).toBe("SlippageTooHigh");
    expect(m.stake(hotkey, coldkey, netuid)).toBe(0n);
    expect(limited(150_000_000_000n).error).toBeUndefined();
  });

  it("a non-owner's add_stake_limit makes the hotkey a delegate at its take (add_stake.rs step 4)", () => {
    // Not a Subtensor test: do_add_stake_limit calls maybe_become_delegate when the staker does not own
    // the hotkey; the owner's own limit order does not.
    const m = mock();
    const [hotkey, coldkey, nominator] = [acct(533453), acct(55453), acct(7)];
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.setupReserves(netuid, 150_000_000_000n, 100_000_000_000n);
    const order = { hotkey, netuid, amountStaked: 1_000_000_000n, limitPrice: U64_MAX, allowPartial: false };
    m.addBalance(coldkey, 10_000_000_000n);
    m.ok(coldkey, "add_stake_limit", order);
    expect(S.Delegates.contains(m.store, hotkey)).toBe(false);
    m.addBalance(nominator, 10_000_000_000n);
    m.ok(nominator, "add_stake_limit", order);
    expect(S.Delegates.contains(m.store, hotkey)).toBe(true);
    expect(S.Delegates.get(m.store, hotkey)).toBe(m.c.runtime.preset.staking.defaultDelegateTake);
  });
});

describe("remove_stake_limit (staking.rs)", () => {
  it("test_remove_stake_limit_ok: a partial fill leaves the unsold alpha staked", () => {
    const m = mock();
    const [hotkey, coldkey] = [acct(533453), acct(55453)];
    const stakeAmount = 300_000_000_000n;
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.addBalance(coldkey, stakeAmount + ED);
    const alphaIn = 100_000_000_000n;
    m.setupReserves(netuid, 100_000_000_000n, alphaIn);
    m.ok(coldkey, "add_stake", { hotkey, netuid, amountStaked: stakeAmount });
    const alphaBefore = m.stake(hotkey, coldkey, netuid);

    // 99 % of the current price.
    const limitPrice = (priceRao(m, netuid) * 99n) / 100n;
    const expectedReduction = (alphaIn * 138n) / 100_000n; // 0.00138 · alpha_in, from delta_in()
    const fee = (expectedReduction * 3n) / 1000n;
    m.ok(coldkey, "remove_stake_limit", {
      hotkey,
      netuid,
      amountUnstaked: alphaBefore / 2n,
      limitPrice,
      allowPartial: true,
    });
    const alphaAfter = m.stake(hotkey, coldkey, netuid);
    expect(near(alphaBefore - alphaAfter, expectedReduction + fee, expectedReduction / 10n)).toBe(true);
    // The rest of the order stays staked.
    expect(alphaAfter).toBeGreaterThan(alphaBefore / 2n);
  });

  it("test_remove_stake_limit_fill_or_kill", () => {
    const m = mock();
    const [hotkey, coldkey] = [acct(533453), acct(55453)];
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.increaseStake(hotkey, coldkey, netuid, 300_000_000_000n);
    m.setupReserves(netuid, 150_000_000_000n, 100_000_000_000n);
    expect(m.price(netuid).toString()).toBe("1.5");
    const limitPrice = 1_350_000_000n; // at most 10 % below the price
    const order = (amountUnstaked: bigint) =>
      m.call(coldkey, "remove_stake_limit", {
        hotkey,
        netuid,
        amountUnstaked,
        limitPrice,
        allowPartial: false,
      });
    expect(errorName(order(150_000_000_000n).error)).toBe("SlippageTooHigh");
    expect(m.stake(hotkey, coldkey, netuid)).toBe(300_000_000_000n);
    expect(order(150_000_000_000n / 100n).error).toBeUndefined();
  });

  it("test_unstake_from_subnet_prohibitive_limit", () => {
    const m = mock();
    const [ownerHotkey, ownerColdkey, coldkey] = [acct(1), acct(2), acct(4)];
    const amount = 100_000_000n;
    const netuid = m.addDynamicNetwork(ownerHotkey, ownerColdkey);
    m.addBalance(coldkey, amount);
    m.setupReserves(netuid, 100_000_000_000n, 1_000_000_000_000n);
    m.stakeIntoSubnet(ownerHotkey, coldkey, netuid, amount);
    const balanceBefore = m.free(coldkey);
    const alpha = m.stake(ownerHotkey, coldkey, netuid);
    const r = m.call(coldkey, "remove_stake_limit", {
      hotkey: ownerHotkey,
      netuid,
      amountUnstaked: alpha,
      limitPrice: U64_MAX,
      allowPartial: true,
    });
    expect(r.error).toMatchObject({ pallet: "Swap", name: "PriceLimitExceeded" });
    expect(m.stake(ownerHotkey, coldkey, netuid)).toBe(alpha);
    expect(m.free(coldkey)).toBe(balanceBefore);
  });

  it("unstake_from_subnet refunds the alpha a limit price left unsold (stake_utils.rs)", () => {
    // Not a Subtensor test: the refund branch of unstake_from_subnet, reached when the swap stops at the
    // limit price before the whole amount is sold. The unsold alpha goes back to the same stake.
    const m = mock();
    const [hotkey, coldkey] = [acct(1), acct(2)];
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.increaseStake(hotkey, coldkey, netuid, 100_000_000_000n);
    S.SubnetAlphaOut.set(m.store, netuid, 100_000_000_000n);
    m.setupReserves(netuid, 100_000_000_000n, 100_000_000_000n);
    const balance = m.free(coldkey);
    const r = unstakeAlpha(
      m.scope(),
      coldkey,
      hotkey,
      netuid,
      100_000_000_000n,
      limitPriceFromRao(900_000_000n),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const left = m.stake(hotkey, coldkey, netuid);
    // The price stopped at 0.9: alpha_in' = 100/sqrt(0.9) ≈ 105.41, so ≈ 5.41 alpha sold.
    expect(near(100_000_000_000n - left, 5_409_000_000n, 10_000_000n)).toBe(true);
    expect(left).toBeGreaterThan(90_000_000_000n);
    expect(m.free(coldkey) - balance).toBe(r.tao);
    expect(near(priceRao(m, netuid), 900_000_000n, 1_000_000n)).toBe(true);
  });
});

describe("remove_stake_full_limit (staking.rs)", () => {
  function setup() {
    const m = mock();
    const [hotkey, coldkey] = [acct(1), acct(2)];
    const netuid = m.addDynamicNetwork(hotkey, coldkey);
    m.increaseStake(hotkey, coldkey, netuid, 10_000_000_000n);
    m.setupReserves(netuid, 100_000_000_000n, 100_000_000_000n);
    return { m, hotkey, coldkey, netuid, balance: m.free(coldkey) };
  }

  it("test_remove_stake_full_limit_ok", () => {
    const { m, hotkey, coldkey, netuid, balance } = setup();
    m.ok(coldkey, "remove_stake_full_limit", { hotkey, netuid, limitPrice: 90_000_000n });
    expect(m.stake(hotkey, coldkey, netuid)).toBe(0n);
    // Subtensor's coldkey starts empty; ours holds what was left after registering the subnet.
    expect(near(m.free(coldkey) - balance, 9_086_000_000n, 1_000_000n)).toBe(true);
  });

  it("test_remove_stake_full_limit_fails_slippage_too_high", () => {
    const { m, hotkey, coldkey, netuid } = setup();
    const r = m.call(coldkey, "remove_stake_full_limit", { hotkey, netuid, limitPrice: 910_000_000n });
    expect(errorName(r.error)).toBe("SlippageTooHigh");
    expect(m.stake(hotkey, coldkey, netuid)).toBe(10_000_000_000n);
  });

  it("test_remove_stake_full_limit_ok_with_no_limit_price", () => {
    const { m, hotkey, coldkey, netuid, balance } = setup();
    m.ok(coldkey, "remove_stake_full_limit", { hotkey, netuid, limitPrice: undefined });
    expect(m.stake(hotkey, coldkey, netuid)).toBe(0n);
    expect(near(m.free(coldkey) - balance, 9_086_000_000n, 1_000_000n)).toBe(true);
  });
});

describe("unstake_all and unstake_all_alpha (staking.rs)", () => {
  const subnetOwnerColdkey = acct(1001);
  const subnetOwnerHotkey = acct(1002);
  const [coldkey, hotkey] = [acct(1), acct(2)];

  function staked(stakeAmount: bigint) {
    const m = mock();
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    registerOkNeuron(m, netuid, hotkey, coldkey);
    m.addBalance(coldkey, stakeAmount + ED);
    m.ok(coldkey, "add_stake", { hotkey, netuid, amountStaked: stakeAmount });
    return { m, netuid };
  }

  it("test_unstake_all_hits_liquidity_min", () => {
    const m = mock();
    const stakeAmount = 190_000_000_000n;
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    registerOkNeuron(m, netuid, hotkey, coldkey);
    m.increaseStake(hotkey, coldkey, netuid, stakeAmount);
    // Removing all the alpha would take the TAO reserve below the minimum.
    m.setupReserves(netuid, m.c.runtime.preset.pool.minimumReserve - 1n, stakeAmount + 10_000_000n);
    m.ok(coldkey, "unstake_all", { hotkey });
    expect(m.stake(hotkey, coldkey, netuid)).toBe(stakeAmount);
  });

  it("test_unstake_all_alpha_hits_liquidity_min", () => {
    const { m, netuid } = staked(100_000_000_000n);
    const alpha = m.stake(hotkey, coldkey, netuid);
    // The pool is set so that removing all the alpha would take the TAO reserve below the minimum:
    // tao = ((minimumReserve − 2) · (alpha + 10^7 + alpha) / (alpha + 10^7)) / 100, in I110F18 as Subtensor.
    const remaining = m.c.runtime.preset.pool.minimumReserve - 1n - 1n;
    const alphaReserves = alpha + 10_000_000n;
    const k = remaining * (alphaReserves + alpha);
    m.setupReserves(netuid, k / alphaReserves / 100n, alphaReserves);
    const r = m.call(coldkey, "unstake_all_alpha", { hotkey });
    expect(errorName(r.error)).toBe("AmountTooLow");
    expect(m.stake(hotkey, coldkey, netuid)).toBe(alpha);
  });

  it("test_unstake_all_alpha_works (restaked into root)", () => {
    const stakeAmount = 190_000_000_000n;
    const { m, netuid } = staked(stakeAmount);
    m.setupReserves(netuid, stakeAmount * 10n, stakeAmount * 100n);
    const balance = m.free(coldkey);
    const events = m.ok(coldkey, "unstake_all_alpha", { hotkey });
    expect(near(m.stake(hotkey, coldkey, netuid), 0n, 1_000n)).toBe(true);
    expect(m.stake(hotkey, coldkey, 0)).toBeGreaterThan(100_000n);
    // added: every TAO the sale paid is in root stake (1:1), none reached the free balance.
    const sold = events.find((e) => e.name === "StakeRemoved")!.data.tao as bigint;
    expect(m.stake(hotkey, coldkey, 0)).toBe(sold);
    expect(m.free(coldkey)).toBe(balance);
  });

  it("test_unstake_all_works", () => {
    const stakeAmount = 190_000_000_000n;
    const { m, netuid } = staked(stakeAmount);
    m.setupReserves(netuid, stakeAmount * 10n, stakeAmount * 100n);
    const balance = m.free(coldkey);
    const events = m.ok(coldkey, "unstake_all", { hotkey });
    expect(near(m.stake(hotkey, coldkey, netuid), 0n, 1_000n)).toBe(true);
    expect(m.free(coldkey)).toBeGreaterThan(100_000n);
    // added: the free balance grew by what the sale paid.
    const sold = events.find((e) => e.name === "StakeRemoved")!.data.tao as bigint;
    expect(m.free(coldkey) - balance).toBe(sold);
  });

  it("unstake_all skips a subnet that refuses and unstakes the others (remove_stake.rs do_unstake_all)", () => {
    // Not a Subtensor test: the two cases above in one call, root stake included.
    const stakeAmount = 190_000_000_000n;
    const { m, netuid } = staked(stakeAmount);
    const dry = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    m.increaseStake(hotkey, coldkey, dry, stakeAmount);
    m.setupReserves(dry, m.c.runtime.preset.pool.minimumReserve - 1n, stakeAmount + 10_000_000n);
    m.addBalance(coldkey, 5_000_000_000n);
    m.ok(coldkey, "add_stake", { hotkey, netuid: 0, amountStaked: 5_000_000_000n });
    m.ok(coldkey, "unstake_all", { hotkey });
    expect(m.stake(hotkey, coldkey, netuid)).toBe(0n);
    expect(m.stake(hotkey, coldkey, 0)).toBe(0n);
    expect(m.stake(hotkey, coldkey, dry)).toBe(stakeAmount);
  });
});

describe("small nominations (staking.rs, helpers.rs clear_small_nomination_if_required)", () => {
  it("test_clear_small_nominations", () => {
    const m = mock();
    const [subnetOwnerColdkey, subnetOwnerHotkey] = [acct(10), acct(20)];
    const [hot1, hot2, cold1, cold2] = [acct(1), acct(2), acct(3), acct(4)];
    // new_test_ext(0): no block imported yet.
    const netuid = m.addDynamicNetwork(subnetOwnerHotkey, subnetOwnerColdkey);
    const minStake = S.DefaultMinStake.get(m.store);
    const amount = minStake * 10n;
    const initBalance = amount + minStake + ED;
    S.FeeRate.set(m.store, netuid, 0); // no alpha fee to the block producer
    const minTake = S.MinDelegateTake.get(m.store);
    registerOkNeuron(m, netuid, hot1, cold1);
    S.Delegates.set(m.store, hot1, minTake);
    registerOkNeuron(m, netuid, hot2, cold2);
    S.Delegates.set(m.store, hot2, minTake);

    // cold1 → hot1 (its own hotkey), then cold2 → hot1 (a nomination); each keeps 0.3 %.
    const smallStake = (cold: string) => {
      m.addBalance(cold, initBalance);
      m.ok(cold, "add_stake", { hotkey: hot1, netuid, amountStaked: amount });
      const alpha = m.stake(hot1, cold, netuid);
      const unstake = (alpha * 997n) / 1000n;
      m.ok(cold, "remove_stake", { hotkey: hot1, netuid, amountUnstaked: unstake });
      expect(m.stake(hot1, cold, netuid)).toBe(alpha - unstake);
      return alpha - unstake;
    };
    const small1 = smallStake(cold1);
    const small2 = smallStake(cold2);
    const [balance1, balance2] = [m.free(cold1), m.free(cold2)];

    // A zero minimum clears nothing.
    S.NominatorMinRequiredStake.set(m.store, 0n);
    expect(nominatorMinRequiredStake(m.store)).toBe(0n);
    clearSmallNominations(m.scope());
    expect(m.stake(hot1, cold1, netuid)).toBe(small1);
    expect(m.stake(hot1, cold2, netuid)).toBe(small2);

    // Above both: only the nomination goes; the owner's own stake stays.
    const hot1Before = S.TotalHotkeyAlpha.get(m.store, hot1, netuid);
    const totalStakeBefore = S.TotalStake.get(m.store);
    S.NominatorMinRequiredStake.set(m.store, (small1 < small2 ? small1 : small2) * 2n);
    clearSmallNominations(m.scope());
    expect(m.stake(hot1, cold1, netuid)).toBe(small1);
    expect(m.stake(hot1, cold2, netuid)).toBe(0n);
    expect(m.free(cold1)).toBe(balance1);
    expect(m.free(cold2)).toBeGreaterThan(balance2);
    expect(near(S.TotalHotkeyAlpha.get(m.store, hot1, netuid), hot1Before - small2, 1n)).toBe(true);
    expect(S.TotalStake.get(m.store)).toBeLessThan(totalStakeBefore);
  });

  it("remove_stake below the nominator minimum unstakes the rest (remove_stake.rs step 5)", () => {
    // Not a Subtensor test: do_remove_stake calls clear_small_nomination_if_required after the sale.
    const m = mock();
    const [ownerCold, ownerHot, nominator] = [acct(10), acct(20), acct(4)];
    const netuid = m.addDynamicNetwork(ownerHot, ownerCold);
    S.NominatorMinRequiredStake.set(m.store, 1_000_000_000n); // 1000 × DefaultMinStake = 2 TAO
    m.addBalance(nominator, 20_000_000_000n);
    m.ok(nominator, "add_stake", { hotkey: ownerHot, netuid, amountStaked: 10_000_000_000n });
    const alpha = m.stake(ownerHot, nominator, netuid);
    m.ok(nominator, "remove_stake", { hotkey: ownerHot, netuid, amountUnstaked: (alpha * 9n) / 10n });
    expect(m.stake(ownerHot, nominator, netuid)).toBe(0n);
    // The owner's own stake is never cleared.
    m.addBalance(ownerCold, 20_000_000_000n);
    m.ok(ownerCold, "add_stake", { hotkey: ownerHot, netuid, amountStaked: 10_000_000_000n });
    const own = m.stake(ownerHot, ownerCold, netuid);
    m.ok(ownerCold, "remove_stake", { hotkey: ownerHot, netuid, amountUnstaked: (own * 9n) / 10n });
    expect(m.stake(ownerHot, ownerCold, netuid)).toBe(own - (own * 9n) / 10n);
  });
});

describe("sudo_set_nominator_min_required_stake (admin-utils tests/mod.rs)", () => {
  const set = (m: Mock, minStake: bigint, who: string | "root" = "root") =>
    m.call(who, "sudo_set_nominator_min_required_stake", { minStake }, "AdminUtils");
  const perMillion = (m: Mock, factor: bigint) => (factor * S.DefaultMinStake.get(m.store)) / 1_000_000n;

  it("can_only_be_called_by_admin", () => {
    const m = mock();
    expect(set(m, nominatorMinRequiredStake(m.store) + 5n, acct(0)).error).toEqual({ kind: "BadOrigin" });
  });

  it("sets_a_lower_value", () => {
    const m = mock();
    expect(set(m, 10n).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, 10n));
    expect(set(m, 5n).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, 5n));
  });

  it("sets_a_higher_value", () => {
    const m = mock();
    const toBeSet = nominatorMinRequiredStake(m.store) + 5n;
    expect(set(m, toBeSet).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, toBeSet));
  });

  it("test_sets_a_lower_value_clears_small_nominations", () => {
    const m = mock();
    const [hotkey, ownerColdkey, stakerColdkey] = [acct(3), acct(1), acct(2)];
    const [initial, lower, higher] = [10n, 5n, 20n];
    const toStake = initial + 1n; // stays at 5, cleared at 20
    // add_network(2, 10): a stable subnet (price 1), here registered as subnet 1.
    const netuid = m.addDynamicNetwork(acct(1002), acct(1001));
    S.SubnetMechanism.set(m.store, netuid, 0);
    registerOkNeuron(m, netuid, hotkey, ownerColdkey);
    expect(set(m, initial).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, initial));
    m.increaseStake(hotkey, stakerColdkey, netuid, toStake);

    expect(set(m, lower).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, lower));
    expect(m.stake(hotkey, stakerColdkey, netuid)).toBeGreaterThan(0n);

    expect(set(m, higher).error).toBeUndefined();
    expect(nominatorMinRequiredStake(m.store)).toBe(perMillion(m, higher));
    expect(m.stake(hotkey, stakerColdkey, netuid)).toBe(0n);
  });
});

describe("delegate takes (staking.rs)", () => {
  const [hotkey0, coldkey0] = [acct(1), acct(3)];

  /** add_network + register_ok_neuron: the take calls only need the hotkey's owner. */
  function delegate(take: (m: Mock) => number) {
    const m = mock();
    m.addBalance(coldkey0, 100_000n);
    m.addDynamicNetwork(acct(1002), acct(1001));
    m.createAccount(coldkey0, hotkey0);
    S.Delegates.set(m.store, hotkey0, take(m));
    return m;
  }
  const minTake = (m: Mock) => S.MinDelegateTake.get(m.store);
  const take = (m: Mock) => S.Delegates.get(m.store, hotkey0);
  const decrease = (m: Mock, t: number) => m.call(coldkey0, "decrease_take", { hotkey: hotkey0, take: t });
  const increase = (m: Mock, t: number) => m.call(coldkey0, "increase_take", { hotkey: hotkey0, take: t });
  const rateLimit = (m: Mock) => Number(S.TxDelegateTakeRateLimit.get(m.store));

  it("the mock's bounds: MinDelegateTake 9 %, MaxDelegateTake 18 %, rate limit 1 block", () => {
    const m = mock();
    expect(minTake(m)).toBe(5_898);
    expect(S.MaxDelegateTake.get(m.store)).toBe(11_796);
    expect(rateLimit(m)).toBe(1);
  });

  it("test_delegate_take_can_be_decreased (not below MinDelegateTake)", () => {
    const m = delegate(minTake);
    expect(take(m)).toBe(minTake(m));
    expect(errorName(decrease(m, Math.floor(65_535 / 20)).error)).toBe("DelegateTakeTooLow");
    expect(take(m)).toBe(minTake(m));
  });

  it("test_can_set_min_take_ok", () => {
    const m = delegate(() => Math.floor(65_535 / 10));
    expect(decrease(m, minTake(m)).error).toBeUndefined();
    expect(take(m)).toBe(minTake(m));
  });

  it("test_delegate_take_can_not_be_increased_with_decrease_take", () => {
    const m = delegate(minTake);
    expect(errorName(decrease(m, S.MaxDelegateTake.get(m.store)).error)).toBe("DelegateTakeTooLow");
    expect(take(m)).toBe(minTake(m));
  });

  it("test_delegate_take_can_be_increased", () => {
    const m = delegate(minTake);
    m.stepBlock(1 + rateLimit(m));
    expect(increase(m, Math.floor(65_535 / 8)).error).toBeUndefined();
    expect(take(m)).toBe(Math.floor(65_535 / 8));
  });

  it("test_delegate_take_can_not_be_decreased_with_increase_take", () => {
    const m = delegate(minTake);
    expect(errorName(increase(m, Math.floor(65_535 / 20)).error)).toBe("DelegateTakeTooLow");
    expect(take(m)).toBe(minTake(m));
  });

  it("test_delegate_take_can_be_increased_to_limit", () => {
    const m = delegate(minTake);
    m.stepBlock(1 + rateLimit(m));
    expect(increase(m, 11_796).error).toBeUndefined();
    expect(take(m)).toBe(11_796);
  });

  it("test_delegate_take_can_not_be_increased_beyond_limit", () => {
    const m = delegate(minTake);
    expect(errorName(increase(m, 11_797).error)).toBe("DelegateTakeTooHigh");
    expect(take(m)).toBe(minTake(m));
  });

  it("test_rate_limits_enforced_on_increase_take", () => {
    const m = delegate(minTake);
    expect(increase(m, minTake(m) + 1).error).toBeUndefined();
    expect(errorName(increase(m, minTake(m) + 2).error)).toBe("DelegateTxRateLimitExceeded");
    expect(take(m)).toBe(minTake(m) + 1);
    m.stepBlock(1 + rateLimit(m));
    expect(increase(m, minTake(m) + 2).error).toBeUndefined();
    expect(take(m)).toBe(minTake(m) + 2);
  });

  it("test_rate_limits_enforced_on_decrease_before_increase_take", () => {
    const m = delegate((x) => minTake(x) + 1);
    expect(decrease(m, minTake(m)).error).toBeUndefined();
    expect(take(m)).toBe(minTake(m));
    expect(errorName(increase(m, minTake(m) + 1).error)).toBe("DelegateTxRateLimitExceeded");
    expect(take(m)).toBe(minTake(m));
    m.stepBlock(1 + rateLimit(m));
    expect(increase(m, minTake(m) + 1).error).toBeUndefined();
    expect(take(m)).toBe(minTake(m) + 1);
  });
});
