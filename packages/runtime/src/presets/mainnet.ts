// `mainnet`: Subtensor's production runtime (opentensor/subtensor 14bc6f9f, spec_version 425, built without
// `fast-runtime` or `pow-faucet`). Sources: runtime/src/lib.rs (parameter_types!, the pallet Config), the
// storage defaults in pallets/subtensor/src/lib.rs, init_new_network / do_register_network in
// pallets/subtensor/src/subnets/subnet.rs and the genesis in pallets/subtensor/src/macros/genesis.rs.
import { deepFreeze } from "./define.js";
import type { Preset } from "./types.js";

export const MAINNET: Preset = deepFreeze<Preset>({
  name: "mainnet",
  chain: {
    blockTimeMs: 12_000, // common/src/lib.rs MILLISECS_PER_BLOCK
    existentialDeposit: 500n, // EXISTENTIAL_DEPOSIT
    ss58Prefix: 42,
    blockHashCount: 2_400,
    maxBlockRefTime: 4_000_000_000_000n, // MAXIMUM_BLOCK_WEIGHT = 4 × WEIGHT_REF_TIME_PER_SECOND
    normalDispatchRatioPercent: 75,
    maxBlockLength: 10 * 1024 * 1024, // BlockLength::max_with_normal_ratio(10 MiB, 75%)
  },
  fees: {
    weightToFeeDivisor: 2_000n, // pallets/transaction-fee LinearWeightToFee: Perbill::from_parts(500_000)
    lengthFeePerByte: 1n, // IdentityFee
    extrinsicBaseWeight: 125_000_000n, // frame_support ExtrinsicBaseWeight: 125,000 ns
    blockExecutionWeight: 5_000_000_000n, // frame_support BlockExecutionWeight: 5,000,000 ns
    dbReadWeight: 25_000_000n, // RocksDbWeight: 25,000 ns
    dbWriteWeight: 100_000_000n, // RocksDbWeight: 100,000 ns
    operationalFeeMultiplier: 5,
  },
  emission: {
    totalSupply: 21_000_000_000_000_000n, // TotalSupply
    defaultBlockEmission: 1_000_000_000n, // DefaultBlockEmission
    initialIssuance: 0n, // SubtensorInitialIssuance
    emaPriceHalvingBlocks: 201_600, // InitialEmaPriceHalvingPeriod (4 weeks)
    subnetMovingAlpha: 12_885n, // DefaultMovingAlpha: I96F32::saturating_from_num(0.000003)
  },
  epoch: {
    maxEpochsPerBlock: 2, // SubtensorMaxEpochsPerBlock = prod_or_fast!(2, 32)
    commitRevealVersion: 4, // DefaultCommitRevealWeightsVersion
  },
  bounds: {
    minTempo: 360, // MIN_TEMPO
    maxTempo: 50_400, // MAX_TEMPO
    minActivityCutoff: 360, // DefaultMinActivityCutoff
    minActivityCutoffFactorMilli: 1_000,
    maxActivityCutoffFactorMilli: 50_000,
    minBurnUpperBound: 1_000_000_000n, // 1 TAO
    maxBurnLowerBound: 100_000_000n, // 0.1 TAO
    maxBurnHalfLife: 36_100,
    minRevealPeriodEpochs: 1,
    maxRevealPeriodEpochs: 100,
  },
  subnetDefaults: {
    tempo: 360, // INITIAL_SUBNET_TEMPO = prod_or_fast!(360, 10)
    immunityPeriod: 4_096, // SubtensorInitialImmunityPeriod
    maxAllowedUids: 256,
    minAllowedUids: 64,
    minAllowedWeights: 1_024, // SubtensorInitialMinAllowedWeights
    maxWeightsLimit: 65_535, // DefaultMaxWeightsLimit = u16::MAX
    maxAllowedValidators: 128, // SubtensorInitialMaxAllowedValidators
    weightsSetRateLimit: 100, // DefaultWeightsSetRateLimit
    weightsVersionKey: 0n,
    activityCutoff: 5_000,
    activityCutoffFactorMilli: 13_889, // INITIAL_ACTIVITY_CUTOFF_FACTOR_MILLI (≈ 5000 blocks at tempo 360)
    kappa: 32_767,
    rho: 10,
    alphaSigmoidSteepness: 1_000,
    bondsMovingAverage: 900_000,
    bondsPenalty: 65_535,
    bondsResetOn: false,
    liquidAlphaEnabled: false,
    alphaLow: 45_875,
    alphaHigh: 58_982,
    yuma3Enabled: false, // DefaultYuma3 (init_new_network turns it on)
    commitRevealEnabled: true, // DefaultCommitRevealWeightsEnabled
    revealPeriodEpochs: 1,
    servingRateLimit: 50,
    targetRegistrationsPerInterval: 2,
    maxRegistrationsPerBlock: 1,
    adjustmentInterval: 100,
    adjustmentAlpha: 0n,
    burn: 100_000_000n, // SubtensorInitialBurn, 0.1 TAO
    minBurn: 500_000n,
    maxBurn: 100_000_000_000n, // 100 TAO
    burnHalfLife: 360, // DefaultBurnHalfLife
    burnIncreaseMult: 23_242_897_532_874_035_200n, // DefaultBurnIncreaseMult: U64F64::from_num(1.26)
    difficulty: 10_000_000n,
    minDifficulty: 10_000_000n,
    maxDifficulty: 4_611_686_018_427_387_903n, // u64::MAX / 4
    registrationAllowed: true,
    validatorPruneLen: 1,
    minNonImmuneUids: 10,
    immuneOwnerUidsLimit: 1,
    transferToggle: true,
    ownerCutEnabled: true,
    ownerCutAutoLockEnabled: false,
    recycleOrBurn: "Burn",
    mechanismCount: 1, // DefaultMechanismCount
  },
  registerNetwork: {
    maxAllowedUids: 256, // init_new_network
    maxAllowedValidators: 64,
    minAllowedWeights: 1,
    immunityPeriod: 5_000,
    yuma3Enabled: true,
    burn: 1_000_000_000n, // DefaultNeuronBurnCost, 1 TAO
    registrationAllowed: true,
    subnetEmissionEnabled: false, // do_register_network: root enables emission later
  },
  rootDefaults: {
    tempo: 100, // genesis.rs
    maxAllowedUids: 64,
    maxAllowedValidators: 64,
    minAllowedWeights: 0,
    registrationAllowed: true,
    targetRegistrationsPerInterval: 1,
    ownerIsAlice: false, // prod_or_fast!(DefaultSubnetOwner, alice)
  },
  network: {
    networkMinLockCost: 1_000_000_000_000n, // 1000 TAO
    networkLockReductionInterval: 100_800, // 14 × 7200
    networkRateLimit: 7_200, // DefaultNetworkRateLimit (0 with pow-faucet)
    networkImmunityPeriod: 1_296_000,
    subnetLimit: 128, // DefaultSubnetLimit
    networkRegistrationStartBlock: 0,
    subnetOwnerCut: 11_796, // 18%
    taoWeight: 971_718_665_099_567_868n, // SubtensorInitialTaoWeight
    maxMechanismCount: 2, // DefaultMaxMechanismCount
    maxImmuneUidsPercentage: 80,
    dissolveNetworkScheduleDuration: 36_000, // 5 days
  },
  staking: {
    defaultMinStake: 2_000_000n, // SubtensorInitialMinStake, 0.002 TAO
    nominatorMinRequiredStake: 0, // DefaultZeroU64 (the live chain got 10_000_000 from migrate_set_nominator_min_stake)
    stakeThreshold: 0n, // DefaultStakeThreshold
    defaultDelegateTake: 11_796, // SubtensorInitialDefaultTake, 18%
    minDelegateTake: 0,
    maxDelegateTake: 11_796, // MaxDelegateTake defaults to DefaultDelegateTake
    defaultChildkeyTake: 0,
    minChildkeyTake: 0,
    maxChildkeyTake: 11_796,
    txDelegateTakeRateLimit: 216_000, // 30 days
    txChildkeyTakeRateLimit: 216_000, // INITIAL_CHILDKEY_TAKE_RATELIMIT = prod_or_fast!(216000, 5)
    setChildrenRateLimit: 150, // utils/rate_limiting.rs TransactionType::SetChildren
    pendingChildKeyCooldown: 7_200, // DefaultPendingCooldown = prod_or_fast!(7_200, 15)
    numRootClaim: 5, // DefaultNumRootClaim
    rootClaimableThreshold: 500_000n, // DefaultMinRootClaimAmount
  },
  rateLimits: {
    txRateLimit: 1_000, // SubtensorInitialTxRateLimit
    weightsVersionKeyRateLimit: 5, // DefaultWeightsVersionKeyRateLimit
    ownerHyperparamRateLimit: 2, // DefaultOwnerHyperparamRateLimit
    adminFreezeWindow: 10, // DefaultAdminFreezeWindow
    setSNOwnerHotkeyRateLimit: 50_400,
    setTempoRateLimit: 360, // TransactionType::TempoUpdate = MIN_TEMPO
    addStakeBurnRateLimit: 1, // TransactionType::AddStakeBurn = one tempo
    evmKeyAssociateRateLimit: 7_200, // EVM_KEY_ASSOCIATE_RATELIMIT = prod_or_fast!(7200, 1)
    mechanismCountSetRateLimit: 7_200, // prod_or_fast!(7_200, 1)
    mechanismEmissionRateLimit: 7_200, // prod_or_fast!(7_200, 1)
    maxUidsTrimmingRateLimit: 216_000, // prod_or_fast!(30 * 7200, 1)
  },
  swaps: {
    keySwapCost: 100_000_000n, // SubtensorInitialKeySwapCost, 0.1 TAO
    keySwapOnSubnetCost: 1_000_000n, // 0.001 TAO
    coldkeySwapAnnouncementDelay: 36_000, // prod_or_fast!(5 days, 50)
    coldkeySwapReannouncementDelay: 7_200, // prod_or_fast!(1 day, 10)
    hotkeySwapOnSubnetInterval: 7_200, // prod_or_fast!(1 day, 1)
  },
  pool: {
    feeRate: 33, // pallets/swap default FeeRate
    maxFeeRate: 10_000, // SwapMaxFeeRate
    minimumReserve: 1_000_000n, // SwapMinimumReserve
    minimumLiquidity: 1_000n, // SwapMinimumLiquidity
  },
  serving: {
    allowLoopbackAxons: false, // subnets/serving.rs is_valid_ip_address rejects 127.0.0.1 and ::1
  },
  startCall: {
    required: true,
    delay: 0, // InitialStartCallDelay
  },
  faucet: {
    enabled: false, // only with the pow-faucet cargo feature
    amount: 1_000_000_000_000n, // do_faucet: 1000 TAO
    difficulty: 1_000_000n, // do_faucet base difficulty
  },
  crowdloan: {
    minimumDeposit: 10_000_000_000n, // 10 TAO
    absoluteMinimumContribution: 100_000_000n, // 0.1 TAO
    minimumBlockDuration: 50_400, // prod_or_fast!(50400, 50)
    maximumBlockDuration: 432_000, // prod_or_fast!(432000, 20000)
    refundContributorsLimit: 50,
    maxContributors: 500,
  },
});
