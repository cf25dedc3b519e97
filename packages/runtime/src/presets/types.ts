// The shape of a runtime preset: every constant and default that differs between Subtensor's production
// runtime, its fast-blocks localnet and its test mock, grouped by concern. Presets are plain data, chosen once
// when the chain starts. Field names are Subtensor's (camelCased) so each value can be found in Subtensor.
// Each field's comment reads "meaning [unit]"; PRESET_DOCS (docs.ts) holds the same text for PRESETS.md,
// and the presets test checks the two agree.
//
// Units: blocks and counts are `number`; rao, u64 fractions, raw fixed-point bits and weights are `bigint`;
// u16 proportions are `number` with 65535 = 1.0.

/** The presets: `mainnet` (Subtensor's values), `fast` (the devnet), `test` (Subtensor's test mock). */
export type PresetName = "mainnet" | "fast" | "test";

/** What happens to miner incentive paid to the subnet owner's hotkeys (Subtensor's RecycleOrBurnEnum). */
export type RecycleOrBurn = "Burn" | "Recycle";

export interface Preset {
  /** Which preset this is; chosen once when the chain starts and never changed [name] */
  readonly name: PresetName;
  /** Chain basics: block time, balances, addresses, block limits. */
  readonly chain: {
    /** Target block time and Aura slot: Subtensor MILLISECS_PER_BLOCK (prod_or_fast 12000 / 250) [ms] */
    readonly blockTimeMs: number;
    /** Balances ExistentialDeposit: an account whose total balance falls below it is reaped [rao] */
    readonly existentialDeposit: bigint;
    /** SS58Prefix of addresses (42 = generic Substrate) [prefix] */
    readonly ss58Prefix: number;
    /** System BlockHashCount: recent block hashes kept, so mortal transactions can be checked [blocks] */
    readonly blockHashCount: number;
    /** MAXIMUM_BLOCK_WEIGHT, ref-time part: compute one block may use [ref-time (1e12 = 1 s)] */
    readonly maxBlockRefTime: bigint;
    /** NORMAL_DISPATCH_RATIO: share of block weight and length open to Normal-class extrinsics [%] */
    readonly normalDispatchRatioPercent: number;
    /** BlockLength: largest encoded block [bytes] */
    readonly maxBlockLength: number;
  };
  /** Transaction fees (pallet transaction-payment as Subtensor configures it). */
  readonly fees: {
    /** LinearWeightToFee (Perbill 500,000): fee = ref_time / 2000; proof size is ignored [ref-time per rao] */
    readonly weightToFeeDivisor: bigint;
    /** LengthToFee = IdentityFee: one rao per encoded extrinsic byte [rao per byte] */
    readonly lengthFeePerByte: bigint;
    /** ExtrinsicBaseWeight: added to every extrinsic's weight before the fee is computed (125 µs) [ref-time] */
    readonly extrinsicBaseWeight: bigint;
    /** BlockExecutionWeight: fixed cost of executing a block, reserved from its weight (5 ms) [ref-time] */
    readonly blockExecutionWeight: bigint;
    /** RocksDbWeight read: weight of one storage read in benchmarked call weights [ref-time] */
    readonly dbReadWeight: bigint;
    /** RocksDbWeight write: weight of one storage write in benchmarked call weights [ref-time] */
    readonly dbWriteWeight: bigint;
    /** OperationalFeeMultiplier: configured, but priority is overridden and tips never raise it [multiplier] */
    readonly operationalFeeMultiplier: number;
  };
  /** TAO supply and block emission. */
  readonly emission: {
    /** TotalSupply: hard cap on TAO issuance (21 M TAO); minting stops there [rao] */
    readonly totalSupply: bigint;
    /** DefaultBlockEmission before halvings; the same curve gives each subnet's alpha emission [rao per block] */
    readonly defaultBlockEmission: bigint;
    /** InitialIssuance: TotalIssuance before genesis balances are counted [rao] */
    readonly initialIssuance: bigint;
    /** EMAPriceHalvingBlocks: damps a young subnet's EMA price update (alpha × b / (b + this)) [blocks] */
    readonly emaPriceHalvingBlocks: number;
    /** SubnetMovingAlpha: smoothing of the subnet EMA price, from_num(0.000003) [I96F32 bits (2^32 = 1.0)] */
    readonly subnetMovingAlpha: bigint;
  };
  /** Epoch execution. */
  readonly epoch: {
    /** MaxEpochsPerBlock (prod_or_fast 2 / 32): epochs run per block; the rest are deferred one block [count] */
    readonly maxEpochsPerBlock: number;
    /** CommitRevealWeightsVersion: version every timelocked weight commit must carry [version] */
    readonly commitRevealVersion: number;
  };
  /** Bounds the hyperparameter setters enforce. */
  readonly bounds: {
    /** MIN_TEMPO: lowest tempo a subnet owner may set [blocks] */
    readonly minTempo: number;
    /** MAX_TEMPO: highest tempo an owner may set; an epoch is forced after this many blocks without one [blocks] */
    readonly maxTempo: number;
    /** MinActivityCutoff: lowest value sudo_set_activity_cutoff accepts [blocks] */
    readonly minActivityCutoff: number;
    /** MIN_ACTIVITY_CUTOFF_FACTOR_MILLI: lowest activity cutoff factor [per-mille of tempo] */
    readonly minActivityCutoffFactorMilli: number;
    /** MAX_ACTIVITY_CUTOFF_FACTOR_MILLI: highest activity cutoff factor [per-mille of tempo] */
    readonly maxActivityCutoffFactorMilli: number;
    /** MinBurnUpperBound: sudo_set_min_burn needs a value below it [rao] */
    readonly minBurnUpperBound: bigint;
    /** MaxBurnLowerBound: sudo_set_max_burn needs a value above it [rao] */
    readonly maxBurnLowerBound: bigint;
    /** MaxBurnHalfLife: highest BurnHalfLife an owner may set [blocks] */
    readonly maxBurnHalfLife: number;
    /** MIN_COMMIT_REVEAL_PEROIDS: shortest commit-reveal period [epochs] */
    readonly minRevealPeriodEpochs: number;
    /** MAX_COMMIT_REVEAL_PEROIDS: longest commit-reveal period [epochs] */
    readonly maxRevealPeriodEpochs: number;
  };
  /** Storage defaults of per-subnet hyperparameters: what a subnet reads before anything is written. */
  readonly subnetDefaults: {
    /** Tempo (InitialTempo, prod_or_fast 360 / 10): blocks between a subnet's epochs [blocks] */
    readonly tempo: number;
    /** ImmunityPeriod storage default: blocks after registration in which a neuron is pruned only as a last resort [blocks] */
    readonly immunityPeriod: number;
    /** MaxAllowedUids storage default: neuron slots of a subnet [count] */
    readonly maxAllowedUids: number;
    /** MinAllowedUids: lowest MaxAllowedUids an owner may trim to [count] */
    readonly minAllowedUids: number;
    /** MinAllowedWeights storage default: fewest weights a non-self set_weights carries (capped at subnet size) [count] */
    readonly minAllowedWeights: number;
    /** MaxWeightsLimit: largest single normalised weight (65535 = no limit) [u16 (65535 = 1.0)] */
    readonly maxWeightsLimit: number;
    /** MaxAllowedValidators storage default: validator permits given per epoch, by stake [count] */
    readonly maxAllowedValidators: number;
    /** WeightsSetRateLimit: blocks between two set_weights or commits of one uid [blocks] */
    readonly weightsSetRateLimit: number;
    /** WeightsVersionKey: lowest version_key set_weights accepts (0 = no check) [version] */
    readonly weightsVersionKey: bigint;
    /** ActivityCutoff: legacy cutoff getter; the epoch uses activityCutoffFactorMilli [blocks] */
    readonly activityCutoff: number;
    /** ActivityCutoffFactorMilli: a validator silent for factor × tempo / 1000 blocks is inactive [per-mille of tempo] */
    readonly activityCutoffFactorMilli: number;
    /** Kappa: stake majority the consensus median needs [u16 (65535 = 1.0)] */
    readonly kappa: number;
    /** Rho: legacy incentive steepness, not used by the current epoch [u16] */
    readonly rho: number;
    /** AlphaSigmoidSteepness: steepness of the liquid-alpha sigmoid [i16] */
    readonly alphaSigmoidSteepness: number;
    /** BondsMovingAverage: share of old bonds the bonds EMA keeps (900,000 gives alpha 0.1) [millionths (1e6 = 1.0)] */
    readonly bondsMovingAverage: number;
    /** BondsPenalty: how much weight clipped by consensus is removed from bonds (65535 = all) [u16 (65535 = 1.0)] */
    readonly bondsPenalty: number;
    /** BondsResetOn: a hotkey's bonds reset when it posts a commitment [bool] */
    readonly bondsResetOn: boolean;
    /** LiquidAlphaOn: per-bond EMA alpha from a sigmoid between alphaLow and alphaHigh [bool] */
    readonly liquidAlphaEnabled: boolean;
    /** AlphaValues low: lower liquid-alpha bound (45875 is about 0.7) [u16 (65535 = 1.0)] */
    readonly alphaLow: number;
    /** AlphaValues high: upper liquid-alpha bound (58982 is about 0.9) [u16 (65535 = 1.0)] */
    readonly alphaHigh: number;
    /** Yuma3On storage default (new subnets get registerNetwork.yuma3Enabled) [bool] */
    readonly yuma3Enabled: boolean;
    /** CommitRevealWeightsEnabled: weights only through commit-reveal; set_weights fails CommitRevealEnabled [bool] */
    readonly commitRevealEnabled: boolean;
    /** RevealPeriodEpochs: a commit is revealed exactly this many epochs after it was made [epochs] */
    readonly revealPeriodEpochs: number;
    /** ServingRateLimit: blocks between two serve_axon or serve_prometheus of one hotkey (0 = none) [blocks] */
    readonly servingRateLimit: number;
    /** TargetRegistrationsPerInterval: legacy burn adjustment target (root uses rootDefaults) [count] */
    readonly targetRegistrationsPerInterval: number;
    /** MaxRegistrationsPerBlock: root_register cap per block (legacy cap for subnets) [count] */
    readonly maxRegistrationsPerBlock: number;
    /** AdjustmentInterval: legacy burn and difficulty adjustment period [blocks] */
    readonly adjustmentInterval: number;
    /** AdjustmentAlpha: legacy adjustment smoothing [u64 fraction (u64::MAX = 1.0)] */
    readonly adjustmentAlpha: bigint;
    /** Burn storage default: registration price before init_new_network writes registerNetwork.burn [rao] */
    readonly burn: bigint;
    /** MinBurn: floor of the neuron registration price [rao] */
    readonly minBurn: bigint;
    /** MaxBurn: ceiling of the neuron registration price [rao] */
    readonly maxBurn: bigint;
    /** BurnHalfLife: the registration price halves over this many blocks [blocks] */
    readonly burnHalfLife: number;
    /** BurnIncreaseMult: registration price multiplier after each registration, from_num(1.26) [U64F64 bits (2^64 = 1.0)] */
    readonly burnIncreaseMult: bigint;
    /** Difficulty: legacy proof-of-work difficulty [difficulty] */
    readonly difficulty: bigint;
    /** MinDifficulty: legacy proof-of-work difficulty floor [difficulty] */
    readonly minDifficulty: bigint;
    /** MaxDifficulty: legacy proof-of-work difficulty ceiling [difficulty] */
    readonly maxDifficulty: bigint;
    /** NetworkRegistrationAllowed storage default: burned_register is open [bool] */
    readonly registrationAllowed: boolean;
    /** ValidatorPruneLen: legacy, not used by current pruning [count] */
    readonly validatorPruneLen: number;
    /** MinNonImmuneUids: an immune neuron is pruned only when no more non-immune ones than this remain [count] */
    readonly minNonImmuneUids: number;
    /** ImmuneOwnerUidsLimit: owner hotkeys that are never pruned, owner hotkey first [count] */
    readonly immuneOwnerUidsLimit: number;
    /** TransferToggle: transfer_stake allowed on the subnet [bool] */
    readonly transferToggle: boolean;
    /** OwnerCutEnabled: the owner takes network.subnetOwnerCut of the alpha emission [bool] */
    readonly ownerCutEnabled: boolean;
    /** OwnerCutAutoLockEnabled: the owner cut is locked automatically [bool] */
    readonly ownerCutAutoLockEnabled: boolean;
    /** RecycleOrBurn: what happens to miner incentive paid to owner hotkeys [enum] */
    readonly recycleOrBurn: RecycleOrBurn;
    /** MechanismCountCurrent: mechanisms (sub-subnets) per subnet [count] */
    readonly mechanismCount: number;
  };
  /** Values register_network (through init_new_network) writes for every new subnet, over subnetDefaults. */
  readonly registerNetwork: {
    /** MaxAllowedUids that init_new_network writes for every new subnet [count] */
    readonly maxAllowedUids: number;
    /** MaxAllowedValidators that init_new_network writes for every new subnet [count] */
    readonly maxAllowedValidators: number;
    /** MinAllowedWeights that init_new_network writes for every new subnet [count] */
    readonly minAllowedWeights: number;
    /** ImmunityPeriod that init_new_network writes for every new subnet [blocks] */
    readonly immunityPeriod: number;
    /** Yuma3On that init_new_network writes for every new subnet [bool] */
    readonly yuma3Enabled: boolean;
    /** DefaultNeuronBurnCost: the registration price a new subnet starts at [rao] */
    readonly burn: bigint;
    /** NetworkRegistrationAllowed that init_new_network writes for every new subnet [bool] */
    readonly registrationAllowed: boolean;
    /** SubnetEmissionEnabled written by register_network: a new subnet gets TAO emission without root enabling it [bool] */
    readonly subnetEmissionEnabled: boolean;
  };
  /** Genesis values of the root subnet (netuid 0). */
  readonly rootDefaults: {
    /** Genesis Tempo of the root subnet (netuid 0) [blocks] */
    readonly tempo: number;
    /** Genesis MaxAllowedUids of root: root seats [count] */
    readonly maxAllowedUids: number;
    /** Genesis MaxAllowedValidators of root [count] */
    readonly maxAllowedValidators: number;
    /** Genesis MinAllowedWeights of root [count] */
    readonly minAllowedWeights: number;
    /** Genesis NetworkRegistrationAllowed of root: root_register is open [bool] */
    readonly registrationAllowed: boolean;
    /** Genesis TargetRegistrationsPerInterval of root: root_register allows 3x this per root epoch [count] */
    readonly targetRegistrationsPerInterval: number;
    /** Genesis root owner is //Alice with hotkey //Alice_hk instead of the zero account (genesis.rs, prod_or_fast) [bool] */
    readonly ownerIsAlice: boolean;
  };
  /** Subnet creation and global network economics. */
  readonly network: {
    /** NetworkMinLockCost: floor of the subnet lock cost and of a new pool's TAO reserve [rao] */
    readonly networkMinLockCost: bigint;
    /** NetworkLockReductionInterval: the doubled lock cost decays back to the last one over this many blocks [blocks] */
    readonly networkLockReductionInterval: number;
    /** NetworkRateLimit: chain-wide blocks between two register_network (0 = none) [blocks] */
    readonly networkRateLimit: number;
    /** NetworkImmunityPeriod: a new subnet cannot be pruned for this long [blocks] */
    readonly networkImmunityPeriod: number;
    /** SubnetLimit: non-root subnets before a registration prunes one [count] */
    readonly subnetLimit: number;
    /** NetworkRegistrationStartBlock: register_network is refused before this block [block number] */
    readonly networkRegistrationStartBlock: number;
    /** SubnetOwnerCut: share of each subnet's alpha emission paid to its owner (11796 is about 18%) [u16 (65535 = 1.0)] */
    readonly subnetOwnerCut: number;
    /** TaoWeight: weight of root TAO stake in every subnet's consensus stake (about 0.0527) [u64 fraction (u64::MAX = 1.0)] */
    readonly taoWeight: bigint;
    /** MaxMechanismCount: most mechanisms an owner may configure [count] */
    readonly maxMechanismCount: number;
    /** MaxImmuneUidsPercentage: trimming is refused when immune and owner uids exceed this share [%] */
    readonly maxImmuneUidsPercentage: number;
    /** DissolveNetworkScheduleDuration: delay of a scheduled subnet dissolution [blocks] */
    readonly dissolveNetworkScheduleDuration: number;
  };
  /** Stake, delegation, takes and child keys. */
  readonly staking: {
    /** DefaultMinStake: smallest stake, unstake or move (plus the swap fee) [rao] */
    readonly defaultMinStake: bigint;
    /** NominatorMinRequiredStake: nominations below defaultMinStake x this / 1e6 are force-unstaked (0 = off) [per-million of defaultMinStake] */
    readonly nominatorMinRequiredStake: number;
    /** StakeThreshold: consensus stake needed to set weights or children (subnet owner exempt) [rao] */
    readonly stakeThreshold: bigint;
    /** Delegates default (InitialDefaultDelegateTake): take of every hotkey without an explicit entry [u16 (65535 = 1.0)] */
    readonly defaultDelegateTake: number;
    /** MinDelegateTake: lowest delegate take [u16 (65535 = 1.0)] */
    readonly minDelegateTake: number;
    /** MaxDelegateTake: highest delegate take (sudo_set_default_take sets it) [u16 (65535 = 1.0)] */
    readonly maxDelegateTake: number;
    /** ChildkeyTake default: childkey take of a (hotkey, subnet) without an entry [u16 (65535 = 1.0)] */
    readonly defaultChildkeyTake: number;
    /** MinChildkeyTake: lowest childkey take [u16 (65535 = 1.0)] */
    readonly minChildkeyTake: number;
    /** MaxChildkeyTake: highest childkey take [u16 (65535 = 1.0)] */
    readonly maxChildkeyTake: number;
    /** TxDelegateTakeRateLimit: increase_take needs strictly more blocks since the last take change [blocks] */
    readonly txDelegateTakeRateLimit: number;
    /** TxChildkeyTakeRateLimit (prod_or_fast 216000 / 5): blocks between childkey take increases [blocks] */
    readonly txChildkeyTakeRateLimit: number;
    /** TransactionType::SetChildren rate limit: blocks between set_children per (hotkey, subnet) [blocks] */
    readonly setChildrenRateLimit: number;
    /** PendingChildKeyCooldown (prod_or_fast 7200 / 15): scheduled children apply after this many blocks [blocks] */
    readonly pendingChildKeyCooldown: number;
    /** NumRootClaim: coldkeys whose root dividends are auto-claimed per block [count] */
    readonly numRootClaim: number;
    /** RootClaimableThreshold: smallest root dividend that is claimed [rao] */
    readonly rootClaimableThreshold: bigint;
  };
  /** Rate limits and the admin freeze window. */
  readonly rateLimits: {
    /** TxRateLimit: swap_hotkey needs strictly more blocks since the coldkey's last one (0 = none) [blocks] */
    readonly txRateLimit: number;
    /** WeightsVersionKeyRateLimit: owner changes of the weights version key [tempos] */
    readonly weightsVersionKeyRateLimit: number;
    /** OwnerHyperparamRateLimit: owner changes per (subnet, hyperparameter) [tempos] */
    readonly ownerHyperparamRateLimit: number;
    /** AdminFreezeWindow: last blocks before an epoch in which hyperparameter setters fail; also trigger_epoch's delay [blocks] */
    readonly adminFreezeWindow: number;
    /** DefaultSetSNOwnerHotkeyRateLimit: blocks between subnet owner hotkey changes, root included [blocks] */
    readonly setSNOwnerHotkeyRateLimit: number;
    /** TransactionType::TempoUpdate (MIN_TEMPO): blocks between owner set_tempo calls [blocks] */
    readonly setTempoRateLimit: number;
    /** TransactionType::AddStakeBurn: add_stake_burn per (hotkey, subnet) [tempos] */
    readonly addStakeBurnRateLimit: number;
    /** EvmKeyAssociateRateLimit (prod_or_fast 7200 / 1): associate_evm_key per uid [blocks] */
    readonly evmKeyAssociateRateLimit: number;
    /** MechanismCountSetRateLimit (prod_or_fast 7200 / 1): owner mechanism count changes [blocks] */
    readonly mechanismCountSetRateLimit: number;
    /** MechanismEmissionRateLimit (prod_or_fast 7200 / 1): owner emission split changes [blocks] */
    readonly mechanismEmissionRateLimit: number;
    /** MaxUidsTrimmingRateLimit (prod_or_fast 216000 / 1): owner sudo_trim_to_max_allowed_uids [blocks] */
    readonly maxUidsTrimmingRateLimit: number;
  };
  /** Hotkey and coldkey swaps. */
  readonly swaps: {
    /** KeySwapCost: recycled by swap_hotkey on all subnets and by a first coldkey swap announcement [rao] */
    readonly keySwapCost: bigint;
    /** KeySwapOnSubnetCost: recycled by swap_hotkey on one subnet [rao] */
    readonly keySwapOnSubnetCost: bigint;
    /** ColdkeySwapAnnouncementDelay (prod_or_fast 36000 / 50): wait between announce_coldkey_swap and the swap [blocks] */
    readonly coldkeySwapAnnouncementDelay: number;
    /** ColdkeySwapReannouncementDelay (prod_or_fast 7200 / 10): wait before re-announcing or clearing [blocks] */
    readonly coldkeySwapReannouncementDelay: number;
    /** HotkeySwapOnSubnetInterval (prod_or_fast 7200 / 1): per-subnet cooldown between hotkey swaps [blocks] */
    readonly hotkeySwapOnSubnetInterval: number;
  };
  /** Subnet pools (the swap pallet). */
  readonly pool: {
    /** FeeRate: swap fee on stake and unstake, paid to the block author (33 is about 0.05%) [u16 (65535 = 1.0)] */
    readonly feeRate: number;
    /** MaxFeeRate: highest swap fee rate [u16 (65535 = 1.0)] */
    readonly maxFeeRate: number;
    /** MinimumReserve: a swap may not leave its output reserve below this [rao] */
    readonly minimumReserve: bigint;
    /** MinimumLiquidity of the swap pallet [rao] */
    readonly minimumLiquidity: bigint;
  };
  /** Axon and prometheus serving. */
  readonly serving: {
    /** Accept 127.0.0.1 and ::1 as axon and prometheus IPs (Subtensor always rejects them) [bool] */
    readonly allowLoopbackAxons: boolean;
  };
  /** start_call: when a new subnet's token and emission start. */
  readonly startCall: {
    /** A new subnet waits for its owner's start_call; false: it starts as if start_call ran in its registration block [bool] */
    readonly required: boolean;
    /** StartCallDelay: blocks after registration before start_call is allowed [blocks] */
    readonly delay: number;
  };
  /** The proof-of-work faucet of Subtensor's localnet builds. */
  readonly faucet: {
    /** The proof-of-work faucet call exists (Subtensor pow-faucet builds, as on its localnet) [bool] */
    readonly enabled: boolean;
    /** TAO minted per faucet call [rao] */
    readonly amount: bigint;
    /** Fixed proof-of-work difficulty of the faucet [difficulty] */
    readonly difficulty: bigint;
  };
  /** Crowdloans (subnet leases). */
  readonly crowdloan: {
    /** Crowdloan MinimumDeposit: the creator's initial deposit [rao] */
    readonly minimumDeposit: bigint;
    /** Crowdloan AbsoluteMinimumContribution: smallest contribution [rao] */
    readonly absoluteMinimumContribution: bigint;
    /** Crowdloan MinimumBlockDuration (prod_or_fast 50400 / 50): shortest crowdloan [blocks] */
    readonly minimumBlockDuration: number;
    /** Crowdloan MaximumBlockDuration (prod_or_fast 432000 / 20000): longest crowdloan [blocks] */
    readonly maximumBlockDuration: number;
    /** Crowdloan RefundContributorsLimit: contributors refunded per refund call [count] */
    readonly refundContributorsLimit: number;
    /** Crowdloan MaxContributors: contributors per crowdloan [count] */
    readonly maxContributors: number;
  };
}

type Leaf = bigint | number | string | boolean;

/** Every leaf of `Preset` as a dotted path, e.g. `"subnetDefaults.tempo"`. */
export type PresetPath = {
  [K in keyof Preset & string]: Preset[K] extends Leaf ? K : `${K}.${keyof Preset[K] & string}`;
}[keyof Preset & string];
