// The node (packages/node): block production and import on lmdb, the state root's cost, disk use.
// `npx tsx bench/run.ts node`. Numbers are for this machine; every row builds its own chain in a temp dir.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMPT } from "@ethereumjs/mpt";
import { MapDB, ValueEncoding } from "@ethereumjs/util";
import { type Block, Chain, DATA_FILE } from "../packages/node/src/index.js";
import { NodeLoader } from "../packages/node/src/state/node-loader.js";
import { Trie } from "../packages/node/src/state/trie.js";
import {
  blake2b256,
  bytesToHex,
  cryptoReady,
  type Keypair,
  ss58Encode,
  u32,
  verifySignature,
} from "../packages/primitives/src/index.js";
import {
  AccountInfo,
  devAccount,
  devGenesis,
  EMPTY_ACCOUNT,
  type GenesisConfig,
  SystemStorage,
  signExtrinsic,
} from "../packages/runtime/src/index.js";
import { type BenchRow, printTable } from "./harness.js";

const TAO = 1_000_000_000n;
const ONE = devAccount("One");
const SENDERS = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"].map(devAccount);

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "opentao-node-bench-"));
  dirs.push(dir);
  return dir;
}

const account = (i: number): string => ss58Encode(blake2b256(u32.enc(i)));

/** Dev genesis plus `extra` funded accounts, written as raw entries (fast to build at 100 k). */
function genesisWith(extra: number): GenesisConfig {
  const info = AccountInfo.enc({
    ...EMPTY_ACCOUNT,
    providers: 1,
    data: { ...EMPTY_ACCOUNT.data, free: 10n * TAO },
  });
  const value = bytesToHex(info);
  const raw = Array.from({ length: extra }, (_, i) => ({
    key: SystemStorage.Account.keyOf(account(i)),
    value,
  }));
  return { ...devGenesis(), raw };
}

