// The epoch's input read from storage for one subnet (mechanism 0), and its results written back.
import { I64F64 } from "@opentao/primitives";
import { rowOf } from "../../../epoch/math/rows.js";
import type { EpochInput, EpochResult } from "../../../epoch/types.js";
import type { Scope } from "../../../frame/scope.js";
import { SubtensorStorage as S } from "../storage.js";
import { earliestActiveCommitBlocks } from "../weights/commit-reveal.js";
import { stakeWeightForWeights } from "../weights/stake.js";
import { CoinbaseStorage as C } from "./storage.js";

export function hotkeysOf(scope: Scope, netuid: number): string[] {
  const n = S.SubnetworkN.get(scope.store, netuid);
  return Array.from({ length: n }, (_, uid) => S.Keys.get(scope.store, netuid, uid));
}

export function epochInput(scope: Scope, netuid: number, emission: bigint): EpochInput {
  const { store } = scope;
  const block = scope.env.block.number;
  const hotkeys = hotkeysOf(scope, netuid);
  const n = hotkeys.length;
  const tempo = S.Tempo.get(store, netuid);
  const [alphaLow, alphaHigh] = S.AlphaValues.get(store, netuid);
  const ownerUid = S.Uids.get(store, netuid, S.SubnetOwnerHotkey.get(store, netuid));
  const commits = S.CommitRevealWeightsEnabled.get(store, netuid)
    ? earliestActiveCommitBlocks(scope, netuid)
    : undefined;
  const lastUpdate = S.LastUpdate.get(store, netuid);
  return {
    n,
    block,
    lastMechanismStepBlock: Number(C.LastMechansimStepBlock.get(store, netuid)),
    params: {
      tempo,
      // Cutoff in blocks from the factor (per mille of the tempo), at least one block.
      activityCutoff: Math.max(
        1,
        Math.floor((S.ActivityCutoffFactorMilli.get(store, netuid) * tempo) / 1000),
      ),
      kappa: S.Kappa.get(store, netuid),
      bondsPenalty: S.BondsPenalty.get(store, netuid),
      bondsMovingAverage: Number(S.BondsMovingAverage.get(store, netuid)),
      maxAllowedValidators: S.MaxAllowedValidators.get(store, netuid),
      stakeThreshold: S.StakeThreshold.get(store),
      yuma3: S.Yuma3On.get(store, netuid),
      liquidAlpha: S.LiquidAlphaOn.get(store, netuid),
      alphaLow,
      alphaHigh,
      alphaSigmoidSteepness: S.AlphaSigmoidSteepness.get(store, netuid),
    },
    ownerUid: ownerUid ?? null,
    stake: hotkeys.map((h) => I64F64.fromInt(stakeWeightForWeights(store, netuid, h))),
    validatorPermit: Array.from({ length: n }, (_, i) => S.ValidatorPermit.get(store, netuid)[i] ?? false),
    weights: hotkeys.map((_, uid) => S.Weights.get(store, netuid, uid)),
    bonds: hotkeys.map((_, uid) => S.Bonds.get(store, netuid, uid)),
    lastUpdate: hotkeys.map((_, uid) => Number(lastUpdate[uid] ?? 0n)),
    blockAtRegistration: hotkeys.map((_, uid) => Number(S.BlockAtRegistration.get(store, netuid, uid))),
    ...(commits
      ? { commitBlocks: hotkeys.map((_, uid) => (commits.has(uid) ? Number(commits.get(uid)) : null)) }
      : {}),
    emission,
  };
}

export function writeEpochResult(scope: Scope, netuid: number, r: EpochResult): void {
  const { store } = scope;
  S.Active.set(store, netuid, r.active);
  S.ValidatorPermit.set(store, netuid, r.validatorPermit);
  S.StakeWeight.set(store, netuid, r.stakeWeight);
  S.Consensus.set(store, netuid, r.consensus);
  S.Incentive.set(store, netuid, r.incentive);
  S.Dividends.set(store, netuid, r.dividends);
  S.ValidatorTrust.set(store, netuid, r.validatorTrust);
  S.Emission.set(store, netuid, r.emission);
  r.bondsWritten.forEach((written, uid) => {
    if (!written) return;
    const row = rowOf(r.bonds, uid);
    if (row.length === 0) S.Bonds.remove(store, netuid, uid);
    else S.Bonds.set(store, netuid, uid, row);
  });
}
