// add_stake_burn (call 132), a subnet buy-back: TAO buys alpha through the pool like add_stake, and the
// alpha bought is burned at once. The TAO stays in the pool (the price rises), TAO issuance is unchanged;
// the burned alpha leaves every stake but stays counted in SubnetAlphaOut, as Subtensor's burn_alpha
// (unlike recycle_alpha) leaves alpha issuance alone. Any signed coldkey may call it.
import { AccountId, Option, Struct, u16, u64 } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import { type DispatchError, type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { weight } from "../../../frame/weights.js";
import { SubtensorErrors as E } from "../errors.js";
import { hotkeyAccountExists } from "../hotkeys.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID, subnetExists } from "../subnets.js";
import { addStake, signed } from "./add-remove.js";
import { decreaseStake, stakeOf } from "./share-pool.js";
import { type Outcome, subtokenEnabled } from "./stake-ops.js";

/**
 * Subtensor's burn_alpha leg: takes up to `alpha` of the coldkey's stake on `hotkey` out of existence
 * without lowering SubnetAlphaOut. Returns the amount burned.
 */
export function burnAlpha(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  alpha: bigint,
): Outcome<{ burned: bigint }> {
  const { store } = scope;
  const refuse = (error: DispatchError) => ({ ok: false as const, error });
  if (!subnetExists(store, netuid)) return refuse(E.SubnetNotExists);
  if (netuid === ROOT_NETUID) return refuse(E.CannotBurnOrRecycleOnRootSubnet);
  if (!subtokenEnabled(store, netuid)) return refuse(E.SubtokenDisabled);
  if (!hotkeyAccountExists(store, hotkey)) return refuse(E.HotKeyAccountNotExists);
  const owned = stakeOf(store, hotkey, coldkey, netuid);
  const amount = alpha < owned ? alpha : owned;
  if (S.SubnetAlphaOut.get(store, netuid) < amount) return refuse(E.InsufficientLiquidity);
  decreaseStake(store, hotkey, coldkey, netuid, amount);
  scope.emit("SubtensorModule", "AlphaBurned", { coldkey, hotkey, amount, netuid });
  return { ok: true, burned: amount };
}

/** add_stake (or add_stake_limit, all or nothing) then burn what it bought; all of it or nothing. */
export function addStakeBurn(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  amount: bigint,
  limitPrice?: bigint,
): DispatchResult {
  const limit = limitPrice === undefined ? undefined : { limitPrice, allowPartial: false };
  const staked = addStake(scope, coldkey, hotkey, netuid, amount, limit);
  if (!staked.ok) return fail(staked.error);
  const burned = burnAlpha(scope, coldkey, hotkey, netuid, staked.alpha);
  if (!burned.ok) return fail(burned.error);
  scope.emit("SubtensorModule", "AddStakeBurn", { netuid, hotkey, amount, alpha: staked.alpha });
  return OK;
}

export const addStakeBurnCall = defineCall({
  pallet: "SubtensorModule",
  name: "add_stake_burn",
  index: 132,
  args: Struct({ hotkey: AccountId, netuid: u16, amount: u64, limit: Option(u64) }),
  weight: () => weight(967_308_000n, 33, 17),
  pays: true,
  dispatch: signed((scope, who, a) => addStakeBurn(scope, who, a.hotkey, a.netuid, a.amount, a.limit)),
});
