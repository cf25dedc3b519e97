// Block format: header and body round trips, the hash, the seal and the extrinsics root.
import { cryptoReady } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  decodeBlock,
  decodeBody,
  decodeHeader,
  encodeBlock,
  encodeBody,
  encodeHeader,
  extrinsicsRoot,
  type Header,
  hashHeader,
  sealHeader,
  sealIsValid,
} from "../src/index.js";
import { ALICE, address, devChain, ONE, TAO, transfer } from "./helpers.js";

beforeAll(() => cryptoReady());

const header = (): Header => ({
  parentHash: `0x${"11".repeat(32)}`,
  number: 7,
  stateRoot: `0x${"22".repeat(32)}`,
  extrinsicsRoot: extrinsicsRoot([]),
  timestamp: 1_750n,
  slot: 7n,
  author: ONE.ss58Address,
  seal: new Uint8Array(64),
});

describe("header", () => {
  it("round-trips through SCALE (212 bytes) and hashes the sealed encoding", () => {
    const sealed = sealHeader(header(), ONE);
    const bytes = encodeHeader(sealed);
    expect(bytes.length).toBe(212);
    expect(decodeHeader(bytes)).toEqual(sealed);
    expect(hashHeader(decodeHeader(bytes))).toBe(hashHeader(sealed));
    expect(hashHeader(sealed)).not.toBe(hashHeader({ ...sealed, number: 8 }));
  });

  it("the seal is the author's signature of the header without its seal", () => {
    const sealed = sealHeader(header(), ONE);
    expect(sealIsValid(sealed)).toBe(true);
    expect(sealIsValid({ ...sealed, timestamp: 1_751n })).toBe(false);
    expect(sealIsValid({ ...sealed, author: ALICE.ss58Address })).toBe(false);
    expect(sealIsValid(sealHeader({ ...header(), author: ALICE.ss58Address }, ONE))).toBe(false);
    expect(sealIsValid(header())).toBe(false);
  });

  it("refuses truncated or overlong bytes", () => {
    const bytes = encodeHeader(header());
    expect(() => decodeHeader(bytes.subarray(0, 200))).toThrow(/block header/);
    expect(() => decodeHeader(Uint8Array.of(...bytes, 0))).toThrow(/trailing/);
  });
});

describe("body", () => {
  it("round-trips extrinsics in Substrate's Vec<UncheckedExtrinsic> form", async () => {
    const chain = await devChain();
    const xts = [0, 1, 2].map((i) => transfer(chain, ALICE, address(i), TAO, i));
    const body = encodeBody(xts);
    expect(body[0]).toBe(3 << 2);
    expect(decodeBody(body)).toEqual(xts);
    expect(decodeBody(encodeBody([]))).toEqual([]);
    expect(() => decodeBody(body.subarray(0, body.length - 1))).toThrow(/truncated/);
    const block = {
      header: sealHeader({ ...header(), extrinsicsRoot: extrinsicsRoot(xts) }, ONE),
      extrinsics: xts,
    };
    expect(decodeBlock(encodeBlock(block))).toEqual(block);
  });

  it("the extrinsics root commits to every extrinsic and their order", async () => {
    const chain = await devChain();
    const [a, b, c] = [0, 1, 2].map((i) => transfer(chain, ALICE, address(i), TAO, i)) as [
      Uint8Array,
      Uint8Array,
      Uint8Array,
    ];
    const roots = new Set([
      extrinsicsRoot([]),
      extrinsicsRoot([a]),
      extrinsicsRoot([a, b]),
      extrinsicsRoot([b, a]),
      extrinsicsRoot([a, b, c]),
      extrinsicsRoot([a, b, b]),
    ]);
    expect(roots.size).toBe(6);
    expect(extrinsicsRoot([a, b, c])).toBe(extrinsicsRoot([a, b, c]));
  });
});
