// What one epoch reads and what it produces: Subtensor's storage items for one subnet mechanism.
import type { I64F64 } from "@opentao/primitives";
import type { U16Rows } from "./math/rows.js";
import type { SparseMatrix, SparseRow } from "./math/sparse.js";

export type { U16Rows } from "./math/rows.js";
export type { SparseMatrix, SparseRow } from "./math/sparse.js";

/** Subnet hyperparameters the epoch reads (names and units as in Subtensor's storage). */
export interface EpochParams {
  tempo: number;
  /** Activity cutoff in blocks (the chain derives it from ActivityCutoffFactorMilli × tempo). */
  activityCutoff: number;
  /** u16, 65535 = 1.0. */
  kappa: number;
  /** u16, 65535 = 1.0. */
  bondsPenalty: number;
  /** Millionths (900_000 → the EMA keeps 90 % of the old bonds). */
  bondsMovingAverage: number;
  maxAllowedValidators: number;
  /** Stake (rao) below which a neuron counts as stake 0 (the owner is exempt on the sparse path). */
  stakeThreshold: bigint;
  /** Yuma3On: bonds as proportions, dividends weighted by active stake. */
  yuma3: boolean;
  /** LiquidAlphaOn (used by Yuma3 only). */
  liquidAlpha: boolean;
  /** u16 proportions. */
  alphaLow: number;
  alphaHigh: number;
  /** i16. */
  alphaSigmoidSteepness: number;
}

export interface EpochInput {
  /** SubnetworkN: UIDs are 0..n-1. */
  n: number;
  /** The block the epoch runs in. */
  block: number;
  /** LastMechansimStepBlock; 0 = never (the bond mask then uses block − tempo). */
  lastMechanismStepBlock: number;
  params: EpochParams;
  /** The subnet owner's hotkey uid, when registered. */
  ownerUid: number | null;
  /** Consensus stake per uid: alpha + root TAO × tao_weight, inheritance applied (I64F64). */
  stake: readonly I64F64[];
  /** ValidatorPermit as stored by the previous epoch. */
  validatorPermit: readonly boolean[];
  /** Weights as stored: per uid, [uid, u16] already max-upscaled at set_weights (packed or as rows). */
  weights: readonly SparseRow[] | U16Rows;
  /** Bonds as stored: per uid, [uid, u16] (packed or as rows). */
  bonds: readonly SparseRow[] | U16Rows;
  lastUpdate: readonly number[];
  blockAtRegistration: readonly number[];
  /**
   * Commit-reveal: per uid, the block of its earliest unexpired weight commit, or null for none. Absent
   * when commit-reveal is off. Weights to uids registered after that block are dropped.
   */
  commitBlocks?: readonly (number | null)[];
  /** Alpha (rao) to distribute. */
  emission: bigint;
}

export interface EpochResult {
  active: boolean[];
  /** New permits, stored for the next epoch. */
  validatorPermit: boolean[];
  /** u16 proportions, as Subtensor stores them. */
  stakeWeight: number[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  /** The Bonds storage after the epoch: rows it wrote, the input rows elsewhere. */
  bonds: U16Rows;
  /** Rows the epoch wrote (new permit: the EMA bonds; lost permit: emptied). */
  bondsWritten: boolean[];
  serverEmission: bigint[];
  validatorEmission: bigint[];
  /** The Emission storage item: normalised (incentive + dividends) × emission. */
  emission: bigint[];
}

/**
 * What happened inside one epoch, for explaining it (`runEpoch`'s optional trace callback). Vectors
 * and matrix values are I32F32 raw bits (value·2^32) exactly as the epoch computed them.
 */
export interface EpochTrace {
  /** Stake after the threshold, normalised. */
  stake: Float64Array;
  /** Stake of active validators with an (old) permit, normalised; 0 elsewhere. */
  activeStake: Float64Array;
  /** The permits the epoch masked with (last epoch's, owner forced on). */
  permitOld: boolean[];
  /** Weights after the masks, row-normalised. */
  weights: SparseMatrix;
  /** Per column: the stake-weighted median with majority kappa. */
  consensus: Float64Array;
  /** Weights clipped to consensus. */
  clipped: SparseMatrix;
  validatorTrust: Float64Array;
  incentive: Float64Array;
  /** The weights bonds are bought with: W + β·(W̄ − W). */
  weightsForBonds: SparseMatrix;
  /** EMA bonds before storage (original Yuma: column max-upscaled; Yuma3: proportions). */
  bonds: SparseMatrix;
  dividends: Float64Array;
}
