// Who may change a subnet's hyperparameters and when (transactions.md §5–§6).
import type { DispatchError } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { SubtensorErrors } from "../subtensor/errors.js";
import { SubtensorStorage as S } from "../subtensor/storage.js";

export type Who = "OwnerOrRoot" | "Root";

/** Root, or the subnet's owner coldkey when `who` allows it; returns the owner (undefined for root). */
export function ensureOwnerOrRoot(
  scope: Scope,
  origin: Origin,
  netuid: number,
  who: Who,
): { ok: true; owner: string | undefined } | { ok: false; error: DispatchError } {
  if (origin.kind === "Root") return { ok: true, owner: undefined };
  if (
    who === "OwnerOrRoot" &&
    origin.kind === "Signed" &&
    S.SubnetOwner.get(scope.store, netuid) === origin.who
  ) {
    return { ok: true, owner: origin.who };
  }
  return { ok: false, error: { kind: "BadOrigin" } };
}

/** Blocks until `netuid`'s next automatic epoch (u64::MAX-like when tempo is 0). */
export function blocksUntilNextEpoch(scope: Scope, netuid: number): bigint {
  const tempo = BigInt(S.Tempo.get(scope.store, netuid));
  if (tempo === 0n) return 2n ** 64n - 1n;
  const next = S.LastEpochBlock.get(scope.store, netuid) + tempo;
  const now = BigInt(scope.env.block.number);
  return next > now ? next - now : 0n;
}

/** The freeze window: the last AdminFreezeWindow blocks before an epoch, or while a triggered epoch is pending. */
export function inAdminFreezeWindow(scope: Scope, netuid: number): boolean {
  const { store } = scope;
  if (S.Tempo.get(store, netuid) === 0) return false;
  const pending = S.PendingEpochAt.get(store, netuid);
  if (pending > 0n && pending > BigInt(scope.env.block.number)) return true;
  return blocksUntilNextEpoch(scope, netuid) < BigInt(S.AdminFreezeWindow.get(store));
}

/** An owner may change each hyperparameter once per `limitBlocks`; root is never limited. */
export function ownerRateLimited(
  scope: Scope,
  netuid: number,
  setter: number,
  limitBlocks: bigint,
): DispatchError | undefined {
  const last = S.LastHyperparamUpdate.get(scope.store, netuid, setter);
  if (last === 0n || limitBlocks === 0n) return undefined;
  return BigInt(scope.env.block.number) - last < limitBlocks
    ? SubtensorErrors.TxRateLimitExceeded
    : undefined;
}

export function recordOwnerUpdate(scope: Scope, netuid: number, setter: number): void {
  S.LastHyperparamUpdate.set(scope.store, netuid, setter, BigInt(scope.env.block.number));
}
