// The local network `npm start` runs: a dev node in a child process, one subnet per reference task,
// miners of four model families serving from axons, three validators per subnet running the template
// validator, and Yuma Consensus paying out. It measures a few epochs after a warm-up epoch and returns
// what each miner earned next to its held-out quality.
import { cryptoReady, Keypair, parseTao } from "@opentao/primitives";
import { Metagraph, type Synapse } from "@opentao/sdk";
import { startDevnet } from "@opentao/testkit";
import { SUBNETS, type SubnetSpec } from "../lineup.js";
import { spearman } from "../stats.js";
import { submitOrThrow } from "../template/chain.js";
import { Miner } from "../template/miner.js";
import { Validator } from "../template/validator.js";
import { headsWithin } from "./heads.js";

const TAO = 1_000_000_000n;

export interface NetworkOptions {
  /** Epochs measured after the warm-up epoch (default 8). */
  epochs?: number;
  /** Block time of the dev node, ms (default 1000). */
  blockTimeMs?: number;
  subnets?: readonly SubnetSpec[];
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
  /** Called after every block with the current state, for a live table. */
  onBlock?: (state: LiveState) => void;
  /** Aborting stops the run: the node (a child process) is stopped and the run rejects. */
  signal?: AbortSignal;
}

export interface LiveMiner {
  uid: number;
  hotkey: string;
  name: string;
  model: string;
  quality: number;
  /** Mean of the validators' moving-average scores. */
  score: number;
  incentive: number;
  /** Alpha rao paid to the uid by the measured epochs (the chain's per-epoch emission). */
  emission: bigint;
}

export interface LiveValidator {
  uid: number;
  hotkey: string;
  name: string;
  stake: bigint;
  dividends: number;
  emission: bigint;
}

export interface LiveSubnet {
  netuid: number;
  name: string;
  description: string;
  /** TAO per alpha at the pool, as a decimal string. */
  price: string;
  /** Epochs run since measuring began (−1 while warming up). */
  epochs: number;
  miners: LiveMiner[];
  validators: LiveValidator[];
}

export interface LiveState {
  block: number;
  subnets: LiveSubnet[];
}

export interface SubnetSummary {
  netuid: number;
  name: string;
  description: string;
  price: string;
  epochs: number;
  spearman: number;
  miners: (Omit<LiveMiner, "emission" | "score"> & {
    emission: string;
    emission_tao: string;
    score: number;
  })[];
  validators: (Omit<LiveValidator, "stake" | "emission"> & {
    stake: string;
    emission: string;
    emission_tao: string;
  })[];
}

export interface NetworkSummary {
  blocks: number;
  seconds: number;
  subnets: SubnetSummary[];
}

const VALIDATORS = [
  // Staked on root (netuid 0): it counts on every subnet at the TAO weight, without moving the pools' prices.
  { name: "Alice", stake: 1000n * TAO },
  { name: "Bob", stake: 600n * TAO },
  { name: "Charlie", stake: 300n * TAO },
];
const MINER_COLDKEYS = ["Dave", "Eve", "Ferdie"];

/** rao × price ("1.234567890" TAO per alpha) → TAO rao, in integers. */
export function taoValue(alphaRao: bigint, price: string): bigint {
  return (alphaRao * parseTao(price, "pool price")) / TAO;
}

/** Epochs the warm-up may take before a validator that has posted no weights ends the run. */
export const WARM_UP_EPOCHS = 5;

interface RunningSubnet {
  spec: SubnetSpec;
  netuid: number;
  meta: Metagraph;
  miners: { miner: Miner<Synapse>; name: string; model: string; quality: number }[];
  validators: { validator: Validator<Synapse>; name: string }[];
  epochs: number;
  warmUpEpochs: number;
  lastEpochBlock: string;
  emissionSum: Map<string, bigint>;
  incentiveSum: Map<string, number>;
  dividendSum: Map<string, number>;
}

