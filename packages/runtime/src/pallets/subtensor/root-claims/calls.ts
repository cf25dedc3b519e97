import { Struct, u16, u64, Vector } from "@opentao/primitives";
import { defineCall } from "../../../frame/call.js";
import { badOrigin, fail, OK } from "../../../frame/dispatch-error.js";
import { weight } from "../../../frame/weights.js";
import { SubtensorErrors as E } from "../errors.js";
import { SubtensorStorage as S } from "../storage.js";
import { subnetExists } from "../subnets.js";
import { doRootClaim } from "./claims.js";
import { indexColdkey } from "./coldkey-index.js";
import { RootClaimStorage as R, RootClaimTypeCodec } from "./storage.js";

export const claimRoot = defineCall({
  pallet: "SubtensorModule",
  name: "claim_root",
  index: 121,
  args: Struct({ subnets: Vector(u16) }),
  weight: ({ subnets }) => weight(50_000_000n, 10 * subnets.length, 6 * subnets.length),
  pays: true,
  dispatch: (scope, origin, { subnets }) => {
    if (origin.kind !== "Signed") return badOrigin();
    const unique = [...new Set(subnets)].sort((a, b) => a - b);
    if (unique.length === 0 || unique.length > 5) return fail(E.InvalidSubnetNumber);
    indexColdkey(scope.store, origin.who);
    return doRootClaim(scope, origin.who, unique);
  },
});

export const setRootClaimType = defineCall({
  pallet: "SubtensorModule",
  name: "set_root_claim_type",
  index: 122,
  args: Struct({ newRootClaimType: RootClaimTypeCodec }),
  weight: () => weight(10_000_000n, 0, 1),
  pays: true,
  dispatch: (scope, origin, { newRootClaimType }) => {
    if (origin.kind !== "Signed") return badOrigin();
    if (newRootClaimType.tag === "KeepSubnets" && newRootClaimType.value.subnets.length === 0) {
      return fail(E.InvalidSubnetNumber);
    }
    indexColdkey(scope.store, origin.who);
    R.RootClaimType.set(scope.store, origin.who, newRootClaimType);
    scope.emit("SubtensorModule", "RootClaimTypeSet", {
      coldkey: origin.who,
      rootClaimType: newRootClaimType.tag,
    });
    return OK;
  },
});

export const setNumRootClaims = defineCall({
  pallet: "SubtensorModule",
  name: "sudo_set_num_root_claims",
  index: 123,
  args: Struct({ newValue: u64 }),
  weight: () => weight(5_000_000n, 0, 1),
  pays: true,
  dispatch: (scope, origin, { newValue }) => {
    if (origin.kind !== "Root") return badOrigin();
    if (newValue === 0n || newValue > 50n) return fail(E.InvalidNumRootClaim);
    R.NumRootClaim.set(scope.store, newValue);
    return OK;
  },
});

export const setRootClaimThreshold = defineCall({
  pallet: "SubtensorModule",
  name: "sudo_set_root_claim_threshold",
  index: 124,
  args: Struct({ netuid: u16, newValue: u64 }),
  weight: () => weight(5_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { netuid, newValue }) => {
    const owner = origin.kind === "Signed" && S.SubnetOwner.get(scope.store, netuid) === origin.who;
    if (origin.kind !== "Root" && !owner) return badOrigin();
    if (!subnetExists(scope.store, netuid)) return fail(E.SubnetNotExists);
    if (newValue > 10_000_000n) return fail(E.InvalidRootClaimThreshold);
    R.RootClaimableThreshold.set(scope.store, netuid, newValue);
    return OK;
  },
});

export const ROOT_CLAIM_CALLS = [claimRoot, setRootClaimType, setNumRootClaims, setRootClaimThreshold];
