// set_children and set_childkey_take: Subtensor's tests/children.rs, ported with their names and
// numbers. Accounts are Subtensor's U256 numbers (acct(n)); the chain runs the mock's values (`test`
// preset) and calls are dispatched straight to the pallet as the Rust tests do (see staking-mock.ts).
import { bytesToHex, ss58Decode } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { SubtensorStorage as S } from "../src/index.js";
import {
  applyPendingChildren,
  lastTxBlock,
  TX_SET_CHILDKEY_TAKE,
} from "../src/pallets/subtensor/staking/children.js";
import { TestChain } from "./chain.js";
import { acct, errorName, type Mock, mock } from "./staking-mock.js";

beforeAll(TestChain.ready);

const U64_MAX = 2n ** 64n - 1n;
const [coldkey, hotkey] = [acct(1), acct(2)];
type Links = [bigint, string][];

/** `add_network(1, 13, 0)` + `register_ok_neuron(1, hotkey, owner)`: subnet 1 with `hotkey` registered. */
function withNeuron(owner = coldkey) {
  const m = mock();
  const netuid = m.addDynamicNetwork(acct(1002), acct(1001));
  S.Burn.set(m.store, netuid, 0n);
  m.addBalance(owner, 1_000n);
  m.ok(owner, "burned_register", { netuid, hotkey });
  return { m, netuid };
}

const schedule = (m: Mock, netuid: number, children: Links, who = coldkey, parent = hotkey) =>
  m.call(who, "set_children", { hotkey: parent, netuid, children });

/** `mock_set_children`: schedule (StakeThreshold 0), pass the cooldown, apply, restore the block. */
function mockSetChildren(m: Mock, netuid: number, parent: string, children: Links) {
  S.StakeThreshold.set(m.store, 0n);
  const r = schedule(m, netuid, children, coldkey, parent);
  if (r.error) throw new Error(`do_schedule_children: ${JSON.stringify(r.error)}`);
  const wait = Number(S.PendingChildKeyCooldown.get(m.store)) + 1;
  m.advance(wait);
  applyPendingChildren(m.scope(), netuid);
  m.advance(-wait);
}

/** `step_rate_limit(SetChildren)`. */
const stepRateLimit = (m: Mock) => m.advance(m.c.runtime.preset.staking.setChildrenRateLimit);

/** Subtensor stores children in BTreeMap order: by the account's bytes (U256 order in its mock). */
const ordered = (links: Links): Links =>
  [...links].sort(([, a], [, b]) => {
    const [x, y] = [bytesToHex(ss58Decode(a)), bytesToHex(ss58Decode(b))];
    return x < y ? -1 : x > y ? 1 : 0;
  });

const children = (m: Mock, netuid: number, parent = hotkey) => S.ChildKeys.get(m.store, parent, netuid);
const parents = (m: Mock, netuid: number, child: string) => S.ParentKeys.get(m.store, child, netuid);

