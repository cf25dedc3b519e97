// Who may change a subnet's hyperparameters and when (transactions.md §5–§6).
import type { DispatchError } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { SubtensorErrors } from "../subtensor/errors.js";
import { SubtensorStorage as S } from "../subtensor/storage.js";

export { blocksUntilNextEpoch, inAdminFreezeWindow } from "../subtensor/epoch-schedule.js";

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
