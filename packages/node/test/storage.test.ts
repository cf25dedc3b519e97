// Storage: atomic commits, restart, state at past blocks with proofs, the account index, finality with
// several authorities, and revert.
import { rmSync } from "node:fs";
import type { KeyValueReader } from "@opentao/runtime";
import { devAccount, devGenesis, SystemStorage } from "@opentao/runtime";
import { afterAll, describe, expect, it } from "vitest";
import {
  Chain,
  type ChainEvent,
  checkProof,
  extrinsicHash,
  LmdbDatabase,
  verifyProof,
} from "../src/index.js";
import { FaultyDatabase, InjectedFault } from "./faulty-db.js";
import { ALICE, address, BOB, devChain, freeOf, ONE, TAO, tempDir, transfer } from "./helpers.js";

const dirs: string[] = [];
const dir = () => {
  const d = tempDir("storage");
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const dump = (state: KeyValueReader) =>
  state.keysWithPrefix("").map((k) => [k, Buffer.from(state.get(k)!).toString("hex")]);

describe("atomic commits", () => {
  it("a commit that fails at any write leaves the chain as it was, on disk too", async () => {
    const base = dir();
    const db = new FaultyDatabase(LmdbDatabase.open(base));
    let chain = await devChain({ database: db });
    chain.produceBlock([transfer(chain, ALICE, address(1), TAO)]);
    const before = { head: chain.head(), state: dump(chain.headState()) };
    const writesBefore = db.writes;
    chain.produceBlock([transfer(chain, ALICE, address(2), TAO)]);
    const writesPerBlock = db.writes - writesBefore;
    expect(writesPerBlock).toBeGreaterThan(20);
    chain.revertTo(before.head.number);

    for (const at of [0, 1, 7, Math.floor(writesPerBlock / 2), writesPerBlock - 1]) {
      db.failAfter = at;
      expect(() => chain.produceBlock([transfer(chain, ALICE, address(2), TAO)])).toThrow(InjectedFault);
      expect(chain.head()).toEqual(before.head);
      expect(dump(chain.headState())).toEqual(before.state);
    }
    await chain.close();

    chain = await devChain({ basePath: base });
    expect(chain.head()).toEqual(before.head);
    expect(chain.finalizedHead()).toEqual(before.head);
    expect(dump(chain.headState())).toEqual(before.state);
    expect(chain.hashAt(2)).toBeUndefined();
    const next = chain.produceBlock([transfer(chain, ALICE, address(2), TAO)]);
    expect(next.number).toBe(2);
    expect(chain.replay().blocks).toBe(2);
    await chain.close();
  });
});

describe("restart", () => {
  it("resumes from the stored head and refuses another genesis or preset", async () => {
    const base = dir();
    let chain = await devChain({ basePath: base });
    for (let i = 0; i < 3; i++) chain.produceBlock([transfer(chain, ALICE, address(i), TAO)]);
    const head = chain.head();
    const genesis = chain.genesisHash;
    await chain.close();
    expect(() => chain.produceBlock([])).toThrow(/Closed/);

    chain = await devChain({ basePath: base });
    expect(chain.genesisHash).toBe(genesis);
    expect(chain.head()).toEqual(head);
    expect(chain.finalizedHead()).toEqual(head);
    expect(freeOf(chain, address(2))).toBe(TAO);
    const next = chain.produceBlock([transfer(chain, ALICE, address(3), TAO)]);
    expect(next.header.parentHash).toBe(head.hash);
    expect(next.header.slot).toBe(head.header.slot + 1n);
    await chain.close();

    await expect(devChain({ basePath: base, preset: "test" })).rejects.toThrow(/PresetMismatch/);
    await expect(
      devChain({ basePath: base, genesis: { ...devGenesis(), sudo: BOB.ss58Address } }),
    ).rejects.toThrow(/GenesisMismatch/);
    await expect(devChain({ basePath: base, genesisTimestamp: 5n })).rejects.toThrow(/GenesisMismatch/);
    chain = await devChain({ basePath: base, preset: "fast", genesis: devGenesis() });
    expect(chain.head().number).toBe(4);
    await chain.close();
  });
});

describe("state at past blocks", () => {
  it("reads any block's state and proves a key against that block's header", async () => {
    const chain = await devChain({ basePath: dir() });
    const who = address(42);
    const key = SystemStorage.Account.keyOf(who);
    for (let i = 1; i <= 4; i++) chain.produceBlock([transfer(chain, ALICE, who, BigInt(i) * TAO)]);
    expect(freeOf(chain, who)).toBe(10n * TAO);
    expect(SystemStorage.Account.get(chain.stateAt(2), who).data.free).toBe(3n * TAO);
    expect(SystemStorage.Account.getOptional(chain.stateAt(0), who)).toBeUndefined();
    expect(dump(chain.stateAt(chain.head().hash))).toEqual(dump(chain.headState()));

    const proof = chain.proof(key, 2);
    const header = chain.getHeader(2)!.header;
    expect(proof.stateRoot).toBe(header.stateRoot);
    const proven = verifyProof(header.stateRoot, key, proof.nodes)!;
    expect(SystemStorage.Account.value.dec(proven).data.free).toBe(3n * TAO);
    expect(checkProof(header.stateRoot, key, proof.value, proof.nodes)).toBe(true);
    const wrong = SystemStorage.Account.value.enc({
      ...SystemStorage.Account.value.dec(proven),
      data: { ...SystemStorage.Account.value.dec(proven).data, free: 4n * TAO },
    });
    expect(checkProof(header.stateRoot, key, wrong, proof.nodes)).toBe(false);
    expect(checkProof(chain.getHeader(3)!.header.stateRoot, key, proof.value, proof.nodes)).toBe(false);
    expect(
      checkProof(chain.getHeader(3)!.header.stateRoot, key, proof.value, chain.proof(key, 3).nodes),
    ).toBe(false);

    const absent = chain.proof(key, 0);
    expect(absent.value).toBeNull();
    expect(checkProof(chain.getHeader(0)!.header.stateRoot, key, null, absent.nodes)).toBe(true);
    await chain.close();
  });
});

describe("blocks, events and the account index", () => {
  it("stores events and finds an account's extrinsics and events, newest first", async () => {
    const chain = await devChain();
    const who = address(7);
    const xt = transfer(chain, ALICE, who, 3n * TAO);
    const b1 = chain.produceBlock([xt]);
    chain.produceBlock([transfer(chain, BOB, address(8), TAO)]);
    const b3 = chain.produceBlock([transfer(chain, ALICE, who, TAO)]);

    const events = chain.getEvents(b1.hash)!;
    expect(events).toEqual(b1.events);
    const names = events.map((e) => `${e.event.pallet}.${e.event.name}`);
    expect(names).toContain("Balances.Transfer");
    expect(names).toContain("System.ExtrinsicSuccess");

    // The signer's extrinsics, and the destination's: their events name it.
    expect(chain.accountActivity(ALICE.ss58Address)).toEqual([
      { block: 3, kind: "extrinsic", index: 0 },
      { block: 1, kind: "extrinsic", index: 0 },
    ]);
    expect(chain.accountActivity(who)).toEqual([
      { block: 3, kind: "extrinsic", index: 0 },
      { block: 1, kind: "extrinsic", index: 0 },
    ]);
    // The author is paid every fee.
    expect(chain.accountActivity(ONE.ss58Address).map((a) => a.block)).toEqual([3, 2, 1]);
    expect(chain.accountActivity(BOB.ss58Address)).toEqual([{ block: 2, kind: "extrinsic", index: 0 }]);
    expect(chain.accountActivity(address(12345))).toEqual([]);
    const latest = chain.accountActivity(ALICE.ss58Address, 1);
    expect(latest).toHaveLength(1);
    expect(latest[0]!.block).toBe(3);
    expect(chain.findExtrinsic(extrinsicHash(xt))).toEqual({ blockHash: b1.hash, number: 1, index: 0 });
    expect(chain.getBlock(b3.hash)!.number).toBe(3);
    await chain.close();
  });
});

describe("finality", () => {
  it("with one authority a block is final once committed", async () => {
    const chain = await devChain();
    const seen: string[] = [];
    chain.subscribe((e: ChainEvent) => seen.push(`${e.type}:${e.block.number}`));
    const b = chain.produceBlock([]);
    expect(b.finalized).toBe(true);
    expect(chain.finalizedHead().hash).toBe(b.hash);
    expect(seen).toEqual(["block:1", "finalized:1"]);
    await chain.close();
  });

  it("with three authorities a block is final once all three built on it; heads stay separate", async () => {
    const [two, three] = [devAccount("Two"), devAccount("Three")];
    const chain = await Chain.open({
      genesis: { ...devGenesis(), authorities: [ONE.ss58Address, two.ss58Address, three.ss58Address] },
      authorityKeys: [ONE, two, three],
    });
    const seen: string[] = [];
    chain.subscribe((e) => seen.push(`${e.type}:${e.block.number}`));
    const authors = [];
    for (let i = 0; i < 4; i++) {
      const b = chain.produceBlock([]);
      authors.push(b.header.author);
      expect(b.finalized).toBe(false);
    }
    expect(authors).toEqual([two, three, ONE, two].map((k) => k.ss58Address));
    expect(chain.head().number).toBe(4);
    expect(chain.finalizedHead().number).toBe(2);
    expect(seen).toEqual(["block:1", "block:2", "block:3", "finalized:1", "block:4", "finalized:2"]);

    const onlyOne = await Chain.open({
      genesis: { ...devGenesis(), authorities: [ONE.ss58Address, two.ss58Address, three.ss58Address] },
      authorityKeys: [ONE],
    });
    expect(() => onlyOne.produceBlock([])).toThrow(/NotOurSlot: slot 1 belongs to/);
    expect(onlyOne.produceBlock([], { slot: 3n }).header.author).toBe(ONE.ss58Address);
    await chain.close();
    await onlyOne.close();
  });
});

describe("revert", () => {
  it("moves back to an earlier block: state, blocks and indexes above it are gone", async () => {
    const chain = await devChain({ basePath: dir() });
    for (let i = 1; i <= 5; i++) chain.produceBlock([transfer(chain, ALICE, address(i), TAO)]);
    const snapshot = chain.getHeader(2)!;
    const stateAt2 = dump(chain.stateAt(2));
    expect(chain.revertTo(snapshot.hash)).toBe(3);
    expect(chain.head()).toEqual(snapshot);
    expect(chain.finalizedHead()).toEqual(snapshot);
    expect(dump(chain.headState())).toEqual(stateAt2);
    expect(chain.hashAt(3)).toBeUndefined();
    expect(chain.accountActivity(address(4))).toEqual([]);
    expect(chain.accountActivity(address(2)).length).toBeGreaterThan(0);
    const again = chain.produceBlock([transfer(chain, ALICE, address(9), TAO)]);
    expect(again.number).toBe(3);
    expect(chain.replay().blocks).toBe(3);
    await chain.close();
  });
});

describe("one process per base path", () => {
  it("refuses a second open while the first holds the database, and allows it once closed", async () => {
    const base = dir();
    const first = await devChain({ basePath: base });
    await expect(devChain({ basePath: base })).rejects.toThrow(
      new RegExp(`Locked: another process \\(pid ${process.pid}\\) is using the database at ${base}`),
    );
    first.produceBlock([]);
    await first.close();
    const again = await devChain({ basePath: base });
    expect(again.head().number).toBe(1);
    await again.close();
  });
});
