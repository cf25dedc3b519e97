// `fast`: the devnet. Starts from `mainnet` and takes what Subtensor's own localnet build changes
// (`fast-runtime` prod_or_fast! values, plus `pow-faucet` as scripts/localnet.sh builds it), then shortens
// what the devnet promises to make quick (the list). Values marked "ours" are not Subtensor's.
import { derivePreset } from "./define.js";
import { MAINNET } from "./mainnet.js";
import type { Preset } from "./types.js";

const TAO = 1_000_000_000n;

export const FAST: Preset = derivePreset(MAINNET, "fast", {
  chain: {
    blockTimeMs: 250, // MILLISECS_PER_BLOCK = prod_or_fast!(12000, 250)
  },
  epoch: {
    maxEpochsPerBlock: 32, // SubtensorMaxEpochsPerBlock = prod_or_fast!(2, 32)
  },
  subnetDefaults: {
    tempo: 10, // INITIAL_SUBNET_TEMPO = prod_or_fast!(360, 10)
    // Ours (Subtensor keeps 100 = ten fast epochs): half a tempo, so a validator can set or commit weights
    // every epoch with a few blocks of slack, yet cannot resubmit every block.
    weightsSetRateLimit: 5,
    servingRateLimit: 0, // ours (Subtensor keeps 50): a miner can re-serve its axon at once
    // Ours (Subtensor: on): plain set_weights on the devnet. Hash commit-reveal still works when a subnet
    // owner turns it on; the drand-timelocked variant has no beacon here.
    commitRevealEnabled: false,
  },
  registerNetwork: {
    subnetEmissionEnabled: true, // ours: a new subnet emits at once, without root enabling it
  },
  rootDefaults: {
    ownerIsAlice: true, // genesis.rs prod_or_fast!(zero account, Alice)
  },
  network: {
    networkMinLockCost: 10n * TAO, // ours (Subtensor: 1000 TAO): a small subnet lock cost
    // Ours (Subtensor: 100,800 blocks = 7 hours of fast blocks): the doubled lock cost falls back to the
    // minimum within ~4 minutes, so repeated devnet registrations stay cheap.
    networkLockReductionInterval: 1_000,
    networkRateLimit: 0, // DefaultNetworkRateLimit is 0 with pow-faucet, as Subtensor's localnet is built
  },
  staking: {
    txDelegateTakeRateLimit: 5, // ours (Subtensor keeps 216,000): same as the fast childkey take limit
    txChildkeyTakeRateLimit: 5, // INITIAL_CHILDKEY_TAKE_RATELIMIT = prod_or_fast!(216000, 5)
    setChildrenRateLimit: 5, // ours (Subtensor: 150, hard-coded)
    pendingChildKeyCooldown: 15, // DefaultPendingCooldown = prod_or_fast!(7_200, 15)
  },
  rateLimits: {
    txRateLimit: 10, // ours (Subtensor keeps 1000): one tempo between hotkey swaps of a coldkey
    adminFreezeWindow: 2, // ours (Subtensor keeps 10 = the whole fast tempo): shorter than the tempo
    setSNOwnerHotkeyRateLimit: 10, // ours (Subtensor: 50,400): one tempo
    evmKeyAssociateRateLimit: 1, // prod_or_fast!(7200, 1)
    mechanismCountSetRateLimit: 1, // prod_or_fast!(7_200, 1)
    mechanismEmissionRateLimit: 1, // prod_or_fast!(7_200, 1)
    maxUidsTrimmingRateLimit: 1, // prod_or_fast!(30 * 7200, 1)
  },
  swaps: {
    coldkeySwapAnnouncementDelay: 50, // prod_or_fast!(5 days, 50)
    coldkeySwapReannouncementDelay: 10, // prod_or_fast!(1 day, 10)
    hotkeySwapOnSubnetInterval: 1, // prod_or_fast!(1 day, 1)
  },
  serving: {
    allowLoopbackAxons: true, // ours: miners and validators on one machine serve on 127.0.0.1
  },
  startCall: {
    required: false, // ours: a new subnet's token and emission start at registration
  },
  faucet: {
    enabled: true, // pow-faucet, as scripts/localnet.sh builds Subtensor's localnet
  },
  crowdloan: {
    minimumBlockDuration: 50, // prod_or_fast!(50400, 50)
    maximumBlockDuration: 20_000, // prod_or_fast!(432000, 20000)
  },
});
