// Root dividends are not paid out at the epoch: each root staker claims its part later (economics §5.5).
// RootClaimable[h][netuid] is the alpha owed per unit of h's root stake; a staker with root stake s on h
// is owed rate·s − RootClaimed (whole alpha, as Subtensor keeps it). Stake added to root after a payout
// is marked as claimed, so it cannot collect dividends earned before it arrived; stake moved on root
// takes its claimed part along, so moving it never makes anything claimable twice.
import { I96F32 } from "@opentao/primitives";
import { type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { transfer } from "../../balances/currency.js";
import { subnetAccountId } from "../accounts.js";
import { CoinbaseStorage as C } from "../coinbase/storage.js";
import { swapAlphaForTao } from "../pool/pool-state.js";
import { increaseStake, stakeOf } from "../staking/share-pool.js";
import { SubtensorStorage as S } from "../storage.js";
import { ROOT_NETUID } from "../subnets.js";
import { RootClaimStorage as R } from "./storage.js";

const rate = (store: KeyValueReader, hotkey: string, netuid: number) =>
  I96F32.fromBits(C.RootClaimable.get(store, hotkey, netuid));

/** Alpha `coldkey` may claim from `hotkey`'s root dividends on `netuid`. */
export function owedRootDividends(
  store: KeyValueReader,
  hotkey: string,
  coldkey: string,
  netuid: number,
): bigint {
  const rootStake = I96F32.fromInt(stakeOf(store, hotkey, coldkey, ROOT_NETUID));
  const earned = rate(store, hotkey, netuid).mul(rootStake);
  const claimed = I96F32.fromInt(R.RootClaimed.get(store, hotkey, [coldkey, netuid]));
  return earned.gt(claimed) ? earned.sub(claimed).toInt() : 0n;
}

/** rate · amount for each subnet `hotkey` has root dividends on, floored to whole alpha. */
function claimedFor(store: KeyValueReader, hotkey: string, amount: bigint): [number, bigint][] {
  return [...C.RootClaimable.entriesOf(store, hotkey)].map(([netuid, bits]) => [
    netuid,
    I96F32.fromBits(bits).mul(I96F32.fromInt(amount)).saturatingToNum("u128"),
  ]);
}

/**
 * `add_stake_adjust_root_claimed_for_hotkey_and_coldkey`: root stake arriving on `hotkey` counts as
 * having claimed everything paid before it arrived.
 */
export function addStakeAdjustRootClaimed(
  store: KeyValueStore,
  hotkey: string,
  coldkey: string,
  amount: bigint,
): void {
  for (const [netuid, more] of claimedFor(store, hotkey, amount)) {
    R.RootClaimed.mutate(store, hotkey, [coldkey, netuid], (claimed) => claimed + more);
  }
}

/** `remove_stake_adjust_root_claimed_for_hotkey_and_coldkey`: root stake leaving takes its claimed part along. */
export function removeStakeAdjustRootClaimed(
  store: KeyValueStore,
  hotkey: string,
  coldkey: string,
  amount: bigint,
): void {
  for (const [netuid, less] of claimedFor(store, hotkey, amount)) {
    if (netuid === ROOT_NETUID) continue;
    R.RootClaimed.mutate(store, hotkey, [coldkey, netuid], (claimed) =>
      claimed > less ? claimed - less : 0n,
    );
  }
}

/**
 * `transfer_root_claimed_for_new_keys`: what was claimed moves with the stake (added to what the new
 * keys claimed already), so it cannot be claimed twice.
 */
export function transferRootClaimed(
  store: KeyValueStore,
  netuid: number,
  from: { hotkey: string; coldkey: string },
  to: { hotkey: string; coldkey: string },
): void {
  const claimed = R.RootClaimed.get(store, from.hotkey, [from.coldkey, netuid]);
  R.RootClaimed.remove(store, from.hotkey, [from.coldkey, netuid]);
  R.RootClaimed.mutate(store, to.hotkey, [to.coldkey, netuid], (c) => c + claimed);
}

function keeps(store: KeyValueReader, coldkey: string, netuid: number): boolean {
  const type = R.RootClaimType.get(store, coldkey);
  if (type.tag === "Keep") return true;
  if (type.tag === "KeepSubnets") return type.value.subnets.includes(netuid);
  return false;
}

/**
 * `root_claim_on_subnet`: what `coldkey` is owed through `hotkey` on `netuid`, unless below the
 * subnet's threshold, is kept as alpha or (Swap) sold fee-free for root stake on the same hotkey.
 */
function claimOnSubnet(scope: Scope, hotkey: string, coldkey: string, netuid: number): DispatchResult {
  const { store } = scope;
  const owed = owedRootDividends(store, hotkey, coldkey, netuid);
  if (owed === 0n || owed < R.RootClaimableThreshold.get(store, netuid)) return OK;
  if (keeps(store, coldkey, netuid)) {
    increaseStake(store, hotkey, coldkey, netuid, owed);
  } else {
    const sold = swapAlphaForTao(scope, netuid, owed, undefined, true);
    if (!sold.ok) return fail(sold.error);
    const moved = transfer(
      scope,
      subnetAccountId(netuid),
      subnetAccountId(ROOT_NETUID),
      sold.amountOut,
      "Expendable",
    );
    if (!moved.ok) return moved;
    S.SubnetTAO.mutate(store, ROOT_NETUID, (x) => x + sold.amountOut);
    S.SubnetAlphaOut.mutate(store, ROOT_NETUID, (x) => x + sold.amountOut);
    increaseStake(store, hotkey, coldkey, ROOT_NETUID, sold.amountOut);
    addStakeAdjustRootClaimed(store, hotkey, coldkey, sold.amountOut);
  }
  R.RootClaimed.mutate(store, hotkey, [coldkey, netuid], (c) => c + owed);
  return OK;
}

/**
 * `do_root_claim`: claims through every hotkey the coldkey stakes to, on every subnet the hotkey has
 * root dividends on (or only `subnets`). All or nothing: one failed swap leaves every claim standing.
 */
export function doRootClaim(scope: Scope, coldkey: string, subnets?: readonly number[]): DispatchResult {
  return scope.transaction((s) => {
    for (const hotkey of S.StakingHotkeys.get(s.store, coldkey)) {
      for (const [netuid] of [...C.RootClaimable.entriesOf(s.store, hotkey)]) {
        if (subnets && !subnets.includes(netuid)) continue;
        const r = claimOnSubnet(s, hotkey, coldkey, netuid);
        if (!r.ok) return r;
      }
    }
    s.emit("SubtensorModule", "RootClaimed", { coldkey });
    return OK;
  });
}
