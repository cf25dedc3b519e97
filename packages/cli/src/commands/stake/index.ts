import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { HOTKEY, NETUID, NETWORK, SUBMIT_OPTIONS, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import {
  ALL_HOTKEYS,
  ALL_NETUIDS,
  AMOUNT,
  AUTO_STAKE_HOTKEY,
  CHILD_HOTKEY,
  CHILDREN,
  CLAIM_TYPE,
  COLDKEY_SS58,
  DEST_COLDKEY,
  DEST_HOTKEY,
  DEST_NETUID,
  EXCLUDE_HOTKEYS,
  INCLUDE_HOTKEYS,
  MOVE_ALL,
  NETUIDS,
  ORIGIN_HOTKEY,
  ORIGIN_NETUID,
  PARTIAL,
  PROPORTIONS,
  SAFE,
  STAKE_ALL_TOKENS,
  SWAP_DEST_NETUID,
  SWAP_ORIGIN_NETUID,
  TAKE,
  TOLERANCE,
  UNSTAKE_ALL,
  UNSTAKE_ALL_ALPHA,
} from "./options.js";

const WALLET = [WALLET_NAME, WALLET_PATH, HOTKEY];
const SAFETY = [SAFE, TOLERANCE, PARTIAL];
const HOTKEYS = [INCLUDE_HOTKEYS, EXCLUDE_HOTKEYS, ALL_HOTKEYS];

type Module<M> = () => Promise<M>;
const from =
  <M, K extends keyof M>(load: Module<M>, name: K) =>
  () =>
    load().then((m) => m[name]) as never;
const addRemove = () => import("./add-remove.js");
const moves = () => import("./move.js");
const children = () => import("./children.js");
const claims = () => import("./claim.js");
const autoStake = () => import("./auto.js");

export function registerStake(program: Command): void {
  const stake = program
    .command("stake")
    .alias("st")
    .summary("stake TAO to hotkeys, unstake, move stake; child hotkeys and root claims")
    .description("Staking is a swap through the subnet's pool: TAO in, alpha out (root stake is TAO 1:1).");

  defineCommand(stake, {
    name: "add",
    summary: "stake TAO from the coldkey to hotkeys on subnets",
    options: [
      ...WALLET,
      AMOUNT,
      STAKE_ALL_TOKENS,
      NETUIDS,
      ALL_NETUIDS,
      ...HOTKEYS,
      ...SAFETY,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: from(addRemove, "add"),
    examples: [
      "tao stake add --amount 100 --netuid 1 --safe --tolerance 0.1 --no-partial",
      "tao stake add --amount 300 --netuid 1 --unsafe",
      "tao stake add --amount 100 --netuids 4,5,6 --include-hotkeys 5Grw…,5FHn…",
      "tao stake add --all --netuid 3 -y --json",
    ],
  });
  defineCommand(stake, {
    name: "remove",
    summary: "unstake alpha back to TAO",
    options: [
      ...WALLET,
      AMOUNT,
      UNSTAKE_ALL,
      UNSTAKE_ALL_ALPHA,
      NETUIDS,
      ALL_NETUIDS,
      ...HOTKEYS,
      ...SAFETY,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: from(addRemove, "remove"),
    examples: [
      "tao stake remove --amount 10 --netuid 1",
      "tao stake remove --all",
      "tao stake remove --all-alpha",
    ],
  });
  defineCommand(stake, {
    name: "list",
    summary: "a coldkey's stake on every hotkey and subnet, with its TAO value",
    options: [WALLET_NAME, WALLET_PATH, COLDKEY_SS58, NETWORK],
    action: from(() => import("./list.js"), "list"),
    examples: ["tao stake list --wallet-name alice", "tao stake list --ss58 5Grw… --json"],
  });
  defineCommand(stake, {
    name: "move",
    summary: "move stake to another hotkey and/or subnet, same coldkey",
    options: [
      ...WALLET,
      ORIGIN_HOTKEY,
      ORIGIN_NETUID,
      DEST_NETUID,
      DEST_HOTKEY,
      AMOUNT,
      MOVE_ALL,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: from(moves, "move"),
    examples: ["tao stake move --origin-netuid 1 --dest-netuid 2 --dest-ss58 5F… --amount 5"],
  });
  defineCommand(stake, {
    name: "transfer",
    summary: "give stake to another coldkey (same hotkey), optionally to another subnet",
    options: [
      ...WALLET,
      ORIGIN_HOTKEY,
      ORIGIN_NETUID,
      DEST_NETUID,
      DEST_COLDKEY,
      AMOUNT,
      MOVE_ALL,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: from(moves, "transfer"),
    examples: ["tao stake transfer --origin-netuid 1 --dest-netuid 1 --dest-coldkey 5F… --amount 5"],
  });
  defineCommand(stake, {
    name: "swap",
    summary: "swap stake from one subnet to another (same hotkey and coldkey)",
    options: [
      ...WALLET,
      ORIGIN_HOTKEY,
      SWAP_ORIGIN_NETUID,
      SWAP_DEST_NETUID,
      AMOUNT,
      MOVE_ALL,
      ...SAFETY,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: from(moves, "swap"),
    examples: [
      "tao stake swap --origin-netuid 1 --dest-netuid 2 --amount 5 --safe --tolerance 0.05 --partial",
    ],
  });
  defineCommand(stake, {
    name: "set-claim",
    summary: "how root dividends are claimed: Swap (to root stake) or Keep (as alpha)",
    options: [WALLET_NAME, WALLET_PATH, CLAIM_TYPE, NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: from(claims, "setClaim"),
    examples: [
      "tao stake set-claim --claim-type Keep",
      "tao stake set-claim --claim-type Keep --netuids 1,2",
    ],
  });
  defineCommand(stake, {
    name: "process-claim",
    summary: "claim root dividends now (claim_root), up to 5 subnets",
    options: [WALLET_NAME, WALLET_PATH, NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: from(claims, "processClaim"),
    examples: ["tao stake process-claim", "tao stake process-claim --netuids 1,2"],
  });

  defineCommand(stake, {
    name: "auto",
    summary: "show the hotkey a coldkey's miner incentive is staked to on each subnet",
    options: [WALLET_NAME, WALLET_PATH, COLDKEY_SS58, NETWORK],
    action: from(autoStake, "auto"),
    examples: ["tao stake auto", "tao stake auto --ss58 5Grw… --json"],
  });
  defineCommand(stake, {
    name: "set-auto",
    summary: "stake this coldkey's miner incentive on a subnet to another registered hotkey",
    options: [WALLET_NAME, WALLET_PATH, NETUID, AUTO_STAKE_HOTKEY, NETWORK, ...SUBMIT_OPTIONS],
    action: from(autoStake, "setAuto"),
    examples: [
      "tao stake set-auto --netuid 1 --hotkey-ss58 5FHn…",
      "tao stake set-auto --netuid 1 --hotkey-ss58 5FHn… -y --json",
    ],
  });

  const child = stake.command("child").alias("children").summary("child hotkeys: get, set, revoke, take");
  defineCommand(child, {
    name: "get",
    summary: "a hotkey's children, parents, pending changes and childkey take",
    options: [...WALLET, NETUIDS, ALL_NETUIDS, NETWORK],
    action: from(children, "get"),
  });
  defineCommand(child, {
    name: "set",
    summary: "set a hotkey's children and their proportions (applied after the cooldown)",
    options: [...WALLET, CHILDREN, PROPORTIONS, NETUIDS, ALL_NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: from(children, "set"),
    examples: ["tao stake child set --netuid 1 --children 5F…,5G… --proportions 0.3,0.7"],
  });
  defineCommand(child, {
    name: "revoke",
    summary: "remove every child of a hotkey",
    options: [...WALLET, NETUIDS, ALL_NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: from(children, "revoke"),
  });
  defineCommand(child, {
    name: "take",
    summary: "read or set a child hotkey's take (0 to 0.18)",
    options: [...WALLET, CHILD_HOTKEY, TAKE, NETUIDS, ALL_NETUIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: from(children, "take"),
    examples: ["tao stake child take --netuid 1", "tao stake child take --netuid 1 --take 0.09"],
  });
}
