import { AccountId, Option } from "@opentao/primitives";
import { StorageValue } from "../../storage/items.js";

export const SudoStorage = {
  /** The sudo key: the one account that may dispatch calls as root. */
  Key: new StorageValue({ pallet: "Sudo", name: "Key", value: Option(AccountId), default: undefined }),
} as const;
