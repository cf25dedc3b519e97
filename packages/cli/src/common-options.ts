import type { OptionDef } from "./options.js";

// Options shared by many commands, with btcli's spellings as aliases.
export const WALLET_NAME: OptionDef = {
  flags: "--wallet-name <name>",
  aliases: ["--name", "--wallet_name", "--wallet.name"],
  env: "BT_WALLET_NAME",
  config: "wallet_name",
  default: "default",
  description: "name of the wallet (a directory under the wallet path)",
};

export const WALLET_PATH: OptionDef = {
  flags: "-p, --wallet-path <path>",
  aliases: ["--wallet_path", "--wallet.path"],
  env: "BT_WALLET_PATH",
  config: "wallet_path",
  default: "~/.bittensor/wallets",
  description: "directory that holds the wallets",
};

export const HOTKEY: OptionDef = {
  flags: "-H, --hotkey <name>",
  aliases: ["--wallet-hotkey", "--wallet_hotkey", "--wallet.hotkey"],
  env: "BT_WALLET_HOTKEY",
  config: "wallet_hotkey",
  default: "default",
  description: "name of the hotkey",
};

export const JSON_OUTPUT: OptionDef = {
  flags: "--json",
  aliases: ["--json-output", "--json-out"],
  description: "print one JSON document on stdout and nothing else",
};

export const QUIET: OptionDef = {
  flags: "--quiet",
  description: "only results and errors: no progress, spinners or notes on stderr",
};

export const VERBOSE: OptionDef = {
  flags: "--verbose",
  description: "more detail, including stack traces on errors",
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

export const DECLINE: OptionDef = {
  flags: "--no",
  description: "answer no to every confirmation (shows what would be done, does nothing)",
};

// Chain options: every command that talks to a node takes NETWORK; every one that submits takes SUBMIT.
export const NETWORK: OptionDef = {
  flags: "--network <network>",
  aliases: ["--subtensor.network", "--chain", "--subtensor.chain_endpoint"],
  env: "BT_SUBTENSOR_NETWORK",
  config: "network",
  // btcli defaults to finney; this CLI talks to OpenTAO nodes, so it defaults to the local one.
  default: "local",
  description:
    "network name (local, finney, test, archive, latent-lite, rao, dev) or a ws:// / wss:// URL; give it again for fallbacks, tried in turn",
  repeatable: true,
};

export const WAIT_FOR_INCLUSION: OptionDef = {
  flags: "--wait-for-inclusion",
  aliases: ["--wait_for_inclusion"],
  negate: { flags: "--no-wait-for-inclusion", aliases: ["--no_wait_for_inclusion"] },
  default: true,
  description: "wait until the transaction is in a block",
};

export const WAIT_FOR_FINALIZATION: OptionDef = {
  flags: "--wait-for-finalization",
  aliases: ["--wait_for_finalization"],
  negate: { flags: "--no-wait-for-finalization", aliases: ["--no_wait_for_finalization"] },
  default: true,
  description: "wait until the transaction's block is finalized",
};

export const PERIOD: OptionDef = {
  flags: "--period <blocks>",
  aliases: ["--era"],
  default: "16",
  description: "blocks for which the transaction stays valid",
};

export const SUBMIT_OPTIONS: readonly OptionDef[] = [
  WAIT_FOR_INCLUSION,
  WAIT_FOR_FINALIZATION,
  PERIOD,
  DECLINE,
];

export const NETUID: OptionDef = {
  flags: "--netuid <netuid>",
  description: "the subnet's netuid, e.g. 1",
};
