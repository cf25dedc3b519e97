export * from "./codecs.js";
export * from "./epoch/index.js";
export * from "./frame/call.js";
export * from "./frame/dispatch.js";
export * from "./frame/dispatch-error.js";
export * from "./frame/era.js";
export * from "./frame/executive.js";
export * from "./frame/extrinsic.js";
export * from "./frame/invalid.js";
export * from "./frame/scope.js";
export * from "./frame/signature.js";
export * from "./frame/types.js";
export * from "./genesis.js";
export * from "./pallets/admin-utils/errors.js";
export * from "./pallets/admin-utils/hyperparameters.js";
export * from "./pallets/aura/storage.js";
export * from "./pallets/balances/currency.js";
export * from "./pallets/balances/errors.js";
export * from "./pallets/balances/storage.js";
export * from "./pallets/subtensor/accounts.js";
export { blockEmissionForIssuance } from "./pallets/subtensor/coinbase/block-emission.js";
export { epochInput } from "./pallets/subtensor/coinbase/epoch-input.js";
export { runCoinbase } from "./pallets/subtensor/coinbase/run-coinbase.js";
export * from "./pallets/subtensor/coinbase/storage.js";
export { readSchedule, writeSchedule } from "./pallets/subtensor/epoch-schedule.js";
export * from "./pallets/subtensor/errors.js";
export * from "./pallets/subtensor/math.js";
export { spotPrice } from "./pallets/subtensor/pool/balancer.js";
export { poolOf } from "./pallets/subtensor/pool/pool-state.js";
export { maxSwapAmount, quoteSell } from "./pallets/subtensor/pool/swap.js";
export { currentLockCost } from "./pallets/subtensor/register-network.js";
export { type StakeWeights, stakeWeightsForNetwork } from "./pallets/subtensor/staking/inherited-stake.js";
export {
  type MaxAmount,
  maxMoveAmount,
  maxStakeAmount,
  maxUnstakeAmount,
  type PoolView,
} from "./pallets/subtensor/staking/max-amount.js";
export { nominatorsOf, stakeOf } from "./pallets/subtensor/staking/share-pool.js";
export * from "./pallets/subtensor/storage.js";
export * from "./pallets/subtensor/subnets.js";
export * from "./pallets/subtensor/symbols.js";
export { weightCommitHash } from "./pallets/subtensor/weights/commit-hash.js";
export * from "./pallets/sudo/storage.js";
export * from "./pallets/system/accounts.js";
export * from "./pallets/system/errors.js";
export * from "./pallets/system/storage.js";
export * from "./pallets/timestamp/storage.js";
export * from "./presets/index.js";
export * from "./runtime.js";
export * from "./storage/items.js";
export * from "./storage/overlay.js";
export * from "./storage/registry.js";
export * from "./storage/store.js";
