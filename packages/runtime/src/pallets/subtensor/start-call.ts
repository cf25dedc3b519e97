import { Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, fail, OK } from "../../frame/dispatch-error.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as E } from "./errors.js";
import { SubtensorStorage as S } from "./storage.js";
import { subnetExists } from "./subnets.js";

/** `start_call(netuid)`: the owner turns on emission and the subnet's token (transactions.md §4.5). */
export const startCall = defineCall({
  pallet: "SubtensorModule",
  name: "start_call",
  index: 92,
  args: Struct({ netuid: u16 }),
  weight: () => weight(15_000_000n, 4, 2),
  pays: true,
  dispatch: (scope, origin, { netuid }) => {
    const { store } = scope;
    if (!subnetExists(store, netuid)) return fail(E.SubnetNotExists);
    if (origin.kind !== "Signed" || S.SubnetOwner.get(store, netuid) !== origin.who) return badOrigin();
    if (S.FirstEmissionBlockNumber.get(store, netuid) !== undefined)
      return fail(E.FirstEmissionBlockNumberAlreadySet);
    const now = BigInt(scope.env.block.number);
    if (now < S.NetworkRegisteredAt.get(store, netuid) + S.StartCallDelay.get(store)) {
      return fail(E.NeedWaitingMoreBlocksToStarCall);
    }
    const first = now + 1n;
    S.FirstEmissionBlockNumber.set(store, netuid, first);
    S.SubtokenEnabled.set(store, netuid, true);
    scope.emit("SubtensorModule", "FirstEmissionBlockNumberSet", { netuid, block: first });
    return OK;
  },
});
