// A minimal subnet for porting Subtensor's epoch tests: stored weights, bonds, permits and last-update
// blocks, with one epoch per call (sparse or dense path), as the Rust tests drive the pallet.
import { I64F64, vecU16MaxUpscaleToU16 } from "@opentao/primitives";
import {
  type EpochParams,
  type EpochResult,
  runEpoch,
  runEpochDense,
  type SparseRow,
  unpackRows,
} from "../../src/epoch/index.js";

export const DEFAULT_PARAMS: EpochParams = {
  tempo: 1,
  activityCutoff: 13,
  kappa: 32767,
  bondsPenalty: 65535,
  bondsMovingAverage: 900_000,
  maxAllowedValidators: 64,
  stakeThreshold: 0n,
  yuma3: false,
  liquidAlpha: false,
  alphaLow: 45875,
  alphaHigh: 58982,
  alphaSigmoidSteepness: 1000,
};

export class TestSubnet {
  block: number;
  weights: SparseRow[];
  bonds: SparseRow[];
  permits: boolean[];
  lastUpdate: number[];
  blockAtRegistration: number[];
  ownerUid: number | null = null;
  last: EpochResult | undefined;

  constructor(
    readonly n: number,
    public stake: bigint[],
    public params: EpochParams,
    readonly sparse = true,
    registeredAt = 1,
  ) {
    this.block = registeredAt;
    this.weights = Array.from({ length: n }, () => []);
    this.bonds = Array.from({ length: n }, () => []);
    this.permits = Array.from({ length: n }, () => false);
    this.lastUpdate = Array.from({ length: n }, () => registeredAt);
    this.blockAtRegistration = Array.from({ length: n }, () => registeredAt);
  }

  /** `set_weights`: values max-upscaled to u16 as the chain stores them, LastUpdate = now. */
  setWeights(uid: number, uids: number[], values: number[]): void {
    const upscaled = vecU16MaxUpscaleToU16(values);
    this.weights[uid] = uids.map((j, k) => [j, upscaled[k]!] as const);
    this.lastUpdate[uid] = this.block;
  }

  nextBlock(): void {
    this.block++;
  }

  epoch(emission = 1_000_000_000n): EpochResult {
    const input = {
      n: this.n,
      block: this.block,
      lastMechanismStepBlock: 0,
      params: this.params,
      ownerUid: this.ownerUid,
      stake: this.stake.map((s) => I64F64.fromInt(s)),
      validatorPermit: this.permits,
      weights: this.weights,
      bonds: this.bonds,
      lastUpdate: this.lastUpdate,
      blockAtRegistration: this.blockAtRegistration,
      emission,
    };
    const r = this.sparse ? runEpoch(input) : runEpochDense(input);
    this.bonds = unpackRows(r.bonds);
    this.permits = r.validatorPermit;
    this.last = r;
    return r;
  }

  /** Stored bonds as a dense u16 matrix (missing = 0). */
  bondMatrix(): number[][] {
    return this.bonds.map((row) => {
      const out = Array.from({ length: this.n }, () => 0);
      for (const [j, v] of row) out[j] = v;
      return out;
    });
  }
}
