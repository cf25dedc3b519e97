import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import {
  HOTKEY,
  N_WORDS,
  NETWORK,
  OVERWRITE,
  SUBMIT_OPTIONS,
  URI,
  usePassword,
  WALLET_NAME,
  WALLET_PATH,
} from "../../common-options.js";
import {
  ADDRESS,
  ALLOW_DEATH,
  AMOUNT,
  BALANCE_ALL,
  DESTINATION,
  JSON_FILE,
  JSON_PASSWORD,
  MESSAGE,
  MNEMONIC,
  PUBLIC_KEY_HEX,
  SEED,
  SIGNATURE,
  SORT_BALANCE,
  SS58,
  SS58_LIST,
  TRANSFER_ALL,
  USE_HOTKEY,
  WALLET_FILTER,
} from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);
const onChain = (name: keyof typeof import("./chain-actions.js")) => () =>
  import("./chain-actions.js").then((m) => m[name]);

const WALLET = [WALLET_NAME, WALLET_PATH];

export function registerWallet(program: Command): void {
  const wallet = program
    .command("wallet")
    .aliases(["w", "wallets"])
    .summary("create, restore and list wallets; sign and verify messages")
    .description(
      "Wallets in btcli's format: <wallet-path>/<name>/coldkey, coldkeypub.txt and hotkeys/<hotkey>.",
    );

  defineCommand(wallet, {
    name: "list",
    summary: "list wallets with their coldkey and hotkey addresses",
    options: [WALLET_PATH, WALLET_FILTER],
    action: load("list"),
    examples: ["tao wallet list", "tao wallet list --wallet-path /tmp/wallets --json"],
  });
  defineCommand(wallet, {
    name: "create",
    summary: "create a new coldkey and hotkey",
    options: [...WALLET, HOTKEY, N_WORDS, usePassword(true), URI, OVERWRITE],
    action: load("create"),
    examples: [
      "tao wallet create --wallet-name alice --uri alice --no-use-password",
      "tao wallet create --n-words 24",
    ],
  });
  defineCommand(wallet, {
    name: "new-coldkey",
    aliases: ["new_coldkey"],
    summary: "create a new coldkey",
    options: [...WALLET, N_WORDS, usePassword(true), URI, OVERWRITE],
    action: load("newColdkey"),
  });
  defineCommand(wallet, {
    name: "new-hotkey",
    aliases: ["new_hotkey"],
    summary: "create a new hotkey",
    options: [...WALLET, HOTKEY, N_WORDS, usePassword(false), URI, OVERWRITE],
    action: load("newHotkey"),
  });
  defineCommand(wallet, {
    name: "regen-coldkey",
    aliases: ["regen_coldkey"],
    summary: "restore a coldkey from its mnemonic, seed or a polkadot-js JSON backup",
    options: [...WALLET, MNEMONIC, SEED, JSON_FILE, JSON_PASSWORD, usePassword(true), OVERWRITE],
    action: load("regenColdkey"),
    examples: [
      'tao wallet regen-coldkey --wallet-name w --mnemonic "word1 … word12" --no-use-password --no-prompt --json',
    ],
  });
  defineCommand(wallet, {
    name: "regen-coldkeypub",
    aliases: ["regen_coldkeypub"],
    summary: "write coldkeypub.txt from an address or public key (a watch-only wallet)",
    options: [...WALLET, SS58, PUBLIC_KEY_HEX, OVERWRITE],
    action: load("regenColdkeypub"),
  });
  defineCommand(wallet, {
    name: "regen-hotkey",
    aliases: ["regen_hotkey"],
    summary: "restore a hotkey from its mnemonic, seed or a polkadot-js JSON backup",
    options: [...WALLET, HOTKEY, MNEMONIC, SEED, JSON_FILE, JSON_PASSWORD, usePassword(false), OVERWRITE],
    action: load("regenHotkey"),
  });
  defineCommand(wallet, {
    name: "regen-hotkeypub",
    aliases: ["regen_hotkeypub"],
    summary: "write <hotkey>pub.txt from an address or public key",
    options: [...WALLET, HOTKEY, SS58, PUBLIC_KEY_HEX, OVERWRITE],
    action: load("regenHotkeypub"),
  });
  defineCommand(wallet, {
    name: "sign",
    summary: "sign a message with the coldkey (or the hotkey)",
    options: [...WALLET, HOTKEY, MESSAGE, USE_HOTKEY],
    action: load("sign"),
    examples: [
      'tao wallet sign --wallet-name w --message "hello"',
      'tao wallet sign --use-hotkey --message "hi" --json',
    ],
  });
  defineCommand(wallet, {
    name: "verify",
    summary: "verify a message's signature",
    options: [MESSAGE, SIGNATURE, ADDRESS],
    action: load("verify"),
    examples: ['tao wallet verify --message "hello" --signature 0x… --address 5Grw…'],
  });
  defineCommand(wallet, {
    name: "balance",
    summary: "free and staked balance of a wallet, every wallet (--all) or given addresses (--ss58)",
    options: [...WALLET, SS58_LIST, BALANCE_ALL, SORT_BALANCE, NETWORK],
    action: onChain("balance"),
    examples: ["tao wallet balance --wallet-name alice", "tao wallet balance --ss58 5Grw… --json"],
  });
  defineCommand(wallet, {
    name: "transfer",
    summary: "send TAO to another coldkey",
    options: [...WALLET, DESTINATION, AMOUNT, TRANSFER_ALL, ALLOW_DEATH, NETWORK, ...SUBMIT_OPTIONS],
    action: onChain("transfer"),
    examples: [
      "tao wallet transfer --wallet-name alice --dest 5FHn… --amount 1.5",
      "tao wallet transfer --dest 5FHn… --all --no-prompt --json",
    ],
  });
}
