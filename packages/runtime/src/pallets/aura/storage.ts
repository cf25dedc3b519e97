import { AccountId, Vector } from "@opentao/primitives";
import { StorageValue } from "../../storage/items.js";

export const AuraStorage = {
  /** Block authors take turns by slot: author = Authorities[slot mod n]. Set at genesis. */
  Authorities: new StorageValue({
    pallet: "Aura",
    name: "Authorities",
    value: Vector(AccountId),
    default: [],
  }),
} as const;
