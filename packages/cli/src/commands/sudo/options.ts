import { HOTKEY } from "../../common-options.js";
import type { OptionDef } from "../../options.js";

export const NETUID: OptionDef = { flags: "--netuid <netuid>", description: "the subnet, e.g. 1" };
export const PARAM: OptionDef = {
  flags: "--param <name>",
  aliases: ["--parameter"],
  description: "the hyperparameter's btcli name, e.g. tempo, weights_rate_limit (see `tao sudo get`)",
};
export const VALUE: OptionDef = {
  flags: "--value <value>",
  description: "the new value: a whole number, true/false, or for alpha_values LOW,HIGH",
};
export const TAKE: OptionDef = {
  flags: "--take <fraction>",
  description: "the delegate take as a fraction from 0 to 0.18, e.g. 0.09 (9 %)",
};
export const MAX_UIDS: OptionDef = {
  flags: "--max <n>",
  aliases: ["--max-uids"],
  description: "the subnet's new MaxAllowedUids; neurons above it are trimmed, lowest emission first",
};
/** btcli's stake-burn takes a hotkey name of the wallet or any hotkey's SS58 address. */
export const BURN_HOTKEY: OptionDef = {
  ...HOTKEY,
  aliases: [...(HOTKEY.aliases ?? []), "--hotkey-ss58", "--wallet-hotkey-ss58", "--wallet_hotkey_ss58"],
  description: "the hotkey to stake to and burn from: a hotkey name of the wallet or an SS58 address",
};
export const BURN_AMOUNT: OptionDef = {
  flags: "-a, --amount <amount>",
  description: "the TAO to stake and burn, e.g. 10",
};
