// Every hyperparameter setter of AdminUtils (pallet 19) with Subtensor's call index, who may call it,
// whether the freeze window applies, its bounds, and the event it emits — the table of
// transactions.md §6 in code. Check order, as Subtensor's: origin, owner rate limit, freeze window,
// subnet exists, bounds; then set, record the owner's update, emit.
import { bool, type Codec, i16, Struct, u8, u16, u64, u128 } from "@opentao/primitives";
import { type AnyCallDef, defineCall } from "../../frame/call.js";
import { type DispatchError, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as SE } from "../subtensor/errors.js";
import { clearSmallNominations, nominatorMinRequiredStake } from "../subtensor/staking/small-nominations.js";
import { SubtensorStorage as S } from "../subtensor/storage.js";
import { ROOT_NETUID, subnetExists } from "../subtensor/subnets.js";
import {
  ensureOwnerOrRoot,
  inAdminFreezeWindow,
  ownerRateLimited,
  recordOwnerUpdate,
  type Who,
} from "./access.js";
import { AdminUtilsErrors as E } from "./errors.js";
import { sudoTrimToMaxAllowedUids } from "./trim.js";

const PALLET = "AdminUtils";
const U64F64_ONE = 1n << 64n;

interface SubnetSetter<V> {
  index: number;
  name: string;
  value: Codec<V>;
  who: Who;
  freeze: boolean;
  /** Owner rate limit in tempos (default OwnerHyperparamRateLimit). */
  ownerLimitTempos?: number;
  check?: (scope: Scope, netuid: number, value: V, isRoot: boolean) => DispatchError | undefined;
  apply: (scope: Scope, netuid: number, value: V) => void;
  event: string;
}

function subnetSetter<V>(def: SubnetSetter<V>): AnyCallDef {
  return defineCall({
    pallet: PALLET,
    name: def.name,
    index: def.index,
    args: Struct({ netuid: u16, value: def.value }),
    weight: () => weight(10_000_000n, 3, 1),
    pays: true,
    dispatch: (scope, origin, { netuid, value }) => {
      const access = ensureOwnerOrRoot(scope, origin, netuid, def.who);
      if (!access.ok) return fail(access.error);
      const { store } = scope;
      const tempo = BigInt(S.Tempo.get(store, netuid));
      if (access.owner) {
        const tempos = BigInt(def.ownerLimitTempos ?? S.OwnerHyperparamRateLimit.get(store));
        const limited = ownerRateLimited(scope, netuid, def.index, tempos * tempo);
        if (limited) return fail(limited);
      }
      if (def.freeze && inAdminFreezeWindow(scope, netuid))
        return fail(SE.AdminActionProhibitedDuringWeightsWindow);
      if (!subnetExists(store, netuid)) return fail(E.SubnetDoesNotExist);
      const bad = def.check?.(scope, netuid, value, access.owner === undefined);
      if (bad) return fail(bad);
      def.apply(scope, netuid, value);
      if (access.owner) recordOwnerUpdate(scope, netuid, def.index);
      scope.emit("SubtensorModule", def.event, { netuid, value });
      return OK;
    },
  });
}

interface GlobalSetter<V> {
  index: number;
  name: string;
  value: Codec<V>;
  check?: (scope: Scope, value: V) => DispatchError | undefined;
  apply: (scope: Scope, value: V) => void;
  event: string;
}

function globalSetter<V>(def: GlobalSetter<V>): AnyCallDef {
  return defineCall({
    pallet: PALLET,
    name: def.name,
    index: def.index,
    args: Struct({ value: def.value }),
    weight: () => weight(10_000_000n, 0, 1),
    pays: true,
    dispatch: (scope, origin, { value }) => {
      if (origin.kind !== "Root") return fail({ kind: "BadOrigin" });
      const bad = def.check?.(scope, value);
      if (bad) return fail(bad);
      def.apply(scope, value);
      scope.emit("SubtensorModule", def.event, { value });
      return OK;
    },
  });
}

