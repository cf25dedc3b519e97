import sodium from "libsodium-wrappers-sumo";
import { beforeAll, describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import {
  decodePasswordFromEnv,
  decryptKeyfileData,
  encodePasswordForEnv,
  encryptKeyfileData,
  isEncrypted,
  KEYFILE_KDF,
  KeyfileError,
  keyfileEncryptionMethod,
  NACL_SALT,
  openKeyfileData,
  passwordEnvVarName,
  passwordFromEnvironment,
  sealKeyfileData,
} from "../src/wallet/keyfile-crypto.js";

const vec = v.nacl_keyfile as {
  password: string;
  derived_key_hex: string;
  nonce_hex: string;
  plaintext_utf8: string;
  file_hex: string;
};
const envVec = v.password_env_var as {
  keyfile_path: string;
  env_var_name: string;
  password: string;
  env_var_value: string;
};

const bytes = (hex: string) => new Uint8Array(Buffer.from(hex.replace(/^0x/, ""), "hex"));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const file = bytes(vec.file_hex);
const plain = utf8(vec.plaintext_utf8);
const vectorKey = bytes(vec.derived_key_hex);

/** Runs `fn` and returns the KeyfileError it throws (failing the test if it throws something else). */
async function keyfileError(fn: () => unknown): Promise<KeyfileError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyfileError);
    return e as KeyfileError;
  }
  throw new Error("expected a KeyfileError");
}

describe("$NACL keyfile with the real Argon2i 512 MiB KDF", () => {
  // The only real key derivations in this file. Ours run on the libuv thread pool (native argon2), so they
  // are started first and overlap with libsodium's, which blocks this thread.
  let decrypted: PromiseSettledResult<Uint8Array>;
  let encrypted: PromiseSettledResult<Uint8Array>;
  let sodiumKey: Uint8Array;

  beforeAll(async () => {
    await import("argon2").catch(() => undefined); // so both derivations are queued before libsodium blocks
    const ours = Promise.allSettled([
      decryptKeyfileData(file, vec.password),
      encryptKeyfileData(plain, vec.password),
    ]);
    await sodium.ready;
    await new Promise((resolve) => setImmediate(resolve));
    sodiumKey = sodium.crypto_pwhash(
      KEYFILE_KDF.keyLength,
      utf8(vec.password),
      NACL_SALT,
      KEYFILE_KDF.timeCost,
      KEYFILE_KDF.memoryKiB * 1024,
      sodium.crypto_pwhash_ALG_ARGON2I13,
    );
    [decrypted, encrypted] = await ours;
  }, 120_000);

  it("decrypts the btwallet vector file with its password", () => {
    if (decrypted.status === "rejected") throw decrypted.reason;
    expect(text(decrypted.value)).toBe(vec.plaintext_utf8);
  });

  it("encrypts so that an independent implementation (libsodium) decrypts it", () => {
    if (encrypted.status === "rejected") throw encrypted.reason;
    const out = encrypted.value;
    expect(hex(sodiumKey)).toBe(vec.derived_key_hex);
    expect(keyfileEncryptionMethod(out)).toBe("NaCl");
    expect(out.length).toBe(5 + 24 + 16 + plain.length);
    const nonce = out.subarray(5, 29);
    const opened = sodium.crypto_secretbox_open_easy(out.subarray(29), nonce, sodiumKey);
    expect(text(opened)).toBe(vec.plaintext_utf8);
  });
});

describe("$NACL keyfile with the vector's derived key", () => {
  it("reproduces the vector file byte for byte from key and nonce", () => {
    expect(hex(sealKeyfileData(plain, vectorKey, bytes(vec.nonce_hex)))).toBe(vec.file_hex);
  });

  it("opens the vector file", () => {
    expect(text(openKeyfileData(file, vectorKey))).toBe(vec.plaintext_utf8);
  });

  it("uses a fresh random nonce each time", () => {
    const a = sealKeyfileData(plain, vectorKey);
    const b = sealKeyfileData(plain, vectorKey);
    expect(hex(a.subarray(5, 29))).not.toBe(hex(b.subarray(5, 29)));
    expect(text(openKeyfileData(a, vectorKey))).toBe(vec.plaintext_utf8);
    expect(text(openKeyfileData(b, vectorKey))).toBe(vec.plaintext_utf8);
  });

  it("a wrong key (password) fails with btwallet's message", async () => {
    const wrong = vectorKey.slice();
    wrong[0]! ^= 1;
    const err = await keyfileError(() => openKeyfileData(file, wrong));
    expect(err.code).toBe("WRONG_PASSWORD");
    expect(err.message).toBe("Wrong password for decryption.");
  });

  it("tampered ciphertext fails authentication like a wrong password", async () => {
    const tampered = file.slice();
    tampered[tampered.length - 1]! ^= 0x80;
    expect((await keyfileError(() => openKeyfileData(tampered, vectorKey))).code).toBe("WRONG_PASSWORD");
  });

  it("rejects keys and nonces of the wrong size", () => {
    expect(() => sealKeyfileData(plain, new Uint8Array(31))).toThrow(RangeError);
    expect(() => sealKeyfileData(plain, vectorKey, new Uint8Array(12))).toThrow(RangeError);
    expect(() => openKeyfileData(file, new Uint8Array(16))).toThrow(RangeError);
  });

  it("reports truncated data as corrupt before running the KDF", async () => {
    for (const len of [5, 28, 29, 44]) {
      const err = await keyfileError(() => decryptKeyfileData(file.subarray(0, len), "irrelevant"));
      expect(err.code).toBe("CORRUPT_DATA");
      expect(err.message).toMatch(/Corrupt NaCl keyfile/);
    }
    // 45 bytes is an empty plaintext's box: well-formed, so only the tag check can reject it.
    expect((await keyfileError(() => openKeyfileData(file.subarray(0, 45), vectorKey))).code).toBe(
      "WRONG_PASSWORD",
    );
  });
});

