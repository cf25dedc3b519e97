// Automatic root claims (Subtensor `run_auto_claim_root_divs`, block step 8): every block claims the
// root dividends of up to NumRootClaim coldkeys, drawn from the staking-coldkey index by the parent
// block's hash, so every root staker is paid eventually without sending claim_root.
import { hexToBytes } from "@opentao/primitives";
import type { Scope } from "../../../frame/scope.js";
import { doRootClaim } from "./claims.js";
import { RootClaimStorage as R } from "./storage.js";

const U64_MAX = 2n ** 64n - 1n;

function u64At(bytes: Uint8Array, offset: number): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(bytes[offset + i] ?? 0);
  return v;
}

/**
 * `block_hash_to_indices`: k steps through [0, n), starting from the hash's first 8 bytes (big-endian)
 * and stepping by its four 8-byte words in turn; the distinct indices, ascending.
 */
export function blockHashToIndices(blockHash: Uint8Array, k: bigint, n: bigint): bigint[] {
  const indices = new Set<bigint>();
  let last = u64At(blockHash, 0);
  for (let i = 0n; i < k; i++) {
    const step = u64At(blockHash, Number((i * 8n) % 32n));
    const sum = last + step > U64_MAX ? U64_MAX : last + step;
    const index = n === 0n ? 0n : sum % n;
    indices.add(index);
    last = index;
  }
  return [...indices].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Claims, for each drawn coldkey, everything it is owed on every subnet; a failed claim changes nothing. */
export function runAutoClaimRootDivs(scope: Scope): void {
  const { store } = scope;
  const n = R.NumStakingColdkeys.get(store);
  const k = R.NumRootClaim.get(store);
  for (const index of blockHashToIndices(hexToBytes(scope.env.block.parentHash), k, n)) {
    const coldkey = R.StakingColdkeysByIndex.getOptional(store, index);
    if (coldkey !== undefined) doRootClaim(scope, coldkey);
  }
}
