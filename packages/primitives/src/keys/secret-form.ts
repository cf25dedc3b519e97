// Two 64-byte encodings of one sr25519 secret exist (client-protocol.md §1.6): btwallet's keyfile
// `privateKey` holds the canonical scalar k, polkadot-js and the signing code hold k·8 ("ed25519 form").
// Both end with the same 32-byte nonce.

function scalarFromLE(bytes: Uint8Array): bigint {
  let x = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[i]!);
  return x;
}

function scalarToLE(x: bigint, out: Uint8Array): void {
  for (let i = 0; i < out.length; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
}

export function canonicalToEd25519Form(secret: Uint8Array): Uint8Array {
  checkLength(secret);
  const out = Uint8Array.from(secret);
  scalarToLE((scalarFromLE(secret.subarray(0, 32)) * 8n) % 2n ** 256n, out.subarray(0, 32));
  return out;
}

export function ed25519FormToCanonical(secret: Uint8Array): Uint8Array {
  checkLength(secret);
  const out = Uint8Array.from(secret);
  scalarToLE(scalarFromLE(secret.subarray(0, 32)) >> 3n, out.subarray(0, 32));
  return out;
}

function checkLength(secret: Uint8Array): void {
  if (secret.length !== 64) throw new RangeError(`an sr25519 secret key is 64 bytes, got ${secret.length}`);
}
