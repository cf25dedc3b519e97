// Replay re-executes the stored chain from genesis and finds any damage to the stored blocks or state.
import { rmSync } from "node:fs";
import { SystemStorage } from "@opentao/runtime";
import { afterAll, describe, expect, it } from "vitest";
import {
  encodeBody,
  encodeHeader,
  hashHeader,
  LmdbDatabase,
  ReplayError,
  type ReplayErrorCode,
  sealHeader,
} from "../src/index.js";
import { ALICE, address, BOB, devChain, ONE, TAO, tempDir, transfer } from "./helpers.js";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A stored chain of 6 blocks of transfers; returns its directory and head. */
async function storedChain() {
  const base = tempDir("replay");
  dirs.push(base);
  const chain = await devChain({ basePath: base });
  for (let i = 1; i <= 6; i++) {
    chain.produceBlock([
      transfer(chain, ALICE, address(i), TAO),
      transfer(chain, BOB, address(i + 50), 2n * TAO),
    ]);
  }
  const head = chain.head();
  await chain.close();
  return { base, head };
}

/** Changes the database behind the chain's back, as a disk fault or a careless hand would. */
async function tamper(base: string, fn: (db: LmdbDatabase) => void): Promise<void> {
  const db = LmdbDatabase.open(base);
  db.write(() => fn(db));
  await db.close();
}

async function replayFails(base: string, code: ReplayErrorCode, message?: RegExp): Promise<void> {
  const chain = await devChain({ basePath: base });
  try {
    let error: unknown;
    try {
      chain.replay();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ReplayError);
    expect((error as ReplayError).code).toBe(code);
    if (message) expect((error as ReplayError).message).toMatch(message);
  } finally {
    await chain.close();
  }
}

const key = (hex: string) => Buffer.from(hex, "hex");

describe("replay", () => {
  it("re-executes an intact chain and checks every state root", async () => {
    const { base, head } = await storedChain();
    const chain = await devChain({ basePath: base });
    const report = chain.replay();
    expect(report.blocks).toBe(6);
    expect(report.head).toEqual({ hash: head.hash, number: 6 });
    expect(report.stateRoot).toBe(head.header.stateRoot);
    await chain.close();
  });

  it("finds a balance changed in the stored state", async () => {
    const { base } = await storedChain();
    const k = SystemStorage.Account.keyOf(address(3));
    await tamper(base, (db) => {
      const info = SystemStorage.Account.value.dec(db.tables.state.get(key(k))!);
      db.tables.state.put(
        key(k),
        SystemStorage.Account.value.enc({ ...info, data: { ...info.data, free: 1000n * TAO } }),
      );
    });
    await replayFails(base, "StoredStateMismatch", new RegExp(`at key ${k}`));
  });

  it("finds a key added to or removed from the stored state", async () => {
    const first = await storedChain();
    await tamper(first.base, (db) => db.tables.state.put(key("ffff"), Uint8Array.of(1)));
    await replayFails(first.base, "StoredStateMismatch", /has key ffff/);
    const second = await storedChain();
    const k = SystemStorage.Account.keyOf(address(2));
    await tamper(second.base, (db) => db.tables.state.remove(key(k)));
    await replayFails(second.base, "StoredStateMismatch", new RegExp(`lacks key ${k}`));
  });

  it("finds a damaged trie node", async () => {
    const { base, head } = await storedChain();
    await tamper(base, (db) => {
      const root = key(head.header.stateRoot.slice(2));
      const node = Uint8Array.from(db.tables.trie.get(root)!);
      node[node.length - 1]! ^= 0xff;
      db.tables.trie.put(root, node);
    });
    await replayFails(base, "StoredTrieMismatch", /does not hash to its key/);
  });

  it("finds a stored block whose body was swapped", async () => {
    const { base } = await storedChain();
    const chain = await devChain({ basePath: base });
    const three = chain.getBlock(3)!;
    const four = chain.getBlock(4)!;
    await chain.close();
    await tamper(base, (db) =>
      db.tables.bodies.put(key(three.hash.slice(2)), encodeBody(four.block.extrinsics)),
    );
    await replayFails(base, "InvalidBlock", /ExtrinsicsRootMismatch: block 3/);
  });

  it("finds a sealed header whose state root does not follow from its block", async () => {
    const { base, head } = await storedChain();
    const forged = sealHeader({ ...head.header, stateRoot: `0x${"5a".repeat(32)}` }, ONE);
    const hash = key(hashHeader(forged).slice(2));
    await tamper(base, (db) => {
      db.tables.headers.put(hash, encodeHeader(forged));
      db.tables.bodies.put(hash, db.tables.bodies.get(key(head.hash.slice(2)))!);
      db.tables.numbers.put(Buffer.from([0, 0, 0, 6]), hash);
      db.tables.meta.put(Buffer.from("best"), hash);
    });
    await replayFails(
      base,
      "StateRootMismatch",
      /block 6: re-executing it gives state root 0x[0-9a-f]{64}, its header says 0x5a5a/,
    );
  });

  it("finds a broken link between stored blocks", async () => {
    const { base } = await storedChain();
    const chain = await devChain({ basePath: base });
    const five = chain.getBlock(5)!;
    await chain.close();
    await tamper(base, (db) => db.tables.numbers.put(Buffer.from([0, 0, 0, 4]), key(five.hash.slice(2))));
    await replayFails(base, "BrokenLink", /block 4 names parent/);
  });
});
