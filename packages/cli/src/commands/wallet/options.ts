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

// Chain commands
export const SS58_LIST: OptionDef = {
  flags: "--ss58 <addresses...>",
  aliases: ["--ss58-address"],
  description: "coldkey addresses to show instead of a wallet (repeat or separate with commas)",
};
export const BALANCE_ALL: OptionDef = {
  flags: "-a, --all",
  description: "every wallet under the wallet path",
};
export const SORT_BALANCE: OptionDef = {
  flags: "--sort <by>",
  description: "sort rows by name, free, staked or total",
};
export const DESTINATION: OptionDef = {
  flags: "-d, --destination <address>",
  aliases: ["--dest"],
  description: "the receiving coldkey's SS58 address",
};
export const AMOUNT: OptionDef = {
  flags: "-a, --amount <tao>",
  description: "TAO to send, e.g. 1.5 (at most 9 decimals)",
};
export const TRANSFER_ALL: OptionDef = {
  flags: "--all",
  description: "send the whole transferable balance",
};
export const ALLOW_DEATH: OptionDef = {
  flags: "--allow-death",
  aliases: ["--allow_death"],
  negate: { flags: "--no-allow-death" },
  default: false,
  description: "let the sending account fall below the existential deposit (it is then reaped)",
};

/** btcli's `wallet set-identity` flags, each with the ChainIdentityV2 field it fills. */
export const CHAIN_IDENTITY: readonly { field: string; def: OptionDef }[] = [
  { field: "name", def: { flags: "--id-name <name>", description: "display name" } },
  { field: "url", def: { flags: "--web-url <url>", aliases: ["--web"], description: "web URL" } },
  { field: "image", def: { flags: "--image-url <url>", aliases: ["--image"], description: "image URL" } },
  { field: "discord", def: { flags: "--discord <handle>", description: "Discord handle" } },
  { field: "description", def: { flags: "--description <text>", description: "description" } },
  { field: "additional", def: { flags: "--additional <text>", description: "additional details" } },
  { field: "githubRepo", def: { flags: "--github <repo>", description: "GitHub repository" } },
];

export const COLDKEY_SS58: OptionDef = {
  flags: "--ss58 <address>",
  aliases: ["--coldkey-ss58", "--coldkey_ss58", "--key", "-k"],
  description: "coldkey address to look up instead of the wallet's",
};

export const NEW_COLDKEY: OptionDef = {
  flags: "--new-coldkey <wallet-or-address>",
  aliases: ["--new-coldkey-ss58", "--new-wallet", "--new"],
  description: "the new coldkey: an SS58 address or the name of a wallet",
};

export const SWAP_CHECK_SS58: OptionDef = {
  flags: "--ss58 <address>",
  aliases: ["--address", "--ss58-address"],
  description: "coldkey address to check instead of the wallet's",
};

export const ALL_WALLETS: OptionDef = {
  flags: "-a, --all",
  description: "every wallet under the wallet path",
};

export const NETUIDS_FILTER: OptionDef = {
  flags: "--netuids <netuids>",
  aliases: ["--netuid", "-n"],
  description: "only these subnets, separated by commas",
};

export const ALL_NETUIDS: OptionDef = {
  flags: "--all-netuids",
  description: "swap on every subnet (the default when no --netuid is given)",
};
