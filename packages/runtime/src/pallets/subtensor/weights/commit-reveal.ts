// Hash commit-reveal of weights (commit-reveal v2, transactions.md §4.3). The drand-timelocked v3/v4
// variant needs a randomness beacon this chain does not have, so it is not offered.
import { type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import { currentEpochWithLookahead } from "../epoch-schedule.js";
import { SubtensorErrors as E } from "../errors.js";
import { SubtensorStorage as S } from "../storage.js";
import { weightCommitHash } from "./commit-hash.js";
import {
  mechanismExists,
  netuidIndex,
  setLastUpdate,
  setWeights,
  weightsRateLimitPasses,
} from "./set-weights.js";

/** At most this many unrevealed commits per hotkey and subnet. */
export const MAX_UNREVEALED_COMMITS = 10;

type Commit = [hash: string, epoch: bigint, block: bigint, revealEpoch: bigint];

function isExpired(scope: Scope, netuid: number, commitEpoch: bigint): boolean {
  return (
    currentEpochWithLookahead(scope, netuid) > commitEpoch + S.RevealPeriodEpochs.get(scope.store, netuid)
  );
}

function inRevealEpoch(scope: Scope, netuid: number, commitEpoch: bigint): boolean {
  return (
    currentEpochWithLookahead(scope, netuid) === commitEpoch + S.RevealPeriodEpochs.get(scope.store, netuid)
  );
}

export function commitWeights(
  scope: Scope,
  hotkey: string,
  netuid: number,
  hash: string,
  mecid = 0,
): DispatchResult {
  const { store } = scope;
  if (!mechanismExists(scope, netuid, mecid)) return fail(E.MechanismDoesNotExist);
  const index = netuidIndex(netuid, mecid);
  if (!S.CommitRevealWeightsEnabled.get(store, netuid)) return fail(E.CommitRevealDisabled);
  const uid = S.Uids.get(store, netuid, hotkey);
  if (uid === undefined) return fail(E.HotKeyNotRegisteredInSubNet);
  if (!weightsRateLimitPasses(scope, netuid, uid, mecid)) return fail(E.CommittingWeightsTooFast);
  const epoch = currentEpochWithLookahead(scope, netuid);
  const commits: Commit[] = S.WeightCommits.get(store, index, hotkey).filter(
    ([, e]) => !isExpired(scope, netuid, e),
  );
  if (commits.length >= MAX_UNREVEALED_COMMITS) return fail(E.TooManyUnrevealedCommits);
  commits.push([hash, epoch, BigInt(scope.env.block.number), 0n]);
  S.WeightCommits.set(store, index, hotkey, commits);
  scope.emit("SubtensorModule", "WeightsCommitted", { hotkey, netuidIndex: index, hash });
  setLastUpdate(scope, index, uid);
  return OK;
}

export interface Reveal {
  uids: readonly number[];
  values: readonly number[];
  salt: readonly number[];
  versionKey: bigint;
}

/** Finds `reveal`'s commit, checks it is in its reveal epoch, drops it and every older commit. */
function takeCommit(
  scope: Scope,
  hotkey: string,
  netuid: number,
  index: number,
  reveal: Reveal,
): DispatchResult & { hash?: string } {
  const { store } = scope;
  const stored: Commit[] = S.WeightCommits.get(store, index, hotkey);
  if (!S.WeightCommits.contains(store, index, hotkey)) return fail(E.NoWeightsCommitFound);
  const expiredHashes = new Set<string>();
  let commits = stored;
  while (commits.length > 0 && isExpired(scope, netuid, commits[0]![1])) {
    expiredHashes.add(commits[0]![0]);
    commits = commits.slice(1);
  }
  const hash = weightCommitHash({ hotkey, netuidIndex: index, ...reveal });
  if (commits.length === 0)
    return fail(expiredHashes.has(hash) ? E.ExpiredWeightCommit : E.NoWeightsCommitFound);
  const position = commits.findIndex(([h]) => h === hash);
  if (position < 0)
    return fail(expiredHashes.has(hash) ? E.ExpiredWeightCommit : E.InvalidRevealCommitHashNotMatch);
  if (!inRevealEpoch(scope, netuid, commits[position]![1])) return fail(E.RevealTooEarly);
  const rest = commits.slice(position + 1);
  if (rest.length === 0) S.WeightCommits.remove(store, index, hotkey);
  else S.WeightCommits.set(store, index, hotkey, rest);
  return { ok: true, hash };
}

export function revealWeights(
  scope: Scope,
  hotkey: string,
  netuid: number,
  reveal: Reveal,
  mecid = 0,
): DispatchResult {
  if (!S.CommitRevealWeightsEnabled.get(scope.store, netuid)) return fail(E.CommitRevealDisabled);
  const index = netuidIndex(netuid, mecid);
  const taken = takeCommit(scope, hotkey, netuid, index, reveal);
  if (!taken.ok) return taken;
  const set = setWeights(
    scope,
    hotkey,
    { netuid, mecid, uids: reveal.uids, values: reveal.values, versionKey: reveal.versionKey },
    true,
  );
  if (!set.ok) return set;
  scope.emit("SubtensorModule", "WeightsRevealed", { hotkey, netuidIndex: index, hash: taken.hash });
  return OK;
}

/** `batch_reveal_weights`: atomic — every reveal is validated and applied, or none is. */
export function batchRevealWeights(
  scope: Scope,
  hotkey: string,
  netuid: number,
  reveals: readonly Reveal[],
): DispatchResult {
  if (!S.CommitRevealWeightsEnabled.get(scope.store, netuid)) return fail(E.CommitRevealDisabled);
  const hashes: string[] = [];
  for (const reveal of reveals) {
    const taken = takeCommit(scope, hotkey, netuid, netuidIndex(netuid), reveal);
    if (!taken.ok) return taken;
    const set = setWeights(scope, hotkey, { netuid, ...reveal }, true);
    if (!set.ok) return set;
    hashes.push(taken.hash!);
  }
  scope.emit("SubtensorModule", "WeightsBatchRevealed", { hotkey, netuid, hashes });
  return OK;
}

/**
 * The commit-reveal mask the epoch applies (economics §6.5 step 4): for each validator uid with an
 * unexpired commit, the block of its earliest one. Weights it holds for neurons registered after that
 * block are masked, so a commit cannot be aimed at a neuron that did not exist yet.
 */
export function earliestActiveCommitBlocks(scope: Scope, netuid: number, mecid = 0): Map<number, bigint> {
  const { store } = scope;
  const index = netuidIndex(netuid, mecid);
  const earliest = new Map<number, bigint>();
  if (!S.CommitRevealWeightsEnabled.get(store, netuid)) return earliest;
  for (const [hotkey, commits] of S.WeightCommits.entriesOf(store, index)) {
    const uid = S.Uids.get(store, netuid, hotkey);
    const live = commits.filter(([, epoch]) => !isExpired(scope, netuid, epoch));
    if (uid === undefined || live.length === 0) continue;
    earliest.set(
      uid,
      live.reduce((min, [, , block]) => (block < min ? block : min), live[0]![2]),
    );
  }
  return earliest;
}
