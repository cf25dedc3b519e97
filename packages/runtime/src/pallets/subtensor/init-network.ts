import type { Scope } from "../../frame/scope.js";
import { writeSchedule } from "./epoch-schedule.js";
import { newEpochSchedule } from "./scheduler.js";
import { SubtensorStorage as S } from "./storage.js";

/**
 * `init_new_network`: a new subnet's hyperparameters — the preset's subnet defaults with what
 * `register_network` writes over them — and the scheduler's stagger, so subnets don't all fire together.
 */
export function initNewNetwork(scope: Scope, netuid: number): void {
  const { store } = scope;
  const { subnetDefaults: d, registerNetwork: r } = scope.env.preset;
  const now = BigInt(scope.env.block.number);
  S.NetworksAdded.set(store, netuid, true);
  S.TotalNetworks.mutate(store, (n) => n + 1);
  writeSchedule(store, netuid, newEpochSchedule(netuid, d.tempo, now));
  S.MaxAllowedUids.set(store, netuid, r.maxAllowedUids);
  S.MinAllowedUids.set(store, netuid, d.minAllowedUids);
  S.MaxAllowedValidators.set(store, netuid, r.maxAllowedValidators);
  S.MinAllowedWeights.set(store, netuid, r.minAllowedWeights);
  S.ImmunityPeriod.set(store, netuid, r.immunityPeriod);
  S.WeightsSetRateLimit.set(store, netuid, BigInt(d.weightsSetRateLimit));
  S.WeightsVersionKey.set(store, netuid, d.weightsVersionKey);
  S.ActivityCutoff.set(store, netuid, d.activityCutoff);
  S.ActivityCutoffFactorMilli.set(store, netuid, d.activityCutoffFactorMilli);
  S.Kappa.set(store, netuid, d.kappa);
  S.Rho.set(store, netuid, d.rho);
  S.AlphaSigmoidSteepness.set(store, netuid, d.alphaSigmoidSteepness);
  S.BondsMovingAverage.set(store, netuid, BigInt(d.bondsMovingAverage));
  S.BondsPenalty.set(store, netuid, d.bondsPenalty);
  S.BondsResetOn.set(store, netuid, d.bondsResetOn);
  S.LiquidAlphaOn.set(store, netuid, d.liquidAlphaEnabled);
  S.AlphaValues.set(store, netuid, [d.alphaLow, d.alphaHigh]);
  S.Yuma3On.set(store, netuid, r.yuma3Enabled);
  S.CommitRevealWeightsEnabled.set(store, netuid, d.commitRevealEnabled);
  S.RevealPeriodEpochs.set(store, netuid, BigInt(d.revealPeriodEpochs));
  S.ServingRateLimit.set(store, netuid, BigInt(d.servingRateLimit));
  S.NetworkRegistrationAllowed.set(store, netuid, r.registrationAllowed);
  S.TargetRegistrationsPerInterval.set(store, netuid, d.targetRegistrationsPerInterval);
  S.MaxRegistrationsPerBlock.set(store, netuid, d.maxRegistrationsPerBlock);
  S.AdjustmentInterval.set(store, netuid, d.adjustmentInterval);
  S.AdjustmentAlpha.set(store, netuid, d.adjustmentAlpha);
  S.Burn.set(store, netuid, r.burn);
  S.MinBurn.set(store, netuid, d.minBurn);
  S.MaxBurn.set(store, netuid, d.maxBurn);
  S.BurnHalfLife.set(store, netuid, d.burnHalfLife);
  S.BurnIncreaseMult.set(store, netuid, d.burnIncreaseMult);
  S.Difficulty.set(store, netuid, d.difficulty);
  S.MinDifficulty.set(store, netuid, d.minDifficulty);
  S.MaxDifficulty.set(store, netuid, d.maxDifficulty);
  S.MinNonImmuneUids.set(store, netuid, d.minNonImmuneUids);
  S.ImmuneOwnerUidsLimit.set(store, netuid, d.immuneOwnerUidsLimit);
  S.TransferToggle.set(store, netuid, d.transferToggle);
  S.RecycleOrBurn.set(store, netuid, d.recycleOrBurn === "Recycle" ? 1 : 0);
  S.MechanismCountCurrent.set(store, netuid, d.mechanismCount);
  S.SubnetEmissionEnabled.set(store, netuid, r.subnetEmissionEnabled);
  S.SubnetworkN.set(store, netuid, 0);
}
