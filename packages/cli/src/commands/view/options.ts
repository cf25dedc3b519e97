import type { OptionDef } from "../../options.js";

// btcli's `view dashboard` flags and spellings (cli.py view_dashboard), no more.
export const COLDKEY_SS58: OptionDef = {
  flags: "--coldkey-ss58 <address>",
  aliases: ["--ss58"],
  description: "show this coldkey address instead of a wallet's (no wallet needed)",
};

export const SAVE_FILE: OptionDef = {
  flags: "--save-file",
  aliases: ["--save"],
  default: false,
  description: "keep the page in the dashboard path below (otherwise it goes to the system's temp directory)",
};

export const DASHBOARD_PATH: OptionDef = {
  flags: "--dashboard-path <dir>",
  aliases: ["--dashboard_path", "--dash_path", "--dash.path", "--dashboard.path"],
  config: "dashboard_path",
  default: "~/.bittensor/dashboard",
  description: "the directory where a saved page goes",
};

export const USE_WRY: OptionDef = {
  flags: "--use-wry",
  aliases: ["--html"],
  description: "open the page in a browser window (what happens anyway unless the page is saved)",
};
