// `tao node replay` end to end: an intact chain replays (exit 0, one JSON document), a damaged one names
// the disagreement (exit 1), and a directory without a chain is a usage error (exit 2).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blake2b256, ss58Encode, u32 } from "@opentao/primitives";
import { devAccount, SystemStorage, signExtrinsic } from "@opentao/runtime";
import { afterAll, describe, expect, it } from "vitest";
import { Chain, LmdbDatabase } from "../../node/src/index.js";
import { onlyJson, tao } from "./run-tao.js";

const dir = mkdtempSync(join(tmpdir(), "opentao-cli-node-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function makeChain(name: string): Promise<{ base: string; head: string; root: string }> {
  const base = join(dir, name);
  const alice = devAccount("Alice");
  const chain = await Chain.open({ basePath: base, authorityKeys: [devAccount("One")] });
  for (let i = 0; i < 3; i++) {
    const dest = ss58Encode(blake2b256(u32.enc(i)));
    const xt = signExtrinsic(
      alice,
      { pallet: "Balances", name: "transfer_allow_death", args: { dest, value: 1_000_000_000n } },
      { nonce: i, genesisHash: chain.genesisHash, birthHash: chain.genesisHash },
    );
    chain.produceBlock([xt]);
  }
  const { hash, header } = chain.head();
  await chain.close();
  return { base, head: hash, root: header.stateRoot };
}

describe("tao node replay", () => {
  it("replays an intact chain and reports its head", async () => {
    const { base, head, root } = await makeChain("intact");
    const r = await tao(["node", "replay", "--base-path", base, "--json"]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc).toMatchObject({ ok: true, blocks: 3, head: { number: 3, hash: head }, stateRoot: root });
    const human = await tao(["node", "replay", "-d", base]);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/Replayed 3 blocks to #3 0x[0-9a-f]{64}/);
  });

  it("fails with exit 1 naming the key when the stored state was altered", async () => {
    const { base } = await makeChain("damaged");
    const key = SystemStorage.Account.keyOf(devAccount("Bob").ss58Address);
    const db = LmdbDatabase.open(base);
    db.write(() => db.tables.state.put(Buffer.from(key, "hex"), Uint8Array.of(1, 2, 3)));
    await db.close();
    const r = await tao(["node", "replay", "--base-path", base]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`replay failed: StoredStateMismatch`);
    expect(r.stderr).toContain(key);
  });

  it("refuses a directory without a chain (exit 2)", async () => {
    const r = await tao(["node", "replay", "--base-path", join(dir, "nothing"), "--json"]);
    expect(r.code).toBe(2);
    expect(onlyJson(r).error).toMatch(/no chain database/);
    expect((await tao(["node", "replay"])).code).toBe(2);
  });
});
