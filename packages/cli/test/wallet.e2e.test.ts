import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import { onlyJson, tao } from "./run-tao.js";

const vector = v.mnemonics[0];
const ALICE = v.uri_derivation.vectors[0].expected_ss58 as string;
const BOB = v.uri_derivation.vectors[1].expected_ss58 as string;
const tmp = () => mkdtempSync(join(tmpdir(), "opentao-cli-"));
const flags = (path: string, name: string) => ["--wallet-path", path, "--wallet-name", name, "--no-prompt"];

describe("tao --help", () => {
  it("is generated from the option definitions", async () => {
    const top = await tao(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/wallet\|w/);
    const create = await tao(["wallet", "create", "--help"]);
    expect(create.stdout).toMatch(
      /--wallet-name <name>[\s\S]*aliases: --name, --wallet_name,\s+--wallet\.name/,
    );
    expect(create.stdout).toMatch(/--no-use-password/);
    expect(create.stdout).toMatch(/env: BT_WALLET_PATH/);
  });

  it("rejects unknown commands and options with exit code 2 and a suggestion", async () => {
    const r = await tao(["wallet", "crate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Did you mean create\?/);
    expect((await tao(["wallet", "list", "--bogus"])).code).toBe(2);
  });
});

describe("tao wallet regen-coldkey", () => {
  it("restores from a mnemonic for scripts (the issue's command)", async () => {
    const path = tmp();
    const r = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "w"),
      "--mnemonic",
      vector.mnemonic,
      "--no-use-password",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.ss58Address).toBe(vector.expected_ss58);
    expect(doc.data.coldkey_ss58).toBe(vector.expected_ss58);
    const coldkey = JSON.parse(readFileSync(join(path, "w", "coldkey"), "utf8"));
    expect(coldkey).toMatchObject({
      secretPhrase: vector.mnemonic,
      secretSeed: vector.miniSecret_aka_secretSeed,
      privateKey: vector.keyfile_privateKey_canonical,
      ss58Address: vector.expected_ss58,
    });
    expect(statSync(join(path, "w", "coldkey")).mode & 0o777).toBe(0o600);
  });

  it("restores from a seed and from a polkadot-js backup", async () => {
    const path = tmp();
    const seed = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "s"),
      "--seed",
      v.seeds[0].seed,
      "--no-use-password",
      "--json",
    ]);
    expect(onlyJson(seed).ss58Address).toBe(v.seeds[0].expected_ss58);
    const backup = join(path, "backup.json");
    writeFileSync(backup, JSON.stringify(v.polkadotjs_encrypted_json.json));
    const pj = v.polkadotjs_encrypted_json;
    const r = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "pj"),
      "--json-file",
      backup,
      "--json-password",
      pj.password,
      "--no-use-password",
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(onlyJson(r).ss58Address).toBe(pj.expected_ss58);
    const bad = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "pj2"),
      "--json-file",
      backup,
      "--json-password",
      "nope",
      "--no-use-password",
    ]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Wrong password for decryption\./);
    expect(readdirSync(path).sort()).toEqual(["backup.json", "pj", "s"]);
  });

  it("rejects an invalid mnemonic with a clear error, one JSON document, and nothing written", async () => {
    const path = tmp();
    const words = vector.mnemonic.split(" ");
    words[5] = "phony";
    const r = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "w"),
      "--mnemonic",
      words.join(" "),
      "--no-use-password",
      "--json",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/word 6 "phony" is not in the BIP39 English word list/);
    expect(onlyJson(r)).toEqual({ success: false, error: expect.stringMatching(/phony/), data: null });
    expect(readdirSync(path)).toEqual([]);
    const checksum = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "w"),
      "--mnemonic",
      [...words.slice(0, 5), "pilot", ...words.slice(6)].join(" "),
      "--no-use-password",
    ]);
    expect(checksum.code).toBe(2);
    expect(checksum.stderr).toMatch(/checksum/);
  });

  it("refuses to prompt without a terminal", async () => {
    const path = tmp();
    const r = await tao(["wallet", "regen-coldkey", ...flags(path, "w"), "--no-use-password"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--mnemonic/);
    const pw = await tao(["wallet", "regen-coldkey", ...flags(path, "w"), "--mnemonic", vector.mnemonic]);
    expect(pw.code).toBe(2);
    expect(pw.stderr).toMatch(/password is needed.*BT_PW_.*--no-use-password/);
    expect(pw.stderr).toMatch(
      /not the password: the base64 of the password's UTF-8 bytes XOR-ed with .*"BT_PW_/,
    );
    expect(readdirSync(path)).toEqual([]);
  });
});

