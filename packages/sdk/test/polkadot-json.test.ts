import { cryptoReady, Keypair } from "@opentao/primitives";
import { jsonEncrypt } from "@polkadot/util-crypto";
import sodium from "libsodium-wrappers-sumo";
import { beforeAll, describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import { KeyfileError } from "../src/wallet/keyfile-crypto.js";
import { decryptPolkadotJson, type PolkadotJsonBackup } from "../src/wallet/polkadot-json.js";

const vec = v.polkadotjs_encrypted_json as {
  json: PolkadotJsonBackup;
  password: string;
  expected_ss58: string;
  expected_publicKey: string;
};

const hex = (b: Uint8Array) => `0x${Buffer.from(b).toString("hex")}`;
const b64 = (b: Uint8Array) => Buffer.from(b).toString("base64");
const PKCS8_HEADER = [48, 83, 2, 1, 1, 48, 5, 6, 3, 43, 101, 112, 4, 34, 4, 32];
const PKCS8_DIVIDER = [161, 35, 3, 33, 0];
const pkcs8 = (secret: Uint8Array, pub: Uint8Array) =>
  Uint8Array.from([...PKCS8_HEADER, ...secret, ...PKCS8_DIVIDER, ...pub]);

/** A backup of `body` without scrypt: key = password zero-padded to 32, sealed by libsodium. */
function noScryptBackup(body: Uint8Array, password: string, nonceByte = 9): PolkadotJsonBackup {
  const key = new Uint8Array(32);
  key.set(new TextEncoder().encode(password).subarray(0, 32));
  const nonce = new Uint8Array(24).fill(nonceByte);
  const encoded = b64(Uint8Array.from([...nonce, ...sodium.crypto_secretbox_easy(body, nonce, key)]));
  return { ...vec.json, encoded, encoding: { ...vec.json.encoding, type: ["xsalsa20-poly1305"] } };
}

async function keyfileError(fn: () => Promise<unknown>): Promise<KeyfileError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyfileError);
    return e as KeyfileError;
  }
  throw new Error("expected a KeyfileError");
}

let secret: Uint8Array;
let pub: Uint8Array;

beforeAll(async () => {
  await Promise.all([cryptoReady(), sodium.ready]);
  ({ secretKey: secret, publicKey: pub } = await decryptPolkadotJson(vec.json, vec.password));
});

describe("polkadot-js JSON backup", () => {
  it("decrypts the vector to the expected account", () => {
    expect(hex(pub)).toBe(vec.expected_publicKey);
    expect(secret.length).toBe(64);
  });

  it("returns the address with prefix 42 and accepts the JSON as text", async () => {
    const key = await decryptPolkadotJson(JSON.stringify(vec.json), vec.password);
    expect(key.address).toBe(vec.expected_ss58);
    expect(hex(key.publicKey)).toBe(vec.expected_publicKey);
  });

  it("returns a secret in ed25519 form that signs for the public key", () => {
    const pair = Keypair.fromEd25519FormSecret(secret);
    expect(hex(pair.publicKey)).toBe(vec.expected_publicKey);
    const sig = pair.sign("opentao");
    expect(Keypair.fromAddress(vec.expected_ss58).verify("opentao", sig)).toBe(true);
  });

  it("a wrong password fails with btwallet's message", async () => {
    const err = await keyfileError(() => decryptPolkadotJson(vec.json, "Password124"));
    expect(err.code).toBe("WRONG_PASSWORD");
    expect(err.message).toBe("Wrong password for decryption.");
  });

  it("reads a backup written by polkadot-js jsonEncrypt (scrypt N=2^17)", async () => {
    const written = jsonEncrypt(pkcs8(secret, pub), ["pkcs8", "sr25519"], "another pw");
    const key = await decryptPolkadotJson({ ...written, address: vec.expected_ss58 }, "another pw");
    expect(hex(key.publicKey)).toBe(vec.expected_publicKey);
    expect(hex(key.secretKey)).toBe(hex(secret));
  });

  it("reads the variant without scrypt (password zero-padded to 32 bytes)", async () => {
    const key = await decryptPolkadotJson(noScryptBackup(pkcs8(secret, pub), "short"), "short");
    expect(hex(key.publicKey)).toBe(vec.expected_publicKey);
    expect(
      (await keyfileError(() => decryptPolkadotJson(noScryptBackup(pkcs8(secret, pub), "short"), "shore")))
        .code,
    ).toBe("WRONG_PASSWORD");
  });
});

describe("polkadot-js JSON backup errors", () => {
  const withEncoding = (encoding: Partial<PolkadotJsonBackup["encoding"]>) => ({
    ...vec.json,
    encoding: { ...vec.json.encoding, ...encoding },
  });

  it("rejects other versions, key types and unencrypted exports", async () => {
    const cases: [PolkadotJsonBackup, RegExp][] = [
      [withEncoding({ version: "2" }), /version "2"/],
      [withEncoding({ content: ["pkcs8", "ed25519"] }), /ed25519; only sr25519/],
      [withEncoding({ type: ["none"] }), /xsalsa20-poly1305/],
    ];
    for (const [backup, message] of cases) {
      const err = await keyfileError(() => decryptPolkadotJson(backup, vec.password));
      expect(err.code).toBe("UNSUPPORTED_FORMAT");
      expect(err.message).toMatch(message);
    }
  });

  it("rejects malformed JSON and encodings", async () => {
    const bad: (string | PolkadotJsonBackup)[] = [
      "{not json",
      "[]",
      JSON.stringify({ encoded: "AAAA" }),
      { ...vec.json, encoded: "not base64!" },
      { ...vec.json, encoded: vec.json.encoded.slice(0, 40) },
      { ...vec.json, encoded: vec.json.encoded.slice(0, 96) },
    ];
    for (const json of bad) {
      expect((await keyfileError(() => decryptPolkadotJson(json, vec.password))).code).toBe("CORRUPT_DATA");
    }
  });

  it("rejects out-of-range scrypt parameters without running scrypt", async () => {
    const data = Buffer.from(vec.json.encoded, "base64");
    for (const [offset, value] of [
      [32, 3],
      [32, 2 ** 21],
      [36, 0],
      [40, 17],
    ] as const) {
      const patched = Buffer.from(data);
      patched.writeUInt32LE(value, offset);
      const err = await keyfileError(() =>
        decryptPolkadotJson({ ...vec.json, encoded: patched.toString("base64") }, vec.password),
      );
      expect(err.code).toBe("UNSUPPORTED_FORMAT");
    }
  });

  it("rejects a decrypted body that is not the PKCS8 layout or whose keys do not match", async () => {
    const wrongHeader = pkcs8(secret, pub);
    wrongHeader[0] = 0x31;
    const otherPub = pub.slice();
    otherPub[0]! ^= 1;
    for (const body of [wrongHeader, pkcs8(secret, pub).subarray(0, 100), pkcs8(secret, otherPub)]) {
      const err = await keyfileError(() => decryptPolkadotJson(noScryptBackup(body, "pw"), "pw"));
      expect(err.code).toBe("CORRUPT_DATA");
    }
  });
});
