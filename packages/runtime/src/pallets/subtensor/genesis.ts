import type { Scope } from "../../frame/scope.js";
import { SubtensorStorage as S } from "./storage.js";

export const ROOT_NETUID = 0;

/** The root subnet (netuid 0) as Subtensor's genesis creates it (transactions.md §11). */
export function buildSubtensorGenesis(scope: Scope): void {
  const { store } = scope;
  const root = scope.env.preset.rootDefaults;
  S.NetworksAdded.set(store, ROOT_NETUID, true);
  S.TotalNetworks.set(store, 1);
  S.Tempo.set(store, ROOT_NETUID, root.tempo);
  S.MaxAllowedUids.set(store, ROOT_NETUID, root.maxAllowedUids);
  S.MaxAllowedValidators.set(store, ROOT_NETUID, root.maxAllowedValidators);
  S.MinAllowedWeights.set(store, ROOT_NETUID, root.minAllowedWeights);
  S.NetworkRegistrationAllowed.set(store, ROOT_NETUID, root.registrationAllowed);
  S.TargetRegistrationsPerInterval.set(store, ROOT_NETUID, root.targetRegistrationsPerInterval);
}
