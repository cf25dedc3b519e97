// The one binary codec for transactions and storage values: SCALE, through scale-ts.
import { Bytes, type Codec, enhanceCodec } from "scale-ts";
import { ss58Decode, ss58Encode } from "./ss58.js";

export * from "scale-ts";

/** A 32-byte account id; SS58 (prefix 42) on the TypeScript side. */
export const AccountId: Codec<string> = enhanceCodec(Bytes(32), ss58Decode, (bytes) =>
  ss58Encode(Uint8Array.from(bytes)),
);
