import type { AccountInfo } from "../../codecs.js";
import type { KeyValueReader, KeyValueStore } from "../../storage/store.js";
import { SystemStorage } from "./storage.js";

const { Account } = SystemStorage;

export function getAccount(store: KeyValueReader, who: string): AccountInfo {
  return Account.get(store, who);
}

/** Stores the account, or removes it when nothing is left (no balance, providers or nonce). */
export function putAccount(store: KeyValueStore, who: string, info: AccountInfo): void {
  const empty =
    info.nonce === 0 &&
    info.providers === 0 &&
    info.consumers === 0 &&
    info.sufficients === 0 &&
    info.data.free === 0n &&
    info.data.reserved === 0n;
  if (empty) Account.remove(store, who);
  else Account.set(store, who, info);
}

export function removeAccount(store: KeyValueStore, who: string): void {
  Account.remove(store, who);
}

export function accountNonce(store: KeyValueReader, who: string): number {
  return getAccount(store, who).nonce;
}

export function incrementNonce(store: KeyValueStore, who: string): void {
  const info = getAccount(store, who);
  putAccount(store, who, { ...info, nonce: info.nonce + 1 });
}

/** An account "exists" for paying calls when something provides for it (a balance ≥ ED). */
export function accountExists(store: KeyValueReader, who: string): boolean {
  const info = getAccount(store, who);
  return info.providers > 0 || info.sufficients > 0;
}
