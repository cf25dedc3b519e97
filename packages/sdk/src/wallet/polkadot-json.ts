// polkadot-js JSON account backups (the `--json FILE --json-password PW` import of btcli regen-coldkey),
// as btwallet `Keypair::create_from_encrypted_json` reads them. Spec: client-protocol.md §1.5.
import { scrypt } from "node:crypto";
import { Keypair, ss58Encode } from "@opentao/primitives";
import { naclDecrypt } from "@polkadot/util-crypto/nacl";
import { KeyfileError, WRONG_PASSWORD_MESSAGE } from "./keyfile-crypto.js";

/** The JSON a polkadot-js wallet / extension exports for one account. */
export interface PolkadotJsonBackup {
  encoded: string;
  encoding: {
    content: string[];
    type: string[] | string;
    version: string;
  };
  address?: string;
  meta?: Record<string, unknown>;
}

export interface PolkadotJsonKey {
  publicKey: Uint8Array;
  /** 64 bytes in polkadot-js "ed25519 form": scalar·8 ‖ nonce (`Keypair.fromEd25519FormSecret`). */
  secretKey: Uint8Array;
  /** SS58 address with Bittensor's prefix 42 (the backup's own `address` may use another prefix). */
  address: string;
}

const PKCS8_HEADER = Uint8Array.of(48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32);
const PKCS8_DIVIDER = Uint8Array.of(161, 35, 3, 33, 0);
const SECRET_LENGTH = 64;
const PUBLIC_LENGTH = 32;
const PKCS8_LENGTH = PKCS8_HEADER.length + SECRET_LENGTH + PKCS8_DIVIDER.length + PUBLIC_LENGTH;
const SCRYPT_HEADER_LENGTH = 32 + 3 * 4;
const NONCE_LENGTH = 24;
const TAG_LENGTH = 16;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

function corrupt(message: string): KeyfileError {
  return new KeyfileError("CORRUPT_DATA", `Invalid polkadot-js JSON backup: ${message}`);
}

function unsupported(message: string): KeyfileError {
  return new KeyfileError("UNSUPPORTED_FORMAT", `Unsupported polkadot-js JSON backup: ${message}`);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((x) => typeof x === "string");
}

function parseBackup(json: string | PolkadotJsonBackup): PolkadotJsonBackup {
  let value: unknown = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw corrupt(`not valid JSON (${(e as Error).message})`);
    }
  }
  const v = value as Partial<PolkadotJsonBackup> | null;
  if (typeof v !== "object" || v === null || typeof v.encoded !== "string") {
    throw corrupt('expected an object with an "encoded" string');
  }
  const enc = v.encoding as Partial<PolkadotJsonBackup["encoding"]> | undefined;
  if (
    typeof enc !== "object" ||
    enc === null ||
    typeof enc.version !== "string" ||
    !isStringArray(enc.content) ||
    !(typeof enc.type === "string" || isStringArray(enc.type))
  ) {
    throw corrupt('expected "encoding" with "version", "content" and "type"');
  }
  return v as PolkadotJsonBackup;
}

function scryptKey(
  password: Uint8Array,
  salt: Uint8Array,
  N: number,
  r: number,
  p: number,
): Promise<Uint8Array> {
  // Same bounds as polkadot-js (N ≤ 2^20, r ≤ 16) so a crafted file cannot ask for gigabytes.
  const isPowerOfTwo = N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || r < 1 || r > 16 || p < 1 || p > 16) {
    throw unsupported(`scrypt parameters N=${N}, r=${r}, p=${p} are out of range`);
  }
  const maxmem = 128 * r * (N + p + 2) + 2 ** 20;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, { N, r, p, maxmem }, (err, key) => {
      if (err) reject(unsupported(`scrypt failed (${err.message})`));
      else resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength));
    });
  });
}