describe("encryption format detection", () => {
  const samples: [string, Uint8Array, string, boolean][] = [
    ["NaCl", file, "NaCl", true],
    ["Ansible", utf8("$ANSIBLE_VAULT;1.1;AES256\n6134336264"), "Ansible Vault", true],
    ["Fernet", utf8("gAAAAABmXyz0123456789"), "legacy", true],
    ["plaintext JSON", plain, "unknown", false],
    ["empty", new Uint8Array(), "unknown", false],
    ["prefix only partly", utf8("$NAC"), "unknown", false],
  ];
  for (const [name, data, method, encrypted] of samples) {
    it(`${name} → ${method}`, () => {
      expect(keyfileEncryptionMethod(data)).toBe(method);
      expect(isEncrypted(data)).toBe(encrypted);
    });
  }

  it("refuses the legacy formats with advice to re-create the key from its mnemonic", async () => {
    for (const data of [samples[1]![1], samples[2]![1]]) {
      const err = await keyfileError(() => decryptKeyfileData(data, "pw"));
      expect(err.code).toBe("LEGACY_FORMAT");
      expect(err.message).toMatch(/legacy/);
      expect(err.message).toMatch(/mnemonic/);
    }
  });

  it("refuses unencrypted data with btwallet's message", async () => {
    const err = await keyfileError(() => decryptKeyfileData(plain, "pw"));
    expect(err.code).toBe("UNKNOWN_FORMAT");
    expect(err.message).toBe("Invalid or unknown encryption method.");
  });
});

describe("BT_PW_ environment variable", () => {
  it("names the variable after the keyfile path", () => {
    expect(passwordEnvVarName(envVec.keyfile_path)).toBe(envVec.env_var_name);
    expect(passwordEnvVarName("~/.bittensor/wallets/my.wallet/hotkeys/hk-1")).toBe(
      "BT_PW_~__BITTENSOR_WALLETS_MY_WALLET_HOTKEYS_HK-1",
    );
  });

  it("encodes and decodes the vector value", () => {
    expect(encodePasswordForEnv(envVec.env_var_name, envVec.password)).toBe(envVec.env_var_value);
    expect(decodePasswordFromEnv(envVec.env_var_name, envVec.env_var_value)).toBe(envVec.password);
  });

  it("reads the password from an environment", () => {
    const env = { [envVec.env_var_name]: envVec.env_var_value };
    expect(passwordFromEnvironment(envVec.keyfile_path, env)).toBe(envVec.password);
    expect(passwordFromEnvironment("/elsewhere/coldkey", env)).toBeUndefined();
  });

  it("round-trips passwords longer than the name and non-ASCII ones", () => {
    const name = passwordEnvVarName("/w/c");
    for (const pw of ["x".repeat(100), "pässwörd 🔑 with spaces", ""]) {
      expect(decodePasswordFromEnv(name, encodePasswordForEnv(name, pw))).toBe(pw);
    }
  });

  it("rejects values that are not base64 or do not decode to UTF-8", async () => {
    const name = envVec.env_var_name;
    for (const value of ["Password123", "EjUsIyAwLSx+f3Y", "EjUs IyAw"]) {
      expect((await keyfileError(() => decodePasswordFromEnv(name, value))).code).toBe(
        "INVALID_ENV_PASSWORD",
      );
    }
    const notUtf8 = Buffer.from([0xff ^ name.charCodeAt(0)]).toString("base64");
    expect((await keyfileError(() => decodePasswordFromEnv(name, notUtf8))).code).toBe(
      "INVALID_ENV_PASSWORD",
    );
  });
});
