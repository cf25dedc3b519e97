// swap_hotkey: Subtensor's tests/swap_hotkey.rs, ported with their names and numbers. Subtensor's tests
// call the internal `perform_hotkey_swap_on_all_subnets`; ours go through the swap_hotkey call (do_swap_hotkey,
// which runs it after its checks), so the coldkey owns the old hotkey and can pay the swap cost.
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import { CoinbaseStorage as C } from "../src/pallets/subtensor/coinbase/storage.js";
import { TestChain } from "./chain.js";
import { acct, errorName, type Mock, mock } from "./staking-mock.js";

beforeAll(TestChain.ready);

const [oldHotkey, newHotkey, coldkey] = [acct(1), acct(2), acct(3)];

/** The coldkey owns the old hotkey and holds the swap cost. */
function owned(m: Mock = mock()) {
  m.createAccount(coldkey, oldHotkey);
  m.addBalance(coldkey, m.c.runtime.preset.swaps.keySwapCost + 1_000_000n);
  return m;
}

const swap = (m: Mock, who = coldkey) =>
  m.call(who, "swap_hotkey", { hotkey: oldHotkey, newHotkey, netuid: undefined });

describe("swap_hotkey (swap_hotkey.rs)", () => {
  it("test_swap_owner", () => {
    const m = owned();
    expect(swap(m).error).toBeUndefined();
    expect(S.Owner.contains(m.store, oldHotkey)).toBe(false);
    expect(S.Owner.get(m.store, newHotkey)).toBe(coldkey);
  });

  it("test_swap_owned_hotkeys", () => {
    const m = owned();
    expect(swap(m).error).toBeUndefined();
    const hotkeys = S.OwnedHotkeys.get(m.store, coldkey);
    expect(hotkeys).not.toContain(oldHotkey);
    expect(hotkeys).toContain(newHotkey);
  });

  it("test_swap_total_hotkey_stake", () => {
    const m = mock();
    const amount = S.DefaultMinStake.get(m.store) * 10n;
    // add_dynamic_network(old_hotkey, coldkey): the coldkey owns the old hotkey as the subnet owner.
    const netuid = m.addDynamicNetwork(oldHotkey, coldkey);
    m.setupReserves(netuid, amount * 100n, amount * 100n);
    m.addBalance(coldkey, amount + m.c.runtime.preset.swaps.keySwapCost);
    m.ok(coldkey, "add_stake", { hotkey: oldHotkey, netuid, amountStaked: amount });
    const expectedAlpha = S.TotalHotkeyAlpha.get(m.store, oldHotkey, netuid);
    expect(expectedAlpha).toBeGreaterThan(0n);
    expect(S.TotalHotkeyAlpha.get(m.store, newHotkey, netuid)).toBe(0n);
    expect(swap(m).error).toBeUndefined();
    expect(S.TotalHotkeyAlpha.get(m.store, oldHotkey, netuid)).toBe(0n);
    expect(S.TotalHotkeyAlpha.get(m.store, newHotkey, netuid)).toBe(expectedAlpha);
  });

  it("test_swap_delegates", () => {
    const m = owned();
    S.Delegates.set(m.store, oldHotkey, 100);
    expect(swap(m).error).toBeUndefined();
    expect(S.Delegates.contains(m.store, oldHotkey)).toBe(false);
    expect(S.Delegates.get(m.store, newHotkey)).toBe(100);
  });

  it("test_swap_hotkey_with_multiple_coldkeys", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(acct(1002), acct(1001));
    const [coldkey1, coldkey2] = [acct(3), acct(4)];
    const stake = 1_000_000_000n;
    S.StakingHotkeys.set(m.store, coldkey1, [oldHotkey]);
    S.StakingHotkeys.set(m.store, coldkey2, [oldHotkey]);
    m.createAccount(coldkey1, oldHotkey);
    m.addBalance(coldkey1, stake + 1n + m.c.runtime.preset.swaps.keySwapCost);
    m.addBalance(coldkey2, stake + 1n);
    m.ok(coldkey1, "add_stake", { hotkey: oldHotkey, netuid, amountStaked: stake });
    m.ok(coldkey2, "add_stake", { hotkey: oldHotkey, netuid, amountStaked: stake / 2n });
    const stake1 = m.stake(oldHotkey, coldkey1, netuid);
    const stake2 = m.stake(oldHotkey, coldkey2, netuid);
    expect(swap(m, coldkey1).error).toBeUndefined();
    // get_total_stake_for_coldkey: the same alpha, now on the new hotkey.
    expect(m.stake(newHotkey, coldkey1, netuid)).toBe(stake1);
    expect(m.stake(newHotkey, coldkey2, netuid)).toBe(stake2);
    expect(S.StakingHotkeys.get(m.store, coldkey1)).toContain(newHotkey);
    expect(S.StakingHotkeys.get(m.store, coldkey2)).toContain(newHotkey);
  });

  it("test_do_swap_hotkey_err_not_owner", () => {
    const m = mock();
    const netuid = m.addDynamicNetwork(acct(1002), acct(1001));
    S.Burn.set(m.store, netuid, 0n);
    m.addBalance(coldkey, 1_000n);
    m.ok(coldkey, "burned_register", { netuid, hotkey: oldHotkey });
    const notOwner = acct(4);
    m.addBalance(notOwner, 1_000_000_000n);
    expect(errorName(swap(m, notOwner).error)).toBe("NonAssociatedColdKey");
  });

  it("test_swap_stake_success (our storage: no TotalHotkeyAlphaLastEpoch, shares in one map)", () => {
    const m = owned();
    const netuid = m.addDynamicNetwork(acct(1002), acct(1001));
    const amount = 10_000n;
    m.increaseStake(oldHotkey, coldkey, netuid, amount);
    C.AlphaDividendsPerSubnet.set(m.store, netuid, oldHotkey, amount);
    const shares = S.TotalHotkeyShares.get(m.store, oldHotkey, netuid);
    expect(swap(m).error).toBeUndefined();
    expect(S.TotalHotkeyAlpha.get(m.store, oldHotkey, netuid)).toBe(0n);
    expect(S.TotalHotkeyAlpha.get(m.store, newHotkey, netuid)).toBe(amount);
    expect(S.TotalHotkeyShares.get(m.store, oldHotkey, netuid)).toBe(0n);
    expect(S.TotalHotkeyShares.get(m.store, newHotkey, netuid)).toBe(shares);
    expect(S.AlphaShares.contains(m.store, oldHotkey, [coldkey, netuid])).toBe(false);
    expect(m.stake(newHotkey, coldkey, netuid)).toBe(amount);
    expect(C.AlphaDividendsPerSubnet.get(m.store, netuid, oldHotkey)).toBe(0n);
    expect(C.AlphaDividendsPerSubnet.get(m.store, netuid, newHotkey)).toBe(amount);
  });

  it("test_swap_child_keys", () => {
    const m = owned();
    const children: [bigint, string][] = [
      [100n, acct(4)],
      [200n, acct(5)],
    ];
    S.ChildKeys.set(m.store, oldHotkey, 0, children);
    expect(swap(m).error).toBeUndefined();
    expect(S.ChildKeys.get(m.store, newHotkey, 0)).toEqual(children);
    expect(S.ChildKeys.get(m.store, oldHotkey, 0)).toEqual([]);
  });

  it("test_swap_parent_keys", () => {
    const m = owned();
    const parents: [bigint, string][] = [
      [100n, acct(4)],
      [200n, acct(5)],
    ];
    S.ParentKeys.set(m.store, oldHotkey, 0, parents);
    S.ChildKeys.set(m.store, acct(4), 0, [[100n, oldHotkey]]);
    S.ChildKeys.set(m.store, acct(5), 0, [[200n, oldHotkey]]);
    expect(swap(m).error).toBeUndefined();
    expect(S.ParentKeys.get(m.store, newHotkey, 0)).toEqual(parents);
    expect(S.ParentKeys.get(m.store, oldHotkey, 0)).toEqual([]);
    expect(S.ChildKeys.get(m.store, acct(4), 0)).toEqual([[100n, newHotkey]]);
    expect(S.ChildKeys.get(m.store, acct(5), 0)).toEqual([[200n, newHotkey]]);
  });
});
