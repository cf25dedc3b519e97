import { AccountId, bool, u16 } from "@opentao/primitives";
import { StorageMap, StorageValue } from "../../storage/items.js";

const PALLET = "SubtensorModule";
/** The all-zero account: Subtensor's default owner. */
export const ZERO_ACCOUNT = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";

const perSubnet = <V>(name: string, value: import("@opentao/primitives").Codec<V>, fallback: V) =>
  new StorageMap({ pallet: PALLET, name, hasher: "Identity", key: u16, value, default: fallback });

// The subnet items the frame's genesis needs; the subnets issue adds the rest beside them.
export const SubtensorStorage = {
  TotalNetworks: new StorageValue({ pallet: PALLET, name: "TotalNetworks", value: u16, default: 0 }),
  NetworksAdded: perSubnet("NetworksAdded", bool, false),
  Tempo: perSubnet("Tempo", u16, 360),
  MaxAllowedUids: perSubnet("MaxAllowedUids", u16, 256),
  MaxAllowedValidators: perSubnet("MaxAllowedValidators", u16, 128),
  MinAllowedWeights: perSubnet("MinAllowedWeights", u16, 1),
  NetworkRegistrationAllowed: perSubnet("NetworkRegistrationAllowed", bool, false),
  TargetRegistrationsPerInterval: perSubnet("TargetRegistrationsPerInterval", u16, 1),
  SubnetOwner: perSubnet("SubnetOwner", AccountId, ZERO_ACCOUNT),
} as const;
