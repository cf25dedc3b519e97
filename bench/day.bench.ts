// A mainnet-scale day in memory: 128 subnets × 256 UIDs (64 validators each, staked, weighting 64
// miners), 7 200 blocks of the real block step — coinbase, epochs and distribution — on the mainnet
// preset. `npm run bench -- day` (DAY_BLOCKS=720 for a tenth of a day).
import { cryptoReady, Keypair } from "@opentao/primitives";
import {
  applyGenesis,
  getPreset,
  MemoryStore,
  Runtime,
  SubtensorStorage as S,
  Scope,
} from "../packages/runtime/src/index.js";
import { initNewNetwork } from "../packages/runtime/src/pallets/subtensor/init-network.js";
import { increaseStake } from "../packages/runtime/src/pallets/subtensor/staking/share-pool.js";
import { type BenchRow, printTable } from "./harness.js";

const SUBNETS = 128;
const UIDS = 256;
const VALIDATORS = 64;
const WEIGHTS_PER_VALIDATOR = 64;
const START = 400;

function account(i: number): string {
  // Cheap distinct accounts: deterministic public keys, no key derivation.
  const bytes = new Uint8Array(32);
  new DataView(bytes.buffer).setUint32(0, i + 1);
  return Keypair.fromPublicKey(bytes).ss58Address;
}

function buildState(store: MemoryStore, runtime: Runtime): void {
  const author = account(0);
  applyGenesis(store, runtime.preset, {
    balances: [{ address: author, free: 10n ** 12n }],
    authorities: [author],
  });
  // Built as of block 400, so the subnets' epochs are staggered as on a running chain.
  const scope = new Scope(store, {
    preset: runtime.preset,
    block: { number: START, parentHash: `0x${"00".repeat(32)}`, timestamp: 0n },
  });
  let next = 1;
  let seed = 1;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let netuid = 1; netuid <= SUBNETS; netuid++) {
    initNewNetwork(scope, netuid);
    S.SubnetMechanism.set(store, netuid, 1);
    S.SubnetTAO.set(store, netuid, 10_000n * 10n ** 9n);
    S.SubnetAlphaIn.set(store, netuid, 10_000n * 10n ** 9n);
    S.FirstEmissionBlockNumber.set(store, netuid, 1n);
    S.SubtokenEnabled.set(store, netuid, true);
    S.SubnetEmissionEnabled.set(store, netuid, true);
    S.CommitRevealWeightsEnabled.set(store, netuid, false);
    S.MaxAllowedValidators.set(store, netuid, VALIDATORS);
    const owner = account(next++);
    S.SubnetOwner.set(store, netuid, owner);
    // The per-uid vectors at once (appending neuron by neuron would re-encode them 256 times).
    for (let uid = 0; uid < UIDS; uid++) {
      const hotkey = account(next++);
      S.Owner.set(store, hotkey, owner);
      S.Keys.set(store, netuid, uid, hotkey);
      S.Uids.set(store, netuid, hotkey, uid);
      S.IsNetworkMember.set(store, hotkey, netuid, true);
      if (uid < VALIDATORS)
        increaseStake(store, hotkey, owner, netuid, BigInt(1 + Math.floor(random() * 1_000)) * 10n ** 9n);
    }
    S.SubnetworkN.set(store, netuid, UIDS);
    S.Active.set(store, netuid, new Array(UIDS).fill(true));
    S.Emission.set(store, netuid, new Array(UIDS).fill(0n));
    for (const item of [S.Consensus, S.Incentive, S.Dividends, S.ValidatorTrust, S.StakeWeight])
      item.set(store, netuid, new Array(UIDS).fill(0));
    S.LastUpdate.set(store, netuid, new Array(UIDS).fill(1n));
    S.SubnetOwnerHotkey.set(store, netuid, S.Keys.get(store, netuid, 0));
    S.ValidatorPermit.set(
      store,
      netuid,
      Array.from({ length: UIDS }, (_, uid) => uid < VALIDATORS),
    );
    for (let v = 0; v < VALIDATORS; v++) {
      const dests = new Set<number>();
      while (dests.size < WEIGHTS_PER_VALIDATOR)
        dests.add(VALIDATORS + Math.floor(random() * (UIDS - VALIDATORS)));
      const row = [...dests]
        .sort((a, b) => a - b)
        .map((d) => [d, 1 + Math.floor(random() * 65_534)] as [number, number]);
      S.Weights.set(store, netuid, v, row);
    }
  }
}

export default async function dayBench(): Promise<void> {
  await cryptoReady();
  const blocks = Number(process.env.DAY_BLOCKS ?? 7_200);
  const runtime = new Runtime(getPreset("mainnet"));
  const store = new MemoryStore();
  let t = performance.now();
  buildState(store, runtime);
  const setupMs = performance.now() - t;
  let epochs = 0;
  t = performance.now();
  let slowest = 0;
  for (let number = START + 1; number <= START + blocks; number++) {
    const t0 = performance.now();
    const before = [...Array(SUBNETS).keys()].reduce((s, i) => s + S.SubnetEpochIndex.get(store, i + 1), 0n);
    const out = runtime.executeBlock(
      store,
      {
        number,
        parentHash: `0x${number.toString(16).padStart(64, "0")}`,
        timestamp: BigInt(number) * 12_000n,
      },
      [],
    );
    if (!out.ok) throw new Error(`block ${number} invalid`);
    const after = [...Array(SUBNETS).keys()].reduce((s, i) => s + S.SubnetEpochIndex.get(store, i + 1), 0n);
    epochs += Number(after - before);
    slowest = Math.max(slowest, performance.now() - t0);
    if ((number - START) % 720 === 0)
      process.stderr.write(`  day bench: block ${number - START}/${blocks}, ${epochs} epochs\n`);
  }
  const runMs = performance.now() - t;
  const rows: BenchRow[] = [
    {
      name: `build state: ${SUBNETS} subnets × ${UIDS} uids`,
      ms: setupMs,
      note: `${store.size} storage entries`,
    },
    {
      name: `${blocks} blocks with ${epochs} epochs`,
      ms: runMs,
      note: `${(runMs / 1000).toFixed(1)} s in all`,
    },
    { name: "mean block", ms: runMs / blocks, opsPerSec: (blocks * 1000) / runMs },
    { name: "slowest block", ms: slowest },
  ];
  printTable("A mainnet-scale day in memory (bench/day.bench.ts)", rows);
}
