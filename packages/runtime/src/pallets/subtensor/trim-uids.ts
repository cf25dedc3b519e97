// `trim_to_max_allowed_uids` (Subtensor subnets/uids.rs, behind AdminUtils `sudo_trim_to_max_allowed_uids`):
// lowers MaxAllowedUids and, when the subnet holds more neurons, drops the lowest emitters that are
// neither owner-immune nor in their immunity period, then packs the survivors into uids 0…max_n-1 in
// their old order, remapping weights and bonds.
import type { DispatchError } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { StorageDoubleMap } from "../../storage/items.js";
import type { KeyValueStore } from "../../storage/store.js";
import { CoinbaseStorage as C } from "./coinbase/storage.js";
import { SubtensorErrors as E } from "./errors.js";
import { SubtensorStorage as S } from "./storage.js";
import { subnetExists } from "./subnets.js";
import { immuneOwnerUids } from "./uids.js";

type Row = [number, number][];

export function trimToMaxAllowedUids(scope: Scope, netuid: number, maxN: number): DispatchError | undefined {
  const { store } = scope;
  if (!subnetExists(store, netuid)) return E.SubnetNotExists;
  if (maxN < S.MinAllowedUids.get(store, netuid) || maxN > S.MaxAllowedUids.get(store, netuid))
    return E.InvalidValue;
  S.MaxAllowedUids.set(store, netuid, maxN);

  const n = S.SubnetworkN.get(store, netuid);
  if (n <= maxN) return undefined;
  const now = BigInt(scope.env.block.number);
  const immunityPeriod = BigInt(S.ImmunityPeriod.get(store, netuid));
  const ownerUids = immuneOwnerUids(store, netuid);
  const immune = (uid: number) =>
    ownerUids.has(uid) || now - S.BlockAtRegistration.get(store, netuid, uid) < immunityPeriod;

  let immuneCount = 0;
  for (let uid = 0; uid < n; uid++) if (immune(uid)) immuneCount++;
  // Percent::from_rational rounds down and saturates at 100 % (also for max_n = 0).
  const ratio = maxN === 0 ? 100n : (BigInt(immuneCount) * 100n) / BigInt(maxN);
  const percent = ratio > 100n ? 100n : ratio;
  if (percent >= BigInt(scope.env.preset.network.maxImmuneUidsPercentage))
    return E.TrimmingWouldExceedMaxImmunePercentage;

  // Highest emission first (stable, so ties keep uid order); drop from the bottom up.
  const emission = S.Emission.get(store, netuid);
  const ranked = emission.map((e, uid) => ({ uid, e })).sort((a, b) => (a.e < b.e ? 1 : a.e > b.e ? -1 : 0));
  let left = n;
  for (let i = n - 1; i >= 0 && left > maxN; i--) {
    const uid = ranked[i]?.uid;
    if (uid === undefined || immune(uid)) continue;
    if (S.Keys.contains(store, netuid, uid)) {
      const hotkey = S.Keys.get(store, netuid, uid);
      S.Uids.remove(store, netuid, hotkey);
      S.IsNetworkMember.remove(store, hotkey, netuid);
      C.AlphaDividendsPerSubnet.remove(store, netuid, hotkey);
      S.Axons.remove(store, netuid, hotkey);
      S.NeuronCertificates.remove(store, netuid, hotkey);
      S.Prometheus.remove(store, netuid, hotkey);
    }
    S.Keys.remove(store, netuid, uid);
    S.BlockAtRegistration.remove(store, netuid, uid);
    S.Weights.remove(store, netuid, uid);
    S.Bonds.remove(store, netuid, uid);
    ranked.splice(i, 1);
    left--;
  }

  const kept = ranked.map((r) => r.uid).sort((a, b) => a - b);
  const pick = <T>(list: readonly T[], fallback: T) => kept.map((uid) => list[uid] ?? fallback);
  S.Emission.set(store, netuid, pick(emission, 0n));
  for (const item of [S.Consensus, S.Incentive, S.Dividends, S.ValidatorTrust, S.StakeWeight])
    item.set(store, netuid, pick(item.get(store, netuid), 0));
  for (const item of [S.Active, S.ValidatorPermit])
    item.set(store, netuid, pick(item.get(store, netuid), false));
  S.LastUpdate.set(store, netuid, pick(S.LastUpdate.get(store, netuid), 0n));

  const newUid = new Map(kept.map((old, i) => [old, i]));
  const remap = (row: Row): Row =>
    row.flatMap(([target, v]) => (newUid.has(target) ? [[newUid.get(target)!, v] as [number, number]] : []));
  kept.forEach((old, i) => {
    // Every slot below `old` not yet refilled is empty here, so moving is what Subtensor's swap does.
    moveSlot(S.Keys, store, netuid, old, i);
    moveSlot(S.BlockAtRegistration, store, netuid, old, i);
    for (const item of [S.Weights, S.Bonds]) {
      moveSlot(item, store, netuid, old, i);
      if (item.contains(store, netuid, i)) item.set(store, netuid, i, remap(item.get(store, netuid, i)));
    }
  });
  S.Uids.clearPrefix(store, netuid);
  for (let uid = 0; uid < kept.length; uid++) S.Uids.set(store, netuid, S.Keys.get(store, netuid, uid), uid);
  S.SubnetworkN.set(store, netuid, maxN);
  return undefined;
}

function moveSlot<V>(
  item: StorageDoubleMap<number, number, V>,
  store: KeyValueStore,
  netuid: number,
  from: number,
  to: number,
): void {
  if (from === to) return;
  const value = item.contains(store, netuid, from) ? item.get(store, netuid, from) : undefined;
  item.remove(store, netuid, from);
  if (value === undefined) item.remove(store, netuid, to);
  else item.set(store, netuid, to, value);
}
