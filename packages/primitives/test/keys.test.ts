import { signatureVerify } from "@polkadot/util-crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { clientVectors as v } from "../../../test/vectors/index.js";
import {
  bytesToHex,
  canonicalToEd25519Form,
  cryptoReady,
  ed25519FormToCanonical,
  generateMnemonic,
  hexToBytes,
  Keypair,
  MnemonicError,
  verifySignature,
} from "../src/index.js";

beforeAll(cryptoReady);

describe("mnemonics (substrate-bip39 mini-secret)", () => {
  for (const m of v.mnemonics) {
    it(`${m.expected_ss58}`, () => {
      const kp = Keypair.fromMnemonic(m.mnemonic);
      expect(kp.ss58Address).toBe(m.expected_ss58);
      expect(bytesToHex(kp.publicKey)).toBe(m.expected_publicKey);
      expect(bytesToHex(kp.seed!)).toBe(m.miniSecret_aka_secretSeed);
      expect(bytesToHex(kp.privateKey!)).toBe(m.keyfile_privateKey_canonical);
      expect(kp.mnemonic).toBe(m.mnemonic);
    });
  }

  it("accepts messy whitespace and capitals", () => {
    const m = v.mnemonics[0];
    const kp = Keypair.fromMnemonic(`  ${m.mnemonic.toUpperCase().replaceAll(" ", "   ")}\n`);
    expect(kp.ss58Address).toBe(m.expected_ss58);
  });

  it("generates valid mnemonics of each length", () => {
    for (const n of [12, 15, 18, 21, 24] as const) {
      const m = generateMnemonic(n);
      expect(m.split(" ")).toHaveLength(n);
      expect(Keypair.fromMnemonic(m).ss58Address).toMatch(/^5/);
    }
  });

  it("names an unknown word, a bad checksum and a wrong length", () => {
    const words = v.mnemonics[0].mnemonic.split(" ");
    const typo = [...words];
    typo[3] = "ribb";
    expect(() => Keypair.fromMnemonic(typo.join(" "))).toThrow(
      /word 4 "ribb" is not in the BIP39 English word list/,
    );
    const swapped = [...words];
    [swapped[0], swapped[1]] = [swapped[1]!, swapped[0]!];
    expect(() => Keypair.fromMnemonic(swapped.join(" "))).toThrow(/checksum/);
    expect(() => Keypair.fromMnemonic(words.slice(0, 11).join(" "))).toThrow(MnemonicError);
    expect(() => Keypair.fromMnemonic(words.slice(0, 11).join(" "))).toThrow(/11 words/);
  });
});

describe("seeds and private keys", () => {
  it("seed vectors", () => {
    for (const s of v.seeds) expect(Keypair.fromSeed(s.seed).ss58Address).toBe(s.expected_ss58);
  });

  it("private key vectors (btwallet's canonical form)", () => {
    for (const p of v.private_keys) {
      const kp = Keypair.fromPrivateKey(p.privateKey_canonical);
      expect(bytesToHex(kp.publicKey)).toBe(p.expected_publicKey);
      expect(bytesToHex(kp.privateKey!)).toBe(p.privateKey_canonical);
    }
  });

  it("converts between the canonical and polkadot-js secret forms", () => {
    for (const m of v.mnemonics) {
      const canonical = hexToBytes(m.keyfile_privateKey_canonical);
      const pjs = hexToBytes(m.polkadotjs_secretKey_ed25519form);
      expect(bytesToHex(canonicalToEd25519Form(canonical))).toBe(m.polkadotjs_secretKey_ed25519form);
      expect(bytesToHex(ed25519FormToCanonical(pjs))).toBe(m.keyfile_privateKey_canonical);
    }
  });

  it("rejects wrong lengths", () => {
    expect(() => Keypair.fromSeed("0x1234")).toThrow(/32 bytes/);
    expect(() => Keypair.fromPrivateKey("0x1234")).toThrow(/64 bytes/);
  });
});

describe("URIs and derivation paths", () => {
  for (const d of v.uri_derivation.vectors) {
    it(d.uri, () => {
      const kp = Keypair.fromUri(d.uri);
      expect(kp.ss58Address).toBe(d.expected_ss58);
      if (d.publicKey) expect(bytesToHex(kp.publicKey)).toBe(d.publicKey);
    });
  }

  it("a hex seed URI derives like its mnemonic", () => {
    const m = v.mnemonics[0];
    expect(Keypair.fromUri(`${m.miniSecret_aka_secretSeed}//Alice`).ss58Address).toBe(
      Keypair.fromUri(`${m.mnemonic}//Alice`).ss58Address,
    );
  });

  it("rejects a URI whose phrase is not a mnemonic", () => {
    expect(() => Keypair.fromUri("not a real phrase//x")).toThrow(/invalid mnemonic/);
  });
});

describe("signing", () => {
  it("signs so that polkadot-js verifies, and verifies polkadot-js vectors", () => {
    const alice = Keypair.fromUri("//Alice");
    const sig = alice.sign("hello bittensor");
    expect(sig).toHaveLength(64);
    expect(signatureVerify("hello bittensor", sig, alice.ss58Address).isValid).toBe(true);
    const p = v.synapse.plain_message_signature;
    expect(verifySignature(p.message_utf8, p.signature, Keypair.fromAddress(p.signer_ss58).publicKey)).toBe(
      true,
    );
    const r = v.synapse.request_signature;
    expect(Keypair.fromAddress(alice.ss58Address).verify(r.message, r.signature_header_value)).toBe(true);
  });

  it("rejects a tampered message or the wrong signer", () => {
    const alice = Keypair.fromUri("//Alice");
    const bob = Keypair.fromUri("//Bob");
    const sig = alice.sign("pay 1 TAO");
    expect(alice.verify("pay 2 TAO", sig)).toBe(false);
    expect(bob.verify("pay 1 TAO", sig)).toBe(false);
  });

  it("hex-decodes 0x messages and accepts <Bytes>-wrapped signatures", () => {
    const alice = Keypair.fromUri("//Alice");
    expect(alice.verify(Uint8Array.of(1, 2, 3), alice.sign("0x010203"))).toBe(true);
    const wrapped = alice.sign(new TextEncoder().encode("<Bytes>hi</Bytes>"));
    expect(alice.verify("hi", wrapped)).toBe(true);
  });

  it("a public-only key cannot sign", () => {
    expect(() => Keypair.fromAddress(Keypair.fromUri("//Bob").ss58Address).sign("x")).toThrow(/cannot sign/);
  });
});
