// SubtensorModule's on_initialize (economics §1), in Subtensor's order. Emission, the coinbase and the
// epoch's payouts join here with the emission issue.
import type { Scope } from "../../frame/scope.js";
import { decayBurn } from "./registration-price.js";
import { SubtensorStorage as S } from "./storage.js";
import { allNetuids, ROOT_NETUID } from "./subnets.js";
import { shouldRunEpoch } from "./weights/epoch-index.js";

/** Step 1: registration prices decay every block, and the per-block registration counters reset. */
export function updateRegistrationPrices(scope: Scope): void {
  const { store } = scope;
  const block = BigInt(scope.env.block.number);
  for (const netuid of allNetuids(store)) {
    const burn = S.Burn.get(store, netuid);
    const next = decayBurn({
      burn,
      halfLife: S.BurnHalfLife.get(store, netuid),
      minBurn: S.MinBurn.get(store, netuid),
      maxBurn: S.MaxBurn.get(store, netuid),
      block,
    });
    if (next !== burn) S.Burn.set(store, netuid, next);
    S.RegistrationsThisBlock.set(store, netuid, 0);
  }
}

/**
 * The stateful epoch scheduler's per-block bookkeeping (economics §3.1, `drain_pending`): due epochs
 * run in netuid order, at most MaxEpochsPerBlock per block; the rest are deferred one block.
 * Returns the netuids whose epoch runs now (what runs at an epoch comes with the emission issue).
 */
export function scheduleEpochs(scope: Scope): number[] {
  const { store } = scope;
  const block = scope.env.block.number;
  const now = BigInt(block);
  const limit = S.MaxEpochsPerBlock.get(store);
  const ran: number[] = [];
  for (const netuid of allNetuids(store)) {
    if (netuid === ROOT_NETUID) continue;
    S.BlocksSinceLastStep.mutate(store, netuid, (x) => x + 1n);
    if (!shouldRunEpoch(scope, netuid, block)) continue;
    if (ran.length >= limit) {
      S.PendingEpochAt.set(store, netuid, now + 1n);
      scope.emit("SubtensorModule", "EpochDeferred", { netuid, block: now });
      continue;
    }
    S.BlocksSinceLastStep.set(store, netuid, 0n);
    S.LastEpochBlock.set(store, netuid, now);
    S.PendingEpochAt.set(store, netuid, 0n);
    S.SubnetEpochIndex.mutate(store, netuid, (x) => x + 1n);
    ran.push(netuid);
  }
  return ran;
}

export function subtensorBlockStep(scope: Scope): void {
  updateRegistrationPrices(scope);
  scheduleEpochs(scope);
}
