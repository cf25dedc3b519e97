// Import: a second node replays the author's blocks to the same head; each broken block is refused with
// the check's name, and a refused block changes nothing.
import { Overlay } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Block,
  BlockError,
  type BlockErrorCode,
  type Chain,
  ChainError,
  encodeBlock,
  extrinsicsRoot,
  hashHeader,
  sealHeader,
} from "../src/index.js";
import { ALICE, address, BOB, devChain, freeOf, ONE, TAO, transfer } from "./helpers.js";

let author: Chain;
let importer: Chain;
const blocks: Block[] = [];

beforeAll(async () => {
  author = await devChain();
  importer = await devChain({ authorityKeys: [] });
  for (let n = 1; n <= 4; n++) {
    const produced = author.produceBlock([
      transfer(author, ALICE, address(n), 5n * TAO),
      transfer(author, BOB, address(n + 100), 2n * TAO),
    ]);
    expect(produced.rejected).toEqual([]);
    blocks.push(produced.block);
  }
});

afterAll(async () => {
  await author.close();
  await importer.close();
});

function expectRefused(block: Block | Uint8Array, code: BlockErrorCode, message?: RegExp): void {
  const before = importer.head();
  let error: unknown;
  try {
    importer.importBlock(block);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(BlockError);
  expect((error as BlockError).code).toBe(code);
  if (message) expect((error as BlockError).message).toMatch(message);
  expect(importer.head()).toEqual(before);
}

const resealed = (block: Block, change: Partial<Block["header"]>, key = ONE): Block => ({
  ...block,
  header: sealHeader({ ...block.header, ...change }, key),
});

describe("block import", () => {
  it("genesis is shared: same genesis hash, block 0 is final", () => {
    expect(importer.genesisHash).toBe(author.genesisHash);
    expect(importer.head().hash).toBe(author.hashAt(0));
    expect(importer.finalizedHead().number).toBe(0);
  });

  it("refuses blocks that do not build on the best head", () => {
    expectRefused(blocks[1]!, "UnknownParent", /parent 0x[0-9a-f]{64} is not known/);
    expectRefused(resealed(blocks[0]!, { number: 2 }), "WrongNumber");
  });

  it("refuses a slot that is not after the parent's, or a time outside the slot", () => {
    expectRefused(
      resealed(blocks[0]!, { slot: 0n, timestamp: 0n }),
      "WrongSlot",
      /not after its parent's slot/,
    );
    expectRefused(resealed(blocks[0]!, { timestamp: 250n * 5n }), "WrongSlot", /lies in slot 5/);
  });

  it("refuses a block by someone other than the slot's authority, or with a bad seal", () => {
    expectRefused(
      resealed(blocks[0]!, { author: ALICE.ss58Address }, ALICE),
      "WrongAuthor",
      /slot 1 belongs to/,
    );
    expectRefused(resealed(blocks[0]!, {}, ALICE), "BadSeal");
    expectRefused({ ...blocks[0]!, header: { ...blocks[0]!.header, timestamp: 251n } }, "BadSeal");
  });

  it("refuses a body that does not match the extrinsics root", () => {
    const [a, b] = blocks[0]!.extrinsics as [Uint8Array, Uint8Array];
    expectRefused({ ...blocks[0]!, extrinsics: [b, a] }, "ExtrinsicsRootMismatch");
    expectRefused({ ...blocks[0]!, extrinsics: [a] }, "ExtrinsicsRootMismatch");
  });

  it("refuses an invalid extrinsic and a wrong state root", () => {
    const future = transfer(author, ALICE, address(999), TAO, 7);
    const withFuture = [...blocks[0]!.extrinsics, future];
    expectRefused(
      resealed({ ...blocks[0]!, extrinsics: withFuture }, { extrinsicsRoot: extrinsicsRoot(withFuture) }),
      "InvalidExtrinsic",
      /extrinsic 2 is invalid \(Future/,
    );
    expectRefused(
      resealed(blocks[0]!, { stateRoot: `0x${"ab".repeat(32)}` }),
      "StateRootMismatch",
      /executing it gives state root/,
    );
    expectRefused(encodeBlock(blocks[0]!).subarray(0, 100), "Malformed");
  });

  it("imports the author's blocks to the same head, state and events", () => {
    for (const block of blocks) {
      const imported = importer.importBlock(encodeBlock(block));
      expect(imported.hash).toBe(hashHeader(block.header));
      expect(imported.finalized).toBe(true);
      expect(imported.events).toEqual(author.getEvents(imported.hash));
    }
    expect(importer.head().hash).toBe(author.head().hash);
    expect(importer.finalizedHead().hash).toBe(author.head().hash);
    expect(importer.head().header.stateRoot).toBe(author.head().header.stateRoot);
    expect(freeOf(importer, address(3))).toBe(5n * TAO);
    expect(importer.getBlock(2)!.block).toEqual(blocks[1]);
    // Already in: its parent is no longer the head.
    expectRefused(blocks[3]!, "NotOnBestChain");
  });

  it("authors only in slots it holds a key for, and never in a past slot", () => {
    expect(() => importer.produceBlock([])).toThrow(ChainError);
    expect(() => importer.produceBlock([])).toThrow(/NotOurSlot/);
    expect(() => author.produceBlock([], { slot: 2n })).toThrow(/SlotNotAfterParent/);
    const at = author.produceBlock([], { timestamp: 250n * 40n + 17n });
    expect(at.header.slot).toBe(40n);
    expect(at.header.timestamp).toBe(10_017n);
    const next = author.produceBlock([]);
    expect(next.header.slot).toBe(41n);
    expect(next.header.timestamp).toBe(10_017n + 250n);
    for (const b of [at, next]) importer.importBlock(b.block);
    expect(importer.head().hash).toBe(next.hash);
  });

  it("says what the next block will be, so a transaction can be checked against it", () => {
    const next = author.nextBlock();
    expect(next).toMatchObject({ number: author.head().number + 1, parentHash: author.head().hash });
    expect(next.author).toBe(ONE.ss58Address);
    expect(next.timestamp).toBe(author.head().header.timestamp + 250n);
    // validateTransaction wants a KeyValueStore though it writes nothing; an overlay makes the view one.
    const view = new Overlay(author.headState());
    const check = author.runtime.validateTransaction(view, next, transfer(author, ALICE, address(77), TAO));
    expect(check.ok).toBe(true);
  });

  it("leaves out invalid candidates when authoring and says why", () => {
    const produced = author.produceBlock([
      transfer(author, ALICE, address(5), TAO),
      transfer(author, ALICE, address(6), TAO, 99),
      Uint8Array.of(1, 2, 3),
    ]);
    expect(produced.block.extrinsics.length).toBe(1);
    expect(produced.rejected.map((r) => [r.index, r.invalid.kind])).toEqual([
      [1, "Future"],
      [2, "Decode"],
    ]);
    importer.importBlock(produced.block);
    expect(importer.head().header.stateRoot).toBe(author.head().header.stateRoot);
  });
});
