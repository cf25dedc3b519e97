// set_identity, set_subnet_identity, update_symbol (transactions.md §4.5 "Identity and symbol").
import { Bytes, Option, Struct, u16 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, fail, OK } from "../../frame/dispatch-error.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as E } from "./errors.js";
import { type ChainIdentityV2, SubtensorStorage as S, type SubnetIdentityV3 } from "./storage.js";
import { allNetuids, subnetExists } from "./subnets.js";
import { symbolExists, symbolInUse } from "./symbols.js";

const CHAIN_IDENTITY_LIMITS: Record<keyof ChainIdentityV2, number> = {
  name: 256,
  url: 256,
  githubRepo: 256,
  image: 1024,
  discord: 256,
  description: 1024,
  additional: 1024,
};

const SUBNET_IDENTITY_LIMITS: Record<keyof SubnetIdentityV3, number> = {
  subnetName: 256,
  githubRepo: 1024,
  subnetContact: 1024,
  subnetUrl: 1024,
  discord: 256,
  description: 1024,
  logoUrl: 1024,
  additional: 1024,
};

function withinLimits<T extends Record<string, Uint8Array>>(
  identity: T,
  limits: Record<keyof T, number>,
): boolean {
  return Object.entries(limits).every(([field, max]) => (identity[field]?.length ?? 0) <= max);
}

export function isValidSubnetIdentity(identity: SubnetIdentityV3): boolean {
  return withinLimits(identity, SUBNET_IDENTITY_LIMITS);
}

const chainIdentityArgs = Struct({
  name: Bytes(),
  url: Bytes(),
  githubRepo: Bytes(),
  image: Bytes(),
  discord: Bytes(),
  description: Bytes(),
  additional: Bytes(),
});

export const setIdentity = defineCall({
  pallet: "SubtensorModule",
  name: "set_identity",
  index: 68,
  args: chainIdentityArgs,
  weight: () => weight(20_000_000n, 3, 1),
  pays: true,
  dispatch: (scope, origin, identity) => {
    if (origin.kind !== "Signed") return badOrigin();
    const { store } = scope;
    const coldkey = origin.who;
    const registered = S.OwnedHotkeys.get(store, coldkey).some((hotkey) =>
      allNetuids(store).some((netuid) => S.Uids.get(store, netuid, hotkey) !== undefined),
    );
    if (!registered) return fail(E.HotKeyNotRegisteredInNetwork);
    if (!withinLimits(identity, CHAIN_IDENTITY_LIMITS)) return fail(E.InvalidIdentity);
    S.IdentitiesV2.set(store, coldkey, identity);
    scope.emit("SubtensorModule", "ChainIdentitySet", { coldkey });
    return OK;
  },
});

export const subnetIdentityArgs = Struct({
  subnetName: Bytes(),
  githubRepo: Bytes(),
  subnetContact: Bytes(),
  subnetUrl: Bytes(),
  discord: Bytes(),
  description: Bytes(),
  logoUrl: Bytes(),
  additional: Bytes(),
});

export const OptionalSubnetIdentity = Option(subnetIdentityArgs);

export const setSubnetIdentity = defineCall({
  pallet: "SubtensorModule",
  name: "set_subnet_identity",
  index: 78,
  args: Struct({ netuid: u16, identity: subnetIdentityArgs }),
  weight: () => weight(20_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { netuid, identity }) => {
    if (origin.kind !== "Signed") return badOrigin();
    if (S.SubnetOwner.get(scope.store, netuid) !== origin.who || !subnetExists(scope.store, netuid)) {
      return fail(E.NotSubnetOwner);
    }
    if (!isValidSubnetIdentity(identity)) return fail(E.InvalidIdentity);
    S.SubnetIdentitiesV3.set(scope.store, netuid, identity);
    scope.emit("SubtensorModule", "SubnetIdentitySet", { netuid });
    return OK;
  },
});

export const updateSymbol = defineCall({
  pallet: "SubtensorModule",
  name: "update_symbol",
  index: 112,
  args: Struct({ netuid: u16, symbol: Bytes() }),
  weight: () => weight(20_000_000n, 3, 1),
  pays: true,
  dispatch: (scope, origin, { netuid, symbol }) => {
    const { store } = scope;
    const isOwner = origin.kind === "Signed" && S.SubnetOwner.get(store, netuid) === origin.who;
    if (origin.kind !== "Root" && !isOwner) return badOrigin();
    if (!subnetExists(store, netuid)) return fail(E.SubnetNotExists);
    const text = new TextDecoder().decode(symbol);
    if (!symbolExists(text)) return fail(E.SymbolDoesNotExist);
    if (symbolInUse(store, text)) return fail(E.SymbolAlreadyInUse);
    S.TokenSymbol.set(store, netuid, symbol);
    scope.emit("SubtensorModule", "SymbolUpdated", { netuid, symbol: text });
    return OK;
  },
});