export async function runNetwork(options: NetworkOptions = {}): Promise<NetworkSummary> {
  const epochs = options.epochs ?? 8;
  const blockTimeMs = options.blockTimeMs ?? 1000;
  const log = options.log ?? (() => {});
  const specs = options.subnets ?? SUBNETS;
  if (!Number.isInteger(epochs) || epochs < 1)
    throw new Error(`--epochs must be a whole number ≥ 1, not ${epochs}`);
  if (specs.length > MINER_COLDKEYS.length) throw new Error(`at most ${MINER_COLDKEYS.length} subnets`);
  await cryptoReady();
  const started = performance.now();

  log("Training the miners' models on each subnet's training data…");
  const trained = specs.map((spec) =>
    spec.miners().map((m) => {
      const quality = m.quality();
      log(`  ${spec.name}: ${m.model.padEnd(36)} held-out quality ${quality.toFixed(4)}`);
      return { ...m, quality };
    }),
  );

  const devnet = await startDevnet({
    where: "child",
    mode: "interval",
    blockTimeMs,
  });
  const client = devnet.client;
  const key = (uri: string) => Keypair.fromUri(uri);
  // One signer's transactions go one after another (each needs the nonce after the last).
  const queues = new Map<string, Promise<unknown>>();
  const submit = (who: Keypair, call: Parameters<typeof submitOrThrow>[2]) => {
    const next = (queues.get(who.ss58Address) ?? Promise.resolve())
      .catch(() => {})
      .then(() => submitOrThrow(client, who, call));
    queues.set(who.ss58Address, next);
    return next;
  };
  const running: RunningSubnet[] = [];
  // Stopping the node fails whatever the run awaits (a submission, the head subscription), so the run
  // ends through its own error path and cleans up below.
  const stopNode = () => void devnet.stop();
  options.signal?.addEventListener("abort", stopNode, { once: true });
  try {
    options.signal?.throwIfAborted();
    log(`Dev node at ${devnet.url} (in memory, ${blockTimeMs} ms blocks).`);
    const alice = key("//Alice");
    for (const spec of specs) {
      await submit(alice, {
        pallet: "SubtensorModule",
        name: "register_network",
        // The owner's hotkey takes uid 0 and the owner cut; Alice validates with another hotkey.
        args: { hotkey: key(`//Alice//${spec.name}//owner`).ss58Address },
      });
      const infos = await client.call<{ netuid: number }[]>("subnetInfo_getSubnetsInfo");
      const netuid = Math.max(...infos.map((s) => s.netuid));
      log(`Alice created subnet ${netuid} (${spec.name}: ${spec.description}).`);
      running.push({
        spec,
        netuid,
        meta: new Metagraph(netuid, client),
        miners: [],
        validators: [],
        epochs: -1,
        warmUpEpochs: 0,
        lastEpochBlock: "",
        emissionSum: new Map(),
        incentiveSum: new Map(),
        dividendSum: new Map(),
      });
    }

    // Registrations, one per block per subnet (MaxRegistrationsPerBlock); the subnets go in parallel.
    await Promise.all(
      running.map(async (s, i) => {
        for (const v of VALIDATORS)
          await submit(key(`//${v.name}`), {
            pallet: "SubtensorModule",
            name: "burned_register",
            args: { netuid: s.netuid, hotkey: key(`//${v.name}//${s.spec.name}`).ss58Address },
          });
        const coldkey = key(`//${MINER_COLDKEYS[i]}`);
        for (const m of trained[i]!) {
          const hotkey = key(`//${MINER_COLDKEYS[i]}//${s.spec.name}//${m.name}`);
          await submit(coldkey, {
            pallet: "SubtensorModule",
            name: "burned_register",
            args: { netuid: s.netuid, hotkey: hotkey.ss58Address },
          });
          const miner = new Miner({
            client,
            netuid: s.netuid,
            hotkey,
            synapse: s.spec.synapse,
            forward: m.forward,
            port: 0,
          });
          s.miners.push({ miner, name: m.name, model: m.model, quality: m.quality });
        }
      }),
    );
    await Promise.all(
      VALIDATORS.map(async (v) => {
        for (const s of running)
          await submit(key(`//${v.name}`), {
            pallet: "SubtensorModule",
            name: "add_stake",
            args: {
              hotkey: key(`//${v.name}//${s.spec.name}`).ss58Address,
              netuid: 0,
              amountStaked: v.stake,
            },
          });
      }),
    );
    await Promise.all(running.flatMap((s) => s.miners.map((m) => m.miner.start())));
    for (const s of running) {
      for (const v of VALIDATORS) {
        const validator = new Validator({
          client,
          netuid: s.netuid,
          hotkey: key(`//${v.name}//${s.spec.name}`),
          task: s.spec.task(),
          timeout: 5,
        });
        s.validators.push({ validator, name: v.name });
      }
      log(
        `Subnet ${s.netuid}: ${s.miners.length} miners serving (${s.miners.map((m) => m.name).join(", ")}), validators ${VALIDATORS.map((v) => `${v.name} (${v.stake / TAO} TAO on root)`).join(", ")}.`,
      );
    }
    log(`Running: one warm-up epoch, then ${epochs} measured epochs per subnet.`);

    const inFlight = new Map<Validator<Synapse>, Promise<void>>();
    const stepAll = () => {
      for (const s of running)
        for (const { validator } of s.validators) {
          if (inFlight.has(validator)) continue;
          inFlight.set(
            validator,
            validator
              .runStep()
              .then(
                () => {},
                (e) =>
                  log(
                    `validator ${validator.hotkey.slice(0, 8)} on subnet ${s.netuid}: ${e instanceof Error ? e.message : e}`,
                  ),
              )
              .finally(() => inFlight.delete(validator)),
          );
        }
    };

    const heads = await client.subscribeNewHeads();
    let block = 0;
    const done = () => running.every((s) => s.epochs >= epochs);
    for await (const head of headsWithin(heads, Math.max(60_000, 30 * blockTimeMs))) {
      block = head.number;
      stepAll();
      await Promise.all(running.map((s) => s.meta.sync({ lite: true })));
      for (const s of running) observe(s);
      options.onBlock?.(liveState(block, running));
      if (done()) break;
    }
    if (!done()) throw new Error(`the node's block subscription ended at block ${block}`);
    await heads.unsubscribe();
    await Promise.all(inFlight.values());
    return summarize(block, (performance.now() - started) / 1000, running);
  } catch (error) {
    throw options.signal?.aborted ? options.signal.reason : error;
  } finally {
    options.signal?.removeEventListener("abort", stopNode);
    await Promise.all(running.flatMap((s) => s.miners.map((m) => m.miner.stop())));
    for (const s of running) for (const v of s.validators) v.validator.dendrite.close();
    await devnet.stop();
  }
}

