// dissolve_network / root_dissolve_network (transactions.md §4.5): the pool's TAO goes back to everyone
// holding the subnet's alpha, pro rata (largest remainder), the pool's own alpha counting for the owner;
// then every per-subnet item is removed.
import { AccountId, Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import { weight } from "../../frame/weights.js";
import { StorageDoubleMap, StorageMap } from "../../storage/items.js";
import { freeBalance, transfer } from "../balances/currency.js";
import { subnetAccountId } from "./accounts.js";
import { SubtensorErrors as E } from "./errors.js";
import { stakeOf } from "./staking/share-pool.js";
import { SubtensorStorage as S } from "./storage.js";
import { ROOT_NETUID, subnetExists } from "./subnets.js";

/** Splits `total` in proportion to `weights`, flooring, then hands the leftover rao to the largest remainders. */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n) return weights.map(() => 0n);
  const shares = weights.map((w) => (total * w) / sum);
  let left = total - shares.reduce((a, b) => a + b, 0n);
  const order = weights
    .map((w, i) => ({ i, remainder: (total * w) % sum }))
    .sort((a, b) => (a.remainder === b.remainder ? a.i - b.i : a.remainder > b.remainder ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    shares[i]! += 1n;
    left -= 1n;
  }
  return shares;
}

export function dissolveNetwork(scope: Scope, netuid: number): DispatchResult {
  const { store } = scope;
  if (netuid === ROOT_NETUID || !subnetExists(store, netuid)) return fail(E.SubnetNotExists);
  const owner = S.SubnetOwner.get(store, netuid);

  // Every stake position on the subnet, then the protocol's alpha (the pool's), which counts for the owner.
  const positions: { hotkey: string; coldkey: string; alpha: bigint }[] = [];
  for (const [hotkey, [coldkey, n]] of S.AlphaShares.entries(store)) {
    if (n === netuid) positions.push({ hotkey, coldkey, alpha: stakeOf(store, hotkey, coldkey, netuid) });
  }
  const holders = [
    ...positions.map((p) => ({ coldkey: p.coldkey, alpha: p.alpha })),
    { coldkey: owner, alpha: S.SubnetAlphaIn.get(store, netuid) },
  ];
  const account = subnetAccountId(netuid);
  const payouts = largestRemainder(
    S.SubnetTAO.get(store, netuid),
    holders.map((h) => h.alpha),
  );
  for (const [i, holder] of holders.entries()) {
    const paid = transfer(scope, account, holder.coldkey, payouts[i]!, "Expendable");
    if (!paid.ok) return paid;
  }
  // Whatever else the account holds (the lock's remainder) returns to the owner, closing the account.
  const rest = freeBalance(store, account);
  if (rest > 0n) {
    const closed = transfer(scope, account, owner, rest, "Expendable");
    if (!closed.ok) return closed;
  }

  for (const { hotkey, coldkey } of positions) S.AlphaShares.remove(store, hotkey, [coldkey, netuid]);
  for (const hotkey of new Set(positions.map((p) => p.hotkey))) {
    S.TotalHotkeyShares.remove(store, hotkey, netuid);
    S.TotalHotkeyAlpha.remove(store, hotkey, netuid);
  }
  const n = S.SubnetworkN.get(store, netuid);
  for (let uid = 0; uid < n; uid++) S.IsNetworkMember.remove(store, S.Keys.get(store, netuid, uid), netuid);
  clearSubnetItems(scope, netuid);
  S.TotalNetworks.mutate(store, (x) => x - 1);
  scope.emit("SubtensorModule", "NetworkRemoved", { netuid });
  return OK;
}

/** Removes every SubtensorModule item keyed by this netuid first. */
function clearSubnetItems(scope: Scope, netuid: number): void {
  for (const item of Object.values(S)) {
    if (item instanceof StorageMap && item.hasher === "Identity" && item.keyCodec === S.Tempo.keyCodec) {
      (item as StorageMap<number, unknown>).remove(scope.store, netuid);
    }
    if (
      item instanceof StorageDoubleMap &&
      item.hashers[0] === "Identity" &&
      item.keyCodecs[0] === S.Keys.keyCodecs[0]
    ) {
      (item as StorageDoubleMap<number, unknown, unknown>).clearPrefix(scope.store, netuid);
    }
  }
}

const DISSOLVE_WEIGHT = () => weight(1_000_000_000n, 200, 200);

export const dissolveNetworkCall = defineCall({
  pallet: "SubtensorModule",
  name: "dissolve_network",
  index: 61,
  args: Struct({ coldkey: AccountId, netuid: u16 }),
  weight: DISSOLVE_WEIGHT,
  pays: true,
  dispatch: (scope, origin, { netuid }) =>
    origin.kind === "Root" ? dissolveNetwork(scope, netuid) : badOrigin(),
});

export const rootDissolveNetworkCall = defineCall({
  pallet: "SubtensorModule",
  name: "root_dissolve_network",
  index: 120,
  args: Struct({ netuid: u16 }),
  weight: DISSOLVE_WEIGHT,
  pays: true,
  dispatch: (scope, origin, { netuid }) =>
    origin.kind === "Root" ? dissolveNetwork(scope, netuid) : badOrigin(),
});
