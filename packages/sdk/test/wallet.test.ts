import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import {
  deserializeKeypair,
  Keyfile,
  listWallets,
  serializeKeypair,
  Wallet,
  WalletError,
} from "../src/index.js";

beforeAll(cryptoReady);

const vector = v.mnemonics[0];
const tmp = () => mkdtempSync(join(tmpdir(), "opentao-wallet-"));
const bytes = (text: string) => new TextEncoder().encode(text);

describe("keyfile JSON", () => {
  it("writes btwallet's fields for a mnemonic key, byte for byte as the vector's plaintext", () => {
    const json = new TextDecoder().decode(serializeKeypair(Keypair.fromMnemonic(vector.mnemonic)));
    expect(json).toBe(v.nacl_keyfile.plaintext_utf8);
  });

  it("writes only the private and public parts for a URI key, as btcli --uri does", () => {
    const json = JSON.parse(new TextDecoder().decode(serializeKeypair(Keypair.fromUri("//Alice"))));
    expect(Object.keys(json)).toEqual(["accountId", "publicKey", "privateKey", "ss58Address"]);
    expect(deserializeKeypair(bytes(JSON.stringify(json)), "t").ss58Address).toBe(
      v.uri_derivation.vectors[0].expected_ss58,
    );
  });

  it("reads legacy Python keyfiles: spaced JSON with nulls", () => {
    const legacy = `{"accountId": "${vector.expected_publicKey}", "publicKey": "${vector.expected_publicKey}", "privateKey": "${vector.keyfile_privateKey_canonical}", "secretPhrase": null, "secretSeed": null, "ss58Address": "${vector.expected_ss58}"}`;
    const kp = deserializeKeypair(bytes(legacy), "legacy");
    expect(kp.ss58Address).toBe(vector.expected_ss58);
    expect(kp.canSign).toBe(true);
  });

  it("follows btwallet's precedence: phrase, seed, private key, address", () => {
    const other = Keypair.fromUri("//Bob");
    const seedOnly = { secretSeed: vector.miniSecret_aka_secretSeed, ss58Address: vector.expected_ss58 };
    expect(deserializeKeypair(bytes(JSON.stringify(seedOnly)), "s").seed).toBeDefined();
    const pubOnly = { ss58Address: other.ss58Address };
    const kp = deserializeKeypair(bytes(JSON.stringify(pubOnly)), "p");
    expect(kp.canSign).toBe(false);
    expect(kp.ss58Address).toBe(other.ss58Address);
    const hexOnly = { publicKey: vector.expected_publicKey };
    expect(deserializeKeypair(bytes(JSON.stringify(hexOnly)), "h").ss58Address).toBe(vector.expected_ss58);
  });

  it("names the file when it is corrupt or inconsistent", () => {
    expect(() => deserializeKeypair(bytes("{not json"), "keyfile /w/coldkey")).toThrow(
      /keyfile \/w\/coldkey is not a keyfile/,
    );
    expect(() => deserializeKeypair(bytes("[]"), "keyfile /w/x")).toThrow(/not a JSON object/);
    expect(() => deserializeKeypair(bytes("{}"), "keyfile /w/x")).toThrow(/none of secretPhrase/);
    const mixed = { secretPhrase: vector.mnemonic, ss58Address: Keypair.fromUri("//Bob").ss58Address };
    expect(() => deserializeKeypair(bytes(JSON.stringify(mixed)), "keyfile /w/x")).toThrow(/inconsistent/);
    expect(() => deserializeKeypair(bytes(JSON.stringify({ secretPhrase: "bad words" })), "f")).toThrow(
      WalletError,
    );
  });
});

