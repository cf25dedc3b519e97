// Runs the whole network in one process: genesis, then registration and staking through signed
// extrinsics, then `blocks` blocks in which validators set weights through set_weights and the runtime
// runs its real Yuma epochs and emission. Everything the agents do is drawn from one seeded generator in
// a fixed order, so a seed always gives the same run.
import { cryptoReady, Keypair, RAO_PER_TAO } from "@opentao/primitives";
import {
  CoinbaseStorage,
  type GenesisConfig,
  getPreset,
  isInAdminFreezeWindow,
  type RuntimeCall,
  readSchedule,
  SubtensorStorage as S,
} from "@opentao/runtime";
import {
  CHANCE_QUALITY,
  COLLUDERS_MINER_QUALITY,
  honestQualities,
  type Miner,
  measure,
  qualityAt,
  toU16,
  updateScores,
  type Validator,
} from "./agents.js";
import { SimChain, type Submitted } from "./chain.js";
import { resolveConfig, type SimulationConfig } from "./config.js";
import { Rng } from "./rng.js";

const TAO = RAO_PER_TAO;
/**
 * Honest validators stake about this much, the copier and the lazy one exactly this: small next to the
 * new subnet's pool (the fast preset's 10 TAO lock), so buying it moves the alpha price only a few times.
 */
const BASE_STAKE = TAO;
/**
 * Stake is bought through the subnet's pool, whose price rises with every purchase; buying in small rounds
 * in snake order (reversed every other round) keeps each validator's alpha close to its share of the TAO.
 */
const STAKE_ROUNDS = 20;
/** Spare TAO on every account for registration burns and fees. */
const SPARE = 1_000n * TAO;

export interface SubnetCast {
  netuid: number;
  owner: Keypair;
  ownerHotkey: Keypair;
  miners: (Miner & { uid: number })[];
  validators: (Validator & { uid: number; sentAt: number | undefined; failures: Map<string, number> })[];
}

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

const sub = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function keys(path: string) {
  return { coldkey: Keypair.fromUri(path), hotkey: Keypair.fromUri(`${path}//hot`) };
}

function castSubnet(config: SimulationConfig, k: number, rng: Rng): Omit<SubnetCast, "netuid"> {
  const root = `//Sim//${k}`;
  const miners: Miner[] = honestQualities(config.miners, rng).map((q, i) => ({
    name: `miner-${i}`,
    kind: "honest",
    qualityStart: q.start,
    qualityEnd: q.end,
    ...keys(`${root}//miner-${i}`),
  }));
  const has = (a: string) => (config.adversaries as readonly string[]).includes(a);
  if (has("random-miner"))
    miners.push({
      name: "random-miner",
      kind: "random",
      qualityStart: CHANCE_QUALITY,
      qualityEnd: CHANCE_QUALITY,
      ...keys(`${root}//random-miner`),
    });
  if (has("colluders"))
    miners.push({
      name: "colluders-miner",
      kind: "colluders",
      qualityStart: COLLUDERS_MINER_QUALITY,
      qualityEnd: COLLUDERS_MINER_QUALITY,
      ...keys(`${root}//colluders-miner`),
    });

  const validator = (name: string, kind: Validator["kind"], stake: bigint): Validator => ({
    name,
    kind,
    stake,
    offset: 0,
    scores: undefined,
    frozen: undefined,
    ...keys(`${root}//${name}`),
  });
  const validators: Validator[] = [];
  for (let i = 0; i < config.validators; i++) {
    const milliTao = BigInt(Math.round(rng.uniform(800, 1200)));
    validators.push(validator(`validator-${i}`, "honest", (milliTao * TAO) / 1000n));
  }
  if (has("copier")) validators.push(validator("copier", "copier", BASE_STAKE));
  if (has("lazy")) validators.push(validator("lazy", "lazy", BASE_STAKE));
  if (has("colluders")) {
    // The group holds `collusionShare` of all validator stake, split between two validators.
    const others = validators.reduce((sum, v) => sum + v.stake, 0n);
    const ppm = BigInt(Math.round(config.collusionShare * 1_000_000));
    const group = (others * ppm) / (1_000_000n - ppm);
    validators.push(validator("colluder-0", "colluder", group / 2n));
    validators.push(validator("colluder-1", "colluder", group - group / 2n));
  }
  validators.forEach((v, i) => {
    v.offset = (i * 3) % config.weightsInterval;
  });
  return {
    owner: Keypair.fromUri(`${root}//owner`),
    ownerHotkey: Keypair.fromUri(`${root}//owner//hot`),
    miners: miners as SubnetCast["miners"],
    validators: validators as SubnetCast["validators"],
  };
}

