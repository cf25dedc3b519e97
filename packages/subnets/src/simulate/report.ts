// What a run comes to: per miner and per validator earnings (alpha and its TAO value at the pool's
// final price), per-epoch series for charts, and a verdict on each adversary.
import { type PoolState, SubtensorStorage as S, spotPrice } from "@opentao/runtime";
import type { MinerKind, ValidatorKind } from "./agents.js";
import type { SimulationConfig } from "./config.js";
import type { SimulationRun } from "./run.js";

export const REPORT_FORMAT = "opentao-network-simulation/1";

export interface MinerReport {
  name: string;
  kind: MinerKind;
  uid: number;
  hotkey: string;
  /** True quality: at the start, at the end, and averaged over the epochs. */
  qualityStart: number;
  qualityEnd: number;
  quality: number;
  /** Incentive averaged over the epochs (0–1). */
  incentive: number;
  /** Alpha staked to it by the epochs [rao], and that alpha's value at the final pool price [rao of TAO]. */
  emission: bigint;
  emissionTao: bigint;
  /** Its share of all miner emission, and its share of all miners' average quality (what it "deserves"). */
  emissionShare: number;
  qualityShare: number;
}

export interface ValidatorReport {
  name: string;
  kind: ValidatorKind;
  uid: number;
  hotkey: string;
  /** Alpha on its hotkey when the run started [rao], and its share of all validator stake then. */
  stake: bigint;
  stakeShare: number;
  /** Dividends and validator trust averaged over the epochs (0–1). */
  dividends: number;
  validatorTrust: number;
  /** Alpha its dividends added to its stake [rao], and that alpha's value in TAO [rao]. */
  earned: bigint;
  earnedTao: bigint;
  /**
   * Alpha earned per alpha staked per epoch over the run: earned / Σ (stake before each epoch). Dividends
   * compound into stake, so this is the fair comparison between validators whatever their stake.
   */
  yieldPerEpoch: number;
  /** Calls of its that the runtime refused, by error name. */
  failedCalls: Record<string, number>;
}

export interface AdversaryVerdict {
  adversary: "copier" | "lazy" | "colluders" | "random-miner";
  /** True when it came out ahead of behaving honestly (see `measure`). */
  profited: boolean;
  /** What it got relative to its honest benchmark: 1 = the same, above 1 = more. */
  ratio: number;
  measure: string;
}

export interface SubnetReport {
  netuid: number;
  /** Final pool price [rao of TAO per alpha], what alpha amounts are valued at. */
  price: bigint;
  miners: MinerReport[];
  validators: ValidatorReport[];
  verdicts: AdversaryVerdict[];
  epochs: {
    block: number;
    incentive: number[];
    quality: number[];
    dividends: number[];
    validatorTrust: number[];
    minerEmission: bigint[];
    validatorEarned: bigint[];
  }[];
}

export interface SimulationReport {
  format: typeof REPORT_FORMAT;
  config: SimulationConfig;
  setupBlocks: number;
  blocks: number;
  epochs: number;
  subnets: SubnetReport[];
}

const RAO_PER_ALPHA = 1_000_000_000n;

/** Six decimals: enough to read, and the same text on every run. */
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const ratioOf = (a: bigint, b: bigint) => (b === 0n ? 0 : Number((a * 1_000_000_000n) / b) / 1e9);

/** alpha × price, the price a U64F64 in TAO per alpha. */
function taoValue(alpha: bigint, pool: PoolState): bigint {
  return (alpha * spotPrice(pool).bits) >> 64n;
}

