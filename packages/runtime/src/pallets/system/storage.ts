import { AccountId, u32 } from "@opentao/primitives";
import { AccountInfo, EMPTY_ACCOUNT, H256 } from "../../codecs.js";
import { StorageMap, StorageValue } from "../../storage/items.js";

const ZERO_HASH = `0x${"00".repeat(32)}`;

export const SystemStorage = {
  Account: new StorageMap({
    pallet: "System",
    name: "Account",
    hasher: "Blake2_128Concat",
    key: AccountId,
    value: AccountInfo,
    default: EMPTY_ACCOUNT,
  }),
  Number: new StorageValue({ pallet: "System", name: "Number", value: u32, default: 0 }),
  ParentHash: new StorageValue({ pallet: "System", name: "ParentHash", value: H256, default: ZERO_HASH }),
  /** Hashes of recent blocks (BlockHashCount of them); entry 0 is the genesis hash, kept forever. */
  BlockHash: new StorageMap({
    pallet: "System",
    name: "BlockHash",
    hasher: "Twox64Concat",
    key: u32,
    value: H256,
    default: ZERO_HASH,
  }),
} as const;
