// root_register and try_associate_hotkey (transactions.md §4.2, §1.2).
import { AccountId, Struct } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, fail, OK } from "../../frame/dispatch-error.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as E } from "./errors.js";
import { associateHotkey } from "./hotkeys.js";
import { SubtensorStorage as S } from "./storage.js";
import { isRegistered, ROOT_NETUID, subnetExists } from "./subnets.js";
import { appendNeuron, replaceNeuron } from "./uids.js";

export const DEFAULT_TAKE = 11_796;

export const rootRegister = defineCall({
  pallet: "SubtensorModule",
  name: "root_register",
  index: 62,
  args: Struct({ hotkey: AccountId }),
  weight: () => weight(120_000_000n, 20, 12),
  pays: true,
  dispatch: (scope, origin, { hotkey }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const { store } = scope;
    const root = ROOT_NETUID;
    if (!subnetExists(store, root)) return fail(E.RootNetworkDoesNotExist);
    if (S.RegistrationsThisBlock.get(store, root) >= S.MaxRegistrationsPerBlock.get(store, root)) {
      return fail(E.TooManyRegistrationsThisBlock);
    }
    if (
      S.RegistrationsThisInterval.get(store, root) >=
      3 * S.TargetRegistrationsPerInterval.get(store, root)
    ) {
      return fail(E.TooManyRegistrationsThisInterval);
    }
    if (isRegistered(store, root, hotkey)) return fail(E.HotKeyAlreadyRegisteredInSubNet);
    const bad = associateHotkey(scope, origin.who, hotkey);
    if (bad) return fail(bad);
    let uid: number;
    const n = S.SubnetworkN.get(store, root);
    if (n < S.MaxAllowedUids.get(store, root)) {
      uid = appendNeuron(scope, root, hotkey);
    } else {
      // Full: the member with the least root stake gives way, if the newcomer has more.
      let lowest: { uid: number; stake: bigint } | undefined;
      for (let u = 0; u < n; u++) {
        const stake = S.TotalHotkeyAlpha.get(store, S.Keys.get(store, root, u), root);
        if (lowest === undefined || stake < lowest.stake) lowest = { uid: u, stake };
      }
      if (!lowest || S.TotalHotkeyAlpha.get(store, hotkey, root) <= lowest.stake)
        return fail(E.StakeTooLowForRoot);
      uid = lowest.uid;
      replaceNeuron(scope, root, uid, hotkey);
    }
    if (!S.Delegates.contains(store, hotkey)) S.Delegates.set(store, hotkey, DEFAULT_TAKE);
    S.RegistrationsThisInterval.mutate(store, root, (x) => x + 1);
    S.RegistrationsThisBlock.mutate(store, root, (x) => x + 1);
    scope.emit("SubtensorModule", "NeuronRegistered", { netuid: root, uid, hotkey });
    return OK;
  },
});

export const tryAssociateHotkey = defineCall({
  pallet: "SubtensorModule",
  name: "try_associate_hotkey",
  index: 91,
  args: Struct({ hotkey: AccountId }),
  weight: () => weight(15_000_000n, 1, 2),
  pays: true,
  dispatch: (scope, origin, { hotkey }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const bad = associateHotkey(scope, origin.who, hotkey);
    return bad ? fail(bad) : OK;
  },
});
