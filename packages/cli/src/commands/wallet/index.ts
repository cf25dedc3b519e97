import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import {
  HOTKEY,
  N_WORDS,
  NETUID,
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
  ALL_NETUIDS,
  ALL_WALLETS,
  ALLOW_DEATH,
  AMOUNT,
  BALANCE_ALL,
  CHAIN_IDENTITY,
  COLDKEY_SS58,
  DESTINATION,
  JSON_FILE,
  JSON_PASSWORD,
  MESSAGE,
  MNEMONIC,
  NETUIDS_FILTER,
  NEW_COLDKEY,
  PUBLIC_KEY_HEX,
  SEED,
  SIGNATURE,
  SORT_BALANCE,
  SS58,
  SS58_LIST,
  SWAP_CHECK_SS58,
  TRANSFER_ALL,
  USE_HOTKEY,
  WALLET_FILTER,
} from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);
const keys = (name: keyof typeof import("./key-actions.js")) => () =>
  import("./key-actions.js").then((m) => m[name]);
const onChain = (name: keyof typeof import("./chain-actions.js")) => () =>
  import("./chain-actions.js").then((m) => m[name]);

const WALLET = [WALLET_NAME, WALLET_PATH];

export function registerWallet(program: Command): void {
  const wallet = program
    .command("wallet")
    .aliases(["w", "wallets"])
    .summary("wallets and their keys; balances, transfers, identities and key swaps on chain")
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
  defineCommand(wallet, {
    name: "overview",
    summary: "the wallet's neurons on every subnet: stake, incentive, dividends, emission, axon",
    options: [...WALLET, ALL_WALLETS, NETUIDS_FILTER, NETWORK],
    action: onChain("overview"),
  });
  defineCommand(wallet, {
    name: "swap-hotkey",
    aliases: ["swap_hotkey"],
    summary: "move the hotkey's registrations and stake to another hotkey of this wallet",
    arguments: [{ name: "destination_hotkey_name", description: "the new hotkey's name in this wallet" }],
    options: [...WALLET, HOTKEY, NETUID, ALL_NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: keys("swapHotkey"),
    examples: ["tao wallet swap-hotkey new_hotkey --wallet-name w --hotkey old_hotkey"],
  });
  defineCommand(wallet, {
    name: "swap-coldkey",
    aliases: ["swap_coldkey"],
    summary:
      "swap the coldkey in two steps: announce, then execute after the delay (also dispute, clear, check)",
    arguments: [{ name: "action", description: "announce, execute, dispute, clear or check" }],
    options: [...WALLET, NEW_COLDKEY, NETWORK, ...SUBMIT_OPTIONS],
    action: keys("swapColdkey"),
    examples: [
      "tao wallet swap-coldkey announce --new-coldkey 5Dk…",
      "tao wallet swap-coldkey execute --new-coldkey 5Dk…",
    ],
  });
  defineCommand(wallet, {
    name: "swap-check",
    aliases: ["swap_check", "check-swap"],
    summary: "pending coldkey swap announcements of a wallet, every wallet (--all) or an address",
    options: [WALLET_NAME, WALLET_PATH, SWAP_CHECK_SS58, ALL_WALLETS, NETWORK],
    action: keys("swapCheck"),
  });
  defineCommand(wallet, {
    name: "associate-hotkey",
    aliases: ["associate_hotkey"],
    summary: "associate a hotkey (a name in this wallet or an address) with the coldkey",
    options: [...WALLET, HOTKEY, NETWORK, ...SUBMIT_OPTIONS],
    action: keys("associateHotkey"),
  });
  defineCommand(wallet, {
    name: "set-identity",
    aliases: ["set_identity", "set-id"],
    summary: "set the coldkey's on-chain identity; fields not given keep their value",
    options: [...WALLET, ...CHAIN_IDENTITY.map((i) => i.def), NETWORK, ...SUBMIT_OPTIONS],
    action: keys("setIdentity"),
  });
  defineCommand(wallet, {
    name: "get-identity",
    aliases: ["get_identity", "get-id"],
    summary: "the on-chain identity of the wallet's coldkey or of an address",
    options: [...WALLET, COLDKEY_SS58, NETWORK],
    action: keys("getIdentity"),
  });
}
