import { keyExtractSuri, keyFromPath, sr25519PairFromSeed } from "@polkadot/util-crypto";
import { sr25519Sign, sr25519Verify } from "@polkadot/wasm-crypto";
import { getPublicKey } from "@scure/sr25519";
import { bytesToHex, concatBytes, hexToBytes, utf8 } from "../hex.js";
import { ss58Decode, ss58Encode } from "../ss58.js";
import { assertValidMnemonic, miniSecretFromMnemonic, normalizeMnemonic } from "./mnemonic.js";
import { canonicalToEd25519Form, ed25519FormToCanonical } from "./secret-form.js";

/** The phrase behind `//Alice` and the other dev accounts. */
export const DEV_PHRASE = "bottom drive obey lake curtain smoke basket hold race lonely fit walk";
export const DEV_ACCOUNTS = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie"] as const;

export class KeyError extends Error {
  override readonly name = "KeyError";
}

interface KeypairParts {
  publicKey: Uint8Array;
  /** 64 bytes in ed25519 form (scalar·8 ‖ nonce); absent for a public-only key. */
  secretKey?: Uint8Array | undefined;
  mnemonic?: string | undefined;
  /** The 32-byte mini-secret (btwallet's `secretSeed`). */
  seed?: Uint8Array | undefined;
}

/** An sr25519 key pair, or only a public key. Signatures go through the wasm schnorrkel (~8x faster). */
export class Keypair {
  readonly publicKey: Uint8Array;
  readonly ss58Address: string;
  readonly mnemonic: string | undefined;
  readonly seed: Uint8Array | undefined;
  readonly #secretKey: Uint8Array | undefined;

  private constructor(parts: KeypairParts) {
    this.publicKey = parts.publicKey;
    this.ss58Address = ss58Encode(parts.publicKey);
    this.mnemonic = parts.mnemonic;
    this.seed = parts.seed;
    this.#secretKey = parts.secretKey;
  }

  static fromMnemonic(mnemonic: string): Keypair {
    const seed = miniSecretFromMnemonic(mnemonic);
    return new Keypair({ ...sr25519PairFromSeed(seed), mnemonic: normalizeMnemonic(mnemonic), seed });
  }

  /** A 32-byte mini-secret, or a 64-byte canonical secret key, as bytes or 0x-hex. */
  static fromSeed(seed: Uint8Array | string): Keypair {
    const bytes = typeof seed === "string" ? hexToBytes(seed, "seed") : seed;
    if (bytes.length === 64) return Keypair.fromPrivateKey(bytes);
    if (bytes.length !== 32)
      throw new KeyError(`a seed is 32 bytes (64 hex digits), got ${bytes.length} bytes`);
    return new Keypair({ ...sr25519PairFromSeed(bytes), seed: Uint8Array.from(bytes) });
  }

  /** The canonical 64-byte secret btwallet stores as `privateKey`. */
  static fromPrivateKey(privateKey: Uint8Array | string): Keypair {
    const bytes = typeof privateKey === "string" ? hexToBytes(privateKey, "private key", 64) : privateKey;
    if (bytes.length !== 64) throw new KeyError(`a private key is 64 bytes, got ${bytes.length}`);
    return Keypair.fromEd25519FormSecret(canonicalToEd25519Form(bytes));
  }

  /** A secret in polkadot-js's form (scalar·8 ‖ nonce), as in polkadot-js JSON backups. */
  static fromEd25519FormSecret(secretKey: Uint8Array): Keypair {
    return new Keypair({ publicKey: getPublicKey(secretKey), secretKey: Uint8Array.from(secretKey) });
  }

  /**
   * A Substrate secret URI: `//Alice`, `<mnemonic>//hard/soft`, `0x<seed>//path`, `<mnemonic>///password`.
   * A URI that starts with `/` derives from the dev phrase, as sp-core does.
   */
  static fromUri(uri: string): Keypair {
    const text = uri.trim();
    let extracted: ReturnType<typeof keyExtractSuri>;
    try {
      extracted = keyExtractSuri(text.startsWith("/") ? `${DEV_PHRASE}${text}` : text);
    } catch (e) {
      throw new KeyError(
        `"${text}" is not a valid secret URI (${(e as Error).message}); try //Alice or "<mnemonic>//path"`,
      );
    }
    const { phrase, path, password } = extracted;
    let root: Keypair;
    if (phrase.startsWith("0x")) {
      root = Keypair.fromSeed(phrase);
    } else {
      assertValidMnemonic(phrase);
      const seed = miniSecretFromMnemonic(phrase, password ?? "");
      root = new Keypair({ ...sr25519PairFromSeed(seed), mnemonic: normalizeMnemonic(phrase), seed });
    }
    if (path.length === 0) return root;
    const derived = keyFromPath({ publicKey: root.publicKey, secretKey: root.#secretKey! }, path, "sr25519");
    return new Keypair(derived);
  }

  static fromPublicKey(publicKey: Uint8Array): Keypair {
    if (publicKey.length !== 32) throw new KeyError(`a public key is 32 bytes, got ${publicKey.length}`);
    return new Keypair({ publicKey: Uint8Array.from(publicKey) });
  }

  static fromAddress(address: string): Keypair {
    return new Keypair({ publicKey: ss58Decode(address) });
  }

  get canSign(): boolean {
    return this.#secretKey !== undefined;
  }

  /** The canonical secret (scalar ‖ nonce) for keyfiles; undefined for a public-only key. */
  get privateKey(): Uint8Array | undefined {
    return this.#secretKey && ed25519FormToCanonical(this.#secretKey);
  }

  /** Signs bytes, or a string (a `0x…` string is hex-decoded first, as btwallet does). Needs `cryptoReady()`. */
  sign(message: Uint8Array | string): Uint8Array {
    if (!this.#secretKey) {
      throw new KeyError(`the key ${this.ss58Address} has only its public part, so it cannot sign`);
    }
    return sr25519Sign(this.publicKey, this.#secretKey, messageBytes(message));
  }

  verify(message: Uint8Array | string, signature: Uint8Array | string): boolean {
    return verifySignature(message, signature, this.publicKey);
  }

  toString(): string {
    return `<Keypair (address=${this.ss58Address})>`;
  }
}

export function messageBytes(message: Uint8Array | string): Uint8Array {
  if (typeof message !== "string") return message;
  return message.startsWith("0x") ? hexToBytes(message, "message") : utf8(message);
}

const BYTES_OPEN = utf8("<Bytes>");
const BYTES_CLOSE = utf8("</Bytes>");

/**
 * Verifies an sr25519 signature; like btwallet it retries with the message wrapped in
 * `<Bytes>…</Bytes>`, which browser extensions sign. Needs `cryptoReady()`.
 */
export function verifySignature(
  message: Uint8Array | string,
  signature: Uint8Array | string,
  publicKey: Uint8Array,
): boolean {
  let sig: Uint8Array;
  if (typeof signature === "string") {
    if (!signature.startsWith("0x")) throw new KeyError("a signature given as text must be 0x-prefixed hex");
    sig = hexToBytes(signature, "signature");
  } else {
    sig = signature;
  }
  if (sig.length !== 64) throw new KeyError(`an sr25519 signature is 64 bytes, got ${sig.length}`);
  const data = messageBytes(message);
  return (
    sr25519Verify(sig, data, publicKey) ||
    sr25519Verify(sig, concatBytes(BYTES_OPEN, data, BYTES_CLOSE), publicKey)
  );
}

export function publicKeyHex(keypair: Keypair): string {
  return bytesToHex(keypair.publicKey);
}
