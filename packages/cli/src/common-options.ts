import type { OptionDef } from "./options.js";

// Options shared by many commands, with btcli's spellings as aliases.
export const WALLET_NAME: OptionDef = {
  flags: "--wallet-name <name>",
  aliases: ["--name", "--wallet_name", "--wallet.name"],
  env: "BT_WALLET_NAME",
  default: "default",
  description: "name of the wallet (a directory under the wallet path)",
};

export const WALLET_PATH: OptionDef = {
  flags: "-p, --wallet-path <path>",
  aliases: ["--wallet_path", "--wallet.path"],
  env: "BT_WALLET_PATH",
  default: "~/.bittensor/wallets",
  description: "directory that holds the wallets",
};

export const HOTKEY: OptionDef = {
  flags: "-H, --hotkey <name>",
  aliases: ["--wallet-hotkey", "--wallet_hotkey", "--wallet.hotkey"],
  env: "BT_WALLET_HOTKEY",
  default: "default",
  description: "name of the hotkey",
};

export const JSON_OUTPUT: OptionDef = {
  flags: "--json",
  aliases: ["--json-output", "--json-out"],
  description: "print one JSON document on stdout and nothing else",
};

export const PROMPT: OptionDef = {
  flags: "--prompt",
  negate: { flags: "--no-prompt", aliases: ["-y", "--yes", "--no_prompt"] },
  default: true,
  description: "ask before acting and for missing answers (refused without a terminal)",
};

export const OVERWRITE: OptionDef = {
  flags: "--overwrite",
  negate: { flags: "--no-overwrite" },
  default: false,
  description: "replace existing key files without asking",
};

export const N_WORDS: OptionDef = {
  flags: "--n-words <n>",
  aliases: ["--n_words"],
  default: "12",
  description: "words in a new mnemonic: 12, 15, 18, 21 or 24",
};

export const usePassword = (defaultOn: boolean): OptionDef => ({
  flags: "--use-password",
  aliases: ["--use_password"],
  negate: { flags: "--no-use-password", aliases: ["--no_use_password"] },
  default: defaultOn,
  description: "encrypt the private key with a password",
});

export const URI: OptionDef = {
  flags: "--uri <uri>",
  description: "create the key from a dev account name (alice, bob, …) or a secret URI such as //Alice",
};
