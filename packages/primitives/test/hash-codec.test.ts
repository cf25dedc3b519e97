import { describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import {
  AccountId,
  blake2_128Concat,
  blake2b256,
  bytesToHex,
  compact,
  hexToBytes,
  Struct,
  sha3_256,
  twox64Concat,
  twox128,
  u16,
  u64,
  Vector,
} from "../src/index.js";

describe("hashes", () => {
  it("matches Substrate's well-known storage prefixes", () => {
    expect(bytesToHex(twox128("System"))).toBe("0x26aa394eea5630e07c48ae0c9558cef7");
    expect(bytesToHex(twox128("Account"))).toBe("0xb99d880ec681799c0cf30e8886371da9");
  });

  it("sha3-256 of the empty string is the synapse default body hash", () => {
    expect(bytesToHex(sha3_256(""), false)).toBe(v.synapse.default_body_hash_no_fields.value);
    for (const c of v.synapse.python_str_vectors.cases)
      expect(bytesToHex(sha3_256(c.python_str), false)).toBe(c.sha3_256);
  });

  it("concat hashers keep the key after the hash", () => {
    const key = Uint8Array.of(1, 2, 3);
    expect(twox64Concat(key).subarray(8)).toEqual(key);
    expect(blake2_128Concat(key).subarray(16)).toEqual(key);
    expect(blake2b256(key)).toHaveLength(32);
  });
});

describe("SCALE codec", () => {
  it("encodes the weight-commit payload byte for byte", () => {
    const c = v.weights.commit_hash;
    const Commit = Struct({
      who: AccountId,
      netuid: u16,
      uids: Vector(u16),
      values: Vector(u16),
      salt: Vector(u16),
      versionKey: u64,
    });
    const alice = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
    const bytes = Commit.enc({
      who: alice,
      netuid: c.netuid,
      uids: c.uids,
      values: c.values,
      salt: c.salt,
      versionKey: BigInt(c.version_key),
    });
    expect(bytesToHex(bytes, false)).toBe(c.scale_bytes_hex);
    expect(bytesToHex(blake2b256(bytes))).toBe(c.expected);
    expect(Commit.dec(bytes).who).toBe(alice);
  });

  it("compact integers", () => {
    expect(bytesToHex(compact.enc(0))).toBe("0x00");
    expect(bytesToHex(compact.enc(64))).toBe("0x0101");
    expect(bytesToHex(compact.enc(2n ** 64n - 1n))).toBe("0x13ffffffffffffffff");
    expect(compact.dec(hexToBytes("0x0101"))).toBe(64);
  });
});
