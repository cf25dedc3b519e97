// The subnet's moving (EMA) alpha price, updated once per block for every emitting subnet
// (`update_moving_price`, `staking/stake_utils.rs`; spec §7.4):
//   b     = block − (FirstEmissionBlockNumber − 1)           (saturating; FirstEmissionBlockNumber unset → 0)
//   α     = SubnetMovingAlpha · b/(b + EMAPriceHalvingBlocks)  U64F64, safe_div (0/0 → 0)
//   ema'  = α·min(spot, 1) + (1 − α)·ema                       U64F64, stored as I96F32 (floor)
// Every product floors; nothing here uses a transcendental function.
import { I96F32, U64F64 } from "@opentao/primitives";

/** Everything one EMA update reads. */
export interface EmaPriceInput {
  /** The pool's current price (`current_alpha_price`) [U64F64] */
  readonly spotPrice: U64F64;
  /** SubnetMovingPrice before the update [I96F32] */
  readonly movingPrice: I96F32;
  /** SubnetMovingAlpha (global, e.g. from_num(0.000003)) [I96F32] */
  readonly movingAlpha: I96F32;
  /** EMAPriceHalvingBlocks of the subnet [blocks] */
  readonly halvingBlocks: bigint;
  /** The current block number */
  readonly block: bigint;
  /** FirstEmissionBlockNumber (set by start_call to its block + 1); undefined when unset */
  readonly firstEmissionBlock: bigint | undefined;
}

const satSub = (a: bigint, b: bigint): bigint => (a > b ? a - b : 0n);

/** The smoothing factor α of this block: SubnetMovingAlpha · b/(b + halving) [U64F64]. */
export function emaPriceAlpha(
  movingAlpha: I96F32,
  halvingBlocks: bigint,
  block: bigint,
  firstEmissionBlock: bigint | undefined,
): U64F64 {
  const startCallBlock = satSub(firstEmissionBlock ?? 0n, 1n);
  const b = U64F64.saturatingFromNum(satSub(block, startCallBlock));
  const h = U64F64.saturatingFromNum(halvingBlocks);
  return U64F64.saturatingFromNum(movingAlpha).saturatingMul(b.safeDiv(b.saturatingAdd(h)));
}

/**
 * The new SubnetMovingPrice: α·min(spot, 1) + (1 − α)·ema, computed in U64F64 and stored as I96F32.
 * The caller applies it only to subnets that receive emission this block; root and stable subnets read
 * their moving price as 1.0 (`get_moving_alpha_price`) and are never updated.
 */
export function updateEmaPrice(input: EmaPriceInput): I96F32 {
  const alpha = emaPriceAlpha(input.movingAlpha, input.halvingBlocks, input.block, input.firstEmissionBlock);
  const oneMinusAlpha = U64F64.ONE.saturatingSub(alpha);
  const spot = input.spotPrice.min(U64F64.ONE);
  const fromSpot = alpha.saturatingMul(spot);
  const fromEma = oneMinusAlpha.saturatingMul(U64F64.saturatingFromNum(input.movingPrice));
  return I96F32.saturatingFromNum(fromSpot.saturatingAdd(fromEma));
}