/**
 * Decrypts a polkadot-js JSON backup of an sr25519 account: `encoding.version` "3", `content` with
 * "sr25519", `type` "scrypt" + "xsalsa20-poly1305" (salt(32) ‖ N ‖ p ‖ r (u32 LE) ‖ nonce(24) ‖ secretbox)
 * or "xsalsa20-poly1305" alone (key = UTF-8 password zero-padded, or cut, to 32 bytes, as polkadot-js does).
 * Throws `KeyfileError`: `WRONG_PASSWORD` ("Wrong password for decryption."), `UNSUPPORTED_FORMAT`
 * (version, key type, KDF) or `CORRUPT_DATA`.
 */
export async function decryptPolkadotJson(
  json: string | PolkadotJsonBackup,
  password: string,
): Promise<PolkadotJsonKey> {
  const backup = parseBackup(json);
  const { version, content } = backup.encoding;
  const type = typeof backup.encoding.type === "string" ? [backup.encoding.type] : backup.encoding.type;
  if (version !== "3") {
    throw unsupported(
      `encoding version "${version}"; only version "3" is supported (re-export it from polkadot-js)`,
    );
  }
  if (!content.includes("sr25519")) {
    throw unsupported(
      `key type ${content.filter((c) => c !== "pkcs8").join(", ") || "unknown"}; only sr25519`,
    );
  }
  if (!type.includes("xsalsa20-poly1305")) {
    throw unsupported(`encryption "${type.join(", ")}"; expected xsalsa20-poly1305 (an unencrypted export?)`);
  }
  if (!BASE64.test(backup.encoded)) throw corrupt('"encoded" is not valid base64');
  let data: Uint8Array = new Uint8Array(Buffer.from(backup.encoded, "base64"));

  const pw = new TextEncoder().encode(password);
  let key: Uint8Array;
  if (type.includes("scrypt")) {
    if (data.length < SCRYPT_HEADER_LENGTH + NONCE_LENGTH + TAG_LENGTH)
      throw corrupt("encrypted data is truncated");
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const [N, p, r] = [view.getUint32(32, true), view.getUint32(36, true), view.getUint32(40, true)];
    key = await scryptKey(pw, data.subarray(0, 32), N, r, p);
    data = data.subarray(SCRYPT_HEADER_LENGTH);
  } else {
    key = new Uint8Array(32);
    key.set(pw.subarray(0, 32));
  }
  if (data.length < NONCE_LENGTH + TAG_LENGTH) throw corrupt("encrypted data is truncated");

  const plain = naclDecrypt(data.subarray(NONCE_LENGTH), data.subarray(0, NONCE_LENGTH), key);
  if (plain === null) throw new KeyfileError("WRONG_PASSWORD", WRONG_PASSWORD_MESSAGE);
  return decodePkcs8(plain);
}

/** PKCS8 body: header ‖ 64-byte ed25519-form secret ‖ divider ‖ 32-byte public key. */
function decodePkcs8(body: Uint8Array): PolkadotJsonKey {
  const matches = (at: number, expected: Uint8Array) => expected.every((byte, i) => body[at + i] === byte);
  const dividerAt = PKCS8_HEADER.length + SECRET_LENGTH;
  if (body.length < PKCS8_LENGTH || !matches(0, PKCS8_HEADER) || !matches(dividerAt, PKCS8_DIVIDER)) {
    throw corrupt("the decrypted key is not in the expected PKCS8 layout");
  }
  const secretKey = body.slice(PKCS8_HEADER.length, dividerAt);
  const publicKey = body.slice(dividerAt + PKCS8_DIVIDER.length, PKCS8_LENGTH);
  const derived = Keypair.fromEd25519FormSecret(secretKey).publicKey;
  if (!derived.every((byte, i) => byte === publicKey[i])) {
    throw corrupt("the public key stored in the backup does not belong to its secret key");
  }
  return { publicKey, secretKey, address: ss58Encode(publicKey) };
}
