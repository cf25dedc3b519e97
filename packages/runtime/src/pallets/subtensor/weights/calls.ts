import { compact, Struct, Tuple, u8, u16, u64, Vector } from "@opentao/primitives";
import { H256 } from "../../../codecs.js";
import { type AnyCallDef, defineCall } from "../../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../../frame/dispatch-error.js";
import type { Scope } from "../../../frame/scope.js";
import type { Origin } from "../../../frame/types.js";
import { weight } from "../../../frame/weights.js";
import { SubtensorErrors as E } from "../errors.js";
import { SubtensorStorage as S } from "../storage.js";
import { batchRevealWeights, commitWeights, revealWeights } from "./commit-reveal.js";
import { setWeights } from "./set-weights.js";

const PALLET = "SubtensorModule";
const U16s = Vector(u16);

/** Weight calls are signed by the hotkey and free (Pays::No). */
function hotkeyCall<A>(
  name: string,
  index: number,
  args: import("@opentao/primitives").Codec<A>,
  run: (scope: Scope, hotkey: string, args: A) => DispatchResult,
): AnyCallDef {
  return defineCall({
    pallet: PALLET,
    name,
    index,
    args,
    weight: () => weight(30_000_000n, 12, 2),
    pays: false,
    dispatch: (scope, origin: Origin, a) =>
      origin.kind === "Signed" ? run(scope, origin.who, a) : badOrigin(),
  });
}

function setWeightsGuarded(
  scope: Scope,
  hotkey: string,
  input: Parameters<typeof setWeights>[2],
): DispatchResult {
  if (S.CommitRevealWeightsEnabled.get(scope.store, input.netuid)) return fail(E.CommitRevealEnabled);
  return setWeights(scope, hotkey, input);
}

/** Non-atomic batches: each item's failure becomes an event; the call itself succeeds. */
function batchItems(
  scope: Scope,
  hotkey: string,
  items: { netuid: number; run: (item: Scope) => DispatchResult }[],
): DispatchResult {
  let failed = false;
  for (const { netuid, run } of items) {
    const result = scope.transaction(run);
    if (!result.ok) {
      failed = true;
      scope.emit(PALLET, "BatchWeightItemFailed", { netuid, error: result.error });
    }
  }
  if (failed) scope.emit(PALLET, "BatchCompletedWithErrors");
  scope.emit(PALLET, "BatchWeightsCompleted", { netuids: items.map((i) => i.netuid), hotkey });
  return OK;
}

export const WEIGHT_CALLS: AnyCallDef[] = [
  hotkeyCall(
    "set_weights",
    0,
    Struct({ netuid: u16, dests: U16s, weights: U16s, versionKey: u64 }),
    (scope, hotkey, a) =>
      setWeightsGuarded(scope, hotkey, {
        netuid: a.netuid,
        uids: a.dests,
        values: a.weights,
        versionKey: a.versionKey,
      }),
  ),
  hotkeyCall(
    "set_mechanism_weights",
    119,
    Struct({ netuid: u16, mecid: u8, dests: U16s, weights: U16s, versionKey: u64 }),
    (scope, hotkey, a) =>
      setWeightsGuarded(scope, hotkey, {
        netuid: a.netuid,
        mecid: a.mecid,
        uids: a.dests,
        values: a.weights,
        versionKey: a.versionKey,
      }),
  ),
  hotkeyCall("commit_weights", 96, Struct({ netuid: u16, commitHash: H256 }), (scope, hotkey, a) =>
    commitWeights(scope, hotkey, a.netuid, a.commitHash),
  ),
  hotkeyCall(
    "commit_mechanism_weights",
    115,
    Struct({ netuid: u16, mecid: u8, commitHash: H256 }),
    (scope, hotkey, a) => commitWeights(scope, hotkey, a.netuid, a.commitHash, a.mecid),
  ),
  hotkeyCall(
    "reveal_weights",
    97,
    Struct({ netuid: u16, uids: U16s, values: U16s, salt: U16s, versionKey: u64 }),
    (scope, hotkey, { netuid, ...reveal }) => revealWeights(scope, hotkey, netuid, reveal),
  ),
  hotkeyCall(
    "reveal_mechanism_weights",
    116,
    Struct({ netuid: u16, mecid: u8, uids: U16s, values: U16s, salt: U16s, versionKey: u64 }),
    (scope, hotkey, { netuid, mecid, ...reveal }) => revealWeights(scope, hotkey, netuid, reveal, mecid),
  ),
  hotkeyCall(
    "batch_reveal_weights",
    98,
    Struct({
      netuid: u16,
      uidsList: Vector(U16s),
      valuesList: Vector(U16s),
      saltsList: Vector(U16s),
      versionKeys: Vector(u64),
    }),
    (scope, hotkey, a) => {
      const n = a.uidsList.length;
      if (a.valuesList.length !== n || a.saltsList.length !== n || a.versionKeys.length !== n)
        return fail(E.InputLengthsUnequal);
      const reveals = a.uidsList.map((uids, i) => ({
        uids,
        values: a.valuesList[i]!,
        salt: a.saltsList[i]!,
        versionKey: a.versionKeys[i]!,
      }));
      return batchRevealWeights(scope, hotkey, a.netuid, reveals);
    },
  ),
  hotkeyCall(
    "batch_commit_weights",
    100,
    Struct({ netuids: Vector(compact), commitHashes: Vector(H256) }),
    (scope, hotkey, a) => {
      if (a.netuids.length !== a.commitHashes.length) return fail(E.InputLengthsUnequal);
      return batchItems(
        scope,
        hotkey,
        a.netuids.map((n, i) => ({
          netuid: Number(n),
          run: (item) => commitWeights(item, hotkey, Number(n), a.commitHashes[i]!),
        })),
      );
    },
  ),
  hotkeyCall(
    "batch_set_weights",
    80,
    Struct({
      netuids: Vector(compact),
      weights: Vector(Vector(Tuple(compact, compact))),
      versionKeys: Vector(compact),
    }),
    (scope, hotkey, a) => {
      if (a.netuids.length !== a.weights.length || a.netuids.length !== a.versionKeys.length)
        return fail(E.InputLengthsUnequal);
      return batchItems(
        scope,
        hotkey,
        a.netuids.map((n, i) => ({
          netuid: Number(n),
          run: (item) =>
            setWeightsGuarded(item, hotkey, {
              netuid: Number(n),
              uids: a.weights[i]!.map(([u]) => Number(u)),
              values: a.weights[i]!.map(([, w]) => Number(w)),
              versionKey: BigInt(a.versionKeys[i]!),
            }),
        })),
      );
    },
  ),
];
