import { compact, Struct } from "@opentao/primitives";
import { MultiAddress } from "../../codecs.js";
import { defineCall, RuntimeCallCodec } from "../../frame/call.js";
import { callWeight, dispatch } from "../../frame/dispatch.js";
import { type DispatchError, type DispatchResult, defineErrors, fail } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { weight } from "../../frame/weights.js";
import { SudoStorage } from "./storage.js";

export const SudoErrors = defineErrors("Sudo", 12, ["RequireSudo"] as const);

const PALLET = "Sudo";

function requireSudo(scope: Scope, origin: Origin): DispatchError | undefined {
  const key = SudoStorage.Key.get(scope.store);
  if (origin.kind !== "Signed" || key === undefined || origin.who !== key) return SudoErrors.RequireSudo;
  return undefined;
}

const sudoResult = (result: DispatchResult) => (result.ok ? { ok: null } : { err: result.error });

/** A successful sudo call is free (pallet-sudo returns `Pays::No`). */
const FREE: DispatchResult = { ok: true, refundFee: true };

export const sudo = defineCall({
  pallet: PALLET,
  name: "sudo",
  index: 0,
  args: Struct({ call: RuntimeCallCodec }),
  weight: ({ call }) => weight(10_000_000n, 1) + callWeight(call),
  pays: true,
  dispatch: (scope, origin, { call }) => {
    const denied = requireSudo(scope, origin);
    if (denied) return fail(denied);
    scope.emit(PALLET, "Sudid", { sudoResult: sudoResult(dispatch(scope, { kind: "Root" }, call)) });
    return FREE;
  },
});

export const sudoUncheckedWeight = defineCall({
  pallet: PALLET,
  name: "sudo_unchecked_weight",
  index: 1,
  args: Struct({ call: RuntimeCallCodec, weight: Struct({ refTime: compact, proofSize: compact }) }),
  weight: ({ weight: w }) => BigInt(w.refTime),
  pays: true,
  dispatch: (scope, origin, { call }) => {
    const denied = requireSudo(scope, origin);
    if (denied) return fail(denied);
    scope.emit(PALLET, "Sudid", { sudoResult: sudoResult(dispatch(scope, { kind: "Root" }, call)) });
    return FREE;
  },
});

export const setKey = defineCall({
  pallet: PALLET,
  name: "set_key",
  index: 2,
  args: Struct({ new: MultiAddress }),
  weight: () => weight(10_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, args) => {
    const denied = requireSudo(scope, origin);
    if (denied) return fail(denied);
    const old = SudoStorage.Key.get(scope.store);
    SudoStorage.Key.set(scope.store, args.new);
    scope.emit(PALLET, "KeyChanged", { old: old ?? null, new: args.new });
    return FREE;
  },
});

export const sudoAs = defineCall({
  pallet: PALLET,
  name: "sudo_as",
  index: 3,
  args: Struct({ who: MultiAddress, call: RuntimeCallCodec }),
  weight: ({ call }) => weight(10_000_000n, 1) + callWeight(call),
  pays: true,
  dispatch: (scope, origin, { who, call }) => {
    const denied = requireSudo(scope, origin);
    if (denied) return fail(denied);
    scope.emit(PALLET, "SudoAsDone", {
      sudoResult: sudoResult(dispatch(scope, { kind: "Signed", who }, call)),
    });
    return FREE;
  },
});

export const removeKey = defineCall({
  pallet: PALLET,
  name: "remove_key",
  index: 4,
  args: Struct({}),
  weight: () => weight(10_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin) => {
    const denied = requireSudo(scope, origin);
    if (denied) return fail(denied);
    SudoStorage.Key.kill(scope.store);
    scope.emit(PALLET, "KeyRemoved");
    return FREE;
  },
});

export const SUDO_CALLS = [sudo, sudoUncheckedWeight, setKey, sudoAs, removeKey];

export const isSudoCall = (pallet: string) => pallet === PALLET;
