import { I96F32 } from "@opentao/primitives";
import type { Scope } from "../../../frame/scope.js";
import { spotPrice } from "../pool/balancer.js";
import { updateEmaPrice } from "../pool/ema-price.js";
import { poolOf } from "../pool/pool-state.js";
import { SubtensorStorage as S } from "../storage.js";
import { rootProportion } from "./root-proportion.js";
import { CoinbaseStorage as C } from "./storage.js";

/** §7.4: each emitting subnet's EMA price moves toward its spot price (capped at 1.0), after the coinbase. */
export function updateMovingPrices(scope: Scope, subnets: readonly number[]): void {
  const { store } = scope;
  const { subnetMovingAlpha, emaPriceHalvingBlocks } = scope.env.preset.emission;
  for (const netuid of subnets) {
    const next = updateEmaPrice({
      spotPrice: spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid)),
      movingPrice: I96F32.fromBits(S.SubnetMovingPrice.get(store, netuid)),
      movingAlpha: I96F32.fromBits(subnetMovingAlpha),
      halvingBlocks: BigInt(emaPriceHalvingBlocks),
      block: BigInt(scope.env.block.number),
      firstEmissionBlock: S.FirstEmissionBlockNumber.get(store, netuid),
    });
    S.SubnetMovingPrice.set(store, netuid, next.bits);
  }
}

/** Step 6: RootProp, informational. */
export function updateRootProportions(scope: Scope, subnets: readonly number[]): void {
  for (const netuid of subnets) C.RootProp.set(scope.store, netuid, rootProportion(scope.store, netuid).bits);
}
