import {
  AccountId,
  Bytes,
  bool,
  type Codec,
  i16,
  Option,
  Struct,
  Tuple,
  u8,
  u16,
  u32,
  u64,
  u128,
  Vector,
} from "@opentao/primitives";
import { CompactBalance, H256 } from "../../codecs.js";
import { PRESETS } from "../../presets/index.js";
import { StorageDoubleMap, StorageMap, StorageValue } from "../../storage/items.js";

const PALLET = "SubtensorModule";
/** The all-zero account: Subtensor's default owner. */
export const ZERO_ACCOUNT = "5C4hrfjw9DjXZTzV3MwzrrAr9P1MJhSrvWGWqi1eSuyUpnhM";

const value = <V>(name: string, codec: Codec<V>, fallback: V) =>
  new StorageValue({ pallet: PALLET, name, value: codec, default: fallback });
/** Most subnet items: `StorageMap<_, Identity, NetUid, V>`. */
const perSubnet = <V>(name: string, codec: Codec<V>, fallback: V) =>
  new StorageMap({ pallet: PALLET, name, hasher: "Identity", key: u16, value: codec, default: fallback });
const perAccount = <V>(name: string, codec: Codec<V>, fallback: V) =>
  new StorageMap({
    pallet: PALLET,
    name,
    hasher: "Blake2_128Concat",
    key: AccountId,
    value: codec,
    default: fallback,
  });
const perSubnetAccount = <V>(name: string, codec: Codec<V>, fallback: V) =>
  new StorageDoubleMap({
    pallet: PALLET,
    name,
    hashers: ["Identity", "Blake2_128Concat"],
    keys: [u16, AccountId],
    value: codec,
    default: fallback,
  });
const perSubnetUid = <V>(name: string, codec: Codec<V>, fallback: V) =>
  new StorageDoubleMap({
    pallet: PALLET,
    name,
    hashers: ["Identity", "Identity"],
    keys: [u16, u16],
    value: codec,
    default: fallback,
  });

export const AxonInfo = Struct({
  block: u64,
  version: u32,
  ip: u128,
  port: u16,
  ipType: u8,
  protocol: u8,
  placeholder1: u8,
  placeholder2: u8,
});
export type AxonInfo = ReturnType<typeof AxonInfo.dec>;

export const PrometheusInfo = Struct({ block: u64, version: u32, ip: u128, port: u16, ipType: u8 });
export type PrometheusInfo = ReturnType<typeof PrometheusInfo.dec>;

export const NeuronCertificate = Struct({ publicKey: Bytes(), algorithm: u8 });

export const SubnetIdentityV3 = Struct({
  subnetName: Bytes(),
  githubRepo: Bytes(),
  subnetContact: Bytes(),
  subnetUrl: Bytes(),
  discord: Bytes(),
  description: Bytes(),
  logoUrl: Bytes(),
  additional: Bytes(),
});
export type SubnetIdentityV3 = ReturnType<typeof SubnetIdentityV3.dec>;

export const ChainIdentityV2 = Struct({
  name: Bytes(),
  url: Bytes(),
  githubRepo: Bytes(),
  image: Bytes(),
  discord: Bytes(),
  description: Bytes(),
  additional: Bytes(),
});
export type ChainIdentityV2 = ReturnType<typeof ChainIdentityV2.dec>;

const WeightRow = Vector(Tuple(u16, u16));
/** `Vec<(u64 proportion, AccountId)>`: child or parent links. */
export const ChildLinks = Vector(Tuple(u64, AccountId));

