import type { DispatchError } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { KeyValueReader } from "../../storage/store.js";
import { isSubnetAccount } from "./accounts.js";
import { SubtensorErrors as E } from "./errors.js";
import { SubtensorStorage as S, ZERO_ACCOUNT } from "./storage.js";

/** A hotkey "exists" once it has an owner. */
export function hotkeyAccountExists(store: KeyValueReader, hotkey: string): boolean {
  return S.Owner.contains(store, hotkey);
}

export function ownerOf(store: KeyValueReader, hotkey: string): string {
  return S.Owner.get(store, hotkey);
}

/**
 * Subtensor's `create_account_if_non_existent`: the first coldkey to use an unowned hotkey becomes its
 * owner and lists it in both OwnedHotkeys and StakingHotkeys. Subnet pool accounts can never become hotkeys.
 */
export function associateHotkey(scope: Scope, coldkey: string, hotkey: string): DispatchError | undefined {
  if (isSubnetAccount(hotkey)) return E.CannotUseSystemAccount;
  if (hotkeyAccountExists(scope.store, hotkey)) return undefined;
  S.Owner.set(scope.store, hotkey, coldkey);
  S.OwnedHotkeys.mutate(scope.store, coldkey, (list) => (list.includes(hotkey) ? list : [...list, hotkey]));
  S.StakingHotkeys.mutate(scope.store, coldkey, (list) => (list.includes(hotkey) ? list : [...list, hotkey]));
  return undefined;
}

export function coldkeyOwnsHotkey(store: KeyValueReader, coldkey: string, hotkey: string): boolean {
  return (
    hotkeyAccountExists(store, hotkey) && S.Owner.get(store, hotkey) === coldkey && coldkey !== ZERO_ACCOUNT
  );
}
