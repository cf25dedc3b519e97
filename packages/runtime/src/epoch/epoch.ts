// The epoch, sparse path (Subtensor's `epoch_mechanism`, the one the chain runs): the steps in order.
import { activeStake } from "./active-stake.js";
import { inactiveMask } from "./activity.js";
import { lastTempo, maskRecentlyRegistered } from "./bonds-mask.js";
import { weightsForBonds } from "./bonds-penalty.js";
import { bondsYuma } from "./bonds-yuma.js";
import { bondsYuma3 } from "./bonds-yuma3.js";
import { clipWeights, validatorTrust } from "./clip.js";
import { consensus as weightedMedianConsensus } from "./consensus.js";
import { emissionSplit } from "./emission.js";
import { incentive as computeIncentive } from "./incentive.js";
import { toU16Proportion, u16Proportion } from "./math/fixed32.js";
import { fromRows, mapValues, type SparseRow } from "./math/sparse.js";
import { normalizedStake } from "./stake.js";
import type { EpochInput, EpochResult } from "./types.js";
import { newValidatorPermits, oldValidatorPermits } from "./validator-permits.js";
import { maskWeights, rowNormalizeWeights } from "./weights.js";

export function runEpoch(input: EpochInput): EpochResult {
  const { n, block, params: p, ownerUid } = input;

  const inactive = inactiveMask(input.lastUpdate, p.activityCutoff, block);
  const stake = normalizedStake(input.stake, p.stakeThreshold, ownerUid);
  const permitOld = oldValidatorPermits(input.validatorPermit, n, ownerUid);
  const permitNew = newValidatorPermits(stake, p.maxAllowedValidators, ownerUid);
  const active = activeStake(stake, inactive, permitOld);

  const weights = rowNormalizeWeights(
    maskWeights({
      n,
      weights: input.weights,
      permit: permitOld,
      ownerUid,
      lastUpdate: input.lastUpdate,
      blockAtRegistration: input.blockAtRegistration,
      commitBlocks: input.commitBlocks,
    }),
  );

  const consensus = weightedMedianConsensus(active, weights, n, u16Proportion(p.kappa));
  const clipped = clipWeights(weights, consensus);
  const trust = validatorTrust(clipped);
  const incentive = computeIncentive(clipped, active, n);
  const wb = weightsForBonds(weights, clipped, n, u16Proportion(p.bondsPenalty));

  const last = lastTempo(block, p.tempo, input.lastMechanismStepBlock);
  const storedBonds = maskRecentlyRegistered(
    fromRows(input.bonds, n, (u) => u),
    last,
    input.blockAtRegistration,
  );
  const { stored, dividends } = p.yuma3
    ? bondsYuma3(mapValues(storedBonds, u16Proportion), wb, consensus, active, incentive, n, p)
    : bondsYuma(storedBonds, wb, active, incentive, n, p.bondsMovingAverage);

  const split = emissionSplit(incentive, dividends, stake, active, input.emission);

  const bonds: (SparseRow | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    if (permitNew[i]) {
      const row: [number, number][] = [];
      for (let e = stored.start[i]!; e < stored.start[i + 1]!; e++) {
        row.push([stored.col[e]!, toU16Proportion(stored.val[e]!)]);
      }
      bonds.push(row);
    } else {
      bonds.push(permitOld[i] ? [] : undefined);
    }
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
    serverEmission: split.server,
    validatorEmission: split.validator,
    emission: split.combined,
  };
}
