import { concatBytes, ss58Encode, u16, utf8 } from "@opentao/primitives";

// Substrate's `PalletId::into_account_truncating`: "modl" ‖ 8-byte pallet id ‖ sub-account, zero-padded
// to 32 bytes (transactions.md §1.3).
function palletAccount(palletId: string, sub: Uint8Array = new Uint8Array(0)): string {
  const raw = concatBytes(utf8("modl"), utf8(palletId), sub);
  const id = new Uint8Array(32);
  id.set(raw.subarray(0, 32));
  return ss58Encode(id);
}

/** The account holding a subnet's pool TAO (staked TAO really moves here). */
export function subnetAccountId(netuid: number): string {
  return palletAccount("subtensr", u16.enc(netuid));
}

/** Where burned TAO goes: issuance is unchanged, unlike recycling. */
export const BURN_ACCOUNT = palletAccount("burntnsr");
