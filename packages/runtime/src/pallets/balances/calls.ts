import { bool, Struct } from "@opentao/primitives";
import { CompactBalance, MultiAddress } from "../../codecs.js";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchResult, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { weight } from "../../frame/weights.js";
import {
  burn as burnFrom,
  type Preservation,
  reducibleBalance,
  setFreeBalance,
  transfer,
} from "./currency.js";

// Weights: polkadot-sdk's benchmarked pallet_balances figures, rounded; Subtensor uses that pallet.
const PALLET = "Balances";

function signer(origin: Origin): string | undefined {
  return origin.kind === "Signed" ? origin.who : undefined;
}

function transferFrom(
  scope: Scope,
  origin: Origin,
  dest: string,
  value: bigint,
  how: Preservation,
): DispatchResult {
  const who = signer(origin);
  if (who === undefined) return badOrigin();
  return transfer(scope, who, dest, value, how);
}

export const transferAllowDeath = defineCall({
  pallet: PALLET,
  name: "transfer_allow_death",
  index: 0,
  args: Struct({ dest: MultiAddress, value: CompactBalance }),
  weight: () => weight(50_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { dest, value }) => transferFrom(scope, origin, dest, value, "Expendable"),
});

export const forceTransfer = defineCall({
  pallet: PALLET,
  name: "force_transfer",
  index: 2,
  args: Struct({ source: MultiAddress, dest: MultiAddress, value: CompactBalance }),
  weight: () => weight(50_000_000n, 2, 2),
  pays: true,
  dispatch: (scope, origin, { source, dest, value }) =>
    origin.kind === "Root" ? transfer(scope, source, dest, value, "Expendable") : badOrigin(),
});

export const transferKeepAlive = defineCall({
  pallet: PALLET,
  name: "transfer_keep_alive",
  index: 3,
  args: Struct({ dest: MultiAddress, value: CompactBalance }),
  weight: () => weight(40_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { dest, value }) => transferFrom(scope, origin, dest, value, "Preserve"),
});

export const transferAll = defineCall({
  pallet: PALLET,
  name: "transfer_all",
  index: 4,
  args: Struct({ dest: MultiAddress, keepAlive: bool }),
  weight: () => weight(45_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { dest, keepAlive }) => {
    const who = signer(origin);
    if (who === undefined) return badOrigin();
    const how: Preservation = keepAlive ? "Preserve" : "Expendable";
    return transfer(scope, who, dest, reducibleBalance(scope, who, how), how);
  },
});

export const forceSetBalance = defineCall({
  pallet: PALLET,
  name: "force_set_balance",
  index: 8,
  args: Struct({ who: MultiAddress, newFree: CompactBalance }),
  weight: () => weight(20_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { who, newFree }) => {
    if (origin.kind !== "Root") return badOrigin();
    const free = setFreeBalance(scope, who, newFree);
    scope.emit(PALLET, "BalanceSet", { who, free });
    return OK;
  },
});

export const burn = defineCall({
  pallet: PALLET,
  name: "burn",
  index: 10,
  args: Struct({ value: CompactBalance, keepAlive: bool }),
  weight: () => weight(30_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { value, keepAlive }) => {
    const who = signer(origin);
    if (who === undefined) return badOrigin();
    const result = burnFrom(scope, who, value, keepAlive ? "Preserve" : "Expendable");
    if (result.ok) scope.emit(PALLET, "Burned", { who, amount: value });
    return result;
  },
});

export const BALANCES_CALLS = [
  transferAllowDeath,
  forceTransfer,
  transferKeepAlive,
  transferAll,
  forceSetBalance,
  burn,
];
