import { bytesEqual, concatBytes, ss58Decode, ss58Encode, u16, utf8 } from "@opentao/primitives";

// Substrate's `PalletId::into_account_truncating`: "modl" ‖ 8-byte pallet id ‖ sub-account, zero-padded
// to 32 bytes (transactions.md §1.3).
const SUBNET_PREFIX = utf8("modlsubtensr");

function palletAccount(prefix: Uint8Array, sub: Uint8Array = new Uint8Array(0)): string {
  const id = new Uint8Array(32);
  id.set(concatBytes(prefix, sub).subarray(0, 32));
  return ss58Encode(id);
}

/** The account holding a subnet's pool TAO (staked TAO really moves here). */
export function subnetAccountId(netuid: number): string {
  return palletAccount(SUBNET_PREFIX, u16.enc(netuid));
}

/** True for any subnet pool account: those can never be hotkeys (`CannotUseSystemAccount`). */
export function isSubnetAccount(address: string): boolean {
  const id = ss58Decode(address);
  return bytesEqual(id.subarray(0, 12), SUBNET_PREFIX) && id.subarray(14).every((b) => b === 0);
}

/** Where burned TAO goes: issuance is unchanged, unlike recycling. */
export const BURN_ACCOUNT = palletAccount(utf8("modlburntnsr"));
