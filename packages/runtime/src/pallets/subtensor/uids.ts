// UID slots (transactions.md §8.1–8.2): append while there is room, else replace the neuron chosen by
// `neuronToPrune`. Stake is keyed by hotkey, not uid, so it is never touched here.
import type { Scope } from "../../frame/scope.js";
import type { KeyValueReader, KeyValueStore } from "../../storage/store.js";
import { SubtensorStorage as S } from "./storage.js";

const PER_UID_U16 = [S.Consensus, S.Incentive, S.Dividends, S.ValidatorTrust, S.StakeWeight] as const;

function setAt<T>(list: readonly T[], uid: number, value: T): T[] {
  const next = [...list];
  next[uid] = value;
  return next;
}

/** Adds `hotkey` as uid N and grows every per-uid vector; returns the uid. */
export function appendNeuron(scope: Scope, netuid: number, hotkey: string): number {
  const { store } = scope;
  const block = BigInt(scope.env.block.number);
  const uid = S.SubnetworkN.get(store, netuid);
  S.SubnetworkN.set(store, netuid, uid + 1);
  S.Active.mutate(store, netuid, (v) => [...v, true]);
  S.Emission.mutate(store, netuid, (v) => [...v, 0n]);
  for (const item of PER_UID_U16) item.mutate(store, netuid, (v) => [...v, 0]);
  S.ValidatorPermit.mutate(store, netuid, (v) => [...v, false]);
  S.LastUpdate.mutate(store, netuid, (v) => [...v, block]);
  installHotkey(store, netuid, uid, hotkey, block);
  return uid;
}

/** Puts `hotkey` in `uid`'s slot, clearing everything the previous neuron earned or set. */
export function replaceNeuron(scope: Scope, netuid: number, uid: number, hotkey: string): void {
  const { store } = scope;
  const block = BigInt(scope.env.block.number);
  const old = S.Keys.get(store, netuid, uid);
  S.Uids.remove(store, netuid, old);
  S.IsNetworkMember.remove(store, old, netuid);
  S.Axons.remove(store, netuid, old);
  S.NeuronCertificates.remove(store, netuid, old);
  S.Prometheus.remove(store, netuid, old);
  installHotkey(store, netuid, uid, hotkey, block);
  S.Active.mutate(store, netuid, (v) => setAt(v, uid, true));
  S.Emission.mutate(store, netuid, (v) => setAt(v, uid, 0n));
  for (const item of PER_UID_U16) item.mutate(store, netuid, (v) => setAt(v, uid, 0));
  S.ValidatorPermit.mutate(store, netuid, (v) => setAt(v, uid, false));
  S.LastUpdate.mutate(store, netuid, (v) => setAt(v, uid, block));
  S.Bonds.remove(store, netuid, uid);
  S.Weights.remove(store, netuid, uid);
  // Weights others gave to this uid are zeroed, not removed: the new neuron starts from nothing.
  const n = S.SubnetworkN.get(store, netuid);
  for (let other = 0; other < n; other++) {
    if (other === uid) continue;
    const row = S.Weights.get(store, netuid, other);
    if (row.some(([dest, w]) => dest === uid && w !== 0)) {
      S.Weights.set(
        store,
        netuid,
        other,
        row.map(([dest, w]) => [dest, dest === uid ? 0 : w] as [number, number]),
      );
    }
  }
}

function installHotkey(
  store: KeyValueStore,
  netuid: number,
  uid: number,
  hotkey: string,
  block: bigint,
): void {
  S.Keys.set(store, netuid, uid, hotkey);
  S.Uids.set(store, netuid, hotkey, uid);
  S.IsNetworkMember.set(store, hotkey, netuid, true);
  S.BlockAtRegistration.set(store, netuid, uid, block);
}

/** The owner's immune hotkeys: the owner hotkey first, then the owner's other neurons by age. */
export function immuneOwnerUids(store: KeyValueReader, netuid: number): Set<number> {
  const limit = S.ImmuneOwnerUidsLimit.get(store, netuid);
  const owner = S.SubnetOwner.get(store, netuid);
  const ownerHotkeyUid = S.Uids.get(store, netuid, S.SubnetOwnerHotkey.get(store, netuid));
  const others: { uid: number; registered: bigint }[] = [];
  for (const hotkey of S.OwnedHotkeys.get(store, owner)) {
    const uid = S.Uids.get(store, netuid, hotkey);
    if (uid !== undefined && uid !== ownerHotkeyUid)
      others.push({ uid, registered: S.BlockAtRegistration.get(store, netuid, uid) });
  }
  others.sort((a, b) =>
    a.registered === b.registered ? a.uid - b.uid : a.registered < b.registered ? -1 : 1,
  );
  const ordered = [...(ownerHotkeyUid !== undefined ? [ownerHotkeyUid] : []), ...others.map((o) => o.uid)];
  return new Set(ordered.slice(0, limit));
}

/**
 * `get_neuron_to_prune`: the lowest-emission neuron (then oldest registration, then lowest uid),
 * preferring non-immune ones while more than `MinNonImmuneUids` of them remain.
 */
export function neuronToPrune(store: KeyValueReader, netuid: number, now: number): number | undefined {
  const n = S.SubnetworkN.get(store, netuid);
  const emission = S.Emission.get(store, netuid);
  const immunityPeriod = BigInt(S.ImmunityPeriod.get(store, netuid));
  const immortal = immuneOwnerUids(store, netuid);
  type Candidate = { uid: number; emission: bigint; registered: bigint };
  const better = (a: Candidate, b: Candidate | undefined) =>
    b === undefined ||
    a.emission < b.emission ||
    (a.emission === b.emission &&
      (a.registered < b.registered || (a.registered === b.registered && a.uid < b.uid)));
  let bestImmune: Candidate | undefined;
  let bestMortal: Candidate | undefined;
  let mortalCount = 0;
  for (let uid = 0; uid < n; uid++) {
    if (immortal.has(uid)) continue;
    const registered = S.BlockAtRegistration.get(store, netuid, uid);
    const candidate = { uid, emission: emission[uid] ?? 0n, registered };
    if (BigInt(now) - registered < immunityPeriod) {
      if (better(candidate, bestImmune)) bestImmune = candidate;
    } else {
      mortalCount++;
      if (better(candidate, bestMortal)) bestMortal = candidate;
    }
  }
  if (mortalCount > S.MinNonImmuneUids.get(store, netuid) && bestMortal) return bestMortal.uid;
  return bestImmune?.uid;
}
