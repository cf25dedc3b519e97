import { describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import {
  AddressError,
  bytesToHex,
  hexToBytes,
  isValidSs58,
  normalizeAddress,
  publicKeyFromAddressOrHex,
  ss58Decode,
  ss58DecodeWithPrefix,
  ss58Encode,
} from "../src/index.js";

describe("SS58", () => {
  for (const x of v.ss58.vectors) {
    it(`encodes and decodes ${x.ss58_42}`, () => {
      expect(ss58Encode(hexToBytes(x.publicKey))).toBe(x.ss58_42);
      expect(x.ss58_42).toHaveLength(v.ss58.address_length);
      expect(bytesToHex(ss58Decode(x.ss58_42))).toBe(x.publicKey);
      if (x.ss58_0) {
        expect(ss58Encode(hexToBytes(x.publicKey), 0)).toBe(x.ss58_0);
        expect(ss58DecodeWithPrefix(x.ss58_0).prefix).toBe(0);
        expect(normalizeAddress(x.ss58_0)).toBe(x.ss58_42);
      }
    });
  }

  it("round-trips two-byte prefixes", () => {
    const pk = hexToBytes(v.ss58.vectors[0].publicKey);
    for (const prefix of [64, 255, 1000, 16383]) {
      const decoded = ss58DecodeWithPrefix(ss58Encode(pk, prefix));
      expect(decoded.prefix).toBe(prefix);
      expect(bytesToHex(decoded.publicKey)).toBe(v.ss58.vectors[0].publicKey);
    }
  });

  it("reports a mistyped character as a checksum error", () => {
    const good = v.ss58.vectors[0].ss58_42 as string;
    const bad = `${good.slice(0, 10)}${good[10] === "a" ? "b" : "a"}${good.slice(11)}`;
    expect(() => ss58Decode(bad)).toThrow(/bad checksum/);
    expect(isValidSs58(bad)).toBe(false);
    expect(isValidSs58(good)).toBe(true);
  });

  it("reports characters outside base58 and wrong lengths", () => {
    expect(() => ss58Decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut0Y")).toThrow(/outside base58/);
    expect(() => ss58Decode("5GrwvaEF5zXb26Fz9rcQpDWS57")).toThrow(AddressError);
    expect(() => ss58Decode("5GrwvaEF5zXb26Fz9rcQpDWS57")).toThrow(/bytes/);
    expect(() => ss58Encode(new Uint8Array(31))).toThrow(/32 bytes/);
  });

  it("accepts hex public keys where an address is expected", () => {
    const x = v.ss58.vectors[0];
    expect(bytesToHex(publicKeyFromAddressOrHex(x.publicKey))).toBe(x.publicKey);
    expect(bytesToHex(publicKeyFromAddressOrHex(x.ss58_42))).toBe(x.publicKey);
    expect(() => publicKeyFromAddressOrHex("nope", "--address")).toThrow(/--address/);
  });
});
