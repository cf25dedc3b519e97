import { callTable, type RuntimeCall } from "./call.js";
import { type DispatchError, type DispatchResult, fail } from "./dispatch-error.js";
import type { Scope } from "./scope.js";
import type { Origin } from "./types.js";

/** Calls a batch may not contain (Subtensor's base filter forbids nested batches). */
export const NESTED_BATCH = new Set(["Utility.batch", "Utility.batch_all", "Utility.force_batch"]);

/**
 * A check that runs before every dispatch of a call, at every dispatch site (an extrinsic's call, each
 * call of a batch, sudo's and sudo_as's inner call): Substrate's `DispatchExtension`. Returning an
 * error fails that call with it, before the call runs.
 */
export type DispatchGuard = (scope: Scope, origin: Origin, call: RuntimeCall) => DispatchError | undefined;

let guards: readonly DispatchGuard[] = [];

/** Set once by the runtime composition, like the call table. */
export function installDispatchGuards(list: readonly DispatchGuard[]): void {
  guards = list;
}

/** The first guard that refuses the call, if any (also the pool-level check of a top-level call). */
export function checkGuards(scope: Scope, origin: Origin, call: RuntimeCall): DispatchError | undefined {
  for (const guard of guards) {
    const denied = guard(scope, origin, call);
    if (denied) return denied;
  }
  return undefined;
}

/**
 * Dispatches a decoded call in a child scope: its writes and events survive only if it succeeds.
 * Nothing throws out: an unexpected exception becomes an `Other` error and is rolled back.
 */
export function dispatch(scope: Scope, origin: Origin, call: RuntimeCall): DispatchResult {
  const found = callTable().lookup(call.pallet, call.name);
  if (!found) return fail({ kind: "Other", message: `unknown call ${call.pallet}.${call.name}` });
  const denied = checkGuards(scope, origin, call);
  if (denied) return fail(denied);
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
