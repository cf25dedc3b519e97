// Auto-stake destinations (Subtensor `set_coldkey_auto_stake_hotkey`, call 114): a coldkey names, per
// subnet, the hotkey its miners' incentive is staked to instead of each miner's own hotkey.
import { AccountId, Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import { badOrigin, fail, OK } from "../../../frame/dispatch-error.js";
import { weight } from "../../../frame/weights.js";
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { SubtensorErrors as E } from "../errors.js";
import { SubtensorStorage as S } from "../storage.js";
import { isRegistered, subnetExists } from "../subnets.js";

const PALLET = "SubtensorModule";

/** The hotkey that receives `owner`'s miner incentive on `netuid`, when the owner set one. */
export function autoStakeDestination(
  store: KeyValueReader,
  owner: string,
  netuid: number,
): string | undefined {
  return S.AutoStakeDestination.get(store, owner, netuid);
}

export const setColdkeyAutoStakeHotkey = defineCall({
  pallet: PALLET,
  name: "set_coldkey_auto_stake_hotkey",
  index: 114,
  args: Struct({ netuid: u16, hotkey: AccountId }),
  weight: () => weight(33_853_000n, 4, 2),
  pays: true,
  dispatch: (scope, origin, { netuid, hotkey }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const { store } = scope;
    const coldkey = origin.who;
    if (!subnetExists(store, netuid)) return fail(E.SubnetNotExists);
    if (!isRegistered(store, netuid, hotkey)) return fail(E.HotKeyNotRegisteredInSubNet);
    const current = S.AutoStakeDestination.get(store, coldkey, netuid);
    if (current !== undefined) {
      if (current === hotkey) return fail(E.SameAutoStakeHotkeyAlreadySet);
      S.AutoStakeDestinationColdkeys.mutate(store, current, netuid, (v) => v.filter((c) => c !== coldkey));
    }
    S.AutoStakeDestination.set(store, coldkey, netuid, hotkey);
    S.AutoStakeDestinationColdkeys.mutate(store, hotkey, netuid, (v) =>
      v.includes(coldkey) ? v : [...v, coldkey],
    );
    scope.emit(PALLET, "AutoStakeDestinationSet", { coldkey, netuid, hotkey });
    return OK;
  },
});

/** Coldkey swap: the old coldkey's destination on `netuid` becomes the new coldkey's. */
export function moveAutoStakeColdkey(
  store: KeyValueStore,
  netuid: number,
  oldColdkey: string,
  newColdkey: string,
) {
  const hotkey = S.AutoStakeDestination.get(store, oldColdkey, netuid);
  if (hotkey === undefined) return;
  S.AutoStakeDestination.remove(store, oldColdkey, netuid);
  S.AutoStakeDestination.set(store, newColdkey, netuid, hotkey);
  S.AutoStakeDestinationColdkeys.mutate(store, hotkey, netuid, (v) => [
    ...v.filter((c) => c !== oldColdkey && c !== newColdkey),
    newColdkey,
  ]);
}

/** Hotkey swap on `netuid`: every coldkey auto-staking to the old hotkey now stakes to the new one. */
export function moveAutoStakeHotkey(
  store: KeyValueStore,
  netuid: number,
  oldHotkey: string,
  newHotkey: string,
) {
  if (!S.AutoStakeDestinationColdkeys.contains(store, oldHotkey, netuid)) return;
  const coldkeys = S.AutoStakeDestinationColdkeys.get(store, oldHotkey, netuid);
  for (const coldkey of coldkeys) S.AutoStakeDestination.set(store, coldkey, netuid, newHotkey);
  S.AutoStakeDestinationColdkeys.remove(store, oldHotkey, netuid);
  S.AutoStakeDestinationColdkeys.set(store, newHotkey, netuid, coldkeys);
}
