// The template validator: syncs the metagraph, queries the miners' axons with a dendrite, scores the
// answers with a task, keeps a moving average of each uid's score (reset when a uid's hotkey changes),
// and every `epochLength` blocks posts the averages as weights — directly, or by commit and reveal
// when the subnet asks for it. The shape of bittensor's classic template (neurons/validator.py).
import { randomInt } from "node:crypto";
import type { Keypair } from "@opentao/primitives";
import { type RuntimeCall, weightCommitHash } from "@opentao/runtime";
import {
  type ChainClient,
  convertWeightsAndUidsForEmit,
  Dendrite,
  Metagraph,
  type Synapse,
} from "@opentao/sdk";
import { submitOrThrow } from "./chain.js";
import { queryRound } from "./round.js";

/** One miner's answer, with the dendrite's status and timing on `synapse.dendrite`. */
export interface Response<T extends Synapse> {
  uid: number;
  hotkey: string;
  synapse: T;
  /** Seconds from the round's start until the answer arrived: one clock for all answers of a round. */
  arrival: number;
}

/** A reward in [0, 1] for the hotkey that held `uid` when it was asked. */
export interface Reward {
  uid: number;
  hotkey: string;
  reward: number;
}

/** A subnet's work, as the validator sees it. Each step calls `challenge` and then `score` for it. */
export interface ValidatorTask<T extends Synapse> {
  /** A fresh challenge for this step. */
  challenge(step: number): T;
  /** Rewards ready now: for this step's answers, or for earlier ones whose truth has since arrived. */
  score(step: number, responses: Response<T>[], timeout: number): Reward[];
}

export interface ValidatorOptions<T extends Synapse> {
  client: ChainClient;
  netuid: number;
  hotkey: Keypair;
  task: ValidatorTask<T>;
  /** Seconds a miner has to answer (default 10, `--neuron.timeout`). */
  timeout?: number;
  /** Weight of a new reward in the moving average (default 0.1, `--neuron.moving_average_alpha`). */
  alpha?: number;
  /** Blocks between two weight posts (default: the subnet's weights rate limit). */
  epochLength?: number;
  /** Miners asked per step; default all that serve (`--neuron.sample_size`). */
  sampleSize?: number;
  versionKey?: bigint;
  /** Dendrite to use (default a new one for the hotkey). */
  dendrite?: Dendrite;
}

export interface StepReport {
  step: number;
  block: number;
  queried: number[];
  rewards: Reward[];
  /** Set when weights were posted (or committed) in this step. */
  weights?: { uids: number[]; weights: number[]; how: "set" | "commit" | "reveal" };
}

interface PendingCommit {
  uids: number[];
  values: number[];
  salt: number[];
  epochsSeen: number;
}

export class Validator<T extends Synapse> {
  readonly metagraph: Metagraph;
  readonly dendrite: Dendrite;
  /** Moving-average score per uid. */
  scores: number[] = [];
  /** The hotkey each score belongs to. */
  hotkeys: string[] = [];
  step = 0;
  #lastWeightsBlock = -Infinity;
  #lastEpochBlock = "";
  #pending: PendingCommit[] = [];

  constructor(readonly options: ValidatorOptions<T>) {
    this.metagraph = new Metagraph(options.netuid, options.client);
    this.dendrite = options.dendrite ?? new Dendrite(options.hotkey);
  }

  get hotkey(): string {
    return this.options.hotkey.ss58Address;
  }

  get uid(): number {
    return this.metagraph.hotkeys.indexOf(this.hotkey);
  }

  /** Syncs the metagraph; a uid whose hotkey changed (a new miner in a pruned slot) starts from zero. */
  async sync(): Promise<void> {
    await this.metagraph.sync({ lite: true });
    const n = this.metagraph.n;
    const next = new Array<number>(n).fill(0);
    for (let uid = 0; uid < n; uid++)
      if (this.hotkeys[uid] === this.metagraph.hotkeys[uid]) next[uid] = this.scores[uid] ?? 0;
    this.scores = next;
    this.hotkeys = [...this.metagraph.hotkeys];
    if (this.uid < 0)
      throw new Error(`validator hotkey ${this.hotkey} is not registered on subnet ${this.options.netuid}`);
  }

  /** The uids to ask: every serving axon but our own, or a random sample of them. */
  minerUids(): number[] {
    const uids = this.metagraph.uids.filter(
      (uid) => this.metagraph.axons[uid]?.is_serving && uid !== this.uid,
    );
    const k = this.options.sampleSize;
    if (k === undefined || k >= uids.length) return uids;
    for (let i = uids.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [uids[i], uids[j]] = [uids[j]!, uids[i]!];
    }
    return uids.slice(0, k);
  }

