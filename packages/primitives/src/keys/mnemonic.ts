import { mnemonicGenerate, mnemonicToMiniSecret, mnemonicValidate } from "@polkadot/util-crypto";
import english from "@polkadot/util-crypto/mnemonic/wordlists/en";

export const MNEMONIC_WORD_COUNTS = [12, 15, 18, 21, 24] as const;
export type MnemonicWordCount = (typeof MNEMONIC_WORD_COUNTS)[number];

export class MnemonicError extends Error {
  override readonly name = "MnemonicError";
}

const WORDS = new Set(english);

export function generateMnemonic(words: MnemonicWordCount = 12): string {
  if (!MNEMONIC_WORD_COUNTS.includes(words)) {
    throw new MnemonicError(`a mnemonic has 12, 15, 18, 21 or 24 words, not ${words}`);
  }
  return mnemonicGenerate(words);
}

/** Collapses whitespace and lower-cases, as people paste mnemonics in many shapes. */
export function normalizeMnemonic(mnemonic: string): string {
  return mnemonic.trim().toLowerCase().split(/\s+/).join(" ");
}

/** Throws a MnemonicError naming the problem: word count, an unknown word, or a bad checksum. */
export function assertValidMnemonic(mnemonic: string): void {
  const words = normalizeMnemonic(mnemonic).split(" ");
  if (!MNEMONIC_WORD_COUNTS.includes(words.length as MnemonicWordCount)) {
    throw new MnemonicError(
      `invalid mnemonic: it has ${words.length} words; a BIP39 mnemonic has 12, 15, 18, 21 or 24`,
    );
  }
  const unknown = words.findIndex((w) => !WORDS.has(w));
  if (unknown >= 0) {
    throw new MnemonicError(
      `invalid mnemonic: word ${unknown + 1} "${words[unknown]}" is not in the BIP39 English word list; check its spelling`,
    );
  }
  if (!mnemonicValidate(words.join(" "))) {
    throw new MnemonicError(
      "invalid mnemonic: the checksum does not match; a word is wrong or the words are out of order",
    );
  }
}

/**
 * Substrate's mini-secret: PBKDF2-SHA512 over the mnemonic's *entropy* (not the BIP39 seed of the
 * sentence), which is what btwallet stores as `secretSeed`.
 */
export function miniSecretFromMnemonic(mnemonic: string, password = ""): Uint8Array {
  assertValidMnemonic(mnemonic);
  return mnemonicToMiniSecret(normalizeMnemonic(mnemonic), password);
}
