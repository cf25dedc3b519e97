import type { KeyValueReader } from "../../storage/store.js";
import { SubtensorStorage as S } from "../subtensor/storage.js";

/**
 * A subnet's hyperparameters in the shape of bittensor's `SubnetHyperparameters` (the
 * `subnetInfo_getSubnetHyperparams` query), with u64 values as bigint.
 */
export function subnetHyperparameters(store: KeyValueReader, netuid: number) {
  const [alphaLow, alphaHigh] = S.AlphaValues.get(store, netuid);
  return {
    rho: S.Rho.get(store, netuid),
    kappa: S.Kappa.get(store, netuid),
    immunityPeriod: S.ImmunityPeriod.get(store, netuid),
    minAllowedWeights: S.MinAllowedWeights.get(store, netuid),
    maxWeightsLimit: 65_535,
    tempo: S.Tempo.get(store, netuid),
    minDifficulty: S.MinDifficulty.get(store, netuid),
    maxDifficulty: S.MaxDifficulty.get(store, netuid),
    weightsVersion: S.WeightsVersionKey.get(store, netuid),
    weightsRateLimit: S.WeightsSetRateLimit.get(store, netuid),
    adjustmentInterval: S.AdjustmentInterval.get(store, netuid),
    activityCutoff: S.ActivityCutoff.get(store, netuid),
    registrationAllowed: S.NetworkRegistrationAllowed.get(store, netuid),
    targetRegsPerInterval: S.TargetRegistrationsPerInterval.get(store, netuid),
    minBurn: S.MinBurn.get(store, netuid),
    maxBurn: S.MaxBurn.get(store, netuid),
    bondsMovingAvg: S.BondsMovingAverage.get(store, netuid),
    maxRegsPerBlock: S.MaxRegistrationsPerBlock.get(store, netuid),
    servingRateLimit: S.ServingRateLimit.get(store, netuid),
    maxValidators: S.MaxAllowedValidators.get(store, netuid),
    adjustmentAlpha: S.AdjustmentAlpha.get(store, netuid),
    difficulty: S.Difficulty.get(store, netuid),
    commitRevealPeriod: S.RevealPeriodEpochs.get(store, netuid),
    commitRevealWeightsEnabled: S.CommitRevealWeightsEnabled.get(store, netuid),
    alphaHigh,
    alphaLow,
    liquidAlphaEnabled: S.LiquidAlphaOn.get(store, netuid),
    alphaSigmoidSteepness: S.AlphaSigmoidSteepness.get(store, netuid),
    yumaVersion: S.Yuma3On.get(store, netuid) ? 3 : 2,
    subnetIsActive: S.SubtokenEnabled.get(store, netuid),
    transfersEnabled: S.TransferToggle.get(store, netuid),
    bondsResetEnabled: S.BondsResetOn.get(store, netuid),
    bondsPenalty: S.BondsPenalty.get(store, netuid),
    immuneOwnerUidsLimit: S.ImmuneOwnerUidsLimit.get(store, netuid),
    minNonImmuneUids: S.MinNonImmuneUids.get(store, netuid),
    burn: S.Burn.get(store, netuid),
    burnHalfLife: S.BurnHalfLife.get(store, netuid),
    burnIncreaseMultBits: S.BurnIncreaseMult.get(store, netuid),
    maxAllowedUids: S.MaxAllowedUids.get(store, netuid),
    minAllowedUids: S.MinAllowedUids.get(store, netuid),
  };
}

export type SubnetHyperparameters = ReturnType<typeof subnetHyperparameters>;
