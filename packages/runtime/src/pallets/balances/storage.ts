import { u64 } from "@opentao/primitives";
import { StorageValue } from "../../storage/items.js";

export const BalancesStorage = {
  /** Σ (free + reserved) over every account: the invariant `test/issuance` checks after every block. */
  TotalIssuance: new StorageValue({ pallet: "Balances", name: "TotalIssuance", value: u64, default: 0n }),
} as const;
