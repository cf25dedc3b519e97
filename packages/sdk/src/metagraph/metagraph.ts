// Metagraph: a subnet's state in bittensor's field names, filled by one `subnetInfo_getMetagraph` call
// (lite: without weights and bonds). Money (stake, emission) stays bigint rao; the u16 scores
// (consensus, incentive, dividends, validator_trust) are normalized to [0, 1] as bittensor shows them.
import type { BlockId } from "../client/types.js";
import { type NeuronAxonInfo, toAxonInfo } from "./axon-info.js";

/** The one method the metagraph needs: ChainClient has it, and so can a test double. */
export interface MetagraphSource {
  call<T = unknown>(method: string, params?: unknown[]): Promise<T>;
}

export interface SyncOptions {
  /** Skip weights and bonds (default true, as bittensor). */
  lite?: boolean;
  /** The block to read (hash or number); default the best block. */
  block?: BlockId;
}

const U16_MAX = 65535;
const norm = (v: unknown) => Number(v) / U16_MAX;
/** The node's sparse rows `{ uids, values }` → dense n×n rows of u16. */
const dense = (rows: { uids: number[]; values: number[] }[], n: number) =>
  rows.map(({ uids, values }) => {
    const out = new Array<number>(n).fill(0);
    uids.forEach((uid, i) => {
      if (uid < n) out[uid] = values[i]!;
    });
    return out;
  });

/** bittensor's convert_weight_uids_and_vals_to_tensor: a row over its sum (an all-zero row stays zero). */
const normalizeRow = (row: number[]) => {
  const sum = row.reduce((a, b) => a + b, 0);
  return sum > 0 ? row.map((v) => v / sum) : row.slice();
};

export class Metagraph {
  n = 0;
  block = 0;
  block_hash = "";
  uids: number[] = [];
  hotkeys: string[] = [];
  coldkeys: string[] = [];
  /**
   * Consensus stake, rao: alpha + root TAO × tao weight, inherited through child keys (Subtensor's
   * get_metagraph `total_stake`; bittensor's `stake` and `total_stake`).
   */
  stake: bigint[] = [];
  /** Inherited alpha stake on this subnet, rao. */
  alpha_stake: bigint[] = [];
  /** Inherited root (netuid 0) stake, rao of TAO. */
  tao_stake: bigint[] = [];
  consensus: number[] = [];
  incentive: number[] = [];
  dividends: number[] = [];
  /** Rao per uid, from the last epoch. */
  emission: bigint[] = [];
  validator_trust: number[] = [];
  validator_permit: boolean[] = [];
  active: boolean[] = [];
  last_update: number[] = [];
  block_at_registration: number[] = [];
  axons: NeuronAxonInfo[] = [];
  /** Dense n×n rows, each normalized to sum 1 as bittensor's metagraph shows them; empty after a lite sync. */
  weights: number[][] = [];
  /** The same rows as stored on chain (u16, max-upscaled), for exact work. */
  weights_u16: number[][] = [];
  /** Dense n×n u16 bond rows; empty after a lite sync. */
  bonds: number[][] = [];
  /** The subnet's info, pool and hyperparameters as the node's JSON, for what the columns do not cover. */
  subnet: Record<string, unknown> = {};
  dynamic: Record<string, unknown> = {};
  hyperparameters: Record<string, unknown> = {};
  lite = true;

  constructor(
    readonly netuid: number,
    readonly client: MetagraphSource,
  ) {}

  get total_stake(): bigint[] {
    return this.stake;
  }

  /** Reads the whole subnet in one RPC call and replaces every field. */
  async sync(options: SyncOptions = {}): Promise<this> {
    const lite = options.lite ?? true;
    const params: unknown[] = [this.netuid, { weights: !lite, bonds: !lite }];
    if (options.block !== undefined) params.push(options.block);
    // biome-ignore lint/suspicious/noExplicitAny: the node's JSON document, read field by field below
    const m = await this.client.call<any>("subnetInfo_getMetagraph", params);
    const n = Number(m.n);
    this.n = n;
    this.block = Number(m.block);
    this.block_hash = m.blockHash;
    this.uids = Array.from({ length: n }, (_, i) => i);
    this.hotkeys = m.hotkeys;
    this.coldkeys = m.coldkeys;
    this.stake = m.totalStake.map(BigInt);
    this.alpha_stake = m.alphaStake.map(BigInt);
    this.tao_stake = m.taoStake.map(BigInt);
    this.consensus = m.consensus.map(norm);
    this.incentive = m.incentive.map(norm);
    this.dividends = m.dividends.map(norm);
    this.emission = m.emission.map(BigInt);
    this.validator_trust = m.validatorTrust.map(norm);
    this.validator_permit = m.validatorPermit;
    this.active = m.active;
    this.last_update = m.lastUpdate.map(Number);
    this.block_at_registration = m.blockAtRegistration.map(Number);
    this.axons = (m.axons as unknown[]).map((a, uid) =>
      toAxonInfo(a, this.hotkeys[uid]!, this.coldkeys[uid]!),
    );
    this.weights_u16 = lite ? [] : dense(m.weights, n);
    this.weights = this.weights_u16.map(normalizeRow);
    this.bonds = lite ? [] : dense(m.bonds, n);
    this.subnet = m.subnet;
    this.dynamic = m.dynamic;
    this.hyperparameters = m.hyperparameters;
    this.lite = lite;
    return this;
  }
}
