// Child keys (transactions.md §4.7, economics §8.2; Subtensor `staking/set_children.rs`): a hotkey lends
// proportions of its stake on a subnet to up to five child hotkeys. Changes are scheduled and applied at
// the subnet's first epoch after a cooldown (at once while the subnet's subtoken is not yet enabled);
// ChildKeys and ParentKeys always mirror each other.
import {
  AccountId,
  bool,
  bytesToHex,
  Struct,
  ss58Decode,
  Tuple,
  U64F64,
  u16,
  u64,
  Vector,
} from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import {
  badOrigin,
  type DispatchError,
  type DispatchResult,
  fail,
  OK,
} from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { Origin } from "../../../frame/types.js";
import { weight } from "../../../frame/weights.js";
import type { KeyValueReader, KeyValueStore } from "../../../storage/store.js";
import { SubtensorErrors as E } from "../errors.js";
import { coldkeyOwnsHotkey } from "../hotkeys.js";
import { spotPrice } from "../pool/balancer.js";
import { poolOf } from "../pool/pool-state.js";
import { SubtensorStorage as S } from "../storage.js";
import { allNetuids, isRegistered, ROOT_NETUID, subnetExists } from "../subnets.js";

const PALLET = "SubtensorModule";
const U64_MAX = 2n ** 64n - 1n;
const MAX_CHILDREN = 5;

/** `TransactionType` codes of the (hotkey, netuid, type) rate-limit records. */
export const TX_SET_CHILDREN = 0;
export const TX_SET_CHILDKEY_TAKE = 1;

/** `Vec<(proportion, account)>`. */
export type Links = [bigint, string][];

const now = (scope: Scope) => BigInt(scope.env.block.number);

// ---- rate limits (`TransactionType::passes_rate_limit_on_subnet`) -------------------------------------

export function lastTxBlock(store: KeyValueReader, hotkey: string, netuid: number, tx: number): bigint {
  return S.TransactionKeyLastBlock.get(store, hotkey, [netuid, tx]);
}

function setLastTxBlock(store: KeyValueStore, hotkey: string, netuid: number, tx: number, block: bigint) {
  S.TransactionKeyLastBlock.set(store, hotkey, [netuid, tx], block);
}

/** Passes when nothing was recorded yet or at least `limit` blocks have passed. */
export const passesRateLimit = (limit: bigint, block: bigint, last: bigint): boolean =>
  last === 0n || block - last >= limit;

// ---- relations around one hotkey (`PCRelations`) -----------------------------------------------------

/** BTreeMap<AccountId, u64> iterates by the account's 32 bytes; so do the vectors built from it. */
const byAccount = (a: string, b: string) => {
  const x = bytesToHex(ss58Decode(a));
  const y = bytesToHex(ss58Decode(b));
  return x < y ? -1 : x > y ? 1 : 0;
};

const toLinks = (map: Map<string, bigint>): Links =>
  [...map.entries()].sort(([a], [b]) => byAccount(a, b)).map(([who, p]) => [p, who]);

interface Relations {
  pivot: string;
  children: Map<string, bigint>;
  parents: Map<string, bigint>;
}

type Checked<T> = { ok: true; value: T } | { ok: false; error: DispatchError };
const err = (error: DispatchError) => ({ ok: false as const, error });

function noSelfLoop(pivot: string, set: Map<string, bigint>): DispatchError | undefined {
  return set.has(pivot) ? E.InvalidChild : undefined;
}

function totalFits(children: Map<string, bigint>): DispatchError | undefined {
  let total = 0n;
  for (const p of children.values()) total += p;
  return total > U64_MAX ? E.ProportionOverflow : undefined;
}

function bipartite(children: Map<string, bigint>, parents: Map<string, bigint>): DispatchError | undefined {
  for (const child of children.keys()) if (parents.has(child)) return E.ChildParentInconsistency;
  return undefined;
}

/** A map from links; the last proportion wins for a repeated account; self-links are dropped. */
function mapOf(links: Links, pivot: string): Map<string, bigint> {
  const map = new Map<string, bigint>();
  for (const [p, who] of links) if (who !== pivot) map.set(who, p);
  return map;
}

function link(
  pivot: string,
  children: Map<string, bigint>,
  parents: Map<string, bigint>,
): Checked<Relations> {
  // link_children, then link_parents, as Subtensor validates them.
  const bad =
    noSelfLoop(pivot, children) ??
    totalFits(children) ??
    noSelfLoop(pivot, parents) ??
    bipartite(children, parents);
  return bad ? err(bad) : { ok: true, value: { pivot, children, parents } };
}