/** A simple per-subnet item setter. */
function item<V>(
  index: number,
  name: string,
  storage: { set: (store: Scope["store"], netuid: number, value: V) => void },
  value: Codec<V>,
  who: Who,
  freeze: boolean,
  event: string,
  check?: SubnetSetter<V>["check"],
): AnyCallDef {
  return subnetSetter<V>({
    index,
    name,
    value,
    who,
    freeze,
    event,
    ...(check ? { check } : {}),
    apply: (scope, netuid, v) => storage.set(scope.store, netuid, v),
  });
}

const notRoot = (netuid: number) => (netuid === ROOT_NETUID ? E.NotPermittedOnRootSubnet : undefined);

export const SUBNET_SETTERS: AnyCallDef[] = [
  item(3, "sudo_set_serving_rate_limit", S.ServingRateLimit, u64, "OwnerOrRoot", true, "ServingRateLimitSet"),
  item(4, "sudo_set_min_difficulty", S.MinDifficulty, u64, "Root", true, "MinDifficultySet"),
  item(5, "sudo_set_max_difficulty", S.MaxDifficulty, u64, "OwnerOrRoot", true, "MaxDifficultySet"),
  subnetSetter<bigint>({
    index: 6,
    name: "sudo_set_weights_version_key",
    value: u64,
    who: "OwnerOrRoot",
    freeze: true,
    ownerLimitTempos: 5,
    apply: (scope, netuid, v) => S.WeightsVersionKey.set(scope.store, netuid, v),
    event: "WeightsVersionKeySet",
  }),
  item(
    7,
    "sudo_set_weights_set_rate_limit",
    S.WeightsSetRateLimit,
    u64,
    "Root",
    false,
    "WeightsSetRateLimitSet",
  ),
  item(8, "sudo_set_adjustment_interval", S.AdjustmentInterval, u16, "Root", false, "AdjustmentIntervalSet"),
  item(9, "sudo_set_adjustment_alpha", S.AdjustmentAlpha, u64, "OwnerOrRoot", true, "AdjustmentAlphaSet"),
  item(13, "sudo_set_immunity_period", S.ImmunityPeriod, u16, "OwnerOrRoot", true, "ImmunityPeriodSet"),
  item(
    14,
    "sudo_set_min_allowed_weights",
    S.MinAllowedWeights,
    u16,
    "OwnerOrRoot",
    true,
    "MinAllowedWeightSet",
  ),
  item(
    15,
    "sudo_set_max_allowed_uids",
    S.MaxAllowedUids,
    u16,
    "OwnerOrRoot",
    true,
    "MaxAllowedUidsSet",
    (scope, netuid, v) => {
      const { store } = scope;
      if (v < S.MinAllowedUids.get(store, netuid)) return E.MaxAllowedUidsLessThanMinAllowedUids;
      if (S.SubnetworkN.get(store, netuid) > v) return E.MaxAllowedUIdsLessThanCurrentUIds;
      if (v > scope.env.preset.subnetDefaults.maxAllowedUids)
        return E.MaxAllowedUidsGreaterThanDefaultMaxAllowedUids;
      if (v * S.MechanismCountCurrent.get(store, netuid) > scope.env.preset.subnetDefaults.maxAllowedUids) {
        return SE.TooManyUIDsPerMechanism;
      }
      return undefined;
    },
  ),
  item(16, "sudo_set_kappa", S.Kappa, u16, "Root", false, "KappaSet"),
  item(17, "sudo_set_rho", S.Rho, u16, "OwnerOrRoot", true, "RhoSet"),
  item(
    18,
    "sudo_set_activity_cutoff",
    S.ActivityCutoff,
    u16,
    "OwnerOrRoot",
    true,
    "ActivityCutoffSet",
    (scope, _n, v) => (v < scope.env.preset.bounds.minActivityCutoff ? SE.ActivityCutoffTooLow : undefined),
  ),
  item(
    19,
    "sudo_set_network_registration_allowed",
    S.NetworkRegistrationAllowed,
    bool,
    "Root",
    false,
    "RegistrationAllowed",
  ),
  subnetSetter<boolean>({
    index: 20,
    name: "sudo_set_network_pow_registration_allowed",
    value: bool,
    who: "Root",
    freeze: false,
    check: () => E.POWRegistrationDisabled,
    apply: () => {},
    event: "PowRegistrationAllowed",
  }),
  item(
    21,
    "sudo_set_target_registrations_per_interval",
    S.TargetRegistrationsPerInterval,
    u16,
    "Root",
    true,
    "RegistrationPerIntervalSet",
  ),
  item(22, "sudo_set_min_burn", S.MinBurn, u64, "OwnerOrRoot", true, "MinBurnSet", (scope, netuid, v) =>
    v >= scope.env.preset.bounds.minBurnUpperBound || v >= S.MaxBurn.get(scope.store, netuid)
      ? E.ValueNotInBounds
      : undefined,
  ),
  item(23, "sudo_set_max_burn", S.MaxBurn, u64, "OwnerOrRoot", true, "MaxBurnSet", (scope, netuid, v) =>
    v <= scope.env.preset.bounds.maxBurnLowerBound || v <= S.MinBurn.get(scope.store, netuid)
      ? E.ValueNotInBounds
      : undefined,
  ),
  item(24, "sudo_set_difficulty", S.Difficulty, u64, "Root", true, "DifficultySet"),
  item(
    25,
    "sudo_set_max_allowed_validators",
    S.MaxAllowedValidators,
    u16,
    "Root",
    true,
    "MaxAllowedValidatorsSet",
    (scope, netuid, v) =>
      v > S.MaxAllowedUids.get(scope.store, netuid) ? E.MaxValidatorsLargerThanMaxUIds : undefined,
  ),
  item(
    26,
    "sudo_set_bonds_moving_average",
    S.BondsMovingAverage,
    u64,
    "OwnerOrRoot",
    true,
    "BondsMovingAverageSet",
    (_s, _n, v, isRoot) => (!isRoot && v > 975_000n ? E.BondsMovingAverageMaxReached : undefined),
  ),
  item(
    27,
    "sudo_set_max_registrations_per_block",
    S.MaxRegistrationsPerBlock,
    u16,
    "Root",
    true,
    "MaxRegistrationsPerBlockSet",
  ),
  item(30, "sudo_set_tempo", S.Tempo, u16, "Root", true, "TempoSet"),
  item(
    39,
    "sudo_set_rao_recycled",
    S.RAORecycledForRegistration,
    u64,
    "Root",
    false,
    "RAORecycledForRegistrationSet",
  ),
  item(
    49,
    "sudo_set_commit_reveal_weights_enabled",
    S.CommitRevealWeightsEnabled,
    bool,
    "OwnerOrRoot",
    true,
    "CommitRevealEnabled",
  ),
  item(
    50,
    "sudo_set_liquid_alpha_enabled",
    S.LiquidAlphaOn,
    bool,
    "OwnerOrRoot",
    true,
    "LiquidAlphaEnableSet",
  ),
  item(
    57,
    "sudo_set_commit_reveal_weights_interval",
    S.RevealPeriodEpochs,
    u64,
    "OwnerOrRoot",
    true,
    "CommitRevealPeriodsSet",
    (scope, _n, v) => {
      const { minRevealPeriodEpochs, maxRevealPeriodEpochs } = scope.env.preset.bounds;
      if (v > BigInt(maxRevealPeriodEpochs)) return SE.RevealPeriodTooLarge;
      if (v < BigInt(minRevealPeriodEpochs)) return SE.RevealPeriodTooSmall;
      return undefined;
    },
  ),
  item(60, "sudo_set_bonds_penalty", S.BondsPenalty, u16, "OwnerOrRoot", true, "BondsPenaltySet"),
  subnetSetter<boolean>({
    index: 61,
    name: "sudo_set_toggle_transfer",
    value: bool,
    who: "OwnerOrRoot",
    freeze: true,
    apply: (scope, netuid, v) => S.TransferToggle.set(scope.store, netuid, v),
    event: "TransferToggle",
  }),
  item(66, "sudo_set_subtoken_enabled", S.SubtokenEnabled, bool, "Root", true, "SubtokenEnabledSet"),
  item(
    68,
    "sudo_set_alpha_sigmoid_steepness",
    S.AlphaSigmoidSteepness,
    i16,
    "OwnerOrRoot",
    true,
    "AlphaSigmoidSteepnessSet",
    (_s, _n, v, isRoot) => (v < 0 && !isRoot ? E.NegativeSigmoidSteepness : undefined),
  ),
  item(69, "sudo_set_yuma3_enabled", S.Yuma3On, bool, "OwnerOrRoot", true, "Yuma3EnableToggled"),
  item(70, "sudo_set_bonds_reset_enabled", S.BondsResetOn, bool, "OwnerOrRoot", true, "BondsResetOnSet"),
  item(
    72,
    "sudo_set_owner_immune_neuron_limit",
    S.ImmuneOwnerUidsLimit,
    u16,
    "OwnerOrRoot",
    true,
    "ImmuneOwnerUidsLimitSet",
    (_s, _n, v) => (v < 1 || v > 10 ? SE.InvalidValue : undefined),
  ),
  item(
    79,
    "sudo_set_min_allowed_uids",
    S.MinAllowedUids,
    u16,
    "Root",
    true,
    "MinAllowedUidsSet",
    (scope, netuid, v) => {
      if (v >= S.MaxAllowedUids.get(scope.store, netuid)) return E.MinAllowedUidsGreaterThanMaxAllowedUids;
      if (v >= S.SubnetworkN.get(scope.store, netuid)) return E.MinAllowedUidsGreaterThanCurrentUids;
      return undefined;
    },
  ),
  item(
    80,
    "sudo_set_recycle_or_burn",
    S.RecycleOrBurn,
    u8,
    "OwnerOrRoot",
    true,
    "RecycleOrBurnSet",
    (_s, _n, v) => (v > 1 ? E.InvalidValue : undefined),
  ),
  item(84, "sudo_set_min_non_immune_uids", S.MinNonImmuneUids, u16, "Root", false, "MinNonImmuneUidsSet"),
  item(
    89,
    "sudo_set_burn_half_life",
    S.BurnHalfLife,
    u16,
    "OwnerOrRoot",
    true,
    "BurnHalfLifeSet",
    (scope, netuid, v) =>
      notRoot(netuid) ??
      (v < 1 || v > scope.env.preset.bounds.maxBurnHalfLife ? E.ValueNotInBounds : undefined),
  ),
  item(
    90,
    "sudo_set_burn_increase_mult",
    S.BurnIncreaseMult,
    u128,
    "OwnerOrRoot",
    true,
    "BurnIncreaseMultSet",
    (_s, netuid, v) =>
      notRoot(netuid) ?? (v < U64F64_ONE || v > 3n * U64F64_ONE ? E.ValueNotInBounds : undefined),
  ),
  item(
    94,
    "sudo_set_subnet_emission_enabled",
    S.SubnetEmissionEnabled,
    bool,
    "Root",
    false,
    "SubnetEmissionEnabledSet",
    (_s, netuid) => notRoot(netuid),
  ),
];

