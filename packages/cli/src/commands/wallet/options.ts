import { WALLET_NAME } from "../../common-options.js";
import type { OptionDef } from "../../options.js";

export const MNEMONIC: OptionDef = {
  flags: "--mnemonic <words>",
  description: 'the mnemonic, quoted: "word1 word2 …"',
};
export const SEED: OptionDef = { flags: "--seed <hex>", description: "the 32-byte seed as hex (0x…)" };
export const JSON_FILE: OptionDef = {
  flags: "--json-file <file>",
  aliases: ["-j"],
  description: "a polkadot-js JSON backup to restore from (btcli's regen --json)",
};
export const JSON_PASSWORD: OptionDef = {
  flags: "--json-password <password>",
  description: "password of the JSON backup",
};
export const SS58: OptionDef = {
  flags: "--ss58 <address>",
  aliases: ["--ss58-address"],
  description: "the SS58 address",
};
export const PUBLIC_KEY_HEX: OptionDef = {
  flags: "--public-key-hex <hex>",
  aliases: ["--public_key_hex"],
  description: "the public key as hex",
};
export const MESSAGE: OptionDef = {
  flags: "-m, --message <text>",
  description: "the message (signed as UTF-8 bytes)",
};
export const USE_HOTKEY: OptionDef = {
  flags: "--use-hotkey",
  negate: { flags: "--no-use-hotkey" },
  default: false,
  description: "sign with the hotkey instead of the coldkey",
};
export const SIGNATURE: OptionDef = { flags: "-s, --signature <hex>", description: "the signature as hex" };
export const ADDRESS: OptionDef = {
  flags: "-a, --address <address>",
  aliases: ["--public-key"],
  description: "the signer's SS58 address or hex public key",
};

/** `wallet list --wallet-name N` shows only that wallet; without it, all (no default, no environment). */
export const WALLET_FILTER: OptionDef = {
  flags: WALLET_NAME.flags,
  aliases: WALLET_NAME.aliases ?? [],
  description: "show only this wallet",
};