/** `load_child_parent_relations`: the stored links around `hotkey` on `netuid`. */
function loadRelations(store: KeyValueReader, hotkey: string, netuid: number): Checked<Relations> {
  return link(
    hotkey,
    mapOf(S.ChildKeys.get(store, hotkey, netuid), hotkey),
    mapOf(S.ParentKeys.get(store, hotkey, netuid), hotkey),
  );
}

/** `load_relations_from_pending`: the pending children with the hotkey's current parents. */
function relationsFromPending(store: KeyValueReader, pivot: string, pending: Links, netuid: number) {
  return link(pivot, mapOf(pending, pivot), mapOf(S.ParentKeys.get(store, pivot, netuid), pivot));
}

/** `ensure_pending_consistency`: would `pending` be a valid child list for `rel.pivot`? */
function pendingConsistency(rel: Relations, pending: Links): DispatchError | undefined {
  const children = new Map<string, bigint>();
  for (const [p, child] of pending) children.set(child, p);
  if (children.has(rel.pivot)) return E.InvalidChild;
  if (children.size > MAX_CHILDREN) return E.TooManyChildren;
  return totalFits(children) ?? bipartite(children, rel.parents);
}

function setChildKeys(store: KeyValueStore, parent: string, netuid: number, links: Links): void {
  if (links.length === 0) S.ChildKeys.remove(store, parent, netuid);
  else S.ChildKeys.set(store, parent, netuid, links);
}

function setParentKeys(store: KeyValueStore, child: string, netuid: number, links: Links): void {
  if (links.length === 0) S.ParentKeys.remove(store, child, netuid);
  else S.ParentKeys.set(store, child, netuid, links);
}

function upsertEdge(links: Links, proportion: bigint, who: string): Links {
  const at = links.findIndex(([, w]) => w === who);
  if (at < 0) return [...links, [proportion, who]];
  const next = [...links];
  next[at] = [proportion, who];
  return next;
}

const removeEdge = (links: Links, who: string): Links => links.filter(([, w]) => w !== who);

/**
 * `persist_child_parent_relations`: writes the pivot's children and parents and updates each
 * neighbour's mirror entry (added and changed edges upserted, removed edges dropped).
 */
function persistRelations(store: KeyValueStore, rel: Relations, netuid: number): void {
  const { pivot } = rel;
  const previousChildren = new Set(S.ChildKeys.get(store, pivot, netuid).map(([, c]) => c));
  setChildKeys(store, pivot, netuid, toLinks(rel.children));
  for (const [child, p] of rel.children) {
    setParentKeys(store, child, netuid, upsertEdge(S.ParentKeys.get(store, child, netuid), p, pivot));
  }
  for (const removed of previousChildren) {
    if (rel.children.has(removed)) continue;
    setParentKeys(store, removed, netuid, removeEdge(S.ParentKeys.get(store, removed, netuid), pivot));
  }

  const previousParents = new Set(S.ParentKeys.get(store, pivot, netuid).map(([, p]) => p));
  setParentKeys(store, pivot, netuid, toLinks(rel.parents));
  for (const [parent, p] of rel.parents) {
    setChildKeys(store, parent, netuid, upsertEdge(S.ChildKeys.get(store, parent, netuid), p, pivot));
  }
  for (const removed of previousParents) {
    if (rel.parents.has(removed)) continue;
    setChildKeys(store, removed, netuid, removeEdge(S.ChildKeys.get(store, removed, netuid), pivot));
  }
}

/** `persist_pending_chidren_ok`: applies a child list, or drops it silently when it became inconsistent. */
function applyChildren(scope: Scope, netuid: number, hotkey: string, children: Links): void {
  const rel = relationsFromPending(scope.store, hotkey, children, netuid);
  if (!rel.ok) return;
  persistRelations(scope.store, rel.value, netuid);
  scope.emit(PALLET, "SetChildren", { hotkey, netuid, children });
}

// ---- stake ---------------------------------------------------------------------------------------------