/** `sudo_set_alpha_values(netuid, low, high)`: liquid alpha must be on; 1638 ≤ low ≤ high. */
export const setAlphaValues = defineCall({
  pallet: PALLET,
  name: "sudo_set_alpha_values",
  index: 51,
  args: Struct({ netuid: u16, alphaLow: u16, alphaHigh: u16 }),
  weight: () => weight(10_000_000n, 3, 1),
  pays: true,
  dispatch: (scope, origin, { netuid, alphaLow, alphaHigh }) => {
    const access = ensureOwnerOrRoot(scope, origin, netuid, "OwnerOrRoot");
    if (!access.ok) return fail(access.error);
    const { store } = scope;
    if (access.owner) {
      const limit = BigInt(S.OwnerHyperparamRateLimit.get(store)) * BigInt(S.Tempo.get(store, netuid));
      const limited = ownerRateLimited(scope, netuid, 51, limit);
      if (limited) return fail(limited);
    }
    if (inAdminFreezeWindow(scope, netuid)) return fail(SE.AdminActionProhibitedDuringWeightsWindow);
    if (!S.LiquidAlphaOn.get(store, netuid)) return fail(SE.LiquidAlphaDisabled);
    const minimum = 1638; // ceil(0.025 · 65535): alpha below 2.5 % would freeze bonds
    if (alphaHigh < minimum) return fail(SE.AlphaHighTooLow);
    if (alphaLow < minimum || alphaLow > alphaHigh) return fail(SE.AlphaLowOutOfRange);
    S.AlphaValues.set(store, netuid, [alphaLow, alphaHigh]);
    if (access.owner) recordOwnerUpdate(scope, netuid, 51);
    scope.emit("SubtensorModule", "AlphaValuesSet", { netuid, alphaLow, alphaHigh });
    return OK;
  },
});

