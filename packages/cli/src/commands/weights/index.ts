import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { HOTKEY, NETUID, NETWORK, SUBMIT_OPTIONS, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import { SALT, UIDS, WEIGHTS } from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);
const COMMON = [WALLET_NAME, WALLET_PATH, HOTKEY, NETUID, UIDS, WEIGHTS];

export function registerWeights(program: Command): void {
  const weights = program
    .command("weights")
    .aliases(["wt", "weight"])
    .summary("set, commit and reveal a validator's weights");
  defineCommand(weights, {
    name: "set",
    summary: "set weights directly (subnets with commit-reveal off)",
    options: [...COMMON, NETWORK, ...SUBMIT_OPTIONS],
    action: load("set"),
    examples: ["tao weights set --netuid 1 --uids 0,1 --weights 0.7,0.3 --wallet-name v --hotkey v"],
  });
  defineCommand(weights, {
    name: "commit",
    summary: "commit the hash of weights (subnets with commit-reveal on)",
    options: [...COMMON, SALT, NETWORK, ...SUBMIT_OPTIONS],
    action: load("commit"),
    examples: ["tao weights commit --netuid 1 --uids 0,1 --weights 0.5,0.5 --salt 1,2,3"],
  });
  defineCommand(weights, {
    name: "reveal",
    summary: "reveal committed weights in the reveal epoch",
    options: [...COMMON, SALT, NETWORK, ...SUBMIT_OPTIONS],
    action: load("reveal"),
    examples: ["tao weights reveal --netuid 1 --uids 0,1 --weights 0.5,0.5 --salt 1,2,3"],
  });
}
