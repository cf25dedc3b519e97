import type { Scope } from "../../frame/scope.js";
import { BalancesStorage } from "../balances/storage.js";
import { CoinbaseStorage } from "./coinbase/storage.js";
import { SubtensorStorage as S } from "./storage.js";
import { ROOT_NETUID } from "./subnets.js";

/**
 * SubtensorModule's genesis: the preset's network-wide settings and the root subnet (netuid 0) as
 * Subtensor's genesis creates it (transactions.md §11). `owner` is Alice where the preset says so.
 */
export function buildSubtensorGenesis(scope: Scope, rootOwner: string | undefined): void {
  const { store } = scope;
  const { network, rateLimits, startCall, epoch, rootDefaults: root } = scope.env.preset;
  S.NetworkMinLockCost.set(store, network.networkMinLockCost);
  S.NetworkLockReductionInterval.set(store, BigInt(network.networkLockReductionInterval));
  S.NetworkRateLimit.set(store, BigInt(network.networkRateLimit));
  S.NetworkImmunityPeriod.set(store, BigInt(network.networkImmunityPeriod));
  S.SubnetLimit.set(store, network.subnetLimit);
  S.SubnetOwnerCut.set(store, network.subnetOwnerCut);
  S.AdminFreezeWindow.set(store, rateLimits.adminFreezeWindow);
  S.OwnerHyperparamRateLimit.set(store, rateLimits.ownerHyperparamRateLimit);
  S.TxRateLimit.set(store, BigInt(rateLimits.txRateLimit));
  S.StartCallDelay.set(store, BigInt(startCall.delay));
  S.MaxEpochsPerBlock.set(store, epoch.maxEpochsPerBlock);
  S.TaoWeight.set(store, network.taoWeight);
  S.DefaultMinStake.set(store, scope.env.preset.staking.defaultMinStake);
  S.TxDelegateTakeRateLimit.set(store, BigInt(scope.env.preset.staking.txDelegateTakeRateLimit));
  // Child keys and key swaps: root may change these later (sudo_set_* calls).
  const { staking, swaps } = scope.env.preset;
  S.StakeThreshold.set(store, staking.stakeThreshold);
  S.NominatorMinRequiredStake.set(store, BigInt(staking.nominatorMinRequiredStake));
  S.MinDelegateTake.set(store, staking.minDelegateTake);
  S.MaxDelegateTake.set(store, staking.maxDelegateTake);
  S.MinChildkeyTake.set(store, staking.minChildkeyTake);
  S.MaxChildkeyTake.set(store, staking.maxChildkeyTake);
  S.TxChildkeyTakeRateLimit.set(store, BigInt(staking.txChildkeyTakeRateLimit));
  S.PendingChildKeyCooldown.set(store, BigInt(staking.pendingChildKeyCooldown));
  S.ColdkeySwapAnnouncementDelay.set(store, swaps.coldkeySwapAnnouncementDelay);
  S.ColdkeySwapReannouncementDelay.set(store, swaps.coldkeySwapReannouncementDelay);

  // The issuance the halvings read starts at what genesis minted.
  CoinbaseStorage.TotalIssuance.set(store, BalancesStorage.TotalIssuance.get(store));
  S.NetworksAdded.set(store, ROOT_NETUID, true);
  S.TotalNetworks.set(store, 1);
  S.Tempo.set(store, ROOT_NETUID, root.tempo);
  S.MaxAllowedUids.set(store, ROOT_NETUID, root.maxAllowedUids);
  S.MaxAllowedValidators.set(store, ROOT_NETUID, root.maxAllowedValidators);
  S.MinAllowedWeights.set(store, ROOT_NETUID, root.minAllowedWeights);
  S.NetworkRegistrationAllowed.set(store, ROOT_NETUID, root.registrationAllowed);
  S.TargetRegistrationsPerInterval.set(store, ROOT_NETUID, root.targetRegistrationsPerInterval);
  if (root.ownerIsAlice && rootOwner) S.SubnetOwner.set(store, ROOT_NETUID, rootOwner);
}