export const GLOBAL_SETTERS: AnyCallDef[] = [
  globalSetter({
    index: 2,
    name: "sudo_set_tx_rate_limit",
    value: u64,
    apply: (s, v) => S.TxRateLimit.set(s.store, v),
    event: "TxRateLimitSet",
  }),
  globalSetter({
    index: 28,
    name: "sudo_set_subnet_owner_cut",
    value: u16,
    apply: (s, v) => S.SubnetOwnerCut.set(s.store, v),
    event: "SubnetOwnerCutSet",
  }),
  globalSetter({
    index: 29,
    name: "sudo_set_network_rate_limit",
    value: u64,
    apply: (s, v) => S.NetworkRateLimit.set(s.store, v),
    event: "NetworkRateLimitSet",
  }),
  globalSetter({
    index: 35,
    name: "sudo_set_network_immunity_period",
    value: u64,
    apply: (s, v) => S.NetworkImmunityPeriod.set(s.store, v),
    event: "NetworkImmunityPeriodSet",
  }),
  globalSetter({
    index: 36,
    name: "sudo_set_network_min_lock_cost",
    value: u64,
    apply: (s, v) => S.NetworkMinLockCost.set(s.store, v),
    event: "NetworkMinLockCostSet",
  }),
  globalSetter({
    index: 37,
    name: "sudo_set_subnet_limit",
    value: u16,
    apply: (s, v) => S.SubnetLimit.set(s.store, v),
    event: "SubnetLimitSet",
  }),
  globalSetter({
    index: 38,
    name: "sudo_set_lock_reduction_interval",
    value: u64,
    apply: (s, v) => S.NetworkLockReductionInterval.set(s.store, v),
    event: "NetworkLockCostReductionIntervalSet",
  }),
  globalSetter({
    index: 74,
    name: "sudo_set_admin_freeze_window",
    value: u16,
    apply: (s, v) => S.AdminFreezeWindow.set(s.store, v),
    event: "AdminFreezeWindowSet",
  }),
  globalSetter({
    index: 75,
    name: "sudo_set_owner_hparam_rate_limit",
    value: u16,
    apply: (s, v) => S.OwnerHyperparamRateLimit.set(s.store, v),
    event: "OwnerHyperparamRateLimitSet",
  }),
  globalSetter({
    index: 85,
    name: "sudo_set_start_call_delay",
    value: u64,
    apply: (s, v) => S.StartCallDelay.set(s.store, v),
    event: "StartCallDelaySet",
  }),
  globalSetter({
    index: 96,
    name: "sudo_set_max_epochs_per_block",
    value: u8,
    check: (_s, v) => (v < 1 ? E.InvalidValue : undefined),
    apply: (s, v) => S.MaxEpochsPerBlock.set(s.store, v),
    event: "MaxEpochsPerBlockSet",
  }),
];

/** Raising the nominator minimum clears the nominations now below it (no event, as Subtensor). */
const setNominatorMinRequiredStake = defineCall({
  pallet: PALLET,
  name: "sudo_set_nominator_min_required_stake",
  index: 43,
  args: Struct({ minStake: u64 }),
  weight: () => weight(10_000_000n, 1, 1),
  pays: true,
  dispatch: (scope, origin, { minStake }) => {
    if (origin.kind !== "Root") return fail({ kind: "BadOrigin" });
    // Subtensor compares the new per-million factor with the previous minimum in rao.
    const previous = nominatorMinRequiredStake(scope.store);
    S.NominatorMinRequiredStake.set(scope.store, minStake);
    if (minStake > previous) clearSmallNominations(scope);
    return OK;
  },
});

export const ADMIN_UTILS_CALLS: AnyCallDef[] = [
  ...SUBNET_SETTERS,
  setAlphaValues,
  sudoTrimToMaxAllowedUids,
  ...GLOBAL_SETTERS,
  setNominatorMinRequiredStake,
];