export function buildReport(run: SimulationRun): SimulationReport {
  const { chain } = run;
  const subnets = run.subnets.map(({ cast, startStake, epochs }): SubnetReport => {
    const { netuid } = cast;
    const pool: PoolState = {
      taoReserve: S.SubnetTAO.get(chain.store, netuid),
      alphaReserve: S.SubnetAlphaIn.get(chain.store, netuid),
      quoteWeight: S.PoolQuoteWeight.get(chain.store, netuid),
    };
    const last = epochs.at(-1);
    const minerEmission = cast.miners.map((_, i) => last?.minerEarned[i] ?? 0n);
    const totalMiner = minerEmission.reduce((a, b) => a + b, 0n);
    // Averaged over the epochs, where the pay was decided (the start when no epoch ran).
    const quality = cast.miners.map((m, i) =>
      epochs.length === 0 ? m.qualityStart : mean(epochs.map((e) => e.quality[i]!)),
    );
    const totalQuality = quality.reduce((a, b) => a + b, 0);
    const totalStake = startStake.reduce((a, b) => a + b, 0n);

    const miners = cast.miners.map(
      (m, i): MinerReport => ({
        name: m.name,
        kind: m.kind,
        uid: m.uid,
        hotkey: m.hotkey.ss58Address,
        qualityStart: r6(m.qualityStart),
        qualityEnd: r6(m.qualityEnd),
        quality: r6(quality[i]!),
        incentive: r6(mean(epochs.map((e) => e.incentive[i]!))),
        emission: minerEmission[i]!,
        emissionTao: taoValue(minerEmission[i]!, pool),
        emissionShare: r6(ratioOf(minerEmission[i]!, totalMiner)),
        qualityShare: r6(totalQuality === 0 ? 0 : quality[i]! / totalQuality),
      }),
    );
    const stakeEpochs = cast.validators.map((_, i) => {
      let sum = 0n;
      let before = 0n;
      for (const e of epochs) {
        sum += startStake[i]! + before;
        before = e.validatorEarned[i]!;
      }
      return sum;
    });
    const validators = cast.validators.map((v, i): ValidatorReport => {
      const earned = last?.validatorEarned[i] ?? 0n;
      return {
        name: v.name,
        kind: v.kind,
        uid: v.uid,
        hotkey: v.hotkey.ss58Address,
        stake: startStake[i]!,
        stakeShare: r6(ratioOf(startStake[i]!, totalStake)),
        dividends: r6(mean(epochs.map((e) => e.dividends[i]!))),
        validatorTrust: r6(mean(epochs.map((e) => e.validatorTrust[i]!))),
        earned,
        earnedTao: taoValue(earned, pool),
        yieldPerEpoch: r6(ratioOf(earned, stakeEpochs[i]!)),
        failedCalls: Object.fromEntries([...v.failures].sort(([a], [b]) => (a < b ? -1 : 1))),
      };
    });
    return {
      netuid,
      price: taoValue(RAO_PER_ALPHA, pool),
      miners,
      validators,
      // Nothing was paid before the first epoch, so there is nothing to judge.
      verdicts: epochs.length === 0 ? [] : verdicts(run.config, miners, validators, stakeEpochs),
      epochs: epochs.map((e) => ({
        block: e.block,
        incentive: e.incentive.map(r6),
        quality: e.quality.map(r6),
        dividends: e.dividends.map(r6),
        validatorTrust: e.validatorTrust.map(r6),
        minerEmission: e.minerEarned,
        validatorEarned: e.validatorEarned,
      })),
    };
  });
  return {
    format: REPORT_FORMAT,
    config: run.config,
    setupBlocks: run.setupBlocks,
    blocks: run.config.blocks,
    epochs: Math.max(0, ...subnets.map((s) => s.epochs.length)),
    subnets,
  };
}

function verdicts(
  config: SimulationConfig,
  miners: MinerReport[],
  validators: ValidatorReport[],
  stakeEpochs: bigint[],
): AdversaryVerdict[] {
  const sum = (kind: string, of: (v: ValidatorReport, i: number) => bigint) =>
    validators.reduce((a, v, i) => (v.kind === kind ? a + of(v, i) : a), 0n);
  const honestYield = ratioOf(
    sum("honest", (v) => v.earned),
    sum("honest", (_, i) => stakeEpochs[i]!),
  );
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  // A validator that earns nearly what honest ones do without their work has profited; a miner (or the
  // colluders) must beat its quality's share by more than measurement noise.
  const validatorProfit = (ratio: number) => ratio >= 0.95;
  const minerProfit = (ratio: number) => ratio > 1.05;
  const out: AdversaryVerdict[] = [];
  const has = (a: string) => (config.adversaries as readonly string[]).includes(a);
  for (const kind of ["copier", "lazy"] as const) {
    const v = validators.find((x) => x.kind === kind);
    if (!v || !has(kind)) continue;
    const ratio = honestYield === 0 ? 0 : v.yieldPerEpoch / honestYield;
    out.push({
      adversary: kind,
      profited: validatorProfit(ratio),
      ratio: r6(ratio),
      measure: `${kind === "copier" ? "copying the consensus" : "never updating its weights"}, it earned ${pct(ratio)} of the honest validators' yield per staked alpha`,
    });
  }
  const own = miners.find((m) => m.kind === "colluders");
  if (own && has("colluders")) {
    // What the group got, against honest validation with the same stake plus a miner paid by its quality.
    const groupShare = validators.reduce((a, v) => (v.kind === "colluder" ? a + v.stakeShare : a), 0);
    const gained = sum("colluder", (v) => v.earned) + own.emission;
    const totalMiner = miners.reduce((a, m) => a + m.emission, 0n);
    // Had the same stake validated honestly, it would have grown as the honest validators' did.
    const honestStart = sum("honest", (v) => v.stake);
    const fair =
      (sum("colluder", (v) => v.stake) * sum("honest", (v) => v.earned)) /
        (honestStart === 0n ? 1n : honestStart) +
      (totalMiner * BigInt(Math.round(own.qualityShare * 1e9))) / 1_000_000_000n;
    const ratio = ratioOf(gained, fair);
    out.push({
      adversary: "colluders",
      profited: minerProfit(ratio),
      ratio: r6(ratio),
      measure:
        `the group (${pct(groupShare)} of the stake) ` +
        `got ${pct(ratio)} of what honest validation and a miner paid by its quality would have earned; ` +
        `its miner took ${pct(own.emissionShare)} of miner emission for ${pct(own.qualityShare)} of the quality`,
    });
  }
  const random = miners.find((m) => m.kind === "random");
  if (random && has("random-miner")) {
    const ratio = random.qualityShare === 0 ? 0 : random.emissionShare / random.qualityShare;
    out.push({
      adversary: "random-miner",
      profited: minerProfit(ratio),
      ratio: r6(ratio),
      measure: `answering at random, it took ${pct(random.emissionShare)} of miner emission for ${pct(random.qualityShare)} of the quality`,
    });
  }
  return out;
}
