// Subtensor's info calls (subnetInfo_*, neuronInfo_*, delegateInfo_*) as JSON, u64 as decimal strings;
// the batched metagraph; account history from the node's index.
import { ss58Encode, U64F64 } from "@opentao/primitives";
import {
  allNetuids,
  blockEmissionForIssuance,
  CoinbaseStorage as C,
  currentLockCost,
  epochInput,
  type KeyValueReader,
  nominatorsOf,
  Overlay,
  poolOf,
  runCoinbase,
  SubtensorStorage as S,
  Scope,
  spotPrice,
  stakeOf,
  stakeWeightsForNetwork,
  subnetHyperparameters,
} from "@opentao/runtime";
import { RPC_CODES, RpcError } from "./errors.js";
import { toJson } from "./json.js";
import { stateAt } from "./state.js";
import type { Params, RpcContext } from "./types.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function requireSubnet(store: KeyValueReader, netuid: number): void {
  if (!S.NetworksAdded.get(store, netuid))
    throw new RpcError(RPC_CODES.notFound, `subnet ${netuid} does not exist`);
}

function subnetOf(store: KeyValueReader, netuid: number) {
  return {
    netuid,
    owner: S.SubnetOwner.get(store, netuid),
    ownerHotkey: S.SubnetOwnerHotkey.get(store, netuid),
    tempo: S.Tempo.get(store, netuid),
    subnetworkN: S.SubnetworkN.get(store, netuid),
    maxAllowedUids: S.MaxAllowedUids.get(store, netuid),
    networkRegisteredAt: S.NetworkRegisteredAt.get(store, netuid),
    firstEmissionBlock: S.FirstEmissionBlockNumber.get(store, netuid) ?? null,
    subtokenEnabled: S.SubtokenEnabled.get(store, netuid),
    mechanism: S.SubnetMechanism.get(store, netuid),
    tokenSymbol: text(S.TokenSymbol.get(store, netuid)),
    lastEpochBlock: C.LastMechansimStepBlock.get(store, netuid),
  };
}

/** The pool's spot price (TAO per alpha, the balancer's weights included) × 10^9; 1.0 on stable subnets. */
function priceInNano(store: KeyValueReader, netuid: number): bigint {
  const price = spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid));
  return price.saturatingMul(U64F64.fromInt(1_000_000_000n)).saturatingToNum("u64");
}

function dynamicOf(store: KeyValueReader, netuid: number) {
  const taoIn = S.SubnetTAO.get(store, netuid);
  const alphaIn = S.SubnetAlphaIn.get(store, netuid);
  const priceNano = priceInNano(store, netuid);
  return {
    netuid,
    tokenSymbol: text(S.TokenSymbol.get(store, netuid)),
    owner: S.SubnetOwner.get(store, netuid),
    tempo: S.Tempo.get(store, netuid),
    taoIn,
    alphaIn,
    alphaOut: S.SubnetAlphaOut.get(store, netuid),
    taoInEmission: C.SubnetTaoInEmission.get(store, netuid),
    alphaInEmission: C.SubnetAlphaInEmission.get(store, netuid),
    alphaOutEmission: C.SubnetAlphaOutEmission.get(store, netuid),
    pendingServerEmission: C.PendingServerEmission.get(store, netuid),
    pendingValidatorEmission: C.PendingValidatorEmission.get(store, netuid),
    subnetVolume: S.SubnetVolume.get(store, netuid),
    movingPrice: S.SubnetMovingPrice.get(store, netuid),
    /** TAO per alpha with 9 decimals, as a decimal string. */
    price: `${priceNano / 1_000_000_000n}.${(priceNano % 1_000_000_000n).toString().padStart(9, "0")}`,
  };
}

