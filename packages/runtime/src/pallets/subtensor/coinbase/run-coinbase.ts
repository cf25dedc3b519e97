// The coinbase (economics §4): this block's TAO split across subnets by EMA price, injected into their
// pools without moving the price, and each subnet's alpha emission split into the pending accumulators
// that its next epoch pays out.
import { I96F32, U64F64 } from "@opentao/primitives";
import type { Scope } from "../../../frame/scope.js";
import type { KeyValueReader } from "../../../storage/store.js";
import { mint } from "../../balances/currency.js";
import { subnetAccountId } from "../accounts.js";
import { spotPrice, updateWeightsForAddedLiquidity } from "../pool/balancer.js";
import { isStableSubnet, poolOf, swapTaoForAlpha } from "../pool/pool-state.js";
import { SubtensorStorage as S } from "../storage.js";
import { allNetuids, ROOT_NETUID } from "../subnets.js";
import { blockEmissionForIssuance } from "./block-emission.js";
import { alphaIssuance, rootProportion } from "./root-proportion.js";
import { CoinbaseStorage as C } from "./storage.js";

const U64_MAX = 2n ** 64n - 1n;
const U16_MAX = 65_535n;

/** Subnets that receive emission: started, trading, and open to registration (§4.1). */
export function subnetsToEmitTo(store: KeyValueReader): number[] {
  return allNetuids(store).filter(
    (n) =>
      n !== ROOT_NETUID &&
      S.FirstEmissionBlockNumber.get(store, n) !== undefined &&
      S.SubtokenEnabled.get(store, n) &&
      S.NetworkRegistrationAllowed.get(store, n),
  );
}

/** The EMA price the TAO split uses: 1.0 for stable subnets. */
export function movingPrice(store: KeyValueReader, netuid: number): U64F64 {
  if (isStableSubnet(store, netuid)) return U64F64.ONE;
  return U64F64.saturatingFromNum(I96F32.fromBits(S.SubnetMovingPrice.get(store, netuid)));
}

/** §4.2: each subnet's share of the block's TAO. */
export function taoShares(store: KeyValueReader, subnets: readonly number[]): Map<number, U64F64> {
  const prices = subnets.map((n) => movingPrice(store, n));
  const total = prices.reduce((a, b) => a.saturatingAdd(b), U64F64.ZERO);
  let shares = subnets.map((_, i) => prices[i]!.safeDiv(total));
  const burned = subnets.map((n) =>
    U64F64.fromInt(C.MinerBurned.get(store, n)).safeDiv(U64F64.fromInt(U64_MAX)).min(U64F64.ONE),
  );
  const weighted = shares.map((s, i) => s.saturatingMul(U64F64.ONE.saturatingSub(burned[i]!)));
  const weightedTotal = weighted.reduce((a, b) => a.saturatingAdd(b), U64F64.ZERO);
  if (!weightedTotal.isZero()) shares = weighted.map((w) => w.safeDiv(weightedTotal));
  const enabled = subnets.map((n) => S.SubnetEmissionEnabled.get(store, n));
  if (enabled.some((e) => !e)) {
    const kept = shares.map((s, i) => (enabled[i] ? s : U64F64.ZERO));
    const keptTotal = kept.reduce((a, b) => a.saturatingAdd(b), U64F64.ZERO);
    shares = kept.map((s) => s.safeDiv(keptTotal));
  }
  return new Map(subnets.map((n, i) => [n, shares[i]!]));
}

