// burned_register / register / register_limit (transactions.md §4.2): buy a UID by burning alpha bought
// with the registration price, paid through the subnet's pool.
import { AccountId, Bytes, Struct, U64F64, u16, u64 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import { weight } from "../../frame/weights.js";
import { reducibleBalance, transfer } from "../balances/currency.js";
import { subnetAccountId } from "./accounts.js";
import { SubtensorErrors as E } from "./errors.js";
import { associateHotkey, coldkeyOwnsHotkey } from "./hotkeys.js";
import { swapTaoForAlpha } from "./pool/pool-state.js";
import { bumpBurn } from "./registration-price.js";
import { SubtensorStorage as S } from "./storage.js";
import { ROOT_NETUID, subnetExists } from "./subnets.js";
import { appendNeuron, neuronToPrune, replaceNeuron } from "./uids.js";

/** `do_register`: the signer pays `Burn[netuid]` and owns the hotkey. */
export function doRegister(scope: Scope, coldkey: string, netuid: number, hotkey: string): DispatchResult {
  const { store } = scope;
  if (netuid === ROOT_NETUID) return fail(E.RegistrationNotPermittedOnRootSubnet);
  if (!subnetExists(store, netuid)) return fail(E.SubnetNotExists);
  if (!S.NetworkRegistrationAllowed.get(store, netuid)) return fail(E.SubNetRegistrationDisabled);
  if (S.Uids.get(store, netuid, hotkey) !== undefined) return fail(E.HotKeyAlreadyRegisteredInSubNet);
  const cost = S.Burn.get(store, netuid);
  if (reducibleBalance(scope, coldkey, "Preserve") < cost) return fail(E.NotEnoughBalanceToStake);
  const associated = associateHotkey(scope, coldkey, hotkey);
  if (associated) return fail(associated);
  if (!coldkeyOwnsHotkey(store, coldkey, hotkey)) return fail(E.NonAssociatedColdKey);
  const max = S.MaxAllowedUids.get(store, netuid);
  if (max === 0) return fail(E.NoNeuronIdAvailable);
  const now = scope.env.block.number;
  const full = S.SubnetworkN.get(store, netuid) >= max;
  const pruned = full ? neuronToPrune(store, netuid, now) : undefined;
  if (full && pruned === undefined) return fail(E.NoNeuronIdAvailable);

  // Buy and burn: the TAO stays in the pool, the alpha it bought leaves circulation.
  const moved = transfer(scope, coldkey, subnetAccountId(netuid), cost, "Preserve");
  if (!moved.ok) return moved;
  const bought = swapTaoForAlpha(scope, netuid, cost);
  if (!bought.ok) return fail(bought.error);
  S.SubnetAlphaOut.mutate(store, netuid, (x) => (x > bought.amountOut ? x - bought.amountOut : 0n));

  const uid = full ? pruned! : appendNeuron(scope, netuid, hotkey);
  if (full) replaceNeuron(scope, netuid, uid, hotkey);
  S.Burn.set(
    store,
    netuid,
    bumpBurn(
      cost,
      U64F64.fromBits(S.BurnIncreaseMult.get(store, netuid)),
      S.MinBurn.get(store, netuid),
      S.MaxBurn.get(store, netuid),
    ),
  );
  S.RegistrationsThisBlock.mutate(store, netuid, (x) => x + 1);
  S.RAORecycledForRegistration.mutate(store, netuid, (x) => x + cost);
  scope.emit("SubtensorModule", "NeuronRegistered", { netuid, uid, hotkey });
  return OK;
}

const signed =
  (run: (scope: Scope, who: string) => DispatchResult) =>
  (scope: Scope, origin: import("../../frame/types.js").Origin) =>
    origin.kind === "Signed" ? run(scope, origin.who) : badOrigin();

const REGISTER_WEIGHT = () => weight(200_000_000n, 30, 24);

export const burnedRegister = defineCall({
  pallet: "SubtensorModule",
  name: "burned_register",
  index: 7,
  args: Struct({ netuid: u16, hotkey: AccountId }),
  weight: REGISTER_WEIGHT,
  pays: true,
  dispatch: (scope, origin, { netuid, hotkey }) =>
    signed((s, who) => doRegister(s, who, netuid, hotkey))(scope, origin),
});

/** The classic PoW signature, kept for compatibility: the work is ignored and the signer pays. */
export const register = defineCall({
  pallet: "SubtensorModule",
  name: "register",
  index: 6,
  args: Struct({
    netuid: u16,
    blockNumber: u64,
    nonce: u64,
    work: Bytes(),
    hotkey: AccountId,
    coldkey: AccountId,
  }),
  weight: REGISTER_WEIGHT,
  pays: true,
  dispatch: (scope, origin, { netuid, hotkey }) =>
    signed((s, who) => doRegister(s, who, netuid, hotkey))(scope, origin),
});

export const registerLimit = defineCall({
  pallet: "SubtensorModule",
  name: "register_limit",
  index: 134,
  args: Struct({ netuid: u16, hotkey: AccountId, limitPrice: u64 }),
  weight: REGISTER_WEIGHT,
  pays: true,
  dispatch: (scope, origin, { netuid, hotkey, limitPrice }) =>
    signed((s, who) => {
      if (netuid === ROOT_NETUID) return fail(E.RegistrationNotPermittedOnRootSubnet);
      if (!subnetExists(s.store, netuid)) return fail(E.SubnetNotExists);
      if (S.Burn.get(s.store, netuid) > limitPrice) return fail(E.RegistrationPriceLimitExceeded);
      return doRegister(s, who, netuid, hotkey);
    })(scope, origin),
});
