// increase_take / decrease_take (transactions.md §4.7): a delegate's cut of its nominators' dividends.
import { AccountId, Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { weight } from "../../../frame/weights.js";
import type { KeyValueStore } from "../../../storage/store.js";
import { SubtensorErrors as E } from "../errors.js";
import { hotkeyAccountExists } from "../hotkeys.js";
import { SubtensorStorage as S } from "../storage.js";

/** `maybe_become_delegate`: an explicit `Delegates` entry (at the default take) once others stake to it. */
export function becomeDelegate(store: KeyValueStore, hotkey: string): void {
  if (!S.Delegates.contains(store, hotkey)) S.Delegates.set(store, hotkey, S.Delegates.get(store, hotkey));
}

function checkOwner(scope: Scope, coldkey: string, hotkey: string): DispatchResult | undefined {
  if (!hotkeyAccountExists(scope.store, hotkey)) return fail(E.HotKeyAccountNotExists);
  if (S.Owner.get(scope.store, hotkey) !== coldkey) return fail(E.NonAssociatedColdKey);
  return undefined;
}

export const decreaseTake = defineCall({
  pallet: "SubtensorModule",
  name: "decrease_take",
  index: 65,
  args: Struct({ hotkey: AccountId, take: u16 }),
  weight: () => weight(20_000_000n, 4, 2),
  pays: false,
  dispatch: (scope, origin, { hotkey, take }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const bad = checkOwner(scope, origin.who, hotkey);
    if (bad) return bad;
    const { store } = scope;
    if (S.Delegates.contains(store, hotkey) && take >= S.Delegates.get(store, hotkey))
      return fail(E.DelegateTakeTooLow);
    if (take < S.MinDelegateTake.get(store)) return fail(E.DelegateTakeTooLow);
    S.Delegates.set(store, hotkey, take);
    // A decrease also restarts the wait before the next increase.
    S.LastTxBlockDelegateTake.set(store, hotkey, BigInt(scope.env.block.number));
    scope.emit("SubtensorModule", "TakeDecreased", { coldkey: origin.who, hotkey, take });
    return OK;
  },
});

export const increaseTake = defineCall({
  pallet: "SubtensorModule",
  name: "increase_take",
  index: 66,
  args: Struct({ hotkey: AccountId, take: u16 }),
  weight: () => weight(20_000_000n, 5, 2),
  pays: false,
  dispatch: (scope, origin, { hotkey, take }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const bad = checkOwner(scope, origin.who, hotkey);
    if (bad) return bad;
    const { store } = scope;
    if (S.Delegates.contains(store, hotkey) && take <= S.Delegates.get(store, hotkey))
      return fail(E.DelegateTakeTooLow);
    if (take > S.MaxDelegateTake.get(store)) return fail(E.DelegateTakeTooHigh);
    const limit = S.TxDelegateTakeRateLimit.get(store);
    const last = S.LastTxBlockDelegateTake.get(store, hotkey);
    if (limit !== 0n && last !== 0n && BigInt(scope.env.block.number) - last <= limit)
      return fail(E.DelegateTxRateLimitExceeded);
    S.Delegates.set(store, hotkey, take);
    S.LastTxBlockDelegateTake.set(store, hotkey, BigInt(scope.env.block.number));
    scope.emit("SubtensorModule", "TakeIncreased", { coldkey: origin.who, hotkey, take });
    return OK;
  },
});
