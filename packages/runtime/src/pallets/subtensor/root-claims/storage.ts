import { _void, AccountId, Enum, Struct, Tuple, u16, u64, u128, Vector } from "@opentao/primitives";
import { StorageDoubleMap, StorageMap, StorageValue } from "../../../storage/items.js";
import { ZERO_ACCOUNT } from "../storage.js";

const PALLET = "SubtensorModule";

/** How a coldkey takes its root dividends: sold for root stake (Swap), kept as alpha, or kept on some subnets. */
export const RootClaimTypeCodec = Enum({
  Swap: _void,
  Keep: _void,
  KeepSubnets: Struct({ subnets: Vector(u16) }),
});
export type RootClaimType = ReturnType<typeof RootClaimTypeCodec.dec>;

export const RootClaimStorage = {
  /** Alpha already claimed (or never owed) by (hotkey) → (coldkey, netuid), in rao. */
  RootClaimed: new StorageDoubleMap({
    pallet: PALLET,
    name: "RootClaimed",
    hashers: ["Blake2_128Concat", "Blake2_128Concat"],
    keys: [AccountId, Tuple(AccountId, u16)],
    value: u128,
    default: 0n,
  }),
  RootClaimType: new StorageMap({
    pallet: PALLET,
    name: "RootClaimType",
    hasher: "Blake2_128Concat",
    key: AccountId,
    value: RootClaimTypeCodec,
    default: { tag: "Swap", value: undefined } as RootClaimType,
  }),
  /** Claims smaller than this (rao of alpha) are skipped. */
  RootClaimableThreshold: new StorageMap({
    pallet: PALLET,
    name: "RootClaimableThreshold",
    hasher: "Identity",
    key: u16,
    value: u64,
    default: 500_000n,
  }),
  NumRootClaim: new StorageValue({ pallet: PALLET, name: "NumRootClaim", value: u64, default: 5n }),
  /** The coldkeys holding root stake, numbered densely 0…n−1 so each block can draw some to auto-claim. */
  StakingColdkeys: new StorageMap({
    pallet: PALLET,
    name: "StakingColdkeys",
    hasher: "Blake2_128Concat",
    key: AccountId,
    value: u64,
    default: 0n,
  }),
  StakingColdkeysByIndex: new StorageMap({
    pallet: PALLET,
    name: "StakingColdkeysByIndex",
    hasher: "Identity",
    key: u64,
    value: AccountId,
    default: ZERO_ACCOUNT,
  }),
  NumStakingColdkeys: new StorageValue({
    pallet: PALLET,
    name: "NumStakingColdkeys",
    value: u64,
    default: 0n,
  }),
} as const;
