// Distribution at a subnet's epoch (economics §5): Yuma decides who earned the pending alpha; miners'
// incentive is staked to them (or withheld from the owner's own hotkeys), validators' dividends are
// split between alpha and root stakers, the delegate take goes to the hotkey's owner and the rest to
// its nominators' pool.
import { I96F32 } from "@opentao/primitives";
import { runEpoch } from "../../../epoch/epoch.js";
import type { Scope } from "../../../frame/scope.js";
import { autoStakeDestination } from "../staking/auto-stake.js";
import { addToPool, increaseStake } from "../staking/share-pool.js";
import { SubtensorStorage as S } from "../storage.js";
import { epochInput, hotkeysOf, writeEpochResult } from "./epoch-input.js";
import { taoWeight } from "./root-proportion.js";
import { CoinbaseStorage as C } from "./storage.js";

const U64_MAX = 2n ** 64n - 1n;
const U16_MAX = 65_535n;

function drain(scope: Scope, netuid: number) {
  const { store } = scope;
  const take = (item: typeof C.PendingServerEmission) => {
    const value = item.get(store, netuid);
    item.set(store, netuid, 0n);
    return value;
  };
  return {
    server: take(C.PendingServerEmission),
    validator: take(C.PendingValidatorEmission),
    root: take(C.PendingRootAlphaDivs),
    ownerCut: take(C.PendingOwnerCut),
  };
}

/** The owner's hotkeys registered here: their incentive is withheld, not paid (§5.2). */
function ownerHotkeys(scope: Scope, netuid: number): Set<string> {
  const { store } = scope;
  const owner = S.SubnetOwner.get(store, netuid);
  const keys = new Set([S.SubnetOwnerHotkey.get(store, netuid)]);
  for (const hotkey of S.OwnedHotkeys.get(store, owner))
    if (S.Uids.get(store, netuid, hotkey) !== undefined) keys.add(hotkey);
  return keys;
}

/** Splits `pool` in proportion to `weights` (floored), as Subtensor's per-hotkey payouts are. */
function proportional(pool: bigint, weights: readonly I96F32[]): bigint[] {
  const total = weights.reduce((a, b) => a.add(b), I96F32.ZERO);
  return weights.map((w) => I96F32.fromInt(pool).mul(w.safeDiv(total)).toInt());
}

/**
 * `get_parent_child_dividends_distribution`: `d` split between `hotkey` and its parents in proportion to
 * the stake each contributes; parents of other owners pay the child its childkey take (and CKBurn).
 */
function parentChildDividends(
  scope: Scope,
  netuid: number,
  hotkey: string,
  d: I96F32,
  tw: I96F32,
): [string, I96F32][] {
  const { store } = scope;
  const parents = S.ParentKeys.get(store, hotkey, netuid);
  if (parents.length === 0) return [[hotkey, d]];
  const max = I96F32.fromInt(U64_MAX);
  const weight = (h: string) =>
    I96F32.fromInt(S.TotalHotkeyAlpha.get(store, h, netuid)).add(
      I96F32.fromInt(S.TotalHotkeyAlpha.get(store, h, 0)).mul(tw),
    );
  const given = S.ChildKeys.get(store, hotkey, netuid).reduce((sum, [q]) => sum + q, 0n);
  const keptShare = I96F32.ONE.saturatingSub(I96F32.fromInt(given).div(max));
  const selfContribution = I96F32.fromInt(weight(hotkey).mul(keptShare).toInt());
  const contributions = parents.map(([q, parent]) => ({
    parent,
    c: weight(parent).mul(I96F32.fromInt(q).div(max)),
  }));
  const total = contributions.reduce((sum, { c }) => sum.add(c), selfContribution);
  const take = I96F32.fromInt(BigInt(S.ChildkeyTake.get(store, hotkey, netuid))).div(I96F32.fromInt(U16_MAX));
  const burn = I96F32.fromInt(C.CKBurn.get(store)).div(max);
  const out: [string, I96F32][] = [];
  let remaining = d;
  let childTake = I96F32.ZERO;
  for (const { parent, c } of contributions) {
    let e = d.mul(c.safeDiv(total));
    remaining = remaining.saturatingSub(e);
    if (S.Owner.get(store, parent) !== S.Owner.get(store, hotkey)) {
      const burned = burn.mul(e);
      const kept = take.mul(e);
      childTake = childTake.add(kept);
      e = e.saturatingSub(burned).saturatingSub(kept);
      // Burned alpha leaves circulation by recycling.
      S.SubnetAlphaOut.mutate(store, netuid, (x) => x - burned.toInt());
    }
    out.push([parent, I96F32.fromInt(e.toInt())]);
  }
  out.push([hotkey, I96F32.fromInt(remaining.add(childTake).toInt())]);
  return out;
}

/**
 * Stakes each miner's incentive to its hotkey, or to its owner's auto-stake destination on the subnet;
 * the owner's own hotkeys' share is withheld. Records MinerBurned and returns the total incentive.
 */
