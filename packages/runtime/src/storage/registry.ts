import { AuraStorage } from "../pallets/aura/storage.js";
import { BalancesStorage } from "../pallets/balances/storage.js";
import { CoinbaseStorage } from "../pallets/subtensor/coinbase/storage.js";
import { RootClaimStorage } from "../pallets/subtensor/root-claims/storage.js";
import { SubtensorStorage } from "../pallets/subtensor/storage.js";
import { SudoStorage } from "../pallets/sudo/storage.js";
import { SystemStorage } from "../pallets/system/storage.js";
import { TimestampStorage } from "../pallets/timestamp/storage.js";
import type { StorageDoubleMap, StorageMap, StorageValue } from "./items.js";

/** Every storage item of the runtime, by pallet: the one place typed queries (RPC, tests) look them up. */
export const STORAGE = {
  System: SystemStorage,
  Timestamp: TimestampStorage,
  Aura: AuraStorage,
  Balances: BalancesStorage,
  Sudo: SudoStorage,
  SubtensorModule: { ...SubtensorStorage, ...CoinbaseStorage, ...RootClaimStorage },
} as const;

export type AnyStorageItem =
  | StorageValue<unknown>
  | StorageMap<unknown, unknown>
  | StorageDoubleMap<unknown, unknown, unknown>;

export function findStorageItem(pallet: string, name: string): AnyStorageItem | undefined {
  const items = (STORAGE as Record<string, Record<string, AnyStorageItem>>)[pallet];
  return items?.[name];
}

export function allStorageItems(): AnyStorageItem[] {
  return Object.values(STORAGE).flatMap((items) => Object.values(items) as AnyStorageItem[]);
}