/** `get_total_stake_for_hotkey`: Σ over subnets of alpha × the current alpha price, in TAO (rao). */
export function totalStakeForHotkey(store: KeyValueReader, hotkey: string): bigint {
  let total = U64F64.ZERO;
  for (const netuid of allNetuids(store)) {
    const alpha = S.TotalHotkeyAlpha.get(store, hotkey, netuid);
    if (alpha === 0n) continue;
    const price = spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid));
    total = total.saturatingAdd(U64F64.saturatingFromNum(alpha).saturatingMul(price));
  }
  return total.saturatingToNum("u64");
}

/** After an unstake: a hotkey that fell below StakeThreshold loses its scheduled children everywhere. */
export function dropPendingChildrenIfBelowThreshold(store: KeyValueStore, hotkey: string): void {
  if (totalStakeForHotkey(store, hotkey) >= S.StakeThreshold.get(store)) return;
  for (const netuid of allNetuids(store)) S.PendingChildKeys.remove(store, netuid, hotkey);
}

// ---- set_children ----------------------------------------------------------------------------------------

/** `do_schedule_children`, Subtensor's checks in order. */
export function scheduleChildren(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  children: Links,
): DispatchResult {
  const { store } = scope;
  const block = now(scope);
  const limit = BigInt(scope.env.preset.staking.setChildrenRateLimit);
  if (!passesRateLimit(limit, block, lastTxBlock(store, hotkey, netuid, TX_SET_CHILDREN)))
    return fail(E.TxRateLimitExceeded);
  if (netuid === ROOT_NETUID) return fail(E.RegistrationNotPermittedOnRootSubnet);
  if (!subnetExists(store, netuid)) return fail(E.SubnetNotExists);
  if (!coldkeyOwnsHotkey(store, coldkey, hotkey)) return fail(E.NonAssociatedColdKey);
  const seen = new Set<string>();
  for (const [, child] of children) {
    if (seen.has(child)) return fail(E.DuplicateChild);
    seen.add(child);
  }
  const rel = loadRelations(store, hotkey, netuid);
  if (!rel.ok) return fail(rel.error);
  const inconsistent = pendingConsistency(rel.value, children);
  if (inconsistent) return fail(inconsistent);
  if (
    children.length > 0 &&
    totalStakeForHotkey(store, hotkey) < S.StakeThreshold.get(store) &&
    S.SubnetOwnerHotkey.get(store, netuid) !== hotkey
  )
    return fail(E.NotEnoughStakeToSetChildkeys);
  setLastTxBlock(store, hotkey, netuid, TX_SET_CHILDREN, block);

  // Before the subnet's start call its children apply at once.
  if (!S.SubtokenEnabled.get(store, netuid)) {
    applyChildren(scope, netuid, hotkey, children);
    return OK;
  }
  const cooldownBlock = block + S.PendingChildKeyCooldown.get(store);
  S.PendingChildKeys.set(store, netuid, hotkey, [children, cooldownBlock]);
  scope.emit(PALLET, "SetChildrenScheduled", { hotkey, netuid, cooldownBlock, children });
  return OK;
}

/**
 * `do_set_pending_children`, run in the block in which the subnet's epoch ran: every pending list whose
 * cooldown has passed (`cooldown < now`; all of them before the start call) replaces the hotkey's children.
 */
export function applyPendingChildren(scope: Scope, netuid: number): void {
  const { store } = scope;
  const block = now(scope);
  const started = S.SubtokenEnabled.get(store, netuid);
  const due: [string, Links][] = [];
  for (const [hotkey, [children, cooldown]] of S.PendingChildKeys.entriesOf(store, netuid)) {
    if (cooldown < block || !started) due.push([hotkey, children]);
  }
  for (const [hotkey, children] of due) applyChildren(scope, netuid, hotkey, children);
  for (const [hotkey] of due) S.PendingChildKeys.remove(store, netuid, hotkey);
}

/**
 * block_step step 7 (`try_set_pending_children`): runs after the coinbase, for every subnet whose epoch
 * slot fired in this block (`LastEpochBlock == now`, which the scheduler writes when the epoch runs).
 */
export function setPendingChildrenAfterEpochs(scope: Scope): void {
  const block = now(scope);
  for (const netuid of allNetuids(scope.store)) {
    if (S.LastEpochBlock.get(scope.store, netuid) === block) applyPendingChildren(scope, netuid);
  }
}

/**
 * register_network step 11 (`do_set_root_validators_for_subnet`): every root validator that allows it
 * is scheduled as a 100 % parent of the new subnet's owner hotkey; failures are ignored.
 */