  /** One round: query, score, average, and post weights when due. */
  async runStep(): Promise<StepReport> {
    await this.sync();
    const step = this.step++;
    const uids = this.minerUids();
    const timeout = this.options.timeout ?? 10;
    const synapse = this.options.task.challenge(step);
    const axons = uids.map((uid) => this.metagraph.axons[uid]!);
    const answers = await queryRound(this.dendrite, axons, synapse, timeout);
    const responses = uids.map((uid, i) => ({ uid, hotkey: this.metagraph.hotkeys[uid]!, ...answers[i]! }));
    const rewards = this.options.task.score(step, responses, timeout);
    this.updateScores(rewards);
    const report: StepReport = { step, block: this.metagraph.block, queried: uids, rewards };
    const weights = await this.maybePostWeights();
    if (weights) report.weights = weights;
    return report;
  }

  /** scores = α·reward + (1 − α)·scores, for rewards still held by the hotkey that earned them. */
  updateScores(rewards: readonly Reward[]): void {
    const alpha = this.options.alpha ?? 0.1;
    for (const { uid, hotkey, reward } of rewards) {
      if (this.hotkeys[uid] !== hotkey) continue;
      const r = Number.isFinite(reward) ? Math.min(1, Math.max(0, reward)) : 0;
      this.scores[uid] = alpha * r + (1 - alpha) * (this.scores[uid] ?? 0);
    }
  }

  /** Normalized scores over the uids that have any, as bittensor's L1 normalization. */
  weightsToPost(): { uids: number[]; weights: number[] } {
    const uids = this.metagraph.uids.filter((uid) => (this.scores[uid] ?? 0) > 0);
    const sum = uids.reduce((s, uid) => s + this.scores[uid]!, 0);
    return convertWeightsAndUidsForEmit(
      uids,
      uids.map((uid) => this.scores[uid]! / sum),
    );
  }

  async maybePostWeights(): Promise<StepReport["weights"] | undefined> {
    const m = this.metagraph;
    const hp = m.hyperparameters as {
      weightsRateLimit: string;
      commitRevealWeightsEnabled: boolean;
      commitRevealPeriod: string;
    };
    const epochBlock = String((m.subnet as { lastEpochBlock: string }).lastEpochBlock);
    if (epochBlock !== this.#lastEpochBlock) {
      this.#lastEpochBlock = epochBlock;
      for (const c of this.#pending) c.epochsSeen++;
    }
    const due = this.#pending.find((c) => c.epochsSeen >= Number(hp.commitRevealPeriod));
    if (due) return this.#reveal(due);
    // Weights from a uid without a validator permit are refused; permits come with the next epoch.
    if (!m.validator_permit[this.uid]) return undefined;
    const every = this.options.epochLength ?? Number(hp.weightsRateLimit);
    const since = m.block - Math.max(m.last_update[this.uid] ?? 0, this.#lastWeightsBlock);
    if (since < Math.max(every, Number(hp.weightsRateLimit))) return undefined;
    const { uids, weights } = this.weightsToPost();
    if (uids.length === 0) return undefined;
    this.#lastWeightsBlock = m.block;
    if (hp.commitRevealWeightsEnabled) return this.#commit(uids, weights);
    await this.#submit("set_weights", {
      netuid: m.netuid,
      dests: uids,
      weights,
      versionKey: this.options.versionKey ?? 0n,
    });
    return { uids, weights, how: "set" };
  }

  async #commit(uids: number[], values: number[]): Promise<StepReport["weights"]> {
    const salt = Array.from({ length: 8 }, () => randomInt(65536));
    const commitHash = weightCommitHash({
      hotkey: this.hotkey,
      netuidIndex: this.metagraph.netuid,
      uids,
      values,
      salt,
      versionKey: this.options.versionKey ?? 0n,
    });
    await this.#submit("commit_weights", { netuid: this.metagraph.netuid, commitHash });
    this.#pending.push({ uids, values, salt, epochsSeen: 0 });
    return { uids, weights: values, how: "commit" };
  }

  async #reveal(c: PendingCommit): Promise<StepReport["weights"]> {
    this.#pending = this.#pending.filter((p) => p !== c);
    await this.#submit("reveal_weights", {
      netuid: this.metagraph.netuid,
      uids: c.uids,
      values: c.values,
      salt: c.salt,
      versionKey: this.options.versionKey ?? 0n,
    });
    return { uids: c.uids, weights: c.values, how: "reveal" };
  }

  #submit(name: string, args: Record<string, unknown>): Promise<void> {
    return submitOrThrow(this.options.client, this.options.hotkey, {
      pallet: "SubtensorModule",
      name,
      args,
    } as RuntimeCall);
  }

  /** Steps on every new block until `signal` aborts; a failed step is reported and the loop goes on. */
  async run(
    opts: { signal?: AbortSignal; onStep?: (r: StepReport) => void; onError?: (e: unknown) => void } = {},
  ): Promise<void> {
    const heads = await this.options.client.subscribeNewHeads();
    // Aborted while subscribing: the event has passed, and the loop would wait for a block to notice.
    const stop = () => void heads.unsubscribe();
    if (opts.signal?.aborted) stop();
    else opts.signal?.addEventListener("abort", stop, { once: true });
    for await (const _ of heads) {
      if (opts.signal?.aborted) break;
      try {
        opts.onStep?.(await this.runStep());
      } catch (e) {
        opts.onError?.(e);
      }
    }
  }
}
