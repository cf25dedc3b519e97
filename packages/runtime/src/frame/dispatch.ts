import { callTable, type RuntimeCall } from "./call.js";
import { type DispatchResult, fail } from "./dispatch-error.js";
import type { Scope } from "./scope.js";
import type { Origin } from "./types.js";

/** Calls a batch may not contain (Subtensor's base filter forbids nested batches). */
export const NESTED_BATCH = new Set(["Utility.batch", "Utility.batch_all", "Utility.force_batch"]);

/**
 * Dispatches a decoded call in a child scope: its writes and events survive only if it succeeds.
 * Nothing throws out: an unexpected exception becomes an `Other` error and is rolled back.
 */
export function dispatch(scope: Scope, origin: Origin, call: RuntimeCall): DispatchResult {
  const found = callTable().lookup(call.pallet, call.name);
  if (!found) return fail({ kind: "Other", message: `unknown call ${call.pallet}.${call.name}` });
  return scope.transaction((child) => {
    try {
      return found.def.dispatch(child, origin, call.args as never);
    } catch (e) {
      return fail({
        kind: "Other",
        message: `internal error in ${call.pallet}.${call.name}: ${(e as Error).message}`,
      });
    }
  });
}

/** The declared weight of a call (its arguments may hold nested calls). */
export function callWeight(call: RuntimeCall): bigint {
  const found = callTable().lookup(call.pallet, call.name);
  return found ? found.def.weight(call.args as never) : 0n;
}

export function callPays(call: RuntimeCall): boolean {
  return callTable().lookup(call.pallet, call.name)?.def.pays ?? true;
}
