import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { NETWORK, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import { COLDKEY_SS58, DASHBOARD_PATH, SAVE_FILE, USE_WRY } from "./options.js";

export function registerView(program: Command): void {
  const view = program
    .command("view")
    .alias("v")
    .summary("an HTML dashboard of a coldkey's stake and the subnets");

  defineCommand(view, {
    name: "dashboard",
    summary: "write an HTML page of the coldkey's balance and stake, every subnet and its neurons",
    description:
      "Reads one block and writes a self-contained HTML page (no scripts, opens offline): the coldkey's free " +
      "balance, its stake per hotkey and subnet with its value before and after slippage, the subnets by " +
      "market cap, and each subnet's neurons. Opens it in the browser at a terminal; prints where it is.",
    options: [WALLET_NAME, WALLET_PATH, COLDKEY_SS58, SAVE_FILE, DASHBOARD_PATH, USE_WRY, NETWORK],
    action: () => import("./dashboard.js").then((m) => m.dashboard),
    examples: [
      "tao view dashboard",
      "tao view dashboard --save-file --dashboard-path ~/dashboards",
      "tao view dashboard --coldkey-ss58 5Grw… --json",
    ],
  });
}