/**
 * Counts epochs; measuring starts at the first epoch after every validator has posted weights. Throws
 * when that has not happened within WARM_UP_EPOCHS epochs, naming the validators that posted none.
 */
function observe(s: RunningSubnet): void {
  const m = s.meta;
  const epochBlock = String((m.subnet as { lastEpochBlock: string }).lastEpochBlock);
  if (epochBlock === s.lastEpochBlock) return;
  const first = s.lastEpochBlock === "";
  s.lastEpochBlock = epochBlock;
  if (s.epochs < 0) {
    const silent = s.validators.filter(({ validator }) => {
      const uid = m.hotkeys.indexOf(validator.hotkey);
      return uid < 0 || m.last_update[uid]! <= m.block_at_registration[uid]!;
    });
    if (silent.length === 0) {
      s.epochs = 0;
      return;
    }
    if (!first && ++s.warmUpEpochs >= WARM_UP_EPOCHS)
      throw new Error(
        `subnet ${s.netuid} (${s.spec.name}): warm-up did not finish — validator${silent.length === 1 ? "" : "s"} ${silent.map((v) => v.name).join(", ")} posted no weights in ${WARM_UP_EPOCHS} epochs (block ${m.block}); see the validator errors above`,
      );
    return;
  }
  s.epochs++;
  m.hotkeys.forEach((h, uid) => {
    s.emissionSum.set(h, (s.emissionSum.get(h) ?? 0n) + m.emission[uid]!);
    s.incentiveSum.set(h, (s.incentiveSum.get(h) ?? 0) + m.incentive[uid]!);
    s.dividendSum.set(h, (s.dividendSum.get(h) ?? 0) + m.dividends[uid]!);
  });
}

function liveState(block: number, running: RunningSubnet[]): LiveState {
  return {
    block,
    subnets: running.map((s) => {
      const m = s.meta;
      const uidOf = (hotkey: string) => m.hotkeys.indexOf(hotkey);
      const earned = (uid: number) => s.emissionSum.get(m.hotkeys[uid]!) ?? 0n;
      const avg = (sum: Map<string, number>, uid: number) =>
        s.epochs > 0 ? (sum.get(m.hotkeys[uid]!) ?? 0) / s.epochs : m.incentive[uid]!;
      return {
        netuid: s.netuid,
        name: s.spec.name,
        description: s.spec.description,
        price: String((m.dynamic as { price: string }).price),
        epochs: s.epochs,
        miners: s.miners.map(({ miner, name, model, quality }) => {
          const uid = uidOf(miner.hotkey);
          const scores = s.validators.map(({ validator }) => validator.scores[uid] ?? 0);
          return {
            uid,
            hotkey: miner.hotkey,
            name,
            model,
            quality,
            score: scores.reduce((a, b) => a + b, 0) / scores.length,
            incentive: avg(s.incentiveSum, uid),
            emission: earned(uid),
          };
        }),
        validators: s.validators.map(({ validator, name }) => {
          const uid = uidOf(validator.hotkey);
          return {
            uid,
            hotkey: validator.hotkey,
            name,
            stake: m.stake[uid]!,
            dividends:
              s.epochs > 0 ? (s.dividendSum.get(m.hotkeys[uid]!) ?? 0) / s.epochs : m.dividends[uid]!,
            emission: earned(uid),
          };
        }),
      };
    }),
  };
}

function summarize(block: number, seconds: number, running: RunningSubnet[]): NetworkSummary {
  const live = liveState(block, running);
  return {
    blocks: block,
    seconds: Math.round(seconds * 10) / 10,
    subnets: live.subnets.map((s) => ({
      ...s,
      spearman: spearman(
        s.miners.map((m) => m.quality),
        s.miners.map((m) => m.incentive),
      ),
      miners: s.miners.map((m) => ({
        ...m,
        emission: m.emission.toString(),
        emission_tao: taoValue(m.emission, s.price).toString(),
      })),
      validators: s.validators.map((v) => ({
        ...v,
        stake: v.stake.toString(),
        emission: v.emission.toString(),
        emission_tao: taoValue(v.emission, s.price).toString(),
      })),
    })),
  };
}
