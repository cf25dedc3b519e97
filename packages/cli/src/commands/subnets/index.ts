import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { HOTKEY, NETUID, NETWORK, SUBMIT_OPTIONS, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import { ALL_NETUIDS, CURRENT_ONLY, NETUIDS, SUBNET_IDENTITY } from "./options.js";

const read = (name: keyof typeof import("./read-actions.js")) => () =>
  import("./read-actions.js").then((m) => m[name]);
const write = (name: keyof typeof import("./write-actions.js")) => () =>
  import("./write-actions.js").then((m) => m[name]);

const WALLET = [WALLET_NAME, WALLET_PATH, HOTKEY];
const IDENTITY = SUBNET_IDENTITY.map((i) => i.def);

export function registerSubnets(program: Command): void {
  const subnets = program
    .command("subnets")
    .aliases(["s", "subnet"])
    .summary("list, inspect, create, register on and start subnets");

  defineCommand(subnets, {
    name: "list",
    summary: "every subnet with its price, pool and emission",
    options: [NETWORK],
    action: read("list"),
    examples: ["tao subnets list", "tao subnets list --json"],
  });
  defineCommand(subnets, {
    name: "show",
    aliases: ["metagraph"],
    summary: "a subnet's neurons (the metagraph); --json gives the whole metagraph",
    options: [NETUID, NETWORK],
    action: read("show"),
    examples: ["tao subnets show --netuid 1", "tao subnets metagraph --netuid 1 --json"],
  });
  defineCommand(subnets, {
    name: "hyperparameters",
    summary: "a subnet's hyperparameters",
    options: [NETUID, NETWORK],
    action: read("hyperparameters"),
  });
  defineCommand(subnets, {
    name: "price",
    summary: "subnet token prices in TAO",
    options: [NETUIDS, ALL_NETUIDS, CURRENT_ONLY, NETWORK],
    action: read("price"),
    examples: ["tao subnets price --netuids 1,2", "tao subnets price --all --json"],
  });
  defineCommand(subnets, {
    name: "burn-cost",
    aliases: ["burn_cost"],
    summary: "the TAO that creating a subnet locks now",
    options: [NETWORK],
    action: read("burnCost"),
  });
  defineCommand(subnets, {
    name: "create",
    summary: "create a subnet owned by this wallet (--json gives its netuid)",
    options: [...WALLET, ...IDENTITY, NETWORK, ...SUBMIT_OPTIONS],
    action: write("create"),
    examples: ['tao subnets create --wallet-name alice --subnet-name "my subnet" --no-prompt --json'],
  });
  defineCommand(subnets, {
    name: "register",
    summary: "register the wallet's hotkey on a subnet by recycling TAO",
    options: [...WALLET, NETUID, NETWORK, ...SUBMIT_OPTIONS],
    action: write("register"),
    examples: ["tao subnets register --netuid 1 --wallet-name alice --hotkey miner"],
  });
  defineCommand(subnets, {
    name: "start",
    summary: "start a subnet's emission schedule (owner only)",
    options: [...WALLET, NETUID, NETWORK, ...SUBMIT_OPTIONS],
    action: write("start"),
  });
  defineCommand(subnets, {
    name: "check-start",
    aliases: ["check_start"],
    summary: "whether and when a subnet can be started",
    options: [NETUID, NETWORK],
    action: read("checkStart"),
  });
  defineCommand(subnets, {
    name: "set-identity",
    aliases: ["set_identity"],
    summary: "set a subnet's identity (owner only); fields not given keep their value",
    options: [...WALLET, NETUID, ...IDENTITY, NETWORK, ...SUBMIT_OPTIONS],
    action: write("setIdentity"),
  });
  defineCommand(subnets, {
    name: "get-identity",
    aliases: ["get_identity"],
    summary: "a subnet's identity",
    options: [NETUID, NETWORK],
    action: read("getIdentity"),
  });
  defineCommand(subnets, {
    name: "set-symbol",
    aliases: ["set_symbol"],
    summary: "change a subnet's token symbol (owner only)",
    arguments: [{ name: "symbol", description: "the new symbol, one of the chain's subnet symbols" }],
    options: [...WALLET, NETUID, NETWORK, ...SUBMIT_OPTIONS],
    action: write("setSymbol"),
  });
}