function genesisOf(casts: Omit<SubnetCast, "netuid">[], sudo: Keypair): GenesisConfig {
  const author = Keypair.fromUri("//Sim//author");
  const balances = [
    { address: author.ss58Address, free: SPARE },
    { address: sudo.ss58Address, free: SPARE },
  ];
  for (const c of casts) {
    balances.push({ address: c.owner.ss58Address, free: 10n * SPARE });
    for (const m of c.miners) balances.push({ address: m.coldkey.ss58Address, free: SPARE });
    for (const v of c.validators) balances.push({ address: v.coldkey.ss58Address, free: v.stake + SPARE });
  }
  return { balances, sudo: sudo.ss58Address, authorities: [author.ss58Address] };
}

/** Imports a setup block; any failed call there is a bug in the simulation, so it throws. */
function setupBlock(chain: SimChain, txs: Submitted[]): void {
  const { failures, number } = chain.block(txs);
  failures.forEach((f, i) => {
    if (f) throw new Error(`setup block ${number}: ${txs[i]!.label} failed with ${f}`);
  });
}

export async function runSimulation(
  partial: Partial<SimulationConfig> = {},
  options: RunOptions = {},
): Promise<SimulationRun> {
  const config = resolveConfig(partial);
  await cryptoReady();
  const rng = new Rng(config.seed);
  const drafts = Array.from({ length: config.subnets }, (_, k) => castSubnet(config, k, rng));
  const sudo = Keypair.fromUri("//Sim//sudo");
  const chain = new SimChain(getPreset(config.preset), genesisOf(drafts, sudo));

  // No owner cut: an owner hotkey that earns stake but sets no weights would sit in consensus as a
  // validator voting zero for every miner; the simulation is about miners and validators.
  const noOwnerCut: Submitted = {
    label: "sudo",
    signer: sudo,
    call: {
      pallet: "Sudo",
      name: "sudo",
      args: { call: { pallet: "AdminUtils", name: "sudo_set_subnet_owner_cut", args: { value: 0 } } },
    },
  };
  const added = chain.block([
    noOwnerCut,
    ...drafts.map((c, k) => ({
      label: `subnet ${k} owner`,
      signer: c.owner,
      call: sub("register_network", { hotkey: c.ownerHotkey.ss58Address }),
    })),
  ]);
  if (S.SubnetOwnerCut.get(chain.store) !== 0)
    throw new Error("setup: the sudo call to zero the owner cut failed");
  const netuids = added.events
    .filter((e) => e.event.name === "NetworkAdded")
    .map((e) => e.event.data.netuid as number);
  if (netuids.length !== drafts.length)
    throw new Error(`setup: ${drafts.length - netuids.length} subnet registrations failed`);
  const casts: SubnetCast[] = drafts.map((c, k) => ({ ...c, netuid: netuids[k]! }));

  setupBlock(
    chain,
    casts.flatMap((c) =>
      [...c.miners, ...c.validators].map((a) => ({
        label: `${a.name} of subnet ${c.netuid}`,
        signer: a.coldkey,
        call: sub("burned_register", { netuid: c.netuid, hotkey: a.hotkey.ss58Address }),
      })),
    ),
  );
  for (const c of casts) {
    for (const a of [...c.miners, ...c.validators])
      a.uid = S.Uids.get(chain.store, c.netuid, a.hotkey.ss58Address)!;
    for (const v of c.validators) {
      v.failures = new Map();
      v.sentAt = undefined;
    }
  }
  // The owner switches Yuma variant (an owner hyperparameter) in a staking block outside the freeze window.
  const yuma3 = config.yuma === "yuma3";
  const toSwitch = new Set(casts.filter((c) => S.Yuma3On.get(chain.store, c.netuid) !== yuma3));
  for (let round = 0; round < STAKE_ROUNDS; round++) {
    const switches = [...toSwitch]
      .filter(
        (c) =>
          !isInAdminFreezeWindow(
            readSchedule(chain.store, c.netuid),
            BigInt(chain.head + 1),
            S.AdminFreezeWindow.get(chain.store),
          ),
      )
      .map((c): Submitted => {
        toSwitch.delete(c);
        return {
          label: `owner of subnet ${c.netuid}`,
          signer: c.owner,
          call: {
            pallet: "AdminUtils",
            name: "sudo_set_yuma3_enabled",
            args: { netuid: c.netuid, value: yuma3 },
          },
        };
      });
    setupBlock(chain, [
      ...switches,
      ...casts.flatMap((c) => {
        const n = c.validators.length;
        return c.validators.map((_, j) => {
          const v = c.validators[round % 2 === 0 ? j : n - 1 - j]!;
          const part = v.stake / BigInt(STAKE_ROUNDS);
          const amount = round === STAKE_ROUNDS - 1 ? v.stake - part * BigInt(STAKE_ROUNDS - 1) : part;
          return {
            label: `${v.name} of subnet ${c.netuid}`,
            signer: v.coldkey,
            call: sub("add_stake", { hotkey: v.hotkey.ss58Address, netuid: c.netuid, amountStaked: amount }),
          };
        });
      }),
    ]);
  }
  if (toSwitch.size > 0)
    throw new Error("setup: no block outside the admin freeze window to switch the Yuma variant");
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
