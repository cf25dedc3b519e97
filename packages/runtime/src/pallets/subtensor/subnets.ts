import type { KeyValueReader } from "../../storage/store.js";
import { SubtensorStorage as S } from "./storage.js";

export const ROOT_NETUID = 0;

export function subnetExists(store: KeyValueReader, netuid: number): boolean {
  return S.NetworksAdded.get(store, netuid);
}

/** Every existing netuid, ascending (root included). */
export function allNetuids(store: KeyValueReader): number[] {
  return [...S.NetworksAdded.entries(store)]
    .filter(([, added]) => added)
    .map(([netuid]) => netuid)
    .sort((a, b) => a - b);
}

export function uidOf(store: KeyValueReader, netuid: number, hotkey: string): number | undefined {
  return S.Uids.get(store, netuid, hotkey);
}

export function isRegistered(store: KeyValueReader, netuid: number, hotkey: string): boolean {
  return uidOf(store, netuid, hotkey) !== undefined;
}
