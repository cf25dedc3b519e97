// SubtensorModule's on_initialize (economics §1), in Subtensor's order. Emission, the coinbase and the
// epoch's payouts join here with the emission issue.
import type { Scope } from "../../frame/scope.js";
import { blockEmissionForIssuance } from "./coinbase/block-emission.js";
import { distributeEmission } from "./coinbase/distribute.js";
import { updateMovingPrices, updateRootProportions } from "./coinbase/moving-prices.js";
import { runCoinbase, subnetsToEmitTo } from "./coinbase/run-coinbase.js";
import { CoinbaseStorage } from "./coinbase/storage.js";
import { stepSchedules } from "./epoch-schedule.js";
import { decayBurn } from "./registration-price.js";
import { runAutoClaimRootDivs } from "./root-claims/auto-claim.js";
import { setPendingChildrenAfterEpochs } from "./staking/children.js";
import { SubtensorStorage as S } from "./storage.js";
import { allNetuids } from "./subnets.js";

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
 * Subtensor's `block_step`, in its order (economics §1): registration prices; this block's emission from
 * the issuance; the coinbase; due epochs drain their pending alpha and distribute it; EMA prices; root
 * proportions; pending children; automatic root claims.
 */
export function subtensorBlockStep(scope: Scope): void {
  updateRegistrationPrices(scope);
  const emission = blockEmissionForIssuance(CoinbaseStorage.TotalIssuance.get(scope.store));
  S.BlockEmission.set(scope.store, emission);
  const emitting = subnetsToEmitTo(scope.store);
  runCoinbase(scope, emission);
  for (const netuid of stepSchedules(scope)) distributeEmission(scope, netuid);
  updateMovingPrices(scope, emitting);
  updateRootProportions(scope, emitting);
  setPendingChildrenAfterEpochs(scope);
  runAutoClaimRootDivs(scope);
}
