import { Struct, Vector } from "@opentao/primitives";
import { defineCall, type RuntimeCall, RuntimeCallCodec } from "../../frame/call.js";
import { callWeight, dispatch, NESTED_BATCH } from "../../frame/dispatch.js";
import { type DispatchResult, defineErrors, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import type { Origin } from "../../frame/types.js";
import { weight } from "../../frame/weights.js";
import { SystemErrors } from "../system/errors.js";

export const UtilityErrors = defineErrors("Utility", 11, ["TooManyCalls"] as const);

const PALLET = "Utility";
/** pallet-utility's `batched_calls_limit` is in the tens of thousands; this bounds a block's work. */
export const BATCHED_CALLS_LIMIT = 10_000;

const args = Struct({ calls: Vector(RuntimeCallCodec) });
const batchWeight = ({ calls }: { calls: RuntimeCall[] }) =>
  calls.reduce((sum, call) => sum + callWeight(call), weight(5_000_000n)) + 5_000_000n * BigInt(calls.length);

/** The base call filter: no batch inside a batch. */
function dispatchItem(scope: Scope, origin: Origin, call: RuntimeCall): DispatchResult {
  if (NESTED_BATCH.has(`${call.pallet}.${call.name}`)) return fail(SystemErrors.CallFiltered);
  return dispatch(scope, origin, call);
}

function tooMany(calls: RuntimeCall[]): DispatchResult | undefined {
  return calls.length > BATCHED_CALLS_LIMIT ? fail(UtilityErrors.TooManyCalls) : undefined;
}

export const batch = defineCall({
  pallet: PALLET,
  name: "batch",
  index: 0,
  args,
  weight: batchWeight,
  pays: true,
  dispatch: (scope, origin, { calls }) => {
    const limit = tooMany(calls);
    if (limit) return limit;
    for (const [index, call] of calls.entries()) {
      const result = dispatchItem(scope, origin, call);
      if (!result.ok) {
        scope.emit(PALLET, "BatchInterrupted", { index, error: result.error });
        return OK;
      }
      scope.emit(PALLET, "ItemCompleted");
    }
    scope.emit(PALLET, "BatchCompleted");
    return OK;
  },
});

export const batchAll = defineCall({
  pallet: PALLET,
  name: "batch_all",
  index: 2,
  args,
  weight: batchWeight,
  pays: true,
  dispatch: (scope, origin, { calls }) => {
    const limit = tooMany(calls);
    if (limit) return limit;
    for (const call of calls) {
      const result = dispatchItem(scope, origin, call);
      if (!result.ok) return result;
      scope.emit(PALLET, "ItemCompleted");
    }
    scope.emit(PALLET, "BatchCompleted");
    return OK;
  },
});

export const forceBatch = defineCall({
  pallet: PALLET,
  name: "force_batch",
  index: 4,
  args,
  weight: batchWeight,
  pays: true,
  dispatch: (scope, origin, { calls }) => {
    const limit = tooMany(calls);
    if (limit) return limit;
    let failed = false;
    for (const call of calls) {
      const result = dispatchItem(scope, origin, call);
      if (result.ok) scope.emit(PALLET, "ItemCompleted");
      else {
        failed = true;
        scope.emit(PALLET, "ItemFailed", { error: result.error });
      }
    }
    scope.emit(PALLET, failed ? "BatchCompletedWithErrors" : "BatchCompleted");
    return OK;
  },
});

export const UTILITY_CALLS = [batch, batchAll, forceBatch];
