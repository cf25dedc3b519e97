import { bytesToHex, hexToBytes, Keypair, normalizeAddress } from "@opentao/primitives";
import { WalletError } from "./errors.js";

/** The decrypted keyfile JSON btwallet reads and writes (client-protocol.md §1.2). */
export interface KeyfileJson {
  accountId?: string | null;
  publicKey?: string | null;
  privateKey?: string | null;
  secretPhrase?: string | null;
  secretSeed?: string | null;
  ss58Address?: string | null;
}

/**
 * Serializes a key the way btwallet does: compact JSON, only the fields that are known. The field order
 * is the legacy Python one (btwallet's own order is unspecified, so any order reads back).
 */
export function serializeKeypair(keypair: Keypair): Uint8Array {
  const publicKey = bytesToHex(keypair.publicKey);
  const json: KeyfileJson = { accountId: publicKey, publicKey };
  const privateKey = keypair.privateKey;
  if (privateKey) json.privateKey = bytesToHex(privateKey);
  if (keypair.mnemonic) json.secretPhrase = keypair.mnemonic;
  if (keypair.seed) json.secretSeed = bytesToHex(keypair.seed);
  json.ss58Address = keypair.ss58Address;
  return new TextEncoder().encode(JSON.stringify(json));
}

/** The public part only, as in `coldkeypub.txt` and `<hotkey>pub.txt`. */
export function serializePublicKey(keypair: Keypair): Uint8Array {
  const publicKey = bytesToHex(keypair.publicKey);
  return new TextEncoder().encode(
    JSON.stringify({ accountId: publicKey, publicKey, ss58Address: keypair.ss58Address }),
  );
}

/**
 * Reads keyfile JSON in any shape btwallet or legacy bittensor wrote (compact, spaced, null fields),
 * with btwallet's precedence: secretPhrase, secretSeed, privateKey, then the public parts.
 */
export function deserializeKeypair(data: Uint8Array, where: string): Keypair {
  let json: KeyfileJson;
  try {
    const parsed: unknown = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(data));
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
      throw new Error("not a JSON object");
    json = parsed as KeyfileJson;
  } catch (e) {
    throw new WalletError(
      "CORRUPT",
      `${where} is not a keyfile (${(e as Error).message}); restore it with regen-coldkey or regen-hotkey`,
    );
  }
  let keypair: Keypair;
  try {
    if (json.secretPhrase) keypair = Keypair.fromMnemonic(json.secretPhrase);
    else if (json.secretSeed) keypair = Keypair.fromSeed(json.secretSeed);
    else if (json.privateKey) keypair = Keypair.fromPrivateKey(json.privateKey);
    else if (json.ss58Address) keypair = Keypair.fromAddress(json.ss58Address);
    else if (json.publicKey) keypair = Keypair.fromPublicKey(hexToBytes(json.publicKey, "publicKey", 32));
    else throw new Error("it has none of secretPhrase, secretSeed, privateKey, ss58Address or publicKey");
  } catch (e) {
    throw new WalletError("CORRUPT", `${where} holds an unreadable key: ${(e as Error).message}`, {
      cause: e,
    });
  }
  // Secrets win over the stored address (btwallet's precedence); disagreement means a damaged file.
  if (json.ss58Address && keypair.ss58Address !== normalizeAddress(json.ss58Address)) {
    throw new WalletError(
      "CORRUPT",
      `${where} is inconsistent: its secret belongs to ${keypair.ss58Address} but it names ${json.ss58Address}`,
    );
  }
  return keypair;
}
