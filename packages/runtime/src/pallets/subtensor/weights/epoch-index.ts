import type { Scope } from "../../../frame/scope.js";
import { SubtensorStorage as S } from "../storage.js";

/** Subtensor's MAX_TEMPO: the safety net that forces an epoch after this many blocks. */
const MAX_TEMPO = 50_400n;

/** `should_run_epoch` (economics §3.1), read from the stored scheduler state. */
export function shouldRunEpoch(scope: Scope, netuid: number, block: number): boolean {
  const { store } = scope;
  const tempo = S.Tempo.get(store, netuid);
  if (tempo === 0) return false;
  const now = BigInt(block);
  const pending = S.PendingEpochAt.get(store, netuid);
  if (pending > 0n && now >= pending) return true;
  if (S.BlocksSinceLastStep.get(store, netuid) > MAX_TEMPO) return true;
  const last = S.LastEpochBlock.get(store, netuid);
  return (now > last ? now - last : 0n) >= BigInt(tempo);
}

/** The epoch a commit or reveal in this block belongs to: the counter, plus one if an epoch is due now. */
export function currentEpochWithLookahead(scope: Scope, netuid: number): bigint {
  const base = S.SubnetEpochIndex.get(scope.store, netuid);
  return shouldRunEpoch(scope, netuid, scope.env.block.number) ? base + 1n : base;
}
