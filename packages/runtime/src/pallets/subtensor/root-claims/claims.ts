// Root dividends are not paid out at the epoch: each root staker claims its part later (economics §5.5).
// RootClaimable[h][netuid] is the alpha owed per unit of h's root stake; a staker with root stake s on h
// is owed rate·s − RootClaimed. Stake added to root after a payout is marked as claimed, so it cannot
// collect dividends earned before it arrived.
import { I96F32 } from "@opentao/primitives";
import { type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
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
  const claimed = I96F32.fromBits(R.RootClaimed.get(store, hotkey, [coldkey, netuid]));
  return earned.gt(claimed) ? earned.sub(claimed).toInt() : 0n;
}

/** Root stake moved by `delta` (positive: added): what it is owed moves with it, so nothing old is claimable. */
export function adjustRootClaimed(
  store: Scope["store"],
  hotkey: string,
  coldkey: string,
  delta: bigint,
): void {
  for (const [netuid, bits] of C.RootClaimable.entriesOf(store, hotkey)) {
    const change = I96F32.fromBits(bits).mul(I96F32.fromInt(delta < 0n ? -delta : delta));
    R.RootClaimed.mutate(store, hotkey, [coldkey, netuid], (claimed) => {
      const before = I96F32.fromBits(claimed);
      const after = delta < 0n ? before.saturatingSub(change) : before.add(change);
      return after.bits < 0n ? 0n : after.bits;
    });
  }
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
    adjustRootClaimed(store, hotkey, coldkey, sold.amountOut);
  }
  R.RootClaimed.mutate(
    store,
    hotkey,
    [coldkey, netuid],
    (c) => I96F32.fromBits(c).add(I96F32.fromInt(owed)).bits,
  );
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
