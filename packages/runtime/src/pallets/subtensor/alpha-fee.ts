// Fees paid in alpha (transactions.md §2.2, Subtensor `pallets/transaction-fee`): a coldkey that cannot
// pay a stake-removing call's fee in TAO pays it from the one (hotkey, subnet) stake the call touches.
// The alpha is sold fee-free and the TAO goes straight to the block author; alpha fees are final.
import { U64F64 } from "@opentao/primitives";
import type { RuntimeCall } from "../../frame/call.js";
import type { Scope } from "../../frame/scope.js";
import type { KeyValueReader } from "../../storage/store.js";
import { spotPrice } from "./pool/balancer.js";
import { poolOf } from "./pool/pool-state.js";
import { stakeOf } from "./staking/share-pool.js";
import { subtokenEnabled, unstakeAlpha } from "./staking/stake-ops.js";
import { SubtensorStorage as S } from "./storage.js";
import { allNetuids } from "./subnets.js";

interface Position {
  hotkey: string;
  netuid: number;
}

export interface AlphaFee {
  netuid: number;
  alphaFee: bigint;
  taoAmount: bigint;
}

/** `fees_in_alpha`: the stake positions a call may pay its fee from (several: none may be used). */
function positions(store: KeyValueReader, who: string, call: RuntimeCall): Position[] {
  if (call.pallet !== "SubtensorModule") return [];
  const a = call.args as Record<string, unknown>;
  const hotkey = a.hotkey as string;
  switch (call.name) {
    case "remove_stake":
    case "remove_stake_limit":
    case "remove_stake_full_limit":
      return [{ hotkey, netuid: a.netuid as number }];
    case "unstake_all":
    case "unstake_all_alpha":
      return allNetuids(store)
        .filter((netuid) => subtokenEnabled(store, netuid) && stakeOf(store, hotkey, who, netuid) > 0n)
        .map((netuid) => ({ hotkey, netuid }));
    case "move_stake":
      return [{ hotkey: a.originHotkey as string, netuid: a.originNetuid as number }];
    case "transfer_stake":
    case "swap_stake":
    case "swap_stake_limit":
      return [{ hotkey, netuid: a.originNetuid as number }];
    default:
      return [];
  }
}

/** `get_alpha_amount_for_tao`: at the spot price, ignoring slippage (fees are small). */
function alphaForTao(store: KeyValueReader, netuid: number, tao: bigint): bigint {
  if (S.SubnetMechanism.get(store, netuid) !== 1) return tao;
  const price = spotPrice(poolOf(store, netuid), 1);
  return U64F64.fromInt(tao).safeDiv(price).saturatingToNum("u64");
}

const single = (store: KeyValueReader, who: string, call: RuntimeCall) => {
  const list = positions(store, who, call);
  return list.length === 1 ? list[0] : undefined;
};

/** `can_withdraw_in_alpha`: the pool's check. */
export function canPayFeeInAlpha(
  store: KeyValueReader,
  who: string,
  call: RuntimeCall,
  fee: bigint,
): boolean {
  const p = single(store, who, call);
  return p !== undefined && stakeOf(store, p.hotkey, who, p.netuid) >= alphaForTao(store, p.netuid, fee);
}

/**
 * `withdraw_in_alpha`: sells up to the fee's worth of alpha (all of the position if that is less) to the
 * block author. Without an author nothing is charged. Undefined when the call cannot pay in alpha.
 */
export function payFeeInAlpha(
  scope: Scope,
  who: string,
  call: RuntimeCall,
  fee: bigint,
): AlphaFee | undefined {
  const { store } = scope;
  const p = single(store, who, call);
  if (p === undefined) return undefined;
  const stake = stakeOf(store, p.hotkey, who, p.netuid);
  const equivalent = alphaForTao(store, p.netuid, fee);
  const alphaFee = equivalent === 0n || equivalent > stake ? stake : equivalent;
  const author = scope.env.block.author;
  if (author === undefined) return { netuid: 0, alphaFee: 0n, taoAmount: 0n };
  let taoAmount = 0n;
  const sold = scope.transaction((s) => {
    const r = unstakeAlpha(s, who, p.hotkey, p.netuid, alphaFee, undefined, true, author);
    if (!r.ok) return r;
    taoAmount = r.tao;
    return { ok: true };
  });
  return sold.ok ? { netuid: p.netuid, alphaFee, taoAmount } : undefined;
}
