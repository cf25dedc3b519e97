// Setting the network up through the same signed extrinsics a user would send: the subnets
// (register_network), every miner and validator (burned_register), the validators' stake (add_stake),
// and the sudo and owner calls that pick the subnets' economics.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import {
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
  type Validator,
} from "./agents.js";
import { SimChain, type Submitted } from "./chain.js";
import type { SimulationConfig } from "./config.js";
import type { Rng } from "./rng.js";

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

/** A subnet's participants once registered, with their UIDs. */
export interface SubnetCast {
  netuid: number;
  owner: Keypair;
  miners: (Miner & { uid: number })[];
  validators: (Validator & { uid: number; sentAt: number | undefined; failures: Map<string, number> })[];
}

interface Draft {
  owner: Keypair;
  ownerHotkey: Keypair;
  miners: Miner[];
  validators: Validator[];
}

export const sub = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function keys(path: string) {
  return { coldkey: Keypair.fromUri(path), hotkey: Keypair.fromUri(`${path}//hot`) };
}

function castSubnet(config: SimulationConfig, k: number, rng: Rng): Draft {
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
    miners,
    validators,
  };
}

function genesisOf(casts: Draft[], sudo: Keypair): GenesisConfig {
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

/** Genesis, then the setup blocks; returns the chain at the start of the measured run and the casts. */
export function setUpNetwork(config: SimulationConfig, rng: Rng): { chain: SimChain; casts: SubnetCast[] } {
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

  setupBlock(
    chain,
    drafts.flatMap((c, k) =>
      [...c.miners, ...c.validators].map((a) => ({
        label: `${a.name} of subnet ${netuids[k]}`,
        signer: a.coldkey,
        call: sub("burned_register", { netuid: netuids[k]!, hotkey: a.hotkey.ss58Address }),
      })),
    ),
  );
  const casts = drafts.map((c, k): SubnetCast => {
    const netuid = netuids[k]!;
    const uid = (a: Miner | Validator) => S.Uids.get(chain.store, netuid, a.hotkey.ss58Address)!;
    return {
      netuid,
      owner: c.owner,
      miners: c.miners.map((m) => ({ ...m, uid: uid(m) })),
      validators: c.validators.map((v) => ({ ...v, uid: uid(v), sentAt: undefined, failures: new Map() })),
    };
  });
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
  return { chain, casts };
}