describe("tao wallet create and list", () => {
  it("creates dev-account wallets with --uri and lists them", async () => {
    const path = tmp();
    const a = await tao(["wallet", "create", ...flags(path, "alice"), "--uri", "alice", "--json"]);
    expect(a.code).toBe(0);
    expect(onlyJson(a).data).toMatchObject({ coldkey_ss58: ALICE, hotkey_ss58: ALICE, hotkey: "default" });
    const b = await tao([
      "wallet",
      "create",
      "-p",
      path,
      "--wallet.name",
      "bob",
      "--wallet.hotkey",
      "miner",
      "--uri",
      "//Bob",
      "-y",
    ]);
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/Wallet created from URI/);
    const list = await tao(["wallet", "list", "--wallet-path", path, "--json"]);
    expect(onlyJson(list)).toEqual({
      wallets: [
        { name: "alice", ss58_address: ALICE, hotkeys: [{ name: "default", ss58_address: ALICE }] },
        { name: "bob", ss58_address: BOB, hotkeys: [{ name: "miner", ss58_address: BOB }] },
      ],
    });
    const human = await tao(["wallet", "list", "--wallet-path", path]);
    expect(human.stdout).toMatch(/Coldkey alice {2}ss58_address 5Grw/);
    expect(human.stdout).toMatch(/Hotkey miner {2}ss58_address 5FHn/);
  });

  it("creates fresh keys whose mnemonics restore them", async () => {
    const path = tmp();
    const r = await tao([
      "wallet",
      "create",
      ...flags(path, "fresh"),
      "--no-use-password",
      "--n-words",
      "24",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.mnemonic.coldkey.split(" ")).toHaveLength(24);
    expect(r.stderr).toMatch(/IMPORTANT: Store this mnemonic/);
    const again = await tao([
      "wallet",
      "regen-hotkey",
      ...flags(path, "copy"),
      "--mnemonic",
      doc.mnemonic.hotkey,
      "--json",
    ]);
    expect(onlyJson(again).ss58Address).toBe(doc.data.hotkey_ss58);
  });

  it("never overwrites an existing wallet without --overwrite", async () => {
    const path = tmp();
    await tao(["wallet", "create", ...flags(path, "w"), "--uri", "alice"]);
    const before = readFileSync(join(path, "w", "coldkey"));
    const r = await tao(["wallet", "create", ...flags(path, "w"), "--uri", "bob"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists; pass --overwrite/);
    expect(readFileSync(join(path, "w", "coldkey"))).toEqual(before);
    const hotOnly = await tao(["wallet", "new-hotkey", ...flags(path, "w"), "--uri", "bob"]);
    expect(hotOnly.code).toBe(1);
    const forced = await tao([
      "wallet",
      "create",
      ...flags(path, "w"),
      "--uri",
      "bob",
      "--overwrite",
      "--json",
    ]);
    expect(onlyJson(forced).data.coldkey_ss58).toBe(BOB);
  });

  it("new-coldkey writes only the coldkey; regen-hotkeypub a watch-only hotkey", async () => {
    const path = tmp();
    const cold = await tao(["wallet", "new-coldkey", ...flags(path, "n"), "--uri", "alice", "--json"]);
    expect(cold.code, cold.stderr).toBe(0);
    expect(onlyJson(cold).ss58Address).toBe(ALICE);
    expect(readdirSync(join(path, "n")).sort()).toEqual(["coldkey", "coldkeypub.txt"]);
    const hot = await tao([
      "wallet",
      "regen-hotkeypub",
      ...flags(path, "n"),
      "--hotkey",
      "watch",
      "--ss58",
      BOB,
      "--json",
    ]);
    expect(hot.code, hot.stderr).toBe(0);
    expect(onlyJson(hot).ss58Address).toBe(BOB);
    expect(readdirSync(join(path, "n", "hotkeys"))).toEqual(["watchpub.txt"]);
  });

  it("writes a watch-only coldkeypub", async () => {
    const path = tmp();
    const r = await tao(["wallet", "regen-coldkeypub", ...flags(path, "watch"), "--ss58", ALICE, "--json"]);
    expect(onlyJson(r).data.coldkey_ss58).toBe(ALICE);
    expect(readdirSync(join(path, "watch"))).toEqual(["coldkeypub.txt"]);
    const bad = await tao([
      "wallet",
      "regen-coldkeypub",
      ...flags(path, "x"),
      "--ss58",
      `${ALICE.slice(0, -1)}Z`,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/checksum/);
  });
});

describe("tao wallet key commands, for scripts and for people", () => {
  const pub = (path: string, file: string) => JSON.parse(readFileSync(join(path, file), "utf8")).ss58Address;

  it("new-hotkey --json returns the address of the key it wrote", async () => {
    const path = tmp();
    await tao(["wallet", "new-coldkey", ...flags(path, "k"), "--uri", "alice"]);
    const r = await tao([
      "wallet",
      "new-hotkey",
      ...flags(path, "k"),
      "--hotkey",
      "hk",
      "--uri",
      "bob",
      "--json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(onlyJson(r)).toMatchObject({
      success: true,
      ss58Address: BOB,
      data: { hotkey: "hk", hotkey_ss58: BOB },
    });
    expect(pub(path, "k/hotkeys/hkpub.txt")).toBe(BOB);
  });

  it("regen-coldkey and regen-coldkeypub say which key they restored", async () => {
    const path = tmp();
    const cold = await tao([
      "wallet",
      "regen-coldkey",
      ...flags(path, "m"),
      "--mnemonic",
      vector.mnemonic,
      "--no-use-password",
    ]);
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toMatch(/Regenerated coldkey successfully!/);
    expect(cold.stdout).toContain(`coldkey ss58: (${vector.expected_ss58})`);
    expect(JSON.parse(readFileSync(join(path, "m", "coldkey"), "utf8")).secretPhrase).toBe(vector.mnemonic);
    const watch = await tao(["wallet", "regen-coldkeypub", ...flags(path, "watch"), "--ss58", BOB]);
    expect(watch.code, watch.stderr).toBe(0);
    expect(watch.stdout).toMatch(/Regenerated coldkeypub successfully!/);
    expect(watch.stdout).toContain(`coldkey ss58: (${BOB})`);
    expect(pub(path, "watch/coldkeypub.txt")).toBe(BOB);
    expect(readdirSync(join(path, "watch"))).toEqual(["coldkeypub.txt"]);
  });

  it("new-coldkey, new-hotkey, regen-hotkey, regen-hotkeypub and sign say what they wrote", async () => {
    const path = tmp();
    const cold = await tao(["wallet", "new-coldkey", ...flags(path, "p"), "--uri", "alice"]);
    expect(cold.code, cold.stderr).toBe(0);
    expect(cold.stdout).toBe(`Coldkey created: ${ALICE}\n`);
    expect(pub(path, "p/coldkeypub.txt")).toBe(ALICE);

    const hot = await tao([
      "wallet",
      "new-hotkey",
      ...flags(path, "p"),
      "--hotkey",
      "fresh",
      "--no-use-password",
      "--n-words",
      "12",
    ]);
    expect(hot.code, hot.stderr).toBe(0);
    const mnemonic = hot.stdout.match(/The mnemonic to the new hotkey is: ([a-z ]+)\n/)?.[1];
    expect(mnemonic?.split(" ")).toHaveLength(12);
    const address = hot.stdout.match(/Hotkey created: (\w+)\n/)?.[1];
    expect(pub(path, "p/hotkeys/freshpub.txt")).toBe(address);

    const regen = await tao([
      "wallet",
      "regen-hotkey",
      ...flags(path, "p"),
      "--hotkey",
      "copy",
      "--mnemonic",
      mnemonic!,
    ]);
    expect(regen.code, regen.stderr).toBe(0);
    expect(regen.stdout).toContain(address);
    expect(pub(path, "p/hotkeys/copypub.txt")).toBe(address);

    const watch = await tao([
      "wallet",
      "regen-hotkeypub",
      ...flags(path, "p"),
      "--hotkey",
      "watch",
      "--ss58",
      BOB,
    ]);
    expect(watch.code, watch.stderr).toBe(0);
    expect(watch.stdout).toMatch(/Regenerated hotkeypub successfully!/);
    expect(watch.stdout).toContain(`hotkey ss58: (${BOB})`);
    expect(readdirSync(join(path, "p", "hotkeys")).sort()).toEqual([
      "copy",
      "copypub.txt",
      "fresh",
      "freshpub.txt",
      "watchpub.txt",
    ]);

    const signed = await tao(["wallet", "sign", ...flags(path, "p"), "--message", "hello"]);
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toContain(`Signer address: ${ALICE}`);
    const signature = signed.stdout.match(/Signature:\n([0-9a-f]{128})\n/)?.[1];
    const check = await tao(["wallet", "verify", "-m", "hello", "-s", signature!, "-a", ALICE, "--json"]);
    expect(onlyJson(check).verified).toBe(true);
  });
});

describe("tao wallet sign and verify", () => {
  it("signs with the coldkey or hotkey and verifies", async () => {
    const path = tmp();
    await tao(["wallet", "create", ...flags(path, "w"), "--uri", "alice"]);
    await tao(["wallet", "new-hotkey", ...flags(path, "w"), "--hotkey", "hk", "--uri", "bob"]);
    const signed = onlyJson(
      await tao(["wallet", "sign", ...flags(path, "w"), "--message", "hello", "--json"]),
    );
    expect(signed.signer_address).toBe(ALICE);
    expect(signed.signed_message).toMatch(/^[0-9a-f]{128}$/);
    const ok = await tao([
      "wallet",
      "verify",
      "-m",
      "hello",
      "-s",
      signed.signed_message,
      "-a",
      ALICE,
      "--json",
    ]);
    expect(onlyJson(ok)).toEqual({ verified: true, signer: ALICE, message: "hello" });
    const tampered = await tao([
      "wallet",
      "verify",
      "-m",
      "hellO",
      "-s",
      signed.signed_message,
      "-a",
      ALICE,
      "--json",
    ]);
    expect(tampered.code).toBe(1);
    expect(onlyJson(tampered).verified).toBe(false);
    const hot = onlyJson(
      await tao([
        "wallet",
        "sign",
        ...flags(path, "w"),
        "--hotkey",
        "hk",
        "--use-hotkey",
        "-m",
        "x",
        "--json",
      ]),
    );
    expect(hot.signer_address).toBe(BOB);
    const vec = v.synapse.plain_message_signature;
    const pub = v.ss58.vectors[1].publicKey;
    const byHex = await tao([
      "wallet",
      "verify",
      "-m",
      vec.message_utf8,
      "-s",
      vec.signature,
      "--public-key",
      pub,
    ]);
    expect(byHex.code).toBe(0);
    expect(byHex.stdout).toMatch(/Signature is valid!/);
  });
});

describe("encrypted coldkeys (real Argon2i, 512 MiB)", () => {
  it("unlocks through btwallet's BT_PW_ variable; a wrong password changes nothing", async () => {
    const path = tmp();
    mkdirSync(join(path, "enc"));
    const coldkey = join(path, "enc", "coldkey");
    writeFileSync(coldkey, Buffer.from(v.nacl_keyfile.file_hex, "hex"), { mode: 0o600 });
    const before = readFileSync(coldkey);
    const variable = `BT_PW_${coldkey.toUpperCase().replace(/[/.]/g, "_")}`;
    const encode = (pw: string) =>
      Buffer.from(Buffer.from(pw).map((b, i) => b ^ variable.charCodeAt(i % variable.length))).toString(
        "base64",
      );
    const [good, bad] = await Promise.all([
      tao(["wallet", "sign", ...flags(path, "enc"), "-m", "hi", "--json"], {
        [variable]: encode(v.nacl_keyfile.password),
      }),
      tao(["wallet", "sign", ...flags(path, "enc"), "-m", "hi", "--json"], {
        [variable]: encode("wrong-password"),
      }),
    ]);
    expect(good.code).toBe(0);
    expect(onlyJson(good).signer_address).toBe(vector.expected_ss58);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Wrong password for decryption\./);
    expect(onlyJson(bad).success).toBe(false);
    expect(readFileSync(coldkey)).toEqual(before);
    // No terminal and no variable: a missing answer (exit 2) that says what the variable must hold,
    // and the README's one-liner computes exactly that value.
    const none = await tao(["wallet", "sign", ...flags(path, "enc"), "-m", "hi"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain(
      `set ${variable}. Its value is what btwallet stores there, not the password`,
    );
    const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
    const [, script] = /node -e '([^']+)' NAME 'password'/.exec(readme) ?? [];
    const computed = await new Promise<string>((done, fail) =>
      execFile("node", ["-e", script!, variable, "wrong-password"], (e, out) =>
        e ? fail(e) : done(out.trim()),
      ),
    );
    expect(computed).toBe(encode("wrong-password"));
  });
});
