// register_network / register_network_with_identity (transactions.md §4.5, economics §9.3).
import { AccountId, Struct } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import { weight } from "../../frame/weights.js";
import { reducibleBalance, transfer } from "../balances/currency.js";
import { subnetAccountId } from "./accounts.js";
import { dissolveNetwork } from "./dissolve.js";
import { SubtensorErrors as E } from "./errors.js";
import { associateHotkey, hotkeyAccountExists } from "./hotkeys.js";
import { isValidSubnetIdentity, OptionalSubnetIdentity } from "./identity.js";
import { initNewNetwork } from "./init-network.js";
import { lockReductionInterval, medianSpotPrice, networkLockCost, newSubnetPool } from "./lock-cost.js";
import { spotPrice } from "./pool/balancer.js";
import { scheduleRootValidatorsAsParents } from "./staking/children.js";
import { SubtensorStorage as S, type SubnetIdentityV3 } from "./storage.js";
import { allNetuids, ROOT_NETUID } from "./subnets.js";
import { nextAvailableSymbol } from "./symbols.js";
import { appendNeuron } from "./uids.js";

/** The TAO a subnet registration locks now (`subnetInfo_getLockCost`). */
export function currentLockCost(scope: Scope): bigint {
  const { store } = scope;
  return networkLockCost({
    lastLock: S.NetworkLastLockCost.get(store),
    lastLockBlock: S.NetworkLastRegistered.get(store),
    block: BigInt(scope.env.block.number),
    minLock: S.NetworkMinLockCost.get(store),
    reductionInterval: lockReductionInterval(
      S.NetworkLockReductionInterval.get(store),
      S.BlockEmission.get(store),
    ),
  });
}

function medianPriceOfSubnets(scope: Scope) {
  const { store } = scope;
  const prices = allNetuids(store)
    .filter((n) => n !== ROOT_NETUID)
    .map((n) =>
      spotPrice(
        {
          taoReserve: S.SubnetTAO.get(store, n),
          alphaReserve: S.SubnetAlphaIn.get(store, n),
          quoteWeight: S.PoolQuoteWeight.get(store, n),
        },
        S.SubnetMechanism.get(store, n),
      ),
    );
  return medianSpotPrice(prices);
}

/** The non-immune subnet with the lowest EMA price (ties: the earliest registered) makes room. */
function subnetToPrune(scope: Scope): number | undefined {
  const { store } = scope;
  const now = BigInt(scope.env.block.number);
  const immunity = S.NetworkImmunityPeriod.get(store);
  let best: { netuid: number; price: bigint; registered: bigint } | undefined;
  for (const netuid of allNetuids(store)) {
    if (netuid === ROOT_NETUID) continue;
    const registered = S.NetworkRegisteredAt.get(store, netuid);
    if (now < registered + immunity) continue;
    const price = S.SubnetMovingPrice.get(store, netuid);
    if (!best || price < best.price || (price === best.price && registered < best.registered))
      best = { netuid, price, registered };
  }
  return best?.netuid;
}

function lowestFreeNetuid(scope: Scope): number {
  let netuid = 1;
  while (S.NetworksAdded.get(scope.store, netuid)) netuid++;
  return netuid;
}

export function registerNetwork(
  scope: Scope,
  coldkey: string,
  hotkey: string,
  identity?: SubnetIdentityV3,
): DispatchResult {
  const { store } = scope;
  const now = BigInt(scope.env.block.number);
  if (hotkeyAccountExists(store, hotkey) && S.Owner.get(store, hotkey) !== coldkey)
    return fail(E.NonAssociatedColdKey);
  const associated = associateHotkey(scope, coldkey, hotkey);
  if (associated) return fail(associated);
  if (now < BigInt(scope.env.preset.network.networkRegistrationStartBlock))
    return fail(E.SubNetRegistrationDisabled);
  const lastRegistered = S.NetworkLastRegistered.get(store);
  if (lastRegistered !== 0n && now - lastRegistered < S.NetworkRateLimit.get(store))
    return fail(E.NetworkTxRateLimitExceeded);
  let pruned: number | undefined;
  if (S.TotalNetworks.get(store) - 1 >= S.SubnetLimit.get(store)) {
    pruned = subnetToPrune(scope);
    if (pruned === undefined) return fail(E.SubnetLimitReached);
  }
  const cost = currentLockCost(scope);
  if (reducibleBalance(scope, coldkey, "Preserve") < cost) return fail(E.CannotAffordLockCost);
  if (identity && !isValidSubnetIdentity(identity)) return fail(E.InvalidIdentity);

  if (pruned !== undefined) {
    const dissolved = dissolveNetwork(scope, pruned);
    if (!dissolved.ok) return dissolved;
  }
  const median = medianPriceOfSubnets(scope);
  const netuid = pruned ?? lowestFreeNetuid(scope);
  const locked = cost;
  const moved = transfer(scope, coldkey, subnetAccountId(netuid), locked, "Preserve");
  if (!moved.ok) return moved;
  S.NetworkLastLockCost.set(store, locked);
  S.NetworkLastRegistered.set(store, now);

  initNewNetwork(scope, netuid);
  S.SubnetMechanism.set(store, netuid, 1);
  S.NetworkRegisteredAt.set(store, netuid, now);
  S.TokenSymbol.set(store, netuid, nextAvailableSymbol(store, netuid));
  S.SubnetOwner.set(store, netuid, coldkey);
  S.SubnetOwnerHotkey.set(store, netuid, hotkey);
  const pool = newSubnetPool(locked, S.NetworkMinLockCost.get(store), median);
  S.SubnetTAO.set(store, netuid, pool.taoReserve);
  S.SubnetAlphaIn.set(store, netuid, pool.alphaReserve);
  S.SubnetAlphaOut.set(store, netuid, 0n);
  S.SubnetLocked.set(store, netuid, pool.locked);
  appendNeuron(scope, netuid, hotkey);
  if (identity) {
    S.SubnetIdentitiesV3.set(store, netuid, identity);
    scope.emit("SubtensorModule", "SubnetIdentitySet", { netuid });
  }
  // Step 11: root validators become 100 % parents of the owner hotkey (before the subtoken starts, so
  // the links apply at once, as on Subtensor where start_call comes later).
  scheduleRootValidatorsAsParents(scope, netuid);
  if (!scope.env.preset.startCall.required) {
    // The devnet's subnets start at once: no start_call needed.
    S.FirstEmissionBlockNumber.set(store, netuid, now + 1n);
    S.SubtokenEnabled.set(store, netuid, true);
  }
  scope.emit("SubtensorModule", "NetworkAdded", { netuid, mechanism: 1 });
  return OK;
}

export const registerNetworkCall = defineCall({
  pallet: "SubtensorModule",
  name: "register_network",
  index: 59,
  args: Struct({ hotkey: AccountId }),
  weight: () => weight(150_000_000n, 36, 52),
  pays: true,
  dispatch: (scope, origin, { hotkey }) =>
    origin.kind === "Signed" ? registerNetwork(scope, origin.who, hotkey) : badOrigin(),
});

export const registerNetworkWithIdentityCall = defineCall({
  pallet: "SubtensorModule",
  name: "register_network_with_identity",
  index: 79,
  args: Struct({ hotkey: AccountId, identity: OptionalSubnetIdentity }),
  weight: () => weight(150_000_000n, 36, 53),
  pays: true,
  dispatch: (scope, origin, { hotkey, identity }) =>
    origin.kind === "Signed" ? registerNetwork(scope, origin.who, hotkey, identity) : badOrigin(),
});
