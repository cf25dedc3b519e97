import { compact, cryptoReady, Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  decodeEra,
  decodeExtrinsic,
  encodeEra,
  encodeExtra,
  eraBirth,
  eraDeath,
  IMMORTAL,
  mortalEra,
  RuntimeCallCodec,
  signExtrinsic,
  signingPayload,
} from "../src/index.js";
import { GENESIS_HASH } from "./chain.js";

beforeAll(cryptoReady);

describe("era (Substrate's tests)", () => {
  it("initializes mortal eras like Era::mortal", () => {
    expect(mortalEra(64, 42)).toEqual({ kind: "Mortal", period: 64, phase: 42 });
    expect(mortalEra(32768, 20_000)).toEqual({ kind: "Mortal", period: 32768, phase: 20_000 });
    expect(mortalEra(200, 513)).toEqual({ kind: "Mortal", period: 256, phase: 1 });
    expect(mortalEra(2, 1)).toEqual({ kind: "Mortal", period: 4, phase: 1 });
    expect(mortalEra(4, 5)).toEqual({ kind: "Mortal", period: 4, phase: 1 });
  });

  it("encodes like the mortal and long-period codec tests", () => {
    expect([...encodeEra({ kind: "Mortal", period: 64, phase: 42 })]).toEqual([5 + (42 % 16) * 16, 42 >> 4]);
    expect([...encodeEra({ kind: "Mortal", period: 32768, phase: 20_000 })]).toEqual([
      14 + (2500 % 16) * 16,
      2500 >> 4,
    ]);
    expect([...encodeEra(IMMORTAL)]).toEqual([0]);
    for (const era of [mortalEra(64, 42), mortalEra(32768, 20_000), mortalEra(4, 5), IMMORTAL]) {
      expect(decodeEra(encodeEra(era), 0).era).toEqual(era);
    }
  });

  it("computes birth and death (era_works)", () => {
    const e = mortalEra(4, 6);
    for (let i = 6; i < 10; i++) {
      expect(eraBirth(e, i)).toBe(6);
      expect(eraDeath(e, i)).toBe(10);
    }
    expect(eraBirth(e, 10)).not.toBe(6);
    expect(eraBirth(e, 5)).not.toBe(6);
    expect(eraDeath(IMMORTAL, 5)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("extrinsic v4", () => {
  const alice = () => Keypair.fromUri("//Alice");
  const call = { pallet: "System", name: "remark", args: { remark: Uint8Array.of(1, 2, 3) } };

  it("round-trips with the signer, extra and call", () => {
    const bytes = signExtrinsic(alice(), call, {
      nonce: 5,
      tip: 7n,
      genesisHash: GENESIS_HASH,
      birthHash: GENESIS_HASH,
    });
    const tx = decodeExtrinsic(bytes);
    expect(tx.signed?.signer).toBe(alice().ss58Address);
    expect(tx.signed?.extra).toEqual({ era: IMMORTAL, nonce: 5, tip: 7n });
    expect(tx.call).toEqual(call);
    expect(tx.length).toBe(bytes.length);
    expect(bytes[compact.enc(bytes.length - 2).length]).toBe(0x84);
  });

  it("signs the payload, hashed with blake2-256 when longer than 256 bytes", () => {
    const small = signingPayload(
      RuntimeCallCodec.enc(call),
      encodeExtra({ era: IMMORTAL, nonce: 0, tip: 0n }),
      {
        genesisHash: GENESIS_HASH,
        birthHash: GENESIS_HASH,
      },
    );
    expect(small.length).toBeGreaterThan(32 + 32 + 8);
    const big = { ...call, args: { remark: new Uint8Array(300) } };
    const hashed = signingPayload(
      RuntimeCallCodec.enc(big),
      encodeExtra({ era: IMMORTAL, nonce: 0, tip: 0n }),
      {
        genesisHash: GENESIS_HASH,
        birthHash: GENESIS_HASH,
      },
    );
    expect(hashed).toHaveLength(32);
  });

  it("rejects malformed bytes with a reason", () => {
    const bytes = signExtrinsic(alice(), call, {
      nonce: 0,
      genesisHash: GENESIS_HASH,
      birthHash: GENESIS_HASH,
    });
    expect(() => decodeExtrinsic(bytes.slice(0, 40))).toThrow(/length prefix/);
    const wrongVersion = Uint8Array.from(bytes);
    wrongVersion[compact.enc(bytes.length - 2).length] = 0x85;
    expect(() => decodeExtrinsic(wrongVersion)).toThrow(/version/);
    const body = bytes.slice(compact.enc(bytes.length - 2).length);
    const trailing = Uint8Array.from([...compact.enc(body.length + 1), ...body, 0]);
    expect(() => decodeExtrinsic(trailing)).toThrow(/trailing/);
  });
});