describe("Wallet on disk", () => {
  it("lays out files as btwallet does, with mode 600 and no stray files", async () => {
    const path = tmp();
    const wallet = new Wallet({ name: "w", hotkey: "h", path });
    await wallet.setColdkey(Keypair.fromMnemonic(vector.mnemonic), { usePassword: false });
    await wallet.setHotkey(Keypair.fromUri("//Bob"));
    expect(readdirSync(join(path, "w")).sort()).toEqual(["coldkey", "coldkeypub.txt", "hotkeys"]);
    expect(readdirSync(join(path, "w", "hotkeys")).sort()).toEqual(["h", "hpub.txt"]);
    for (const f of ["coldkey", "coldkeypub.txt", "hotkeys/h", "hotkeys/hpub.txt"]) {
      expect(statSync(join(path, "w", f)).mode & 0o777).toBe(0o600);
    }
    expect(JSON.parse(readFileSync(join(path, "w", "coldkeypub.txt"), "utf8"))).toEqual({
      accountId: vector.expected_publicKey,
      publicKey: vector.expected_publicKey,
      ss58Address: vector.expected_ss58,
    });
    expect((await wallet.getColdkey()).mnemonic).toBe(vector.mnemonic);
    expect((await wallet.getHotkeypub()).ss58Address).toBe(Keypair.fromUri("//Bob").ss58Address);
    expect(String(wallet)).toBe(`Wallet (Name: 'w', Hotkey: 'h', Path: '${path}')`);
  });

  it("never overwrites without permission, and leaves the old key in place", async () => {
    const path = tmp();
    const wallet = new Wallet({ name: "w", path });
    await wallet.setColdkey(Keypair.fromUri("//Alice"), { usePassword: false });
    const before = readFileSync(wallet.coldkeyFile.path);
    await expect(wallet.setColdkey(Keypair.fromUri("//Bob"), { usePassword: false })).rejects.toThrow(
      /already exists/,
    );
    expect(readFileSync(wallet.coldkeyFile.path)).toEqual(before);
    const declining = new Wallet({ name: "w", path }, { confirmOverwrite: async () => false });
    await expect(declining.setColdkey(Keypair.fromUri("//Bob"), { usePassword: false })).rejects.toThrow(
      WalletError,
    );
    const accepting = new Wallet({ name: "w", path }, { confirmOverwrite: async () => true });
    await accepting.setColdkey(Keypair.fromUri("//Bob"), { usePassword: false });
    expect((await wallet.getColdkeypub()).ss58Address).toBe(Keypair.fromUri("//Bob").ss58Address);
  });

  it("asks for a password source before encrypting and writes nothing without one", async () => {
    const path = tmp();
    const wallet = new Wallet({ name: "w", path });
    await expect(wallet.setColdkey(Keypair.fromUri("//Alice"))).rejects.toThrow(/BT_PW__.*--no-use-password/);
    expect(wallet.coldkeyFile.exists()).toBe(false);
  });

  it("rejects names that would leave the wallet directory", () => {
    expect(() => new Wallet({ name: "../x" })).toThrow(/not a valid file name/);
    expect(() => new Wallet({ name: "ok", hotkey: "a/b" })).toThrow(/hotkey name/);
  });

  it("refuses a public-only key where a private key is needed", async () => {
    const wallet = new Wallet({ name: "w", path: tmp() });
    await expect(wallet.setHotkey(Keypair.fromAddress(vector.expected_ss58))).rejects.toThrow(
      /needs a private key/,
    );
  });

  it("reports a missing keyfile by path", async () => {
    const wallet = new Wallet({ name: "nobody", path: tmp() });
    await expect(wallet.getColdkey()).rejects.toThrow(/nobody\/coldkey does not exist/);
  });

  it("reports legacy Ansible Vault keyfiles", async () => {
    const path = tmp();
    mkdirSync(join(path, "old"));
    writeFileSync(join(path, "old", "coldkey"), "$ANSIBLE_VAULT;1.1;AES256\n3031");
    await expect(new Wallet({ name: "old", path }).getColdkey()).rejects.toThrow(/legacy Ansible Vault/);
  });
});

describe("listWallets", () => {
  it("lists wallets and hotkeys the way btcli does", async () => {
    const path = tmp();
    const a = new Wallet({ name: "a", hotkey: "h1", path });
    await a.setColdkey(Keypair.fromUri("//Alice"), { usePassword: false });
    await a.setHotkey(Keypair.fromUri("//Bob"));
    await new Wallet({ name: "a", hotkey: "watch", path }).setHotkeypub(Keypair.fromUri("//Charlie"));
    mkdirSync(join(path, "b"));
    writeFileSync(join(path, "stray-file"), "x");
    const wallets = await listWallets(path);
    expect(wallets).toEqual([
      {
        name: "a",
        ss58Address: Keypair.fromUri("//Alice").ss58Address,
        hotkeys: [
          { name: "h1", ss58Address: Keypair.fromUri("//Bob").ss58Address, publicOnly: false },
          { name: "watch", ss58Address: Keypair.fromUri("//Charlie").ss58Address, publicOnly: true },
        ],
      },
      { name: "b", ss58Address: "?", hotkeys: [] },
    ]);
    expect(await listWallets(join(path, "missing"))).toEqual([]);
  });

  it("shows ? for keys it cannot read without a password", async () => {
    const path = tmp();
    mkdirSync(join(path, "e", "hotkeys"), { recursive: true });
    writeFileSync(join(path, "e", "coldkeypub.txt"), "garbage");
    writeFileSync(join(path, "e", "hotkeys", "h"), Buffer.from(v.nacl_keyfile.file_hex, "hex"));
    const [w] = await listWallets(path);
    expect(w).toEqual({
      name: "e",
      ss58Address: "?",
      hotkeys: [{ name: "h", ss58Address: "?", publicOnly: false }],
    });
  });
});

describe("Keyfile", () => {
  it("detects encryption without decrypting", () => {
    const path = tmp();
    const file = new Keyfile(join(path, "k"));
    writeFileSync(file.path, Buffer.from(v.nacl_keyfile.file_hex, "hex"));
    expect(file.isEncrypted()).toBe(true);
  });
});
