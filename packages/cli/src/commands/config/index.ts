import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { CLEAR_ALL, CLEARABLE, SETTABLE } from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);

export function registerConfig(program: Command): void {
  const config = program
    .command("config")
    .aliases(["c", "conf"])
    .summary("defaults for every command: network, wallet, hotkey, …")
    .description(
      "btcli's config file, ~/.bittensor/config.yml (or BTCLI_CONFIG_PATH). Its values apply when neither a flag nor an environment variable gives one.",
    );
  defineCommand(config, {
    name: "set",
    summary: "set config values",
    options: SETTABLE.map((s) => s.def),
    action: load("set"),
    examples: [
      "tao config set --network local --wallet-name alice",
      "tao config set --network ws://10.0.0.5:9944",
    ],
  });
  defineCommand(config, {
    name: "get",
    summary: "show the config",
    options: [],
    action: load("get"),
  });
  defineCommand(config, {
    name: "clear",
    summary: "clear config values",
    options: [...CLEARABLE.map((c) => c.def), CLEAR_ALL],
    action: load("clear"),
    examples: ["tao config clear --network", "tao config clear --all"],
  });
}
