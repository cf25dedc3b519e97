// btwallet-compatible keyfile encryption (`$NACL` format) and the `BT_PW_*` environment password.
// Spec: shared/spec/client-protocol.md §1.3–§1.4 (btwallet `src/keyfile.rs`).
import { naclDecrypt, naclEncrypt } from "@polkadot/util-crypto/nacl";

/** Why a keyfile (or a polkadot-js JSON backup) could not be read. */
export type KeyfileErrorCode =
  /** The password is wrong (authentication of the secretbox failed). */
  | "WRONG_PASSWORD"
  /** The data is truncated or malformed. */
  | "CORRUPT_DATA"
  /** Ansible Vault or Fernet encryption written by old bittensor versions; not supported. */
  | "LEGACY_FORMAT"
  /** Not encrypted with any known method. */
  | "UNKNOWN_FORMAT"
  /** A `BT_PW_*` variable that is not valid base64 / does not decode to UTF-8. */
  | "INVALID_ENV_PASSWORD"
  /** A polkadot-js JSON backup this implementation does not accept (version, key type, KDF parameters). */
  | "UNSUPPORTED_FORMAT";

export class KeyfileError extends Error {
  override readonly name = "KeyfileError";
  readonly code: KeyfileErrorCode;

  constructor(code: KeyfileErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}

/** The message btwallet prints for any failed decryption. */
export const WRONG_PASSWORD_MESSAGE = "Wrong password for decryption.";

export type KeyfileEncryptionMethod = "NaCl" | "Ansible Vault" | "legacy" | "unknown";

const encoder = new TextEncoder();

const NACL_PREFIX = encoder.encode("$NACL");
const ANSIBLE_PREFIX = encoder.encode("$ANSIBLE_VAULT");
const LEGACY_PREFIX = encoder.encode("gAAAAA");

/** The fixed Argon2 salt used by btwallet (and bittensor ≤ 7) for every wallet. */
export const NACL_SALT: Uint8Array = new Uint8Array(Buffer.from("137183dff15a09bc9c90b5518739e9b1", "hex"));

/** libsodium `crypto_pwhash_argon2i` with OPSLIMIT_SENSITIVE / MEMLIMIT_SENSITIVE. */
export const KEYFILE_KDF = {
  algorithm: "argon2i",
  version: 0x13,
  timeCost: 8,
  /** KiB (= 536 870 912 bytes). */
  memoryKiB: 524_288,
  parallelism: 1,
  keyLength: 32,
} as const;

const NONCE_LENGTH = 24;
const TAG_LENGTH = 16;
const HEADER_LENGTH = NACL_PREFIX.length + NONCE_LENGTH;

function startsWith(data: Uint8Array, prefix: Uint8Array): boolean {
  if (data.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (data[i] !== prefix[i]) return false;
  return true;
}

/** The label btwallet's `keyfile_data_encryption_method` gives the data (decided by its prefix only). */
export function keyfileEncryptionMethod(data: Uint8Array): KeyfileEncryptionMethod {
  if (startsWith(data, NACL_PREFIX)) return "NaCl";
  if (startsWith(data, ANSIBLE_PREFIX)) return "Ansible Vault";
  if (startsWith(data, LEGACY_PREFIX)) return "legacy";
  return "unknown";
}

/** True when the data is encrypted with any method btwallet knows (NaCl, Ansible Vault, legacy Fernet). */
export function isEncrypted(data: Uint8Array): boolean {
  return keyfileEncryptionMethod(data) !== "unknown";
}

/** Argon2 implementation: the native `argon2` binding, or the `hash-wasm` WebAssembly build. */
export type KeyfileKdfBackend = "native" | "wasm";

let nativeArgon2: Promise<typeof import("argon2") | undefined> | undefined;

/** The native binding, or `undefined` where it is not installed / has no build for this platform. */
function loadNativeArgon2(): Promise<typeof import("argon2") | undefined> {
  nativeArgon2 ??= import("argon2").catch(() => undefined);
  return nativeArgon2;
}

/**
 * Derives the 32-byte secretbox key from a password: Argon2i v1.3, t=8, m=512 MiB, p=1, the fixed salt.
 * By default uses the native `argon2` binding (fastest; runs on the libuv thread pool, so the event loop
 * stays free) and falls back to `hash-wasm` (≈25 % slower, blocks the event loop) where the binding is
 * unavailable; `backend` forces one (the benchmark compares them). The password is used as given (UTF-8);
 * btwallet trims prompt input before it gets here.
 */
export async function deriveKeyfileKey(
  password: string | Uint8Array,
  backend?: KeyfileKdfBackend,
): Promise<Uint8Array> {
  const pw = typeof password === "string" ? encoder.encode(password) : password;
  if (backend !== "wasm") {
    const argon2 = await loadNativeArgon2();
    if (argon2) {
      const key = await argon2.hash(Buffer.from(pw), {
        raw: true,
        type: argon2.argon2i,
        version: KEYFILE_KDF.version,
        timeCost: KEYFILE_KDF.timeCost,
        memoryCost: KEYFILE_KDF.memoryKiB,
        parallelism: KEYFILE_KDF.parallelism,
        hashLength: KEYFILE_KDF.keyLength,
        salt: Buffer.from(NACL_SALT),
      });
      return new Uint8Array(key.buffer, key.byteOffset, key.byteLength);
    }
    if (backend === "native") throw new Error("The native argon2 binding is not available on this platform.");
  }
  const { argon2i } = await import("hash-wasm");
  return argon2i({
    password: pw,
    salt: NACL_SALT,
    iterations: KEYFILE_KDF.timeCost,
    memorySize: KEYFILE_KDF.memoryKiB,
    parallelism: KEYFILE_KDF.parallelism,
    hashLength: KEYFILE_KDF.keyLength,
    outputType: "binary",
  });
}

function checkKey(key: Uint8Array): void {
  if (key.length !== 32) throw new RangeError(`keyfile key must be 32 bytes, got ${key.length}`);
}

/**
 * Encrypts with an already derived key: `"$NACL" ‖ nonce(24) ‖ tag(16) ‖ ciphertext`.
 * `nonce` defaults to 24 random bytes; pass one only for reproducible test vectors.
 */
export function sealKeyfileData(plain: Uint8Array, key: Uint8Array, nonce?: Uint8Array): Uint8Array {
  checkKey(key);
  const n = nonce ?? crypto.getRandomValues(new Uint8Array(NONCE_LENGTH));
  if (n.length !== NONCE_LENGTH) throw new RangeError(`nonce must be ${NONCE_LENGTH} bytes, got ${n.length}`);
  const { encrypted } = naclEncrypt(plain, key, n);
  const out = new Uint8Array(HEADER_LENGTH + encrypted.length);
  out.set(NACL_PREFIX, 0);
  out.set(n, NACL_PREFIX.length);
  out.set(encrypted, HEADER_LENGTH);
  return out;
}

/** Rejects anything that is not a well-formed `$NACL` blob, before any expensive key derivation. */
function checkNaclData(data: Uint8Array): void {
  const method = keyfileEncryptionMethod(data);
  if (method === "Ansible Vault" || method === "legacy") {
    throw new KeyfileError(
      "LEGACY_FORMAT",
      `Keyfile is encrypted with the legacy ${method === "legacy" ? "Fernet" : "Ansible Vault"} format, ` +
        "which is not supported. Re-create the key from its mnemonic (btcli wallet regen-coldkey / " +
        "regen-hotkey) to write it in the current NaCl format.",
    );
  }
  if (method !== "NaCl") throw new KeyfileError("UNKNOWN_FORMAT", "Invalid or unknown encryption method.");
  if (data.length < HEADER_LENGTH + TAG_LENGTH) {
    throw new KeyfileError(
      "CORRUPT_DATA",
      `Corrupt NaCl keyfile: ${data.length} bytes is shorter than the ${HEADER_LENGTH + TAG_LENGTH}-byte minimum.`,
    );
  }
}

/**
 * Decrypts a `$NACL` blob with an already derived key. A failed authentication (wrong key, or
 * data modified after encryption — the two are indistinguishable) throws `WRONG_PASSWORD`.
 */
export function openKeyfileData(data: Uint8Array, key: Uint8Array): Uint8Array {
  checkKey(key);
  checkNaclData(data);
  const nonce = data.subarray(NACL_PREFIX.length, HEADER_LENGTH);
  const plain = naclDecrypt(data.subarray(HEADER_LENGTH), nonce, key);
  if (plain === null) throw new KeyfileError("WRONG_PASSWORD", WRONG_PASSWORD_MESSAGE);
  return plain;
}

/** btwallet `encrypt_keyfile_data`: Argon2i key derivation (slow: seconds and 512 MiB) + secretbox. */
export async function encryptKeyfileData(plain: Uint8Array, password: string): Promise<Uint8Array> {
  return sealKeyfileData(plain, await deriveKeyfileKey(password));
}

/**
 * btwallet `decrypt_keyfile_data` for the `$NACL` format.
 * Throws `KeyfileError`: `WRONG_PASSWORD` ("Wrong password for decryption."), `CORRUPT_DATA`,
 * `LEGACY_FORMAT` (Ansible Vault / Fernet) or `UNKNOWN_FORMAT`; format checks run before the KDF.
 */
export async function decryptKeyfileData(data: Uint8Array, password: string): Promise<Uint8Array> {
  checkNaclData(data);
  return openKeyfileData(data, await deriveKeyfileKey(password));
}

// ---------------------------------------------------------------------------------------------
// BT_PW_* environment variable (btwallet `env_var_name`, `save_password_to_env`,
// `get_password_from_environment`). The value is base64(password XOR name), not the password.

/** `BT_PW_` + the keyfile path (as given, not `~`-expanded) upper-cased, with `/` and `.` → `_`. */
export function passwordEnvVarName(keyfilePath: string): string {
  return `BT_PW_${keyfilePath.replace(/[/.]/g, "_").toUpperCase()}`;
}

function xorCyclic(data: Uint8Array, key: Uint8Array): Uint8Array {
  if (key.length === 0) throw new RangeError("environment variable name must not be empty");
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i]! ^ key[i % key.length]!;
  return out;
}

/** The value btwallet stores in the variable `name`: base64(UTF-8(password) XOR UTF-8(name), cyclic). */
export function encodePasswordForEnv(name: string, password: string): string {
  return Buffer.from(xorCyclic(encoder.encode(password), encoder.encode(name))).toString("base64");
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

/** Inverse of `encodePasswordForEnv`; throws `INVALID_ENV_PASSWORD` for bad base64 or non-UTF-8 output. */
export function decodePasswordFromEnv(name: string, value: string): string {
  if (!BASE64.test(value)) {
    throw new KeyfileError("INVALID_ENV_PASSWORD", `Environment variable ${name} is not valid base64.`);
  }
  const bytes = xorCyclic(Buffer.from(value, "base64"), encoder.encode(name));
  try {
    return strictUtf8.decode(bytes);
  } catch (cause) {
    throw new KeyfileError(
      "INVALID_ENV_PASSWORD",
      `Environment variable ${name} does not hold a password encoded for this keyfile path.`,
      { cause },
    );
  }
}

/** The password stored for `keyfilePath` in the environment, or `undefined` when the variable is unset. */
export function passwordFromEnvironment(
  keyfilePath: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const name = passwordEnvVarName(keyfilePath);
  const value = env[name];
  return value === undefined ? undefined : decodePasswordFromEnv(name, value);
}
