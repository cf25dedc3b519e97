// `test`: Subtensor's test mock runtime (pallets/subtensor/src/tests/mock.rs), whose values the ported
// Subtensor test scenarios assume (subtensor-test-scenarios.json `meta.mock_runtime_defaults_used_by_tests`).
// Starts from `mainnet` and takes every value the mock's parameter_types! set differently. Values the mock
// does not set come from a default-features build (`cargo test -p pallet-subtensor`: prod, not fast).
// The mock has no transaction-payment pallet and builds no subtensor genesis, so `fees` and `rootDefaults`
// keep the runtime's values.
import { derivePreset } from "./define.js";
import { MAINNET } from "./mainnet.js";
import type { Preset } from "./types.js";

export const TEST: Preset = derivePreset(MAINNET, "test", {
  chain: {
    existentialDeposit: 1n, // mock ExistentialDeposit
    blockHashCount: 250,
    maxBlockRefTime: 2_000_000_000_000n, // mock BlockWeights: 2 s
    maxBlockLength: 5 * 1024 * 1024, // mock BlockLength = (): frame_system's default 5 MiB
  },
  epoch: {
    maxEpochsPerBlock: 32, // mock MaxEpochsPerBlock
  },
  subnetDefaults: {
    immunityPeriod: 2, // InitialImmunityPeriod
    minAllowedUids: 2,
    minAllowedWeights: 0,
    maxAllowedValidators: 100,
    rho: 30,
    servingRateLimit: 0, // "No limit"
    maxRegistrationsPerBlock: 3,
    burn: 0n, // InitialBurn
    maxBurn: 1_000_000_000n, // 1 TAO
    difficulty: 10_000n,
    minDifficulty: 1n,
    maxDifficulty: 18_446_744_073_709_551_615n, // u64::MAX
    validatorPruneLen: 0,
  },
  network: {
    networkMinLockCost: 100_000_000_000n, // 100 TAO
    networkLockReductionInterval: 2,
    networkRateLimit: 0,
    subnetOwnerCut: 0, // 100% of rewards go to validators and miners
    taoWeight: 0n,
  },
  staking: {
    minDelegateTake: 5_898, // 9%
    txDelegateTakeRateLimit: 1,
    txChildkeyTakeRateLimit: 1,
  },
  rateLimits: {
    txRateLimit: 0, // "Disable rate limit for testing"
    evmKeyAssociateRateLimit: 10,
  },
  swaps: {
    keySwapCost: 1_000_000_000n, // InitialKeySwapCost, 1 TAO
    keySwapOnSubnetCost: 10_000_000n,
    coldkeySwapAnnouncementDelay: 50,
    coldkeySwapReannouncementDelay: 10,
    hotkeySwapOnSubnetInterval: 15,
  },
  pool: {
    minimumReserve: 100n, // mock SwapMinimumReserve
  },
  crowdloan: {
    minimumDeposit: 50n,
    absoluteMinimumContribution: 10n,
    minimumBlockDuration: 20,
    maximumBlockDuration: 100,
    refundContributorsLimit: 5,
    maxContributors: 10,
  },
});