describe("set_children (children.rs)", () => {
  it("1. test_do_set_child_singular_success", () => {
    const { m, netuid } = withNeuron();
    const child = acct(3);
    mockSetChildren(m, netuid, hotkey, [[1000n, child]]);
    expect(children(m, netuid)).toEqual([[1000n, child]]);
  });

  it("2. test_do_set_child_singular_network_does_not_exist", () => {
    const m = mock();
    expect(errorName(schedule(m, 999, [[1000n, acct(3)]]).error)).toBe("SubnetNotExists");
  });

  it("3. test_do_set_child_singular_invalid_child", () => {
    const { m, netuid } = withNeuron();
    expect(errorName(schedule(m, netuid, [[1000n, hotkey]]).error)).toBe("InvalidChild");
  });

  it("4. test_do_set_child_singular_non_associated_coldkey", () => {
    const { m, netuid } = withNeuron(acct(999));
    expect(errorName(schedule(m, netuid, [[1000n, acct(3)]]).error)).toBe("NonAssociatedColdKey");
  });

  it("5. test_do_set_child_singular_root_network", () => {
    const m = mock();
    expect(errorName(schedule(m, 0, [[1000n, acct(3)]]).error)).toBe("RegistrationNotPermittedOnRootSubnet");
  });

  it("6. test_do_set_child_singular_old_children_cleanup", () => {
    const { m, netuid } = withNeuron();
    const [oldChild, newChild] = [acct(3), acct(4)];
    mockSetChildren(m, netuid, hotkey, [[1000n, oldChild]]);
    stepRateLimit(m);
    mockSetChildren(m, netuid, hotkey, [[1000n, newChild]]);
    expect(parents(m, netuid, oldChild)).toEqual([]);
    expect(parents(m, netuid, newChild)).toEqual([[1000n, hotkey]]);
  });

  it("8. test_do_set_child_singular_proportion_edge_cases", () => {
    const { m, netuid } = withNeuron();
    const child = acct(3);
    mockSetChildren(m, netuid, hotkey, [[0n, child]]);
    expect(children(m, netuid)).toEqual([[0n, child]]);
    stepRateLimit(m);
    mockSetChildren(m, netuid, hotkey, [[U64_MAX, child]]);
    expect(children(m, netuid)).toEqual([[U64_MAX, child]]);
  });

  it("9. test_do_set_child_singular_multiple_children", () => {
    const { m, netuid } = withNeuron();
    const [child1, child2] = [acct(3), acct(4)];
    mockSetChildren(m, netuid, hotkey, [[500n, child1]]);
    stepRateLimit(m);
    mockSetChildren(m, netuid, hotkey, [[500n, child2]]);
    expect(children(m, netuid)).toEqual([[500n, child2]]);
    expect(parents(m, netuid, child1)).toEqual([]);
    expect(parents(m, netuid, child2)).toEqual([[500n, hotkey]]);
  });

  it("16. test_do_schedule_children_multiple_success", () => {
    const { m, netuid } = withNeuron();
    const [child1, child2] = [acct(3), acct(4)];
    mockSetChildren(m, netuid, hotkey, [
      [1000n, child1],
      [2000n, child2],
    ]);
    expect(children(m, netuid)).toEqual(
      ordered([
        [1000n, child1],
        [2000n, child2],
      ]),
    );
    expect(parents(m, netuid, child1)).toEqual([[1000n, hotkey]]);
    expect(parents(m, netuid, child2)).toEqual([[2000n, hotkey]]);
  });

  it("test_do_remove_stake_clears_pending_childkeys", () => {
    const { m, netuid } = withNeuron();
    m.addBalance(coldkey, 10_000_000_000_000n);
    S.SubtokenEnabled.set(m.store, netuid, true);
    m.setupReserves(netuid, 1_000_000_000_000_000n, 1_000_000_000_000_000n);
    S.StakeThreshold.set(m.store, 1_000_000_000_000n);
    m.ok(coldkey, "add_stake", { hotkey, netuid, amountStaked: S.StakeThreshold.get(m.store) * 2n });
    const alpha = m.stake(hotkey, coldkey, netuid);
    expect(schedule(m, netuid, [[1000n, acct(3)]]).error).toBeUndefined();
    const [pending, cooldown] = S.PendingChildKeys.get(m.store, netuid, hotkey);
    expect(pending.length).toBeGreaterThan(0);
    expect(cooldown).toBeGreaterThan(0n);
    m.ok(coldkey, "remove_stake", { hotkey, netuid, amountUnstaked: alpha });
    expect(S.PendingChildKeys.get(m.store, netuid, hotkey)).toEqual([[], 0n]);
  });

  it("test_set_child_keys_empty_vector_clears_storage", () => {
    const m = mock();
    const [snOwnerHotkey, snOwnerColdkey] = [acct(1001), acct(1002)];
    const [parent, child] = [acct(1), acct(2)];
    const netuid = m.addDynamicNetwork(snOwnerHotkey, snOwnerColdkey);
    S.ChildKeys.set(m.store, parent, netuid, [[U64_MAX, child]]);
    S.ParentKeys.set(m.store, child, netuid, [[U64_MAX, parent]]);
    expect(S.ChildKeys.contains(m.store, parent, netuid)).toBe(true);
    // mock_set_children_no_epochs: the pending empty list applied after the cooldown.
    S.PendingChildKeys.set(m.store, netuid, parent, [[], 0n]);
    m.advance(Number(S.PendingChildKeyCooldown.get(m.store)) + 1);
    applyPendingChildren(m.scope(), netuid);
    expect(S.ChildKeys.contains(m.store, parent, netuid)).toBe(false);
    expect(S.ParentKeys.contains(m.store, child, netuid)).toBe(false);
    expect(S.ChildKeys.get(m.store, parent, netuid)).toEqual([]);
  });

  it("test_set_child_keys_no_start_call_sets_immediately", () => {
    const { m, netuid } = withNeuron();
    const [child1, child2] = [acct(3), acct(4)];
    S.SubtokenEnabled.remove(m.store, netuid);
    S.StakeThreshold.set(m.store, 0n);
    expect(
      schedule(m, netuid, [
        [1000n, child1],
        [2000n, child2],
      ]).error,
    ).toBeUndefined();
    applyPendingChildren(m.scope(), netuid);
    expect(S.PendingChildKeys.contains(m.store, netuid, hotkey)).toBe(false);
    expect(children(m, netuid)).toEqual(
      ordered([
        [1000n, child1],
        [2000n, child2],
      ]),
    );
  });
});

describe("set_childkey_take (children.rs)", () => {
  const setTake = (m: Mock, netuid: number, take: number, hk = hotkey) =>
    m.call(coldkey, "set_childkey_take", { hotkey: hk, netuid, take });

  it("test_do_set_childkey_take_success", () => {
    const { m, netuid } = withNeuron();
    expect(setTake(m, netuid, 5000).error).toBeUndefined();
    expect(S.ChildkeyTake.get(m.store, hotkey, netuid)).toBe(5000);
    expect(lastTxBlock(m.store, hotkey, netuid, TX_SET_CHILDKEY_TAKE)).toBe(BigInt(m.blockNumber));
  });

  it("test_do_set_childkey_take_non_associated_coldkey", () => {
    const { m, netuid } = withNeuron();
    expect(errorName(setTake(m, netuid, 5000, acct(3)).error)).toBe("NonAssociatedColdKey");
  });

  it("test_do_set_childkey_take_invalid_take_value", () => {
    const { m, netuid } = withNeuron();
    expect(errorName(setTake(m, netuid, S.MaxChildkeyTake.get(m.store) + 1).error)).toBe(
      "InvalidChildkeyTake",
    );
  });

  it("test_do_set_childkey_take_rate_limit_exceeded", () => {
    const { m, netuid } = withNeuron();
    expect(setTake(m, netuid, 3000).error).toBeUndefined();
    expect(errorName(setTake(m, netuid, 5000).error)).toBe("TxChildkeyTakeRateLimitExceeded");
    expect(setTake(m, netuid, 1000).error).toBeUndefined();
    expect(S.ChildkeyTake.get(m.store, hotkey, netuid)).toBe(1000);
  });
});
