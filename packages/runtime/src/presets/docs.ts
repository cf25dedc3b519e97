// PRESET_DOCS: the unit and meaning of every preset value, keyed by its path in `Preset`. PRESETS.md is
// generated from it (scripts/presets-table.ts); the same "meaning [unit]" text is the field's comment in
// types.ts, and the presets test checks that both agree and that every leaf has an entry.
import type { PresetPath } from "./types.js";

export interface PresetDoc {
  /** Unit of the value: blocks, rao, ms, "u16 (65535 = 1.0)", … */
  readonly unit: string;
  /** One line: what the value is and why it matters, with Subtensor's name. */
  readonly meaning: string;
}

/** The docs of every preset leaf, in table order. */
export const PRESET_DOCS: { readonly [P in PresetPath]: PresetDoc } = {
  name: {
    unit: "name",
    meaning: "Which preset this is; chosen once when the chain starts and never changed",
  },
  "chain.blockTimeMs": {
    unit: "ms",
    meaning: "Target block time and Aura slot: Subtensor MILLISECS_PER_BLOCK (prod_or_fast 12000 / 250)",
  },
  "chain.existentialDeposit": {
    unit: "rao",
    meaning: "Balances ExistentialDeposit: an account whose total balance falls below it is reaped",
  },
  "chain.ss58Prefix": { unit: "prefix", meaning: "SS58Prefix of addresses (42 = generic Substrate)" },
  "chain.blockHashCount": {
    unit: "blocks",
    meaning: "System BlockHashCount: recent block hashes kept, so mortal transactions can be checked",
  },
  "chain.maxBlockRefTime": {
    unit: "ref-time (1e12 = 1 s)",
    meaning: "MAXIMUM_BLOCK_WEIGHT, ref-time part: compute one block may use",
  },
  "chain.normalDispatchRatioPercent": {
    unit: "%",
    meaning: "NORMAL_DISPATCH_RATIO: share of block weight and length open to Normal-class extrinsics",
  },
  "chain.maxBlockLength": { unit: "bytes", meaning: "BlockLength: largest encoded block" },
  "fees.weightToFeeDivisor": {
    unit: "ref-time per rao",
    meaning: "LinearWeightToFee (Perbill 500,000): fee = ref_time / 2000; proof size is ignored",
  },
  "fees.lengthFeePerByte": {
    unit: "rao per byte",
    meaning: "LengthToFee = IdentityFee: one rao per encoded extrinsic byte",
  },
  "fees.extrinsicBaseWeight": {
    unit: "ref-time",
    meaning: "ExtrinsicBaseWeight: added to every extrinsic's weight before the fee is computed (125 µs)",
  },
  "fees.blockExecutionWeight": {
    unit: "ref-time",
    meaning: "BlockExecutionWeight: fixed cost of executing a block, reserved from its weight (5 ms)",
  },
  "fees.dbReadWeight": {
    unit: "ref-time",
    meaning: "RocksDbWeight read: weight of one storage read in benchmarked call weights",
  },
  "fees.dbWriteWeight": {
    unit: "ref-time",
    meaning: "RocksDbWeight write: weight of one storage write in benchmarked call weights",
  },
  "fees.operationalFeeMultiplier": {
    unit: "multiplier",
    meaning: "OperationalFeeMultiplier: configured, but priority is overridden and tips never raise it",
  },
  "emission.totalSupply": {
    unit: "rao",
    meaning: "TotalSupply: hard cap on TAO issuance (21 M TAO); minting stops there",
  },
  "emission.defaultBlockEmission": {
    unit: "rao per block",
    meaning: "DefaultBlockEmission before halvings; the same curve gives each subnet's alpha emission",
  },
  "emission.initialIssuance": {
    unit: "rao",
    meaning: "InitialIssuance: TotalIssuance before genesis balances are counted",
  },
  "emission.emaPriceHalvingBlocks": {
    unit: "blocks",
    meaning: "EMAPriceHalvingBlocks: damps a young subnet's EMA price update (alpha × b / (b + this))",
  },
  "emission.subnetMovingAlpha": {
    unit: "I96F32 bits (2^32 = 1.0)",
    meaning: "SubnetMovingAlpha: smoothing of the subnet EMA price, from_num(0.000003)",
  },
  "epoch.maxEpochsPerBlock": {
    unit: "count",
    meaning: "MaxEpochsPerBlock (prod_or_fast 2 / 32): epochs run per block; the rest are deferred one block",
  },
  "epoch.commitRevealVersion": {
    unit: "version",
    meaning: "CommitRevealWeightsVersion: version every timelocked weight commit must carry",
  },
  "bounds.minTempo": { unit: "blocks", meaning: "MIN_TEMPO: lowest tempo a subnet owner may set" },
  "bounds.maxTempo": {
    unit: "blocks",
    meaning:
      "MAX_TEMPO: highest tempo an owner may set; an epoch is forced after this many blocks without one",
  },
  "bounds.minActivityCutoff": {
    unit: "blocks",
    meaning: "MinActivityCutoff: lowest value sudo_set_activity_cutoff accepts",
  },
  "bounds.minActivityCutoffFactorMilli": {
    unit: "per-mille of tempo",
    meaning: "MIN_ACTIVITY_CUTOFF_FACTOR_MILLI: lowest activity cutoff factor",
  },
  "bounds.maxActivityCutoffFactorMilli": {
    unit: "per-mille of tempo",
    meaning: "MAX_ACTIVITY_CUTOFF_FACTOR_MILLI: highest activity cutoff factor",
  },
  "bounds.minBurnUpperBound": {
    unit: "rao",
    meaning: "MinBurnUpperBound: sudo_set_min_burn needs a value below it",
  },
  "bounds.maxBurnLowerBound": {
    unit: "rao",
    meaning: "MaxBurnLowerBound: sudo_set_max_burn needs a value above it",
  },
  "bounds.maxBurnHalfLife": {
    unit: "blocks",
    meaning: "MaxBurnHalfLife: highest BurnHalfLife an owner may set",
  },
  "bounds.minRevealPeriodEpochs": {
    unit: "epochs",
    meaning: "MIN_COMMIT_REVEAL_PEROIDS: shortest commit-reveal period",
  },
  "bounds.maxRevealPeriodEpochs": {
    unit: "epochs",
    meaning: "MAX_COMMIT_REVEAL_PEROIDS: longest commit-reveal period",
  },
  "subnetDefaults.tempo": {
    unit: "blocks",
    meaning: "Tempo (InitialTempo, prod_or_fast 360 / 10): blocks between a subnet's epochs",
  },
  "subnetDefaults.immunityPeriod": {
    unit: "blocks",
    meaning:
      "ImmunityPeriod storage default: blocks after registration in which a neuron is pruned only as a last resort",
  },
  "subnetDefaults.maxAllowedUids": {
    unit: "count",
    meaning: "MaxAllowedUids storage default: neuron slots of a subnet",
  },
  "subnetDefaults.minAllowedUids": {
    unit: "count",
    meaning: "MinAllowedUids: lowest MaxAllowedUids an owner may trim to",
  },
  "subnetDefaults.minAllowedWeights": {
    unit: "count",
    meaning:
      "MinAllowedWeights storage default: fewest weights a non-self set_weights carries (capped at subnet size)",
  },
  "subnetDefaults.maxWeightsLimit": {
    unit: "u16 (65535 = 1.0)",
    meaning: "MaxWeightsLimit: largest single normalised weight (65535 = no limit)",
  },
  "subnetDefaults.maxAllowedValidators": {
    unit: "count",
    meaning: "MaxAllowedValidators storage default: validator permits given per epoch, by stake",
  },
  "subnetDefaults.weightsSetRateLimit": {
    unit: "blocks",
    meaning: "WeightsSetRateLimit: blocks between two set_weights or commits of one uid",
  },
  "subnetDefaults.weightsVersionKey": {
    unit: "version",
    meaning: "WeightsVersionKey: lowest version_key set_weights accepts (0 = no check)",
  },
  "subnetDefaults.activityCutoff": {
    unit: "blocks",
    meaning: "ActivityCutoff: legacy cutoff getter; the epoch uses activityCutoffFactorMilli",
  },
  "subnetDefaults.activityCutoffFactorMilli": {
    unit: "per-mille of tempo",
    meaning: "ActivityCutoffFactorMilli: a validator silent for factor × tempo / 1000 blocks is inactive",
  },
  "subnetDefaults.kappa": {
    unit: "u16 (65535 = 1.0)",
    meaning: "Kappa: stake majority the consensus median needs",
  },
  "subnetDefaults.rho": {
    unit: "u16",
    meaning: "Rho: legacy incentive steepness, not used by the current epoch",
  },
  "subnetDefaults.alphaSigmoidSteepness": {
    unit: "i16",
    meaning: "AlphaSigmoidSteepness: steepness of the liquid-alpha sigmoid",
  },
  "subnetDefaults.bondsMovingAverage": {
    unit: "millionths (1e6 = 1.0)",
    meaning: "BondsMovingAverage: share of old bonds the bonds EMA keeps (900,000 gives alpha 0.1)",
  },
  "subnetDefaults.bondsPenalty": {
    unit: "u16 (65535 = 1.0)",
    meaning: "BondsPenalty: how much weight clipped by consensus is removed from bonds (65535 = all)",
  },
  "subnetDefaults.bondsResetOn": {
    unit: "bool",
    meaning: "BondsResetOn: a hotkey's bonds reset when it posts a commitment",
  },
  "subnetDefaults.liquidAlphaEnabled": {
    unit: "bool",
    meaning: "LiquidAlphaOn: per-bond EMA alpha from a sigmoid between alphaLow and alphaHigh",
  },
  "subnetDefaults.alphaLow": {
    unit: "u16 (65535 = 1.0)",
    meaning: "AlphaValues low: lower liquid-alpha bound (45875 is about 0.7)",
  },
  "subnetDefaults.alphaHigh": {
    unit: "u16 (65535 = 1.0)",
    meaning: "AlphaValues high: upper liquid-alpha bound (58982 is about 0.9)",
  },
  "subnetDefaults.yuma3Enabled": {
    unit: "bool",
    meaning: "Yuma3On storage default (new subnets get registerNetwork.yuma3Enabled)",
  },
  "subnetDefaults.commitRevealEnabled": {
    unit: "bool",
    meaning:
      "CommitRevealWeightsEnabled: weights only through commit-reveal; set_weights fails CommitRevealEnabled",
  },
  "subnetDefaults.revealPeriodEpochs": {
    unit: "epochs",
    meaning: "RevealPeriodEpochs: a commit is revealed exactly this many epochs after it was made",
  },
  "subnetDefaults.servingRateLimit": {
    unit: "blocks",
    meaning: "ServingRateLimit: blocks between two serve_axon or serve_prometheus of one hotkey (0 = none)",
  },
  "subnetDefaults.targetRegistrationsPerInterval": {
    unit: "count",
    meaning: "TargetRegistrationsPerInterval: legacy burn adjustment target (root uses rootDefaults)",
  },
  "subnetDefaults.maxRegistrationsPerBlock": {
    unit: "count",
    meaning: "MaxRegistrationsPerBlock: root_register cap per block (legacy cap for subnets)",
  },
  "subnetDefaults.adjustmentInterval": {
    unit: "blocks",
    meaning: "AdjustmentInterval: legacy burn and difficulty adjustment period",
  },
  "subnetDefaults.adjustmentAlpha": {
    unit: "u64 fraction (u64::MAX = 1.0)",
    meaning: "AdjustmentAlpha: legacy adjustment smoothing",
  },
  "subnetDefaults.burn": {
    unit: "rao",
    meaning: "Burn storage default: registration price before init_new_network writes registerNetwork.burn",
  },
  "subnetDefaults.minBurn": { unit: "rao", meaning: "MinBurn: floor of the neuron registration price" },
  "subnetDefaults.maxBurn": { unit: "rao", meaning: "MaxBurn: ceiling of the neuron registration price" },
  "subnetDefaults.burnHalfLife": {
    unit: "blocks",
    meaning: "BurnHalfLife: the registration price halves over this many blocks",
  },
  "subnetDefaults.burnIncreaseMult": {
    unit: "U64F64 bits (2^64 = 1.0)",
    meaning: "BurnIncreaseMult: registration price multiplier after each registration, from_num(1.26)",
  },
  "subnetDefaults.difficulty": { unit: "difficulty", meaning: "Difficulty: legacy proof-of-work difficulty" },
  "subnetDefaults.minDifficulty": {
    unit: "difficulty",
    meaning: "MinDifficulty: legacy proof-of-work difficulty floor",
  },
  "subnetDefaults.maxDifficulty": {
    unit: "difficulty",
    meaning: "MaxDifficulty: legacy proof-of-work difficulty ceiling",
  },
  "subnetDefaults.registrationAllowed": {
    unit: "bool",
    meaning: "NetworkRegistrationAllowed storage default: burned_register is open",
  },
  "subnetDefaults.validatorPruneLen": {
    unit: "count",
    meaning: "ValidatorPruneLen: legacy, not used by current pruning",
  },
  "subnetDefaults.minNonImmuneUids": {
    unit: "count",
    meaning:
      "MinNonImmuneUids: an immune neuron is pruned only when no more non-immune ones than this remain",
  },
  "subnetDefaults.immuneOwnerUidsLimit": {
    unit: "count",
    meaning: "ImmuneOwnerUidsLimit: owner hotkeys that are never pruned, owner hotkey first",
  },
  "subnetDefaults.transferToggle": {
    unit: "bool",
    meaning: "TransferToggle: transfer_stake allowed on the subnet",
  },
  "subnetDefaults.ownerCutEnabled": {
    unit: "bool",
    meaning: "OwnerCutEnabled: the owner takes network.subnetOwnerCut of the alpha emission",
  },
  "subnetDefaults.ownerCutAutoLockEnabled": {
    unit: "bool",
    meaning: "OwnerCutAutoLockEnabled: the owner cut is locked automatically",
  },
  "subnetDefaults.recycleOrBurn": {
    unit: "enum",
    meaning: "RecycleOrBurn: what happens to miner incentive paid to owner hotkeys",
  },
  "subnetDefaults.mechanismCount": {
    unit: "count",
    meaning: "MechanismCountCurrent: mechanisms (sub-subnets) per subnet",
  },
  "registerNetwork.maxAllowedUids": {
    unit: "count",
    meaning: "MaxAllowedUids that init_new_network writes for every new subnet",
  },
  "registerNetwork.maxAllowedValidators": {
    unit: "count",
    meaning: "MaxAllowedValidators that init_new_network writes for every new subnet",
  },
  "registerNetwork.minAllowedWeights": {
    unit: "count",
    meaning: "MinAllowedWeights that init_new_network writes for every new subnet",
  },
  "registerNetwork.immunityPeriod": {
    unit: "blocks",
    meaning: "ImmunityPeriod that init_new_network writes for every new subnet",
  },
  "registerNetwork.yuma3Enabled": {
    unit: "bool",
    meaning: "Yuma3On that init_new_network writes for every new subnet",
  },
  "registerNetwork.burn": {
    unit: "rao",
    meaning: "DefaultNeuronBurnCost: the registration price a new subnet starts at",
  },
  "registerNetwork.registrationAllowed": {
    unit: "bool",
    meaning: "NetworkRegistrationAllowed that init_new_network writes for every new subnet",
  },
  "registerNetwork.subnetEmissionEnabled": {
    unit: "bool",
    meaning:
      "SubnetEmissionEnabled written by register_network: a new subnet gets TAO emission without root enabling it",
  },
  "rootDefaults.tempo": { unit: "blocks", meaning: "Genesis Tempo of the root subnet (netuid 0)" },
  "rootDefaults.maxAllowedUids": { unit: "count", meaning: "Genesis MaxAllowedUids of root: root seats" },
  "rootDefaults.maxAllowedValidators": { unit: "count", meaning: "Genesis MaxAllowedValidators of root" },
  "rootDefaults.minAllowedWeights": { unit: "count", meaning: "Genesis MinAllowedWeights of root" },
  "rootDefaults.registrationAllowed": {
    unit: "bool",
    meaning: "Genesis NetworkRegistrationAllowed of root: root_register is open",
  },
  "rootDefaults.targetRegistrationsPerInterval": {
    unit: "count",
    meaning: "Genesis TargetRegistrationsPerInterval of root: root_register allows 3x this per root epoch",
  },
  "rootDefaults.ownerIsAlice": {
    unit: "bool",
    meaning:
      "Genesis root owner is //Alice with hotkey //Alice_hk instead of the zero account (genesis.rs, prod_or_fast)",
  },
  "network.networkMinLockCost": {
    unit: "rao",
    meaning: "NetworkMinLockCost: floor of the subnet lock cost and of a new pool's TAO reserve",
  },
  "network.networkLockReductionInterval": {
    unit: "blocks",
    meaning:
      "NetworkLockReductionInterval: the doubled lock cost decays back to the last one over this many blocks",
  },
  "network.networkRateLimit": {
    unit: "blocks",
    meaning: "NetworkRateLimit: chain-wide blocks between two register_network (0 = none)",
  },
  "network.networkImmunityPeriod": {
    unit: "blocks",
    meaning: "NetworkImmunityPeriod: a new subnet cannot be pruned for this long",
  },
  "network.subnetLimit": {
    unit: "count",
    meaning: "SubnetLimit: non-root subnets before a registration prunes one",
  },
  "network.networkRegistrationStartBlock": {
    unit: "block number",
    meaning: "NetworkRegistrationStartBlock: register_network is refused before this block",
  },
  "network.subnetOwnerCut": {
    unit: "u16 (65535 = 1.0)",
    meaning: "SubnetOwnerCut: share of each subnet's alpha emission paid to its owner (11796 is about 18%)",
  },
  "network.taoWeight": {
    unit: "u64 fraction (u64::MAX = 1.0)",
    meaning: "TaoWeight: weight of root TAO stake in every subnet's consensus stake (about 0.0527)",
  },
  "network.maxMechanismCount": {
    unit: "count",
    meaning: "MaxMechanismCount: most mechanisms an owner may configure",
  },
  "network.maxImmuneUidsPercentage": {
    unit: "%",
    meaning: "MaxImmuneUidsPercentage: trimming is refused when immune and owner uids exceed this share",
  },
  "network.dissolveNetworkScheduleDuration": {
    unit: "blocks",
    meaning: "DissolveNetworkScheduleDuration: delay of a scheduled subnet dissolution",
  },
  "staking.defaultMinStake": {
    unit: "rao",
    meaning: "DefaultMinStake: smallest stake, unstake or move (plus the swap fee)",
  },
  "staking.nominatorMinRequiredStake": {
    unit: "per-million of defaultMinStake",
    meaning:
      "NominatorMinRequiredStake: nominations below defaultMinStake x this / 1e6 are force-unstaked (0 = off)",
  },
  "staking.stakeThreshold": {
    unit: "rao",
    meaning: "StakeThreshold: consensus stake needed to set weights or children (subnet owner exempt)",
  },
  "staking.defaultDelegateTake": {
    unit: "u16 (65535 = 1.0)",
    meaning: "Delegates default (InitialDefaultDelegateTake): take of every hotkey without an explicit entry",
  },
  "staking.minDelegateTake": { unit: "u16 (65535 = 1.0)", meaning: "MinDelegateTake: lowest delegate take" },
  "staking.maxDelegateTake": {
    unit: "u16 (65535 = 1.0)",
    meaning: "MaxDelegateTake: highest delegate take (sudo_set_default_take sets it)",
  },
  "staking.defaultChildkeyTake": {
    unit: "u16 (65535 = 1.0)",
    meaning: "ChildkeyTake default: childkey take of a (hotkey, subnet) without an entry",
  },
  "staking.minChildkeyTake": { unit: "u16 (65535 = 1.0)", meaning: "MinChildkeyTake: lowest childkey take" },
  "staking.maxChildkeyTake": { unit: "u16 (65535 = 1.0)", meaning: "MaxChildkeyTake: highest childkey take" },
  "staking.txDelegateTakeRateLimit": {
    unit: "blocks",
    meaning: "TxDelegateTakeRateLimit: increase_take needs strictly more blocks since the last take change",
  },
  "staking.txChildkeyTakeRateLimit": {
    unit: "blocks",
    meaning: "TxChildkeyTakeRateLimit (prod_or_fast 216000 / 5): blocks between childkey take increases",
  },
  "staking.setChildrenRateLimit": {
    unit: "blocks",
    meaning: "TransactionType::SetChildren rate limit: blocks between set_children per (hotkey, subnet)",
  },
  "staking.pendingChildKeyCooldown": {
    unit: "blocks",
    meaning:
      "PendingChildKeyCooldown (prod_or_fast 7200 / 15): scheduled children apply after this many blocks",
  },
  "staking.numRootClaim": {
    unit: "count",
    meaning: "NumRootClaim: coldkeys whose root dividends are auto-claimed per block",
  },
  "staking.rootClaimableThreshold": {
    unit: "rao",
    meaning: "RootClaimableThreshold: smallest root dividend that is claimed",
  },
  "rateLimits.txRateLimit": {
    unit: "blocks",
    meaning: "TxRateLimit: swap_hotkey needs strictly more blocks since the coldkey's last one (0 = none)",
  },
  "rateLimits.weightsVersionKeyRateLimit": {
    unit: "tempos",
    meaning: "WeightsVersionKeyRateLimit: owner changes of the weights version key",
  },
  "rateLimits.ownerHyperparamRateLimit": {
    unit: "tempos",
    meaning: "OwnerHyperparamRateLimit: owner changes per (subnet, hyperparameter)",
  },
  "rateLimits.adminFreezeWindow": {
    unit: "blocks",
    meaning:
      "AdminFreezeWindow: last blocks before an epoch in which hyperparameter setters fail; also trigger_epoch's delay",
  },
  "rateLimits.setSNOwnerHotkeyRateLimit": {
    unit: "blocks",
    meaning: "DefaultSetSNOwnerHotkeyRateLimit: blocks between subnet owner hotkey changes, root included",
  },
  "rateLimits.setTempoRateLimit": {
    unit: "blocks",
    meaning: "TransactionType::TempoUpdate (MIN_TEMPO): blocks between owner set_tempo calls",
  },
  "rateLimits.addStakeBurnRateLimit": {
    unit: "tempos",
    meaning: "TransactionType::AddStakeBurn: add_stake_burn per (hotkey, subnet)",
  },
  "rateLimits.evmKeyAssociateRateLimit": {
    unit: "blocks",
    meaning: "EvmKeyAssociateRateLimit (prod_or_fast 7200 / 1): associate_evm_key per uid",
  },
  "rateLimits.mechanismCountSetRateLimit": {
    unit: "blocks",
    meaning: "MechanismCountSetRateLimit (prod_or_fast 7200 / 1): owner mechanism count changes",
  },
  "rateLimits.mechanismEmissionRateLimit": {
    unit: "blocks",
    meaning: "MechanismEmissionRateLimit (prod_or_fast 7200 / 1): owner emission split changes",
  },
  "rateLimits.maxUidsTrimmingRateLimit": {
    unit: "blocks",
    meaning: "MaxUidsTrimmingRateLimit (prod_or_fast 216000 / 1): owner sudo_trim_to_max_allowed_uids",
  },
  "swaps.keySwapCost": {
    unit: "rao",
    meaning: "KeySwapCost: recycled by swap_hotkey on all subnets and by a first coldkey swap announcement",
  },
  "swaps.keySwapOnSubnetCost": {
    unit: "rao",
    meaning: "KeySwapOnSubnetCost: recycled by swap_hotkey on one subnet",
  },
  "swaps.coldkeySwapAnnouncementDelay": {
    unit: "blocks",
    meaning:
      "ColdkeySwapAnnouncementDelay (prod_or_fast 36000 / 50): wait between announce_coldkey_swap and the swap",
  },
  "swaps.coldkeySwapReannouncementDelay": {
    unit: "blocks",
    meaning: "ColdkeySwapReannouncementDelay (prod_or_fast 7200 / 10): wait before re-announcing or clearing",
  },
  "swaps.hotkeySwapOnSubnetInterval": {
    unit: "blocks",
    meaning: "HotkeySwapOnSubnetInterval (prod_or_fast 7200 / 1): per-subnet cooldown between hotkey swaps",
  },
  "pool.feeRate": {
    unit: "u16 (65535 = 1.0)",
    meaning: "FeeRate: swap fee on stake and unstake, paid to the block author (33 is about 0.05%)",
  },
  "pool.maxFeeRate": { unit: "u16 (65535 = 1.0)", meaning: "MaxFeeRate: highest swap fee rate" },
  "pool.minimumReserve": {
    unit: "rao",
    meaning: "MinimumReserve: a swap may not leave its output reserve below this",
  },
  "pool.minimumLiquidity": { unit: "rao", meaning: "MinimumLiquidity of the swap pallet" },
  "serving.allowLoopbackAxons": {
    unit: "bool",
    meaning: "Accept 127.0.0.1 and ::1 as axon and prometheus IPs (Subtensor always rejects them)",
  },
  "startCall.required": {
    unit: "bool",
    meaning:
      "A new subnet waits for its owner's start_call; false: it starts as if start_call ran in its registration block",
  },
  "startCall.delay": {
    unit: "blocks",
    meaning: "StartCallDelay: blocks after registration before start_call is allowed",
  },
  "faucet.enabled": {
    unit: "bool",
    meaning: "The proof-of-work faucet call exists (Subtensor pow-faucet builds, as on its localnet)",
  },
  "faucet.amount": { unit: "rao", meaning: "TAO minted per faucet call" },
  "faucet.difficulty": { unit: "difficulty", meaning: "Fixed proof-of-work difficulty of the faucet" },
  "crowdloan.minimumDeposit": {
    unit: "rao",
    meaning: "Crowdloan MinimumDeposit: the creator's initial deposit",
  },
  "crowdloan.absoluteMinimumContribution": {
    unit: "rao",
    meaning: "Crowdloan AbsoluteMinimumContribution: smallest contribution",
  },
  "crowdloan.minimumBlockDuration": {
    unit: "blocks",
    meaning: "Crowdloan MinimumBlockDuration (prod_or_fast 50400 / 50): shortest crowdloan",
  },
  "crowdloan.maximumBlockDuration": {
    unit: "blocks",
    meaning: "Crowdloan MaximumBlockDuration (prod_or_fast 432000 / 20000): longest crowdloan",
  },
  "crowdloan.refundContributorsLimit": {
    unit: "count",
    meaning: "Crowdloan RefundContributorsLimit: contributors refunded per refund call",
  },
  "crowdloan.maxContributors": {
    unit: "count",
    meaning: "Crowdloan MaxContributors: contributors per crowdloan",
  },
};