export function payIncentives(scope: Scope, netuid: number, incentives: readonly [string, bigint][]): bigint {
  const { store } = scope;
  const withheldKeys = ownerHotkeys(scope, netuid);
  let total = 0n;
  let withheld = 0n;
  for (const [hotkey, incentive] of incentives) {
    if (incentive === 0n) continue;
    total += incentive;
    if (withheldKeys.has(hotkey)) {
      withheld += incentive;
      // Recycling lowers the subnet's alpha issuance; burning leaves it.
      if (S.RecycleOrBurn.get(store, netuid) === 1)
        S.SubnetAlphaOut.mutate(store, netuid, (x) => x - incentive);
      continue;
    }
    const owner = S.Owner.get(store, hotkey);
    const destination = autoStakeDestination(store, owner, netuid);
    if (destination !== undefined)
      scope.emit("SubtensorModule", "AutoStakeAdded", { netuid, destination, hotkey, owner, incentive });
    increaseStake(store, destination ?? hotkey, owner, netuid, incentive);
  }
  C.MinerBurned.set(store, netuid, total === 0n ? 0n : (withheld * U64_MAX) / total);
  return total;
}

export function distributeEmission(scope: Scope, netuid: number): void {
  const { store } = scope;
  const pending = drain(scope, netuid);
  const total = pending.server + pending.validator + pending.root;
  const result = runEpoch(epochInput(scope, netuid, total));
  writeEpochResult(scope, netuid, result);
  const hotkeys = hotkeysOf(scope, netuid);

  // §5.2 miners
  const incentives = hotkeys.map((hotkey, uid): [string, bigint] => [
    hotkey,
    result.serverEmission[uid] ?? 0n,
  ]);
  const incentiveTotal = payIncentives(scope, netuid, incentives);

  // §5.1: with no miner incentive the validators get the miners' share too.
  const validatorPool = incentiveTotal === 0n ? pending.validator + pending.server : pending.validator;

  // §5.3 each validator's dividend shared with the parents whose stake it carries
  const tw = taoWeight(store);
  const dividends = new Map<string, I96F32>();
  hotkeys.forEach((hotkey, uid) => {
    const d = result.validatorEmission[uid] ?? 0n;
    if (d === 0n) return;
    for (const [receiver, amount] of parentChildDividends(scope, netuid, hotkey, I96F32.fromInt(d), tw)) {
      dividends.set(receiver, (dividends.get(receiver) ?? I96F32.ZERO).add(amount));
    }
  });

  // §5.4 alpha vs root split of each validator's dividend
  const receivers = [...dividends.entries()].map(([hotkey, d]) => ({ hotkey, d }));
  const alphaDivs: I96F32[] = [];
  const rootDivs: I96F32[] = [];
  for (const { hotkey, d } of receivers) {
    const alphaStake = I96F32.fromInt(S.TotalHotkeyAlpha.get(store, hotkey, netuid));
    const rootAlpha = I96F32.fromInt(S.TotalHotkeyAlpha.get(store, hotkey, 0)).mul(tw);
    const rp = rootAlpha.safeDiv(alphaStake.add(rootAlpha));
    const rootDiv = d.mul(rp);
    rootDivs.push(rootDiv);
    alphaDivs.push(d.sub(rootDiv));
  }
  const alphaPayouts = proportional(validatorPool, alphaDivs);
  const rootPayouts = proportional(pending.root, rootDivs);

  // §5.5 takes, nominators, root claims
  receivers.forEach(({ hotkey }, i) => {
    const take = BigInt(S.Delegates.get(store, hotkey));
    const owner = S.Owner.get(store, hotkey);
    const alpha = alphaPayouts[i]!;
    if (alpha > 0n) {
      const cut = (alpha * take) / U16_MAX;
      if (cut > 0n) increaseStake(store, hotkey, owner, netuid, cut);
      addToPool(store, hotkey, netuid, alpha - cut);
      C.AlphaDividendsPerSubnet.set(store, netuid, hotkey, alpha - cut);
    }
    const root = rootPayouts[i]!;
    if (root > 0n) {
      const cut = (root * take) / U16_MAX;
      if (cut > 0n) increaseStake(store, hotkey, owner, netuid, cut);
      const rootStake = S.TotalHotkeyAlpha.get(store, hotkey, 0);
      const rate = I96F32.fromInt(root - cut).safeDiv(I96F32.fromInt(rootStake));
      C.RootClaimable.mutate(store, hotkey, netuid, (bits) => I96F32.fromBits(bits).add(rate).bits);
    }
  });

  // The owner cut is staked to the owner's hotkey.
  if (pending.ownerCut > 0n) {
    increaseStake(
      store,
      S.SubnetOwnerHotkey.get(store, netuid),
      S.SubnetOwner.get(store, netuid),
      netuid,
      pending.ownerCut,
    );
  }
  C.LastMechansimStepBlock.set(store, netuid, BigInt(scope.env.block.number));
}