export function scheduleRootValidatorsAsParents(scope: Scope, netuid: number): void {
  const { store } = scope;
  if (netuid === ROOT_NETUID || !subnetExists(store, netuid)) return;
  const ownerHotkey = S.SubnetOwnerHotkey.get(store, netuid);
  for (const [, validator] of S.Keys.entriesOf(store, ROOT_NETUID)) {
    if (validator === ownerHotkey) continue;
    if (!S.AutoParentDelegationEnabled.get(store, validator)) continue;
    const coldkey = S.Owner.get(store, validator);
    scope.transaction((s) => scheduleChildren(s, coldkey, validator, netuid, [[U64_MAX, ownerHotkey]]));
  }
}

/**
 * `parent_child_swap_hotkey`: moves every child/parent link and the pending child list of `oldHotkey`
 * on `netuid` to `newHotkey`, keeping both maps consistent.
 */
export function swapChildLinks(
  store: KeyValueStore,
  oldHotkey: string,
  newHotkey: string,
  netuid: number,
): DispatchError | undefined {
  const loaded = loadRelations(store, oldHotkey, netuid);
  if (!loaded.ok) return loaded.error;
  const rel = loaded.value;
  for (const child of rel.children.keys()) {
    setParentKeys(store, child, netuid, removeEdge(S.ParentKeys.get(store, child, netuid), oldHotkey));
  }
  for (const parent of rel.parents.keys()) {
    // Subtensor inserts here even when the list becomes empty.
    S.ChildKeys.set(store, parent, netuid, removeEdge(S.ChildKeys.get(store, parent, netuid), oldHotkey));
  }
  S.ChildKeys.set(store, oldHotkey, netuid, []);
  setParentKeys(store, oldHotkey, netuid, []);

  const rebound = noSelfLoop(newHotkey, rel.children) ?? noSelfLoop(newHotkey, rel.parents);
  if (rebound) return rebound;
  const moved: Relations = { ...rel, pivot: newHotkey };
  const pending = S.PendingChildKeys.getOptional(store, netuid, oldHotkey);
  if (pending) {
    const bad = pendingConsistency(moved, pending[0]);
    if (bad) return bad;
    S.PendingChildKeys.remove(store, netuid, oldHotkey);
    S.PendingChildKeys.set(store, netuid, newHotkey, pending);
  }
  persistRelations(store, moved, netuid);
  return undefined;
}

// ---- childkey take -------------------------------------------------------------------------------------

export function effectiveMinChildkeyTake(store: KeyValueReader, netuid: number): number {
  return Math.max(S.MinChildkeyTake.get(store), S.MinChildkeyTakePerSubnet.get(store, netuid));
}

/** `get_childkey_take`: the stored take, never below the effective minimum. */
export function childkeyTake(store: KeyValueReader, hotkey: string, netuid: number): number {
  return Math.max(S.ChildkeyTake.get(store, hotkey, netuid), effectiveMinChildkeyTake(store, netuid));
}

/** `do_set_childkey_take`. */
export function setChildkeyTakeFor(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  netuid: number,
  take: number,
): DispatchResult {
  const { store } = scope;
  if (!coldkeyOwnsHotkey(store, coldkey, hotkey)) return fail(E.NonAssociatedColdKey);
  if (take < effectiveMinChildkeyTake(store, netuid) || take > S.MaxChildkeyTake.get(store))
    return fail(E.InvalidChildkeyTake);
  const block = now(scope);
  if (take > childkeyTake(store, hotkey, netuid)) {
    const last = lastTxBlock(store, hotkey, netuid, TX_SET_CHILDKEY_TAKE);
    if (!passesRateLimit(S.TxChildkeyTakeRateLimit.get(store), block, last))
      return fail(E.TxChildkeyTakeRateLimitExceeded);
  }
  setLastTxBlock(store, hotkey, netuid, TX_SET_CHILDKEY_TAKE, block);
  S.ChildkeyTake.set(store, hotkey, netuid, take);
  scope.emit(PALLET, "ChildKeyTakeSet", { hotkey, take });
  return OK;
}

// ---- calls -----------------------------------------------------------------------------------------------

const signed =
  <A>(run: (scope: Scope, coldkey: string, args: A) => DispatchResult) =>
  (scope: Scope, origin: Origin, args: A): DispatchResult =>
    origin.kind === "Signed" ? run(scope, origin.who, args) : badOrigin();

