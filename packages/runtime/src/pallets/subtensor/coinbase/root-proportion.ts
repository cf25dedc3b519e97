import { I96F32 } from "@opentao/primitives";
import type { KeyValueReader } from "../../../storage/store.js";
import { SubtensorStorage as S } from "../storage.js";

const U64_MAX = 2n ** 64n - 1n;

/** TaoWeight as a fraction (economics §8.1). */
export function taoWeight(store: KeyValueReader): I96F32 {
  return I96F32.fromInt(S.TaoWeight.get(store)).div(I96F32.fromInt(U64_MAX));
}

export function alphaIssuance(store: KeyValueReader, netuid: number): bigint {
  return S.SubnetAlphaIn.get(store, netuid) + S.SubnetAlphaOut.get(store, netuid);
}

/** root_proportion(i) = root TAO · tao_weight / (root TAO · tao_weight + alpha issuance), 0 on 0/0. */
export function rootProportion(store: KeyValueReader, netuid: number): I96F32 {
  const rootTao = I96F32.fromInt(S.SubnetTAO.get(store, 0)).mul(taoWeight(store));
  const denominator = rootTao.add(I96F32.fromInt(alphaIssuance(store, netuid)));
  return rootTao.safeDiv(denominator);
}
