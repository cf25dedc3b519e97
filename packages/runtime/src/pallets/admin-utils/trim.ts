// AdminUtils `sudo_trim_to_max_allowed_uids` (call 78): root, or the subnet owner at most once per
// MaxUidsTrimmingRateLimit blocks, outside the admin freeze window.
import { Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { fail, OK } from "../../frame/dispatch-error.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as SE } from "../subtensor/errors.js";
import { SubtensorStorage as S } from "../subtensor/storage.js";
import { trimToMaxAllowedUids } from "../subtensor/trim-uids.js";
import { ensureOwnerOrRoot, inAdminFreezeWindow } from "./access.js";

/** Subtensor's TransactionType::MaxUidsTrimming, the key of its TransactionKeyLastBlock entries. */
const MAX_UIDS_TRIMMING = 9;

export const sudoTrimToMaxAllowedUids = defineCall({
  pallet: "AdminUtils",
  name: "sudo_trim_to_max_allowed_uids",
  index: 78,
  args: Struct({ netuid: u16, maxN: u16 }),
  weight: () => weight(38_302_000n, 8, 1),
  pays: true,
  dispatch: (scope, origin, { netuid, maxN }) => {
    const access = ensureOwnerOrRoot(scope, origin, netuid, "OwnerOrRoot");
    if (!access.ok) return fail(access.error);
    const { store } = scope;
    const now = BigInt(scope.env.block.number);
    const key: [number, number] = [netuid, MAX_UIDS_TRIMMING];
    if (access.owner) {
      const last = S.TransactionKeyLastBlock.get(store, access.owner, key);
      const limit = BigInt(scope.env.preset.rateLimits.maxUidsTrimmingRateLimit);
      if (last !== 0n && now - last < limit) return fail(SE.TxRateLimitExceeded);
    }
    if (inAdminFreezeWindow(scope, netuid)) return fail(SE.AdminActionProhibitedDuringWeightsWindow);
    const bad = trimToMaxAllowedUids(scope, netuid, maxN);
    if (bad) return fail(bad);
    if (access.owner) S.TransactionKeyLastBlock.set(store, access.owner, key, now);
    return OK;
  },
});
