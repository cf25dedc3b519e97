import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { HOTKEY, NETWORK, SUBMIT_OPTIONS, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import { SAFE, TOLERANCE } from "../stake/options.js";
import { BURN_AMOUNT, BURN_HOTKEY, MAX_UIDS, NETUID, PARAM, TAKE, VALUE } from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);

export function registerSudo(program: Command): void {
  const sudo = program
    .command("sudo")
    .alias("su")
    .summary("subnet hyperparameters and delegate takes")
    .description(
      "Hyperparameters are set through AdminUtils by the subnet owner, or by the sudo key for root-only ones.",
    );
  defineCommand(sudo, {
    name: "set",
    summary: "set a subnet hyperparameter (owner, or sudo for root-only ones)",
    options: [WALLET_NAME, WALLET_PATH, NETUID, PARAM, VALUE, NETWORK, ...SUBMIT_OPTIONS],
    action: load("set"),
    examples: [
      "tao sudo set --netuid 1 --param tempo --value 100",
      "tao sudo set --netuid 1 --param alpha_values --value 45875,58982",
    ],
  });
  defineCommand(sudo, {
    name: "get",
    summary: "a subnet's hyperparameters",
    options: [NETUID, NETWORK],
    action: load("get"),
    examples: ["tao sudo get --netuid 1 --json"],
  });
  defineCommand(sudo, {
    name: "set-take",
    aliases: ["set_take"],
    summary: "set the wallet hotkey's delegate take (0 to 0.18)",
    options: [WALLET_NAME, WALLET_PATH, HOTKEY, TAKE, NETWORK, ...SUBMIT_OPTIONS],
    action: load("setTake"),
    examples: ["tao sudo set-take --wallet-name alice --take 0.1"],
  });
  defineCommand(sudo, {
    name: "get-take",
    aliases: ["get_take"],
    summary: "the wallet hotkey's delegate take",
    options: [WALLET_NAME, WALLET_PATH, HOTKEY, NETWORK],
    action: load("getTake"),
  });
  defineCommand(sudo, {
    name: "trim",
    summary: "lower a subnet's MaxAllowedUids, dropping the lowest-emission neurons that are not immune",
    options: [WALLET_NAME, WALLET_PATH, HOTKEY, NETUID, MAX_UIDS, NETWORK, ...SUBMIT_OPTIONS],
    action: () => import("./trim.js").then((m) => m.trim),
    examples: ["tao sudo trim --netuid 1 --max 64", "tao sudo trim --netuid 1 --max 64 -y --json"],
  });
  defineCommand(sudo, {
    name: "stake-burn",
    aliases: ["buyback"],
    summary: "buy back a subnet's alpha with TAO and burn it (add_stake_burn)",
    options: [
      WALLET_NAME,
      WALLET_PATH,
      BURN_HOTKEY,
      NETUID,
      BURN_AMOUNT,
      SAFE,
      TOLERANCE,
      NETWORK,
      ...SUBMIT_OPTIONS,
    ],
    action: () => import("./stake-burn.js").then((m) => m.stakeBurn),
    examples: [
      "tao sudo stake-burn --netuid 14 --amount 10",
      "tao sudo stake-burn --netuid 14 --amount 10 --tolerance 0.05",
      "tao sudo stake-burn --netuid 14 --amount 10 --hotkey 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty -y --json",
    ],
  });
}
