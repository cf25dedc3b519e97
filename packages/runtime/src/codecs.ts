import {
  AccountId,
  Bytes,
  bytesToHex,
  type Codec,
  compact,
  createCodec,
  createDecoder,
  enhanceCodec,
  hexToBytes,
  Struct,
  u32,
  u64,
  u128,
} from "@opentao/primitives";

/** A 32-byte hash as 0x-hex. */
export const H256: Codec<string> = enhanceCodec(
  Bytes(32),
  (hex: string) => hexToBytes(hex, "hash", 32),
  (bytes) => bytesToHex(Uint8Array.from(bytes)),
);

/**
 * Substrate's `MultiAddress<AccountId32, ()>`. Only the forms that name a 32-byte account are
 * meaningful here (`Id` and `Address32`); the others cannot be looked up and fail to decode.
 */
export const MultiAddress: Codec<string> = createCodec(
  (address: string) => {
    const id = AccountId.enc(address);
    const out = new Uint8Array(33);
    out.set(id, 1);
    return out;
  },
  createDecoder((input) => {
    const cursor = input as unknown as Uint8Array & { i: number };
    const variant = cursor[cursor.i++];
    if (variant !== 0 && variant !== 3)
      throw new Error(`MultiAddress variant ${variant} is not a 32-byte account id`);
    return AccountId.dec(input);
  }),
);

export const AccountData = Struct({ free: u64, reserved: u64, frozen: u64, flags: u128 });

/** frame_system's `AccountInfo` with Subtensor's u64 balances. */
export const AccountInfo = Struct({
  nonce: u32,
  consumers: u32,
  providers: u32,
  sufficients: u32,
  data: AccountData,
});

export type AccountInfo = ReturnType<typeof AccountInfo.dec>;

export const EMPTY_ACCOUNT: AccountInfo = Object.freeze({
  nonce: 0,
  consumers: 0,
  providers: 0,
  sufficients: 0,
  data: Object.freeze({ free: 0n, reserved: 0n, frozen: 0n, flags: 0n }),
}) as AccountInfo;

/** `Compact<u64>` amounts (Balances calls), always bigint on our side. */
export const CompactBalance: Codec<bigint> = enhanceCodec(
  compact,
  (value: bigint) => value,
  (value) => BigInt(value),
);