// Defaults are Subtensor's storage defaults; genesis and `register_network` write the preset's values.
export const SubtensorStorage = {
  // --- accounts
  Owner: perAccount("Owner", AccountId, ZERO_ACCOUNT),
  OwnedHotkeys: perAccount("OwnedHotkeys", Vector(AccountId), []),
  Delegates: perAccount("Delegates", u16, 11_796),
  IdentitiesV2: perAccount("IdentitiesV2", Option(ChainIdentityV2), undefined),

  // --- network-wide (root-settable; genesis writes the preset's values)
  TotalNetworks: value("TotalNetworks", u16, 0),
  /** This block's TAO emission (rao); the emission issue updates it from the issuance. */
  BlockEmission: value("BlockEmission", u64, 1_000_000_000n),
  NetworkLastLockCost: value("NetworkLastLockCost", u64, 0n),
  NetworkLastRegistered: value("NetworkLastRegistered", u64, 0n),
  NetworkMinLockCost: value("NetworkMinLockCost", u64, 1_000_000_000_000n),
  NetworkLockReductionInterval: value("NetworkLockReductionInterval", u64, 100_800n),
  NetworkRateLimit: value("NetworkRateLimit", u64, 7_200n),
  NetworkImmunityPeriod: value("NetworkImmunityPeriod", u64, 1_296_000n),
  SubnetLimit: value("SubnetLimit", u16, 128),
  SubnetOwnerCut: value("SubnetOwnerCut", u16, 11_796),
  AdminFreezeWindow: value("AdminFreezeWindow", u16, 10),
  OwnerHyperparamRateLimit: value("OwnerHyperparamRateLimit", u16, 2),
  TxRateLimit: value("TxRateLimit", u64, 1_000n),
  StartCallDelay: value("StartCallDelay", u64, 0n),
  /** Minimum stake weight to set weights or children. */
  StakeThreshold: value("StakeThreshold", u64, 0n),
  MaxEpochsPerBlock: value("MaxEpochsPerBlock", u8, 2),

  // --- subnet existence and ownership
  NetworksAdded: perSubnet("NetworksAdded", bool, false),
  SubnetMechanism: perSubnet("SubnetMechanism", u16, 0),
  SubnetOwner: perSubnet("SubnetOwner", AccountId, ZERO_ACCOUNT),
  SubnetOwnerHotkey: perSubnet("SubnetOwnerHotkey", AccountId, ZERO_ACCOUNT),
  NetworkRegisteredAt: perSubnet("NetworkRegisteredAt", u64, 0n),
  FirstEmissionBlockNumber: perSubnet("FirstEmissionBlockNumber", Option(u64), undefined),
  SubtokenEnabled: perSubnet("SubtokenEnabled", bool, false),
  SubnetEmissionEnabled: perSubnet("SubnetEmissionEnabled", bool, true),
  SubnetLocked: perSubnet("SubnetLocked", u64, 0n),
  TokenSymbol: perSubnet("TokenSymbol", Bytes(), new Uint8Array(0)),
  SubnetIdentitiesV3: perSubnet("SubnetIdentitiesV3", Option(SubnetIdentityV3), undefined),

  // --- hyperparameters
  Tempo: perSubnet("Tempo", u16, 360),
  MaxAllowedUids: perSubnet("MaxAllowedUids", u16, 256),
  MinAllowedUids: perSubnet("MinAllowedUids", u16, 64),
  MaxAllowedValidators: perSubnet("MaxAllowedValidators", u16, 128),
  MinAllowedWeights: perSubnet("MinAllowedWeights", u16, 1024),
  ImmunityPeriod: perSubnet("ImmunityPeriod", u16, 4_096),
  WeightsSetRateLimit: perSubnet("WeightsSetRateLimit", u64, 100n),
  WeightsVersionKey: perSubnet("WeightsVersionKey", u64, 0n),
  ActivityCutoff: perSubnet("ActivityCutoff", u16, 5_000),
  ActivityCutoffFactorMilli: perSubnet("ActivityCutoffFactorMilli", u32, 13_889),
  Kappa: perSubnet("Kappa", u16, 32_767),
  Rho: perSubnet("Rho", u16, 10),
  AlphaSigmoidSteepness: perSubnet("AlphaSigmoidSteepness", i16, 1000),
  BondsMovingAverage: perSubnet("BondsMovingAverage", u64, 900_000n),
  BondsPenalty: perSubnet("BondsPenalty", u16, 65_535),
  BondsResetOn: perSubnet("BondsResetOn", bool, false),
  LiquidAlphaOn: perSubnet("LiquidAlphaOn", bool, false),
  AlphaValues: perSubnet("AlphaValues", Tuple(u16, u16), [45_875, 58_982] as [number, number]),
  Yuma3On: perSubnet("Yuma3On", bool, false),
  CommitRevealWeightsEnabled: perSubnet("CommitRevealWeightsEnabled", bool, true),
  RevealPeriodEpochs: perSubnet("RevealPeriodEpochs", u64, 1n),
  ServingRateLimit: perSubnet("ServingRateLimit", u64, 50n),
  NetworkRegistrationAllowed: perSubnet("NetworkRegistrationAllowed", bool, false),
  TargetRegistrationsPerInterval: perSubnet("TargetRegistrationsPerInterval", u16, 1),
  MaxRegistrationsPerBlock: perSubnet("MaxRegistrationsPerBlock", u16, 1),
  ImmuneOwnerUidsLimit: perSubnet("ImmuneOwnerUidsLimit", u16, 1),
  MinNonImmuneUids: perSubnet("MinNonImmuneUids", u16, 10),
  TransferToggle: perSubnet("TransferToggle", bool, true),
  RecycleOrBurn: perSubnet("RecycleOrBurn", u8, 0),
  MechanismCountCurrent: perSubnet("MechanismCountCurrent", u8, 1),

  // --- legacy proof-of-work and burn adjustment (settable, unused by registration at HEAD)
  Difficulty: perSubnet("Difficulty", u64, 10_000_000n),
  MinDifficulty: perSubnet("MinDifficulty", u64, 10_000_000n),
  MaxDifficulty: perSubnet("MaxDifficulty", u64, 2n ** 64n / 4n - 1n),
  AdjustmentInterval: perSubnet("AdjustmentInterval", u16, 100),
  AdjustmentAlpha: perSubnet("AdjustmentAlpha", u64, 0n),

  /** Block of an owner's last successful change of a hyperparameter, by (netuid, setter call index). */
  LastHyperparamUpdate: new StorageDoubleMap({
    pallet: PALLET,
    name: "LastHyperparamUpdate",
    hashers: ["Identity", "Identity"],
    keys: [u16, u16],
    value: u64,
    default: 0n,
  }),

  // --- registration price
  Burn: perSubnet("Burn", u64, 1_000_000_000n),
  MinBurn: perSubnet("MinBurn", u64, 500_000n),
  MaxBurn: perSubnet("MaxBurn", u64, 100_000_000_000n),
  BurnHalfLife: perSubnet("BurnHalfLife", u16, 360),
  /** U64F64 raw bits of the multiplier applied after each registration (1.26). */
  BurnIncreaseMult: perSubnet("BurnIncreaseMult", u128, PRESETS.mainnet.subnetDefaults.burnIncreaseMult),
  RegistrationsThisBlock: perSubnet("RegistrationsThisBlock", u16, 0),
  RegistrationsThisInterval: perSubnet("RegistrationsThisInterval", u16, 0),
  RAORecycledForRegistration: perSubnet("RAORecycledForRegistration", u64, 0n),

  // --- epoch scheduling (economics §3.1)
  LastEpochBlock: perSubnet("LastEpochBlock", u64, 0n),
  PendingEpochAt: perSubnet("PendingEpochAt", u64, 0n),
  BlocksSinceLastStep: perSubnet("BlocksSinceLastStep", u64, 0n),
  SubnetEpochIndex: perSubnet("SubnetEpochIndex", u64, 0n),

  // --- pool (economics §7.1)
  SubnetTAO: perSubnet("SubnetTAO", u64, 0n),
  SubnetAlphaIn: perSubnet("SubnetAlphaIn", u64, 0n),
  SubnetAlphaOut: perSubnet("SubnetAlphaOut", u64, 0n),
  SubnetVolume: perSubnet("SubnetVolume", u128, 0n),
  /** The pool's quote (TAO-side) weight w2 as Perquintill (1e18 = 1.0); 0.5 = constant product. */
  PoolQuoteWeight: perSubnet("PoolQuoteWeight", u64, 500_000_000_000_000_000n),
  TotalStake: value("TotalStake", u64, 0n),
  /** The subnet's EMA ("moving") price, I96F32 raw bits; updated every block by the emission code. */
  SubnetMovingPrice: perSubnet("SubnetMovingPrice", u128, 0n),
  /** The swap fee of a subnet's pool, u16 proportion (33 = 0.05 %). */
  FeeRate: perSubnet("FeeRate", u16, 33),
  /** Hotkeys a coldkey has staked to (entries are kept after unstaking, as Subtensor does). */
  StakingHotkeys: perAccount("StakingHotkeys", Vector(AccountId), []),
  /** A coldkey's shares of a hotkey's stake pool on a subnet, by (hotkey) then (coldkey, netuid). */
  AlphaShares: new StorageDoubleMap({
    pallet: PALLET,
    name: "AlphaV2",
    hashers: ["Blake2_128Concat", "Blake2_128Concat"],
    keys: [AccountId, Tuple(AccountId, u16)],
    value: CompactBalance,
    default: 0n,
  }),
  /** Total shares of a hotkey's stake pool on a subnet. */
  TotalHotkeyShares: new StorageDoubleMap({
    pallet: PALLET,
    name: "TotalHotkeySharesV2",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: CompactBalance,
    default: 0n,
  }),
  DefaultMinStake: value("DefaultMinStake", u64, 2_000_000n),
  /** Nominations below DefaultMinStake × this / 10^6 are force-unstaked (0 = off). */
  NominatorMinRequiredStake: value("NominatorMinRequiredStake", u64, 0n),
  /** Root stake's weight in consensus stake, as a fraction of u64::MAX (≈ 0.0527). */
  TaoWeight: value("TaoWeight", u64, 971_718_665_099_567_868n),
  MinDelegateTake: value("MinDelegateTake", u16, 0),
  MaxDelegateTake: value("MaxDelegateTake", u16, 11_796),
  TxDelegateTakeRateLimit: value("TxDelegateTakeRateLimit", u64, 216_000n),
  LastTxBlockDelegateTake: perAccount("LastTxBlockDelegateTake", u64, 0n),
  /** Alpha staked to a hotkey on a subnet, all its nominators together (filled by staking). */
  TotalHotkeyAlpha: new StorageDoubleMap({
    pallet: PALLET,
    name: "TotalHotkeyAlpha",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: u64,
    default: 0n,
  }),

  // --- neurons
  SubnetworkN: perSubnet("SubnetworkN", u16, 0),
  Keys: perSubnetUid("Keys", AccountId, ZERO_ACCOUNT),
  Uids: perSubnetAccount("Uids", Option(u16), undefined),
  IsNetworkMember: new StorageDoubleMap({
    pallet: PALLET,
    name: "IsNetworkMember",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: bool,
    default: false,
  }),
  BlockAtRegistration: perSubnetUid("BlockAtRegistration", u64, 0n),
  Active: perSubnet("Active", Vector(bool), []),
  Emission: perSubnet("Emission", Vector(u64), []),
  Consensus: perSubnet("Consensus", Vector(u16), []),
  Incentive: perSubnet("Incentive", Vector(u16), []),
  Dividends: perSubnet("Dividends", Vector(u16), []),
  ValidatorTrust: perSubnet("ValidatorTrust", Vector(u16), []),
  ValidatorPermit: perSubnet("ValidatorPermit", Vector(bool), []),
  StakeWeight: perSubnet("StakeWeight", Vector(u16), []),
  LastUpdate: perSubnet("LastUpdate", Vector(u64), []),
  Weights: perSubnetUid("Weights", WeightRow, []),
  Bonds: perSubnetUid("Bonds", WeightRow, []),
  /** Hash commits awaiting reveal, oldest first: (hash, commit epoch, commit block, reveal epoch). */
  WeightCommits: new StorageDoubleMap({
    pallet: PALLET,
    name: "WeightCommits",
    hashers: ["Twox64Concat", "Twox64Concat"],
    keys: [u16, AccountId],
    value: Vector(Tuple(H256, u64, u64, u64)),
    default: [],
  }),
  Axons: perSubnetAccount("Axons", Option(AxonInfo), undefined),
  NeuronCertificates: perSubnetAccount("NeuronCertificates", Option(NeuronCertificate), undefined),
  Prometheus: perSubnetAccount("Prometheus", Option(PrometheusInfo), undefined),

  // ===================================================================================================
  // --- child keys and key swaps (issue 8 parts 3 and 5; transactions.md §4.7, §4.8, economics §8.2)
  /** (parent, netuid) → [(proportion, child)]; proportion u64::MAX = 100 % of the parent's stake. */
  ChildKeys: new StorageDoubleMap({
    pallet: PALLET,
    name: "ChildKeys",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: ChildLinks,
    default: [],
  }),
  /** (child, netuid) → [(proportion, parent)]: the mirror of ChildKeys. */
  ParentKeys: new StorageDoubleMap({
    pallet: PALLET,
    name: "ParentKeys",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: ChildLinks,
    default: [],
  }),
  /** (netuid, parent) → (children, cooldown block): applied at the subnet's first epoch after it. */
  PendingChildKeys: new StorageDoubleMap({
    pallet: PALLET,
    name: "PendingChildKeys",
    hashers: ["Identity", "Blake2_128Concat"],
    keys: [u16, AccountId],
    value: Tuple(ChildLinks, u64),
    default: [[], 0n] as [[bigint, string][], bigint],
  }),
  /** (hotkey, netuid) → the childkey take, u16 (65535 = 1.0). */
  ChildkeyTake: new StorageDoubleMap({
    pallet: PALLET,
    name: "ChildkeyTake",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: u16,
    default: 0,
  }),
  MinChildkeyTake: value("MinChildkeyTake", u16, 0),
  MaxChildkeyTake: value("MaxChildkeyTake", u16, 11_796),
  MinChildkeyTakePerSubnet: perSubnet("MinChildkeyTakePerSubnet", u16, 0),
  TxChildkeyTakeRateLimit: value("TxChildkeyTakeRateLimit", u64, 216_000n),
  PendingChildKeyCooldown: value("PendingChildKeyCooldown", u64, 7_200n),
  /** Root validators that accept being scheduled as 100 % parents of every new subnet's owner hotkey. */
  AutoParentDelegationEnabled: perAccount("AutoParentDelegationEnabled", bool, true),
  /**
   * `TransactionKeyLastBlock`, an NMap (hotkey Blake2_128Concat, netuid Identity, tx type Identity):
   * the second key here is (netuid, tx type), whose Identity encoding is the same bytes. Tx types:
   * 0 SetChildren, 1 SetChildkeyTake.
   */
  TransactionKeyLastBlock: new StorageDoubleMap({
    pallet: PALLET,
    name: "TransactionKeyLastBlock",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, Tuple(u16, u16)],
    value: u64,
    default: 0n,
  }),
  /** Last swap_hotkey (and coldkey swap) block of an account, for TxRateLimit. */
  LastTxBlock: perAccount("LastTxBlock", u64, 0n),
  LastTxBlockChildKeyTake: perAccount("LastTxBlockChildKeyTake", u64, 0n),
  /** (netuid, coldkey) → block of the coldkey's last hotkey swap touching the subnet. */
  LastHotkeySwapOnNetuid: new StorageDoubleMap({
    pallet: PALLET,
    name: "LastHotkeySwapOnNetuid",
    hashers: ["Identity", "Blake2_128Concat"],
    keys: [u16, AccountId],
    value: u64,
    default: 0n,
  }),
  /** (coldkey, netuid) → the hotkey the coldkey's miner incentive is staked to instead of the miner's. */
  AutoStakeDestination: new StorageDoubleMap({
    pallet: PALLET,
    name: "AutoStakeDestination",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: Option(AccountId),
    default: undefined,
  }),
  /** (hotkey, netuid) → the coldkeys auto-staking to it, so a hotkey swap can repoint them. */
  AutoStakeDestinationColdkeys: new StorageDoubleMap({
    pallet: PALLET,
    name: "AutoStakeDestinationColdkeys",
    hashers: ["Blake2_128Concat", "Identity"],
    keys: [AccountId, u16],
    value: Vector(AccountId),
    default: [],
  }),
  ColdkeySwapAnnouncementDelay: value("ColdkeySwapAnnouncementDelay", u32, 36_000),
  ColdkeySwapReannouncementDelay: value("ColdkeySwapReannouncementDelay", u32, 7_200),
  /** coldkey → (block from which the swap may run, BlakeTwo256 of the new coldkey). */
  ColdkeySwapAnnouncements: new StorageMap({
    pallet: PALLET,
    name: "ColdkeySwapAnnouncements",
    hasher: "Twox64Concat",
    key: AccountId,
    value: Option(Tuple(u32, H256)),
    default: undefined,
  }),
  /** coldkey → block of the dispute: the account is frozen until root resets it. */
  ColdkeySwapDisputes: new StorageMap({
    pallet: PALLET,
    name: "ColdkeySwapDisputes",
    hasher: "Twox64Concat",
    key: AccountId,
    value: Option(u32),
    default: undefined,
  }),
} as const;
