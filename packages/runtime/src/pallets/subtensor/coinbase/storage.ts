import { AccountId, bool, u16, u64, u128 } from "@opentao/primitives";
import { StorageDoubleMap, StorageMap, StorageValue } from "../../../storage/items.js";

const PALLET = "SubtensorModule";
const perSubnet = <V>(name: string, value: import("@opentao/primitives").Codec<V>, fallback: V) =>
  new StorageMap({ pallet: PALLET, name, hasher: "Identity", key: u16, value, default: fallback });

/** The emission side of SubtensorModule (economics §2–§5). */
export const CoinbaseStorage = {
  /** TAO minted minus TAO recycled (the halving schedule reads it), distinct from Balances.TotalIssuance. */
  TotalIssuance: new StorageValue({ pallet: PALLET, name: "TotalIssuance", value: u64, default: 0n }),
  /** Alpha waiting for the subnet's next epoch (economics §3.3). */
  PendingServerEmission: perSubnet("PendingServerEmission", u64, 0n),
  PendingValidatorEmission: perSubnet("PendingValidatorEmission", u64, 0n),
  PendingRootAlphaDivs: perSubnet("PendingRootAlphaDivs", u64, 0n),
  PendingOwnerCut: perSubnet("PendingOwnerCut", u64, 0n),
  /** Alpha the protocol bought with excess TAO (counted in SubnetAlphaOut). */
  SubnetProtocolAlpha: perSubnet("SubnetProtocolAlpha", u64, 0n),
  OwnerCutEnabled: perSubnet("OwnerCutEnabled", bool, true),
  /** Share of the last epoch's miner incentive withheld from owner hotkeys, as a fraction of u64::MAX. */
  MinerBurned: perSubnet("MinerBurned", u64, 0n),
  /** root_proportion of the subnet, I96F32 bits (informational, economics §1 step 6). */
  RootProp: perSubnet("RootProp", u128, 0n),
  SubnetTaoInEmission: perSubnet("SubnetTaoInEmission", u64, 0n),
  SubnetAlphaInEmission: perSubnet("SubnetAlphaInEmission", u64, 0n),
  SubnetAlphaOutEmission: perSubnet("SubnetAlphaOutEmission", u64, 0n),
  LastMechansimStepBlock: perSubnet("LastMechansimStepBlock", u64, 0n),
  /** Share of a parent's dividend burned on its way through a child, as a fraction of u64::MAX. */
  CKBurn: new StorageValue({ pallet: PALLET, name: "CKBurn", value: u64, default: 0n }),
  /** Root dividends owed per unit of a hotkey's root stake, by (hotkey, netuid), I96F32 bits. */
  RootClaimable: new StorageDoubleMap({
    pallet: PALLET,
    name: "RootClaimable",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: u128,
    default: 0n,
  }),
  /** Non-take alpha dividends a hotkey received at the last epoch, for explorers and the metagraph. */
  AlphaDividendsPerSubnet: new StorageDoubleMap({
    pallet: PALLET,
    name: "AlphaDividendsPerSubnet",
    hashers: ["Identity", "Blake2_128Concat"],
    keys: [u16, AccountId],
    value: u64,
    default: 0n,
  }),
} as const;
