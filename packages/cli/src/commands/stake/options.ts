// btcli's `stake` options (bittensor_cli/cli.py), with its spellings as aliases.
import type { OptionDef } from "../../options.js";

export const AMOUNT: OptionDef = {
  flags: "--amount <amount>",
  description: "the amount: TAO to stake, or alpha of the subnet to unstake or move",
};
export const NETUIDS: OptionDef = {
  flags: "--netuids <netuids...>",
  aliases: ["--netuid", "-n"],
  description: "subnet(s), e.g. --netuid 1 or --netuids 1,2,3",
};
export const NETUID: OptionDef = { flags: "--netuid <netuid>", description: "the subnet, e.g. 1" };
export const ALL_NETUIDS: OptionDef = {
  flags: "--all-netuids",
  aliases: ["--all_netuids", "--allnetuids"],
  description: "every subnet",
};
export const INCLUDE_HOTKEYS: OptionDef = {
  flags: "--include-hotkeys <hotkeys...>",
  aliases: ["--hotkey-ss58-address"],
  description: "hotkeys (names in the wallet or SS58 addresses) to use instead of the wallet's --hotkey",
};
export const EXCLUDE_HOTKEYS: OptionDef = {
  flags: "--exclude-hotkeys <hotkeys...>",
  description: "hotkeys to leave out (with --all-hotkeys)",
};
export const ALL_HOTKEYS: OptionDef = {
  flags: "--all-hotkeys",
  aliases: ["--all_hotkeys"],
  description: "every hotkey of the wallet",
};
export const SAFE: OptionDef = {
  flags: "--safe",
  aliases: ["--safe-staking"],
  negate: { flags: "--no-safe", aliases: ["--unsafe", "--no-safe-staking"] },
  config: "safe_staking",
  default: true,
  description: "refuse (or with --partial, cut) the trade if the price moves past --tolerance",
};
export const TOLERANCE: OptionDef = {
  flags: "--tolerance <fraction>",
  aliases: ["--rate-tolerance", "--limit"],
  config: "rate_tolerance",
  default: "0.005",
  description: "how far the price may move with --safe, as a fraction (0.05 = 5 %)",
};
export const PARTIAL: OptionDef = {
  flags: "--partial",
  aliases: ["--allow-partial-stake", "--allow-partial"],
  negate: { flags: "--no-partial", aliases: ["--no-allow-partial-stake", "--not-partial"] },
  config: "allow_partial_stake",
  default: false,
  description: "with --safe, trade what the tolerance allows instead of refusing",
};
export const STAKE_ALL_TOKENS: OptionDef = {
  flags: "--all",
  aliases: ["--all-tokens"],
  description: "stake all the free TAO of the coldkey (one subnet)",
};
export const UNSTAKE_ALL: OptionDef = {
  flags: "--all",
  aliases: ["--unstake-all"],
  description: "unstake everything (TAO and alpha) from the hotkeys, on every subnet",
};
export const UNSTAKE_ALL_ALPHA: OptionDef = {
  flags: "--all-alpha",
  aliases: ["--unstake-all-alpha"],
  description: "unstake all alpha from the hotkeys and re-stake it on root",
};
export const MOVE_ALL: OptionDef = {
  flags: "--all",
  aliases: ["--stake-all", "--swap-all"],
  description: "move all of the stake",
};
export const ORIGIN_NETUID: OptionDef = {
  flags: "--origin-netuid <netuid>",
  description: "the subnet the stake is on now",
};
export const DEST_NETUID: OptionDef = {
  flags: "--dest-netuid <netuid>",
  description: "the subnet the stake goes to",
};
/** `stake swap` also takes btcli's short spellings. */
export const SWAP_ORIGIN_NETUID: OptionDef = { ...ORIGIN_NETUID, aliases: ["--origin", "-o"] };
export const SWAP_DEST_NETUID: OptionDef = { ...DEST_NETUID, aliases: ["--dest", "-d"] };
export const DEST_HOTKEY: OptionDef = {
  flags: "--dest-ss58 <hotkey>",
  aliases: ["--to", "--dest"],
  description: "the hotkey (SS58, or a hotkey name of the wallet) the stake goes to",
};
export const DEST_COLDKEY: OptionDef = {
  flags: "--dest-coldkey <coldkey>",
  aliases: ["--dest-ss58", "--dest"],
  description: "the coldkey (SS58) that receives the stake",
};
export const ORIGIN_HOTKEY: OptionDef = {
  flags: "--hotkey-ss58 <hotkey>",
  aliases: ["--from", "--wallet-hotkey-ss58", "--wallet_hotkey_ss58"],
  description: "the hotkey (SS58) the stake is on now, instead of the wallet's --hotkey",
};
export const COLDKEY_SS58: OptionDef = {
  flags: "--ss58 <address>",
  aliases: ["--coldkey-ss58", "--coldkey_ss58", "--coldkey.ss58_address"],
  description: "show this coldkey address instead of a wallet's",
};
export const CLAIM_TYPE: OptionDef = {
  flags: "--claim-type <type>",
  aliases: ["--type"],
  description: "Swap (sell root dividends for root stake) or Keep (keep them as alpha)",
};
export const CHILDREN: OptionDef = {
  flags: "--children <hotkeys...>",
  aliases: ["-c"],
  description: "child hotkeys (SS58), e.g. -c 5F…,5G…",
};
export const PROPORTIONS: OptionDef = {
  flags: "--proportions <fractions...>",
  aliases: ["--prop"],
  description: "each child's share of the parent's stake weight, e.g. --prop 0.3,0.7 (sum ≤ 1)",
};
export const CHILD_HOTKEY: OptionDef = {
  flags: "--child-hotkey-ss58 <hotkey>",
  description: "the child hotkey (SS58) whose take to read or set; default: the wallet's hotkey",
};
export const TAKE: OptionDef = {
  flags: "--take <fraction>",
  aliases: ["-t"],
  description: "the take as a fraction, e.g. 0.09 (9 %)",
};
export const AUTO_STAKE_HOTKEY: OptionDef = {
  flags: "--hotkey-ss58 <hotkey>",
  aliases: ["--wallet-hotkey-ss58", "--wallet_hotkey_ss58"],
  description: "the registered hotkey (SS58) the coldkey's miner incentive on --netuid is staked to",
};