/** `count` signed transfers from the dev accounts (nonces from `chain`'s head) to accounts < `spread`. */
function transfers(chain: Chain, count: number, spread: number, seed: number): Uint8Array[] {
  const nonces = SENDERS.map((s) => SystemStorage.Account.get(chain.headState(), s.ss58Address).nonce);
  return Array.from({ length: count }, (_, j) => {
    const s = j % SENDERS.length;
    const dest = account((seed * 7919 + j * 104_729) % spread);
    return signExtrinsic(
      SENDERS[s] as Keypair,
      { pallet: "Balances", name: "transfer_allow_death", args: { dest, value: TAO } },
      { nonce: nonces[s]!++, genesisHash: chain.genesisHash, birthHash: chain.genesisHash },
    );
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const diskBytes = (base: string) => statSync(join(base, DATA_FILE)).blocks * 512;

async function emptyBlocks(rows: BenchRow[]): Promise<void> {
  const author = await Chain.open({ basePath: tempDir(), authorityKeys: [ONE] });
  for (let i = 0; i < 50; i++) author.produceBlock([]);
  const times: number[] = [];
  const blocks: Block[] = [];
  for (let i = 0; i < 500; i++) {
    const t0 = performance.now();
    blocks.push(author.produceBlock([]).block);
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  rows.push({
    name: "empty block: author + commit (lmdb, fsync)",
    opsPerSec: 1000 / ms,
    ms,
    note: "median of 500",
  });
  const importer = await Chain.open({ basePath: tempDir() });
  const imported: number[] = [];
  for (let n = 1; n <= 50; n++) importer.importBlock(author.getBlock(n)!.block);
  for (const block of blocks) {
    const t0 = performance.now();
    importer.importBlock(block);
    imported.push(performance.now() - t0);
  }
  const ims = median(imported);
  rows.push({ name: "empty block: import (checks, seal, execute, commit)", opsPerSec: 1000 / ims, ms: ims });
  const memory = await Chain.open({ authorityKeys: [ONE] });
  for (let i = 0; i < 50; i++) memory.produceBlock([]);
  const mtimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t0 = performance.now();
    memory.produceBlock([]);
    mtimes.push(performance.now() - t0);
  }
  rows.push({
    name: "empty block: author (in memory)",
    opsPerSec: 1000 / median(mtimes),
    ms: median(mtimes),
  });
  await Promise.all([author.close(), importer.close(), memory.close()]);
}

async function fullBlock(rows: BenchRow[]): Promise<void> {
  const author = await Chain.open({ authorityKeys: [ONE] });
  // A full block: 10 000 transfers fill the normal-class weight (3e12 ref time / 300 µs each).
  const candidates = transfers(author, 10_050, 100_000, 1);
  const t0 = performance.now();
  const produced = author.produceBlock(candidates);
  const produceMs = performance.now() - t0;
  const n = produced.block.extrinsics.length;
  const full = produced.rejected.some((r) => r.invalid.kind === "ExhaustsResources");
  const importer = await Chain.open({ basePath: tempDir() });
  const t1 = performance.now();
  const imported = importer.importBlock(produced.block);
  const ms = performance.now() - t1;
  const { execute, stateRoot, commit } = imported.timings;
  rows.push({
    name: `full block import: ${n} signed transfers${full ? " (block full)" : ""}`,
    ms,
    note: `${Math.round((n * 1000) / ms)} tx/s; execute ${execute.toFixed(0)} ms, state root ${stateRoot.toFixed(0)} ms, commit ${commit.toFixed(0)} ms`,
  });
  rows.push({
    name: "  the same block authored (in memory)",
    ms: produceMs,
    note: `${Math.round((n * 1000) / produceMs)} tx/s`,
  });

  // sr25519 verification in the same run, on the same kind of payloads.
  const key = SENDERS[0]!;
  const messages = Array.from({ length: 2000 }, (_, i) => blake2b256(u32.enc(i)));
  const signatures = messages.map((m) => key.sign(m));
  let ok = 0;
  const t2 = performance.now();
  for (let round = 0; round < 3; round++)
    for (let i = 0; i < messages.length; i++)
      if (verifySignature(messages[i]!, signatures[i]!, key.publicKey)) ok++;
  const vms = (performance.now() - t2) / (3 * messages.length);
  if (ok !== 3 * messages.length) throw new Error("sr25519 verification failed in the benchmark");
  rows.push({ name: "sr25519 verify (wasm schnorrkel), same run", opsPerSec: 1000 / vms, ms: vms });
  await Promise.all([author.close(), importer.close()]);
}

async function stateRoot(rows: BenchRow[]): Promise<void> {
  const ACCOUNTS = 100_000;
  const t0 = performance.now();
  const author = await Chain.open({
    basePath: tempDir(),
    genesis: genesisWith(ACCOUNTS),
    authorityKeys: [ONE],
  });
  const genesisMs = performance.now() - t0;
  const stateKeys = author.headState().keysWithPrefix("").length;
  for (const [label, count] of [
    ["empty block", 0],
    ["100 transfers", 100],
    ["1 000 transfers", 1000],
  ] as const) {
    const roots: number[] = [];
    for (let b = 0; b < 5; b++) {
      roots.push(author.produceBlock(transfers(author, count, ACCOUNTS, b + 1)).timings.stateRoot);
    }
    const ms = median(roots);
    rows.push({
      name: `state root, ${stateKeys.toLocaleString("en-US")} keys: ${label}`,
      ms,
      note: "median of 5 blocks",
    });
  }
  rows.push({ name: "  genesis of 100 k accounts (build + root + commit)", ms: genesisMs });
  await author.close();

  // The choice of trie: the same 100 k account keys and 2 000-key change sets, both tries in memory.
  const keys = Array.from({ length: ACCOUNTS }, (_, i) => SystemStorage.Account.keyOf(account(i)));
  const value = (i: number, r: number) => Uint8Array.of(i & 255, r, ...new Uint8Array(78));
  const changeSet = (r: number) =>
    Array.from({ length: 2000 }, (_, j) => (r * 7919 + j * 104_729) % ACCOUNTS).map(
      (i) => [i, value(i, r)] as const,
    );
  const nodes = new Map<string, Uint8Array>();
  const ours = new Trie(new NodeLoader({ getNode: (h) => nodes.get(Buffer.from(h).toString("latin1")) }));
  const write = (h: Uint8Array, e: Uint8Array) => nodes.set(Buffer.from(h).toString("latin1"), e);
  let root = ours.commit(
    ours.update(
      undefined,
      keys.map((k, i) => [k, value(i, 0)] as const),
    ),
    write,
    true,
  );
  const oursTimes: number[] = [];
  for (let r = 1; r <= 5; r++) {
    const changes = changeSet(r).map(([i, v]) => [keys[i]!, v] as const);
    const t1 = performance.now();
    root = ours.commit(ours.update(root, changes), write, true);
    oursTimes.push(performance.now() - t1);
  }
  rows.push({
    name: "trie choice: ours, 100 k keys, 2 000 changed",
    ms: median(oursTimes),
    note: "sync, blake2-256",
  });
  const mpt = await createMPT({
    db: new MapDB(),
    useKeyHashingFunction: blake2b256,
    valueEncoding: ValueEncoding.Bytes,
  });
  const binaryKeys = keys.map((k) => Buffer.from(k, "hex"));
  await mpt.batch(binaryKeys.map((k, i) => ({ type: "put" as const, key: k, value: value(i, 0) })));
  const mptTimes: number[] = [];
  for (let r = 1; r <= 5; r++) {
    const ops = changeSet(r).map(([i, v]) => ({ type: "put" as const, key: binaryKeys[i]!, value: v }));
    const t1 = performance.now();
    await mpt.batch(ops);
    mpt.root();
    mptTimes.push(performance.now() - t1);
  }
  rows.push({
    name: "trie choice: @ethereumjs/mpt, same keys and changes",
    ms: median(mptTimes),
    note: "async, blake2-256 node hash",
  });
}

async function disk(rows: BenchRow[]): Promise<void> {
  const base = tempDir();
  const chain = await Chain.open({ basePath: base, authorityKeys: [ONE] });
  const before = diskBytes(base);
  const t0 = performance.now();
  for (let i = 0; i < 10_000; i++) chain.produceBlock([]);
  const ms = performance.now() - t0;
  rows.push({
    name: "disk: 10 000 empty blocks (archive: every root kept)",
    ms,
    note: `${mb(diskBytes(base) - before)} (${((diskBytes(base) - before) / 10_000 / 1024).toFixed(1)} KiB/block)`,
  });
  const busy = tempDir();
  const loaded = await Chain.open({ basePath: busy, authorityKeys: [ONE] });
  const start = diskBytes(busy);
  const blocks = 1000;
  for (let i = 0; i < blocks; i++) loaded.produceBlock(transfers(loaded, 20, 100_000, i));
  const per = (diskBytes(busy) - start) / blocks;
  rows.push({
    name: "disk: blocks of 20 transfers",
    ms: 0,
    note: `${(per / 1024).toFixed(1)} KiB/block → ${mb(per * 10_000)} per 10 000 blocks`,
  });
  await Promise.all([chain.close(), loaded.close()]);
}

export default async function nodeBench(): Promise<void> {
  await cryptoReady();
  const rows: BenchRow[] = [];
  try {
    await emptyBlocks(rows);
    await fullBlock(rows);
    await stateRoot(rows);
    await disk(rows);
  } finally {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  printTable("node: blocks on lmdb (packages/node)", rows);
}
