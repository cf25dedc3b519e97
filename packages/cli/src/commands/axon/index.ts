import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { HOTKEY, NETUID, NETWORK, SUBMIT_OPTIONS, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import { IP, IP_TYPE, PORT, PROTOCOL } from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);
const COMMON = [WALLET_NAME, WALLET_PATH, HOTKEY, NETUID];

export function registerAxon(program: Command): void {
  const axon = program.command("axon").summary("set or reset where a hotkey's axon is served");
  defineCommand(axon, {
    name: "set",
    summary: "serve the hotkey's axon at an IP and port",
    options: [...COMMON, IP, PORT, IP_TYPE, PROTOCOL, NETWORK, ...SUBMIT_OPTIONS],
    action: load("set"),
    examples: ["tao axon set --netuid 1 --ip 203.0.113.7 --port 8091 --wallet-name m --hotkey m"],
  });
  defineCommand(axon, {
    name: "reset",
    summary: "clear the hotkey's axon (IP 0.0.0.0, port 1)",
    options: [...COMMON, NETWORK, ...SUBMIT_OPTIONS],
    action: load("reset"),
  });
}