/** §4.4: injects `taoIn`/`alphaIn` keeping the price, and buys alpha with the excess TAO. */
function injectAndMaybeSwap(
  scope: Scope,
  netuid: number,
  taoIn: bigint,
  alphaIn: bigint,
  excessTao: bigint,
): bigint {
  const { store } = scope;
  let tao = taoIn;
  let alpha = alphaIn;
  if (!isStableSubnet(store, netuid)) {
    const pool = poolOf(store, netuid);
    const updated = updateWeightsForAddedLiquidity(
      pool.quoteWeight,
      pool.taoReserve,
      pool.alphaReserve,
      tao,
      alpha,
    );
    if (updated.ok) S.PoolQuoteWeight.set(store, netuid, updated.quoteWeight);
    else {
      tao = 0n;
      alpha = 0n;
    }
  }
  let minted = 0n;
  if (excessTao > 0n && mint(scope, subnetAccountId(netuid), excessTao).ok) {
    minted += excessTao;
    const bought = swapTaoForAlpha(scope, netuid, excessTao, undefined, true);
    if (bought.ok) C.SubnetProtocolAlpha.mutate(store, netuid, (x) => x + bought.amountOut);
  }
  if (tao > 0n && mint(scope, subnetAccountId(netuid), tao).ok) {
    minted += tao;
    S.SubnetTAO.mutate(store, netuid, (x) => x + tao);
    S.TotalStake.mutate(store, (x) => x + tao);
  } else tao = 0n;
  S.SubnetAlphaIn.mutate(store, netuid, (x) => x + alpha);
  C.SubnetTaoInEmission.set(store, netuid, tao);
  C.SubnetAlphaInEmission.set(store, netuid, alpha);
  return minted;
}

/** §4.5: mints alpha out and splits it into the owner cut, miners, validators and root. */
function emitToSubnet(scope: Scope, netuid: number, alphaOut: bigint, rootSell: boolean): void {
  const { store } = scope;
  S.SubnetAlphaOut.mutate(store, netuid, (x) => x + alphaOut);
  C.SubnetAlphaOutEmission.set(store, netuid, alphaOut);
  let remaining = I96F32.fromInt(alphaOut);
  if (C.OwnerCutEnabled.get(store, netuid)) {
    const cut = I96F32.fromInt(BigInt(S.SubnetOwnerCut.get(store))).div(I96F32.fromInt(U16_MAX));
    const ownerCut = remaining.mul(cut);
    remaining = remaining.sub(ownerCut);
    C.PendingOwnerCut.mutate(store, netuid, (x) => x + ownerCut.toInt());
  }
  const half = I96F32.fromInt(1n).div(I96F32.fromInt(2n));
  const rootAlpha = rootProportion(store, netuid).mul(remaining).mul(half);
  const server = remaining.mul(half);
  const validators = remaining.sub(server).sub(rootAlpha);
  C.PendingServerEmission.mutate(store, netuid, (x) => x + server.toInt());
  C.PendingValidatorEmission.mutate(store, netuid, (x) => x + validators.toInt());
  if (rootSell) C.PendingRootAlphaDivs.mutate(store, netuid, (x) => x + rootAlpha.toInt());
  else S.SubnetAlphaOut.mutate(store, netuid, (x) => x - rootAlpha.toInt());
}

/** Mints this block's TAO into the emitting subnets and fills their pending accumulators. */
export function runCoinbase(scope: Scope, blockEmission: bigint): void {
  const { store } = scope;
  const subnets = subnetsToEmitTo(store);
  if (subnets.length === 0) return;
  const shares = taoShares(store, subnets);
  const rootSell = subnets
    .reduce((a, n) => a.saturatingAdd(movingPrice(store, n)), U64F64.ZERO)
    .gt(U64F64.ONE);
  let minted = 0n;
  const alphaOuts = new Map<number, bigint>();
  for (const netuid of subnets) {
    const taoEmission = I96F32.saturatingFromNum(
      U64F64.fromInt(blockEmission).saturatingMul(shares.get(netuid)!),
    );
    const alphaEmission = blockEmissionForIssuance(alphaIssuance(store, netuid));
    const price = I96F32.saturatingFromNum(
      spotPrice(poolOf(store, netuid), S.SubnetMechanism.get(store, netuid)),
    );
    let taoIn = taoEmission;
    let alphaIn = taoEmission.safeDiv(price);
    const cap = rootProportion(store, netuid).mul(I96F32.fromInt(alphaEmission));
    if (alphaIn.gt(cap)) {
      alphaIn = cap;
      taoIn = alphaIn.mul(price);
    }
    const excess = taoEmission.sub(taoIn);
    minted += injectAndMaybeSwap(scope, netuid, taoIn.toInt(), alphaIn.toInt(), excess.toInt());
    alphaOuts.set(netuid, alphaEmission);
  }
  for (const netuid of subnets) emitToSubnet(scope, netuid, alphaOuts.get(netuid)!, rootSell);
  // Only what was minted counts; the rest of the block's credit is recycled.
  C.TotalIssuance.mutate(store, (x) => x + minted);
}
