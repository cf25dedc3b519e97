// Runs the whole network in one process: genesis and setup (setup.ts), then `blocks` blocks in which
// validators set weights through set_weights and the runtime runs its real Yuma epochs and emission.
// Everything the agents do is drawn from one seeded generator in a fixed order, so a seed always gives
// the same run.
import { cryptoReady, type Keypair } from "@opentao/primitives";
import { CoinbaseStorage, SubtensorStorage as S } from "@opentao/runtime";
import { measure, qualityAt, toU16, updateScores, type Validator } from "./agents.js";
import type { SimChain, Submitted } from "./chain.js";
import { resolveConfig, type SimulationConfig } from "./config.js";
import { Rng } from "./rng.js";
import { type SubnetCast, setUpNetwork, sub } from "./setup.js";

export type { SubnetCast } from "./setup.js";

/** The chain state after an epoch, as the agents' earnings see it. */
export interface EpochRecord {
  block: number;
  /** 0–1 through the run, for the miners' quality at that point. */
  progress: number;
  /** Per miner, in cast order. */
  incentive: number[];
  quality: number[];
  /** Per validator, in cast order. */
  dividends: number[];
  validatorTrust: number[];
  /** Alpha each hotkey gained since the run started [rao]: miners, then validators. */
  minerEarned: bigint[];
  validatorEarned: bigint[];
}

export interface SimulationRun {
  config: SimulationConfig;
  chain: SimChain;
  /** Blocks spent on registration and staking before the measured run. */
  setupBlocks: number;
  subnets: {
    cast: SubnetCast;
    /** Alpha on each validator hotkey when the run started [rao] (its stake). */
    startStake: bigint[];
    epochs: EpochRecord[];
  }[];
}

export interface RunOptions {
  /** Called after every block of the measured run. */
  onBlock?: (done: number, total: number) => void;
}

export async function runSimulation(
  partial: Partial<SimulationConfig> = {},
  options: RunOptions = {},
): Promise<SimulationRun> {
  const config = resolveConfig(partial);
  await cryptoReady();
  const rng = new Rng(config.seed);
  const { chain, casts } = setUpNetwork(config, rng);
  const setupBlocks = chain.head;

  const rateLimit = (netuid: number) => Number(S.WeightsSetRateLimit.get(chain.store, netuid));
  const alphaOf = (c: SubnetCast, k: Keypair) => S.TotalHotkeyAlpha.get(chain.store, k.ss58Address, c.netuid);
  const subnets = casts.map((cast) => ({
    cast,
    startStake: cast.validators.map((v) => alphaOf(cast, v.hotkey)),
    minerStart: cast.miners.map((m) => alphaOf(cast, m.hotkey)),
    epochs: [] as EpochRecord[],
    epochJustRan: false,
  }));

  for (let r = 0; r < config.blocks; r++) {
    const progress = config.blocks === 1 ? 0 : r / (config.blocks - 1);
    const next = chain.head + 1;
    const txs: Submitted[] = [];
    const senders: SubnetCast["validators"] = [];
    for (const s of subnets) {
      const permits = S.ValidatorPermit.get(chain.store, s.cast.netuid);
      for (const v of s.cast.validators) {
        if (!permits[v.uid]) continue;
        // Each validator sends its first weights as soon as it holds a permit, then on its own schedule,
        // never faster than the subnet's weights rate limit (as a real validator checks).
        const rested = v.sentAt === undefined || next - v.sentAt >= rateLimit(s.cast.netuid);
        const due =
          v.kind === "copier"
            ? s.epochJustRan || v.sentAt === undefined
            : v.sentAt === undefined || (r % config.weightsInterval === v.offset && rested);
        if (!due || !rested) continue;
        const weights = weightsOf(chain, s.cast, v, progress, rng, config.noise);
        if (!weights) continue;
        senders.push(v);
        v.sentAt = next;
        txs.push({
          label: `${v.name} of subnet ${s.cast.netuid}`,
          signer: v.hotkey,
          call: sub("set_weights", {
            netuid: s.cast.netuid,
            dests: weights.uids,
            weights: weights.values,
            versionKey: 0n,
          }),
        });
      }
    }
    const result = chain.block(txs);
    result.failures.forEach((f, i) => {
      if (!f) return;
      const v = senders[i]!;
      v.failures.set(f, (v.failures.get(f) ?? 0) + 1);
    });
    for (const s of subnets) {
      const { cast } = s;
      s.epochJustRan =
        CoinbaseStorage.LastMechansimStepBlock.get(chain.store, cast.netuid) === BigInt(result.number);
      if (!s.epochJustRan) continue;
      const u16 = (v: number | undefined) => (v ?? 0) / 65_535;
      const incentive = S.Incentive.get(chain.store, cast.netuid);
      const dividends = S.Dividends.get(chain.store, cast.netuid);
      const trust = S.ValidatorTrust.get(chain.store, cast.netuid);
      s.epochs.push({
        block: result.number,
        progress,
        incentive: cast.miners.map((m) => u16(incentive[m.uid])),
        quality: cast.miners.map((m) => qualityAt(m, progress)),
        dividends: cast.validators.map((v) => u16(dividends[v.uid])),
        validatorTrust: cast.validators.map((v) => u16(trust[v.uid])),
        minerEarned: cast.miners.map((m, i) => alphaOf(cast, m.hotkey) - s.minerStart[i]!),
        validatorEarned: cast.validators.map((v, i) => alphaOf(cast, v.hotkey) - s.startStake[i]!),
      });
    }
    options.onBlock?.(r + 1, config.blocks);
  }
  return {
    config,
    chain,
    setupBlocks,
    subnets: subnets.map(({ cast, startStake, epochs }) => ({ cast, startStake, epochs })),
  };
}

/** The weights `v` sends now (uids and u16 values), or undefined when it has nothing to send yet. */
function weightsOf(
  chain: SimChain,
  cast: SubnetCast,
  v: Validator,
  progress: number,
  rng: Rng,
  noise: number,
): { uids: number[]; values: number[] } | undefined {
  const uids = cast.miners.map((m) => m.uid);
  const scored = (scores: readonly number[] | undefined) => {
    const values = scores && toU16(scores);
    return values ? { uids, values } : undefined;
  };
  switch (v.kind) {
    case "honest":
      return scored(
        updateScores(
          v,
          cast.miners.map((m) => measure(m, progress, rng, noise)),
        ),
      );
    case "lazy":
      // Measures once, then sends those same weights forever (staying active, never updating).
      v.frozen ??= scored(
        updateScores(
          v,
          cast.miners.map((m) => measure(m, progress, rng, noise)),
        ),
      )?.values;
      return v.frozen && { uids, values: v.frozen };
    case "copier": {
      // Copies the consensus the chain stored at the last epoch: public, free, and one tempo late.
      const consensus = S.Consensus.get(chain.store, cast.netuid);
      return scored(uids.map((uid) => consensus[uid] ?? 0));
    }
    case "colluder": {
      const own = cast.miners.find((m) => m.kind === "colluders");
      return own && { uids: [own.uid], values: [65_535] };
    }
  }
}