interface Columns {
  hotkeys: string[];
  coldkeys: string[];
  stake: bigint[];
  /** Subtensor's get_metagraph stake columns: inherited alpha, root TAO, and alpha + TAO × tao weight. */
  alphaStake: bigint[];
  taoStake: bigint[];
  totalStake: bigint[];
  active: boolean[];
  validatorPermit: boolean[];
  rank: number[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  emission: bigint[];
  lastUpdate: bigint[];
  blockAtRegistration: bigint[];
  axons: unknown[];
}

function columnsOf(store: KeyValueReader, netuid: number): Columns {
  const n = S.SubnetworkN.get(store, netuid);
  const hotkeys = Array.from({ length: n }, (_, uid) => S.Keys.get(store, netuid, uid));
  const vec = <T>(v: readonly T[], fill: T) => Array.from({ length: n }, (_, i) => v[i] ?? fill);
  const weights = stakeWeightsForNetwork(store, netuid);
  return {
    hotkeys,
    coldkeys: hotkeys.map((h) => S.Owner.get(store, h)),
    stake: hotkeys.map((h) => S.TotalHotkeyAlpha.get(store, h, netuid)),
    alphaStake: weights.map((w) => w.alpha.saturatingToNum("u64")),
    taoStake: weights.map((w) => w.tao.saturatingToNum("u64")),
    totalStake: weights.map((w) => w.total.saturatingToNum("u64")),
    active: vec(S.Active.get(store, netuid), false),
    validatorPermit: vec(S.ValidatorPermit.get(store, netuid), false),
    rank: vec<number>([], 0),
    consensus: vec(S.Consensus.get(store, netuid), 0),
    incentive: vec(S.Incentive.get(store, netuid), 0),
    dividends: vec(S.Dividends.get(store, netuid), 0),
    validatorTrust: vec(S.ValidatorTrust.get(store, netuid), 0),
    emission: vec(S.Emission.get(store, netuid), 0n),
    lastUpdate: vec(S.LastUpdate.get(store, netuid), 0n),
    blockAtRegistration: hotkeys.map((_, uid) => S.BlockAtRegistration.get(store, netuid, uid)),
    axons: hotkeys.map((h) => S.Axons.get(store, netuid, h) ?? null),
  };
}

function neuronAt(store: KeyValueReader, netuid: number, c: Columns, uid: number, withWeights: boolean) {
  return {
    uid,
    netuid,
    hotkey: c.hotkeys[uid],
    coldkey: c.coldkeys[uid],
    stake: c.stake[uid],
    active: c.active[uid],
    validatorPermit: c.validatorPermit[uid],
    consensus: c.consensus[uid],
    incentive: c.incentive[uid],
    dividends: c.dividends[uid],
    validatorTrust: c.validatorTrust[uid],
    emission: c.emission[uid],
    lastUpdate: c.lastUpdate[uid],
    blockAtRegistration: c.blockAtRegistration[uid],
    axonInfo: c.axons[uid],
    ...(withWeights
      ? { weights: S.Weights.get(store, netuid, uid), bonds: S.Bonds.get(store, netuid, uid) }
      : {}),
  };
}

export function subnetsInfo([at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  return toJson(allNetuids(store).map((n) => subnetOf(store, n)));
}

export function subnetInfo([netuid, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const n = netuid as number;
  return S.NetworksAdded.get(store, n) ? toJson(subnetOf(store, n)) : null;
}

export function hyperparams([netuid, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  requireSubnet(store, netuid as number);
  return toJson(subnetHyperparameters(store, netuid as number));
}

export function dynamicInfo([netuid, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const n = netuid as number;
  return S.NetworksAdded.get(store, n) ? toJson(dynamicOf(store, n)) : null;
}

export function allDynamicInfo([at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  return toJson(allNetuids(store).map((n) => dynamicOf(store, n)));
}

/** What registering a subnet locks if it goes into the next block (Subtensor's get_network_lock_cost). */
export function lockCost(_: Params, ctx: RpcContext): unknown {
  const { chain } = ctx.node;
  const head = chain.head();
  const scope = new Scope(new Overlay(chain.stateAt(head.number)), {
    preset: chain.preset,
    block: { number: head.number + 1, parentHash: head.hash, timestamp: 0n },
  });
  return currentLockCost(scope).toString();
}

/**
 * Subtensor's get_stake_info_for_coldkey: each (hotkey, netuid) the coldkey stakes on, with its alpha and
 * that alpha's worth in TAO at the pool's price now (no slippage), both in rao.
 */
export function stakeInfoForColdkey([coldkey, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const who = coldkey as string;
  const hotkeys = new Set([...S.StakingHotkeys.get(store, who), ...S.OwnedHotkeys.get(store, who)]);
  const rows = [...hotkeys].flatMap((hotkey) =>
    allNetuids(store).flatMap((netuid) => {
      const stake = stakeOf(store, hotkey, who, netuid);
      if (stake === 0n) return [];
      const value = (stake * priceInNano(store, netuid)) / 1_000_000_000n;
      return [{ hotkey, coldkey: who, netuid, stake, value }];
    }),
  );
  return toJson(rows);
}

/** Subtensor's get_coldkey_auto_stake_hotkey: where the coldkey's miner incentive on the subnet is staked, or null. */
export function coldkeyAutoStakeHotkey([coldkey, netuid, at]: Params, ctx: RpcContext): unknown {
  return S.AutoStakeDestination.get(stateAt(at, ctx), coldkey as string, netuid as number) ?? null;
}

export function neurons([netuid, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const n = netuid as number;
  requireSubnet(store, n);
  const c = columnsOf(store, n);
  return toJson(c.hotkeys.map((_, uid) => neuronAt(store, n, c, uid, true)));
}

export function neuron([netuid, uid, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const n = netuid as number;
  requireSubnet(store, n);
  const c = columnsOf(store, n);
  return (uid as number) < c.hotkeys.length ? toJson(neuronAt(store, n, c, uid as number, true)) : null;
}

/** The metagraph of a subnet in one call: columns per uid (as bittensor's Metagraph), optionally weights and bonds as sparse rows `{ uids, values }`. */
export function metagraph([netuid, options, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const n = netuid as number;
  requireSubnet(store, n);
  const opts = (options ?? {}) as { weights?: unknown; bonds?: unknown };
  const c = columnsOf(store, n);
  const header = ctx.node.chain.getHeader((at as string | number | undefined) ?? ctx.node.chain.head().hash)!;
  return toJson({
    netuid: n,
    block: header.number,
    blockHash: header.hash,
    n: c.hotkeys.length,
    subnet: subnetOf(store, n),
    dynamic: dynamicOf(store, n),
    hyperparameters: subnetHyperparameters(store, n),
    ...c,
    rank: undefined,
    ...(opts.weights === true
      ? { weights: c.hotkeys.map((_, uid) => packRow(S.Weights.get(store, n, uid))) }
      : {}),
    ...(opts.bonds === true ? { bonds: c.hotkeys.map((_, uid) => packRow(S.Bonds.get(store, n, uid))) } : {}),
  });
}

/**
 * A sparse row as two parallel arrays: 256 rows of 256 `[uid, value]` pairs are 65k small arrays to
 * build, serialize and parse again, which costs more than the rest of the metagraph together.
 */
function packRow(row: readonly (readonly [number, number])[]): { uids: number[]; values: number[] } {
  const uids = new Array<number>(row.length);
  const values = new Array<number>(row.length);
  row.forEach(([uid, value], i) => {
    uids[i] = uid;
    values[i] = value;
  });
  return { uids, values };
}

/** Every hotkey with a delegate take: take, owner, and its stake (alpha) per subnet. */
export function delegates([at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const prefix = S.Delegates.prefix;
  const netuids = allNetuids(store);
  return toJson(
    store.keysWithPrefix(prefix).map((key) => {
      // Blake2_128Concat: 16 bytes of hash, then the 32-byte account.
      const hotkey = ss58Encode(Buffer.from(key.slice(prefix.length + 32), "hex"));
      return {
        hotkey,
        owner: S.Owner.get(store, hotkey),
        take: S.Delegates.get(store, hotkey),
        stake: netuids
          .map((netuid) => ({ netuid, alpha: S.TotalHotkeyAlpha.get(store, hotkey, netuid) }))
          .filter((s) => s.alpha > 0n),
      };
    }),
  );
}

/** One hotkey as a delegate (Subtensor's DelegateInfo): take, owner, its nominators' alpha per subnet, where it is registered and holds a permit. */
export function delegate([hotkey, at]: Params, ctx: RpcContext): unknown {
  const store = stateAt(at, ctx);
  const h = hotkey as string;
  const netuids = allNetuids(store);
  const registrations = netuids.filter((n) => S.Uids.get(store, n, h) !== undefined);
  return toJson({
    hotkey: h,
    owner: S.Owner.get(store, h),
    take: S.Delegates.get(store, h),
    stake: netuids
      .map((netuid) => ({ netuid, alpha: S.TotalHotkeyAlpha.get(store, h, netuid) }))
      .filter((s) => s.alpha > 0n),
    nominators: nominatorsOf(store, h).filter((x) => x.alpha > 0n),
    registrations,
    validatorPermits: registrations.filter(
      (n) => S.ValidatorPermit.get(store, n)[S.Uids.get(store, n, h)!] === true,
    ),
  });
}

export function accountHistory([address, limit]: Params, ctx: RpcContext): unknown {
  return toJson(ctx.node.chain.accountActivity(address as string, (limit as number | undefined) ?? 100));
}

/**
 * The subnet's last epoch as yuma-scenario documents: its input (`opentao-yuma-scenario/1`, one step, read
 * from the state before the epoch's block as the epoch read it) and what it stored (`opentao-yuma-result/1`,
 * read from the state after). `tao yuma run` on the scenario reproduces the result.
 */
export function lastEpoch([netuid]: Params, ctx: RpcContext): unknown {
  const { chain } = ctx.node;
  const n = netuid as number;
  const head = chain.headState();
  requireSubnet(head, n);
  const block = Number(C.LastMechansimStepBlock.get(head, n));
  if (block === 0 || !chain.getHeader(block)) {
    throw new RpcError(RPC_CODES.notFound, `subnet ${n} has run no epoch yet (dev_mineUntilEpoch runs one)`);
  }
  const header = chain.getHeader(block)!;
  const before = chain.stateAt(block - 1);
  const after = chain.stateAt(block);
  const env = {
    preset: chain.preset,
    block: { number: block, parentHash: header.header.parentHash, timestamp: header.header.timestamp },
  };
  const scope = new Scope(new Overlay(before), env);
  const outEmission = S.Emission.get(after, n);
  // The epoch drained what the block's coinbase had just added to the pending alpha; the stored emission
  // is floored per uid, so its sum falls short. Replaying the coinbase gives the exact amount.
  const coinbase = new Scope(new Overlay(before), env);
  runCoinbase(coinbase, blockEmissionForIssuance(C.TotalIssuance.get(coinbase.store)));
  const emission =
    C.PendingServerEmission.get(coinbase.store, n) +
    C.PendingValidatorEmission.get(coinbase.store, n) +
    C.PendingRootAlphaDivs.get(coinbase.store, n);
  const input = epochInput(scope, n, emission);
  const p = input.params;
  const rows = (store: KeyValueReader, item: typeof S.Weights) =>
    Array.from({ length: input.n }, (_, uid) => item.get(store, n, uid));
  const scenario = {
    format: "opentao-yuma-scenario/1",
    variant: p.yuma3 ? "yuma3" : "yuma",
    neurons: input.n,
    hyperparameters: {
      tempo: p.tempo,
      kappa: p.kappa,
      bonds_moving_average: p.bondsMovingAverage,
      bonds_penalty: p.bondsPenalty,
      max_allowed_validators: p.maxAllowedValidators,
      activity_cutoff: p.activityCutoff,
      stake_threshold: p.stakeThreshold.toString(),
      owner_uid: input.ownerUid,
      liquid_alpha_enabled: p.liquidAlpha,
      alpha_low: p.alphaLow,
      alpha_high: p.alphaHigh,
      alpha_sigmoid_steepness: p.alphaSigmoidSteepness,
    },
    initial: { bonds: rows(before, S.Bonds), validator_permit: input.validatorPermit },
    steps: [
      {
        block,
        emission: emission.toString(),
        stake: input.stake.map((x) => x.toInt().toString()),
        weights: rows(before, S.Weights),
        last_update: input.lastUpdate,
        block_at_registration: input.blockAtRegistration,
        last_mechanism_step_block: input.lastMechanismStepBlock,
      },
    ],
  };
  const vec = <T>(v: readonly T[], fill: T) => Array.from({ length: input.n }, (_, i) => v[i] ?? fill);
  const result = {
    format: "opentao-yuma-result/1",
    steps: [
      {
        block,
        active: vec(S.Active.get(after, n), false),
        validator_permit: vec(S.ValidatorPermit.get(after, n), false),
        consensus: vec(S.Consensus.get(after, n), 0),
        incentive: vec(S.Incentive.get(after, n), 0),
        dividends: vec(S.Dividends.get(after, n), 0),
        validator_trust: vec(S.ValidatorTrust.get(after, n), 0),
        bonds: rows(after, S.Bonds),
        emission: vec(outEmission, 0n).map(String),
      },
    ],
  };
  return { netuid: n, block, blockHash: header.hash, scenario, result };
}
