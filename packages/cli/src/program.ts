import { readFileSync } from "node:fs";
import { Command } from "commander";
import { registerAxon } from "./commands/axon/index.js";
import { registerConfig } from "./commands/config/index.js";
import { registerExplorer } from "./commands/explorer/index.js";
import { registerNode } from "./commands/node/index.js";
import { registerSimulate } from "./commands/simulate/index.js";
import { registerStake } from "./commands/stake/index.js";
import { registerSubnets } from "./commands/subnets/index.js";
import { registerSudo } from "./commands/sudo/index.js";
import { registerUtils } from "./commands/utils/index.js";
import { registerView } from "./commands/view/index.js";
import { registerWallet } from "./commands/wallet/index.js";
import { registerWeights } from "./commands/weights/index.js";
import { registerYuma } from "./commands/yuma/index.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

/** The whole command tree. Only definitions live here; each action loads its code when it runs. */
export function buildProgram(): Command {
  const program = new Command("tao")
    .description("OpenTAO: wallets, chain, subnets and Yuma Consensus, in the spirit of btcli")
    .version(version, "-V, --version")
    .option("--commands", "print every group and command with its aliases")
    .showSuggestionAfterError()
    .showHelpAfterError("(add --help for usage)")
    .configureHelp({ sortSubcommands: false, showGlobalOptions: false });
  registerWallet(program);
  registerStake(program);
  registerSudo(program);
  registerYuma(program);
  registerNode(program);
  registerSimulate(program);
  registerConfig(program);
  registerSubnets(program);
  registerWeights(program);
  registerAxon(program);
  registerUtils(program);
  registerExplorer(program);
  registerView(program);
  return program;
}

/** btcli's `--commands`: every group and command with its aliases, as an indented tree. */
export function commandTree(program: Command): string {
  const lines: string[] = [];
  const walk = (cmd: Command, depth: number) => {
    for (const sub of cmd.commands) {
      const aliases = sub.aliases().filter((a) => !a.includes("_"));
      lines.push(`${"  ".repeat(depth)}${sub.name()}${aliases.length ? ` (${aliases.join(", ")})` : ""}`);
      walk(sub, depth + 1);
    }
  };
  walk(program, 0);
  return `${lines.join("\n")}\n`;
}
