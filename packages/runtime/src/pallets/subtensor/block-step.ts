// SubtensorModule's on_initialize (economics §1), in Subtensor's order. Emission, the coinbase and the
// epoch's payouts join here with the emission issue.
import type { Scope } from "../../frame/scope.js";
import { SubtensorStorage as S } from "./storage.js";
import { allNetuids } from "./subnets.js";

/** Step 1: registration prices decay every block, and the per-block registration counters reset. */
export function updateRegistrationPrices(scope: Scope): void {
  const { store } = scope;
  for (const netuid of allNetuids(store)) {
    S.RegistrationsThisBlock.set(store, netuid, 0);
  }
}

export function subtensorBlockStep(scope: Scope): void {
  updateRegistrationPrices(scope);
}
