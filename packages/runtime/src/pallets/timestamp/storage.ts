import { u64 } from "@opentao/primitives";
import { StorageValue } from "../../storage/items.js";

export const TimestampStorage = {
  /** The current block's timestamp (ms), from its header. */
  Now: new StorageValue({ pallet: "Timestamp", name: "Now", value: u64, default: 0n }),
} as const;