const root =
  <A>(run: (scope: Scope, args: A) => DispatchResult) =>
  (scope: Scope, origin: Origin, args: A): DispatchResult =>
    origin.kind === "Root" ? run(scope, args) : badOrigin();

export const setChildren = defineCall({
  pallet: PALLET,
  name: "set_children",
  index: 67,
  args: Struct({ hotkey: AccountId, netuid: u16, children: Vector(Tuple(u64, AccountId)) }),
  weight: () => weight(119_000_000n, 6, 31),
  pays: true,
  dispatch: signed((scope, coldkey, { hotkey, netuid, children }) =>
    scheduleChildren(scope, coldkey, hotkey, netuid, children),
  ),
});

export const setChildkeyTake = defineCall({
  pallet: PALLET,
  name: "set_childkey_take",
  index: 75,
  args: Struct({ hotkey: AccountId, netuid: u16, take: u16 }),
  weight: () => weight(53_870_000n, 7, 2),
  pays: true,
  dispatch: signed((scope, coldkey, { hotkey, netuid, take }) =>
    setChildkeyTakeFor(scope, coldkey, hotkey, netuid, take),
  ),
});

export const sudoSetTxChildkeyTakeRateLimit = defineCall({
  pallet: PALLET,
  name: "sudo_set_tx_childkey_take_rate_limit",
  index: 69,
  args: Struct({ txRateLimit: u64 }),
  weight: () => weight(5_760_000n, 0, 1),
  pays: true,
  dispatch: root((scope, { txRateLimit }) => {
    S.TxChildkeyTakeRateLimit.set(scope.store, txRateLimit);
    scope.emit(PALLET, "TxChildKeyTakeRateLimitSet", { value: txRateLimit });
    return OK;
  }),
});

export const sudoSetMinChildkeyTake = defineCall({
  pallet: PALLET,
  name: "sudo_set_min_childkey_take",
  index: 76,
  args: Struct({ take: u16 }),
  weight: () => weight(6_000n, 1, 1),
  pays: true,
  dispatch: root((scope, { take }) => {
    S.MinChildkeyTake.set(scope.store, take);
    scope.emit(PALLET, "MinChildKeyTakeSet", { value: take });
    return OK;
  }),
});

export const sudoSetMaxChildkeyTake = defineCall({
  pallet: PALLET,
  name: "sudo_set_max_childkey_take",
  index: 77,
  args: Struct({ take: u16 }),
  weight: () => weight(6_000n, 1, 1),
  pays: true,
  dispatch: root((scope, { take }) => {
    S.MaxChildkeyTake.set(scope.store, take);
    scope.emit(PALLET, "MaxChildKeyTakeSet", { value: take });
    return OK;
  }),
});

export const setPendingChildkeyCooldown = defineCall({
  pallet: PALLET,
  name: "set_pending_childkey_cooldown",
  index: 109,
  args: Struct({ cooldown: u64 }),
  weight: () => weight(3_000_000n, 0, 1),
  pays: true,
  dispatch: root((scope, { cooldown }) => {
    S.PendingChildKeyCooldown.set(scope.store, cooldown);
    return OK;
  }),
});

export const setAutoParentDelegationEnabled = defineCall({
  pallet: PALLET,
  name: "set_auto_parent_delegation_enabled",
  index: 135,
  args: Struct({ hotkey: AccountId, enabled: bool }),
  weight: () => weight(28_023_000n, 2, 1),
  pays: true,
  dispatch: signed((scope, coldkey, { hotkey, enabled }) => {
    if (!coldkeyOwnsHotkey(scope.store, coldkey, hotkey)) return fail(E.NonAssociatedColdKey);
    if (!isRegistered(scope.store, ROOT_NETUID, hotkey)) return fail(E.HotKeyNotRegisteredInSubNet);
    S.AutoParentDelegationEnabled.set(scope.store, hotkey, enabled);
    scope.emit(PALLET, "AutoParentDelegationEnabledSet", { hotkey, enabled });
    return OK;
  }),
});

export const CHILD_KEY_CALLS = [
  setChildren,
  sudoSetTxChildkeyTakeRateLimit,
  setChildkeyTake,
  sudoSetMinChildkeyTake,
  sudoSetMaxChildkeyTake,
  setPendingChildkeyCooldown,
  setAutoParentDelegationEnabled,
];
