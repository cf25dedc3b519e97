// The epoch, sparse path (Subtensor's `epoch_mechanism`, the one the chain runs): the steps in order.
import { activeStake } from "./active-stake.js";
import { inactiveMask } from "./activity.js";
import { lastTempo, recentlyRegistered } from "./bonds-mask.js";
import { weightsForBonds } from "./bonds-penalty.js";
import { bondsYuma } from "./bonds-yuma.js";
import { bondsYuma3 } from "./bonds-yuma3.js";
import { clipWeights, validatorTrust } from "./clip.js";
import { consensus as weightedMedianConsensus } from "./consensus.js";
import { emissionSplit } from "./emission.js";
import { incentive as computeIncentive } from "./incentive.js";
import { ONE, toU16Proportion, u16Proportion } from "./math/fixed32.js";
import { asPacked, type U16Rows } from "./math/rows.js";
import { fromPacked, type SparseMatrix } from "./math/sparse.js";
import { normalizedStake } from "./stake.js";
import type { EpochInput, EpochResult, EpochTrace } from "./types.js";
import { newValidatorPermits, oldValidatorPermits } from "./validator-permits.js";
import { maskWeights, rowNormalizeWeights } from "./weights.js";

/**
 * One epoch. `trace`, when given, receives the intermediate values (consensus, clipped weights, trust,
 * bonds before storage, …) once the epoch is done; it changes nothing in the result.
 */
export function runEpoch(input: EpochInput, trace?: (t: EpochTrace) => void): EpochResult {
  const { n, block, params: p, ownerUid } = input;

  const inactive = inactiveMask(input.lastUpdate, p.activityCutoff, block);
  const stake = normalizedStake(input.stake, p.stakeThreshold, ownerUid);
  const permitOld = oldValidatorPermits(input.validatorPermit, n, ownerUid);
  const permitNew = newValidatorPermits(stake, p.maxAllowedValidators, ownerUid);
  const active = activeStake(stake, inactive, permitOld);

  const weights = rowNormalizeWeights(
    maskWeights({
      n,
      weights: asPacked(input.weights, n),
      permit: permitOld,
      ownerUid,
      lastUpdate: input.lastUpdate,
      blockAtRegistration: input.blockAtRegistration,
      commitBlocks: input.commitBlocks,
    }),
    true,
  );

  // Without a trace, a matrix no later step reads is overwritten by the next one: at 4096 UIDs each is
  // ~10 MB, and fewer such allocations spare the epoch a full garbage collection.
  const scratch = trace === undefined;
  const consensus = weightedMedianConsensus(active, weights, n, u16Proportion(p.kappa));
  const beta = u16Proportion(p.bondsPenalty);
  const clipped = clipWeights(weights, consensus, scratch && beta === ONE);
  const trust = validatorTrust(clipped);
  const incentive = computeIncentive(clipped, active, n);
  const wb = weightsForBonds(weights, clipped, n, beta);

  const last = lastTempo(block, p.tempo, input.lastMechanismStepBlock);
  const oldBonds = asPacked(input.bonds, n);
  const storedBonds = fromPacked(
    oldBonds,
    n,
    p.yuma3 ? "proportion" : "integer",
    recentlyRegistered(n, last, input.blockAtRegistration),
  );
  const { stored, dividends } = p.yuma3
    ? bondsYuma3(storedBonds, wb, consensus, active, incentive, n, p, scratch)
    : bondsYuma(storedBonds, wb, active, incentive, n, p.bondsMovingAverage, scratch);

  const split = emissionSplit(incentive, dividends, stake, active, input.emission);

  const bonds = storeBonds(stored, oldBonds, permitNew, permitOld);
  if (trace) {
    trace({
      stake,
      activeStake: active,
      permitOld,
      weights,
      consensus,
      clipped,
      validatorTrust: trust,
      incentive,
      weightsForBonds: wb,
      bonds: stored,
      dividends,
    });
  }

  return {
    active: inactive.map((x) => !x),
    validatorPermit: permitNew,
    stakeWeight: Array.from(stake, toU16Proportion),
    consensus: Array.from(consensus, toU16Proportion),
    incentive: Array.from(incentive, toU16Proportion),
    dividends: Array.from(dividends, toU16Proportion),
    validatorTrust: Array.from(trust, toU16Proportion),
    bonds,
    bondsWritten: permitNew.map((x, i) => x || permitOld[i] === true),
    serverEmission: split.server,
    validatorEmission: split.validator,
    emission: split.combined,
  };
}

/**
 * Bond storage writes: a validator with a new permit stores its EMA row (`fixed_proportion_to_u16`),
 * one that lost its permit stores an empty row, any other row stays as it was.
 */
function storeBonds(ema: SparseMatrix, old: U16Rows, permitNew: boolean[], permitOld: boolean[]): U16Rows {
  const n = ema.rows;
  const keepsOld = (i: number) => !permitNew[i] && !permitOld[i] && i < old.rows;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const len = permitNew[i]
      ? ema.start[i + 1]! - ema.start[i]!
      : keepsOld(i)
        ? old.start[i + 1]! - old.start[i]!
        : 0;
    start[i + 1] = start[i]! + len;
  }
  const uid = new Uint16Array(start[n]!);
  const value = new Uint16Array(start[n]!);
  for (let i = 0; i < n; i++) {
    let k = start[i]!;
    if (permitNew[i]) {
      for (let e = ema.start[i]!; e < ema.start[i + 1]!; e++) {
        uid[k] = ema.col[e]!;
        value[k] = toU16Proportion(ema.val[e]!);
        k++;
      }
    } else if (keepsOld(i)) {
      uid.set(old.uid.subarray(old.start[i]!, old.start[i + 1]!), k);
      value.set(old.value.subarray(old.start[i]!, old.start[i + 1]!), k);
    }
  }
  return { rows: n, start, uid, value };
}
