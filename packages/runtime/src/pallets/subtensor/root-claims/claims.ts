// Root dividends are not paid out at the epoch: each root staker claims its part later (economics §5.5).
// RootClaimable[h][netuid] is the alpha owed per unit of h's root stake; a staker with root stake s on h
// is owed rate·s − RootClaimed. Stake added to root after a payout is marked as claimed, so it cannot
// collect dividends earned before it arrived.
import { I96F32 } from "@opentao/primitives";
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

/** Claims everything `coldkey` is owed on `netuid` through every hotkey it stakes root to. */
export function claimRootOnSubnet(scope: Scope, coldkey: string, netuid: number): bigint {
  const { store } = scope;
  let claimedTotal = 0n;
  for (const hotkey of S.StakingHotkeys.get(store, coldkey)) {
    const owed = owedRootDividends(store, hotkey, coldkey, netuid);
    if (owed === 0n || owed < R.RootClaimableThreshold.get(store, netuid)) continue;
    R.RootClaimed.mutate(
      store,
      hotkey,
      [coldkey, netuid],
      (c) => I96F32.fromBits(c).add(I96F32.fromInt(owed)).bits,
    );
    if (keeps(store, coldkey, netuid)) {
      increaseStake(store, hotkey, coldkey, netuid, owed);
    } else {
      // Swap: the alpha is sold fee-free and the TAO becomes root stake on the same hotkey.
      const sold = swapAlphaForTao(scope, netuid, owed, undefined, true);
      if (!sold.ok || sold.amountOut === 0n) continue;
      if (
        !transfer(scope, subnetAccountId(netuid), subnetAccountId(ROOT_NETUID), sold.amountOut, "Expendable")
          .ok
      )
        continue;
      S.SubnetTAO.mutate(store, ROOT_NETUID, (x) => x + sold.amountOut);
      S.SubnetAlphaOut.mutate(store, ROOT_NETUID, (x) => x + sold.amountOut);
      increaseStake(store, hotkey, coldkey, ROOT_NETUID, sold.amountOut);
      adjustRootClaimed(store, hotkey, coldkey, sold.amountOut);
    }
    claimedTotal += owed;
    scope.emit("SubtensorModule", "RootClaimed", { coldkey, hotkey, netuid, amount: owed });
  }
  return claimedTotal;
}
