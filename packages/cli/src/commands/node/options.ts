import type { OptionDef } from "../../options.js";

export const BASE_PATH: OptionDef = {
  flags: "-d, --base-path <dir>",
  aliases: ["--base_path"],
  env: "TAO_BASE_PATH",
  description: "directory of the node's database (as Substrate's --base-path)",
};

export const DEV: OptionDef = {
  flags: "--dev",
  description:
    "development chain: fast preset, dev accounts funded (their keys are public), dev_* RPC methods, in memory unless --base-path",
};

export const RPC_PORT: OptionDef = {
  flags: "--rpc-port <port>",
  aliases: ["--rpc_port"],
  env: "TAO_RPC_PORT",
  default: "9944",
  description: "port of the JSON-RPC server, HTTP and WebSocket alike (0 picks a free port)",
};

export const RPC_HOST: OptionDef = {
  flags: "--rpc-host <address>",
  env: "TAO_RPC_HOST",
  default: "127.0.0.1",
  description: "interface the RPC server listens on (0.0.0.0 for all; --rpc-external in Substrate)",
};

export const BLOCK_TIME: OptionDef = {
  flags: "--block-time <ms>",
  description: "interval mode: a block every MS milliseconds (default 250 with --dev)",
};

export const INSTANT: OptionDef = {
  flags: "--instant",
  description: "instant mode: a block as soon as transactions arrive (those arriving together share one)",
};

export const MANUAL: OptionDef = {
  flags: "--manual",
  description: "manual mode: blocks only on request (dev_mine)",
};

export const ACCOUNTS_OUT: OptionDef = {
  flags: "--accounts-out <file>",
  description: "write the funded dev accounts (names, URIs, addresses) to FILE as JSON",
};

export const LOG_LEVEL: OptionDef = {
  flags: "--log-level <level>",
  env: "TAO_LOG",
  default: "info",
  description: "debug, info, warn or error (logs go to stderr)",
};

export const GENESIS: OptionDef = {
  flags: "--genesis <file>",
  description:
    'genesis of a new chain as JSON: {"balances":[{"address","free":"rao"}],"sudo","authorities","subnets":[{"owner","hotkey","neurons":[{"coldkey","hotkey"}],"stake":[{"coldkey","hotkey","amount":"rao"}]}],"raw":[{"key","value"}]}; subnets are created by the calls a user would send, paid from the genesis balances (default: the dev genesis)',
};

export const EXPLORER: OptionDef = {
  flags: "--explorer",
  description: "also serve the explorer web page at http://<rpc host>:<rpc port>/explorer/",
};
