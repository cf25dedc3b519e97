// `tao view dashboard`: one HTML page with the coldkey's balance and stake and every subnet's pool and
// neurons, read at one block. btcli opens it in a browser; here only at a terminal, and the path is
// always printed.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { accessSync, constants, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cryptoReady } from "@opentao/primitives";
import { expandPath } from "@opentao/sdk";
import { money } from "../../amount.js";
import { withChain } from "../../chain/connect.js";
import type { Action, CommandContext } from "../../command.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { coldkeypub, openWallet } from "../../wallet-access.js";
import { alphaJson, asAddress } from "../stake/shared.js";
import { type DashboardData, gatherDashboard } from "./data.js";
import { COLDKEY_SS58, DASHBOARD_PATH, SAVE_FILE, USE_WRY } from "./options.js";
import { renderDashboard } from "./render.js";
import { slippagePercent } from "./slippage.js";

export const dashboard: Action = async (ctx) => {
  await cryptoReady();
  const save = ctx.boolean(SAVE_FILE) === true;
  if (save && ctx.boolean(USE_WRY) === true) {
    throw usageError(
      "Cannot save file when using browser output.",
      "give --use-wry or --save-file, not both",
    );
  }
  const { coldkey, name } = await whose(ctx);
  const dir = save ? writableDir(ctx.string(DASHBOARD_PATH)!) : tmpdir();
  await withChain(ctx, async (chain) => {
    const stop = ctx.ui.busy("Fetching data...");
    const data = await gatherDashboard(chain, coldkey, name).finally(stop);
    const path = writePage(dir, `${name}_${data.block}_`, renderDashboard(data));
    const open = !ctx.ui.json && process.stdout.isTTY === true;
    if (open) openInBrowser(path);
    ctx.ui.result({ path, ...dashboardJson(data) }, () => {
      if (open) ctx.ui.success("Opening the dashboard in your browser.");
      ctx.ui.say(`The HTML file is saved at: ${path}`);
    });
  });
};

/** The coldkey to show: --coldkey-ss58 (named by its first 7 characters, as btcli), else the wallet's. */
async function whose(ctx: CommandContext): Promise<{ coldkey: string; name: string }> {
  const given = ctx.string(COLDKEY_SS58);
  if (given !== undefined) {
    const coldkey = asAddress(given);
    if (!coldkey) throw usageError(`Invalid SS58 address: ${given}`, "give --coldkey-ss58 an SS58 address");
    return { coldkey, name: coldkey.slice(0, 7) };
  }
  const wallet = openWallet(ctx);
  return { coldkey: (await coldkeypub(wallet)).ss58Address, name: wallet.name };
}

/** The --dashboard-path directory, created if missing; checked before any chain read. */
function writableDir(given: string): string {
  const dir = expandPath(given);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw usageError(
      `--dashboard-path ${dir} is not a directory the dashboard can be written to (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      "give a writable directory with --dashboard-path, or set one with `tao config set --dashboard-path DIR`",
    );
  }
  return dir;
}

/** `<prefix><random>.html`, created new (never overwriting) and readable by its owner only, like btcli's temp file. */
function writePage(dir: string, prefix: string, page: string): string {
  const path = join(dir, `${prefix}${randomBytes(4).toString("hex")}.html`);
  try {
    writeFileSync(path, page, { flag: "wx", mode: 0o600 });
  } catch (e) {
    throw new CliError(`cannot write ${path}: ${(e as Error).message}`, EXIT.failed);
  }
  return path;
}

/** Hands the file to the desktop's opener, detached; a missing opener is no error (the path is printed). */
function openInBrowser(path: string): void {
  const [command, args] =
    process.platform === "darwin"
      ? ["open", [path]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", path]]
        : ["xdg-open", [path]];
  try {
    const child = spawn(command, args, { detached: true, stdio: "ignore" });
    child.on("error", () => {});
    child.unref();
  } catch {
    // The path is printed either way.
  }
}

function dashboardJson(data: DashboardData) {
  const symbol = new Map(data.subnets.map((s) => [s.netuid, s.symbol]));
  return {
    network: data.network,
    block: data.block,
    name: data.walletName,
    identity: data.identity,
    coldkey: data.coldkey,
    free: money(data.free),
    total_value: money(data.totalValue),
    total_value_after_slippage: money(data.totalValueAfterSlippage),
    slippage_percent: slippagePercent(data.totalValue, data.totalValueAfterSlippage),
    subnets: data.subnets.map((s) => ({
      netuid: s.netuid,
      name: s.name,
      symbol: s.symbol,
      price: money(s.price),
      market_cap: money(s.marketCap),
      emission: money(s.emission),
      total_stake: alphaJson(s.totalStake, s.symbol),
      neurons: s.neurons.length,
    })),
    stakes: data.stakes.map((s) => ({
      hotkey: s.hotkey,
      netuid: s.netuid,
      stake: alphaJson(s.alpha, symbol.get(s.netuid) ?? "α"),
      value: money(s.value),
      value_after_slippage: money(s.valueAfterSlippage),
      slippage_percent: slippagePercent(s.value, s.valueAfterSlippage),
    })),
  };
}
