import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import {
  ACCOUNTS_OUT,
  BASE_PATH,
  BLOCK_TIME,
  DEV,
  EXPLORER,
  GENESIS,
  INSTANT,
  LOG_LEVEL,
  MANUAL,
  RPC_HOST,
  RPC_PORT,
} from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);
const loadStart = () => import("./start.js").then((m) => m.start);

export function registerNode(program: Command): void {
  const node = program
    .command("node")
    .summary("the chain node: run a devnet or a node, check a stored chain")
    .description(
      "The OpenTAO node keeps its chain in an lmdb database under --base-path: blocks, events, the state " +
        "and its Merkle trie. `tao node --dev` starts a devnet in under a second (the `start` command is the default).",
    );

  defineCommand(node, {
    name: "start",
    isDefault: true,
    summary: "run a node with its JSON-RPC server (`tao node --dev` for a devnet)",
    description:
      "Runs the chain with a transaction pool and a JSON-RPC 2.0 server (HTTP and WebSocket on one port). When it " +
      'is ready it prints one JSON line on stdout, {"event":"ready","rpc":"ws://…",…}; logs go to stderr. Blocks come ' +
      "every --block-time ms (interval; stamped with the wall-clock time), as transactions arrive (--instant) or on " +
      "request (--manual, dev_mine); these two stamp each block one slot after its parent, so a run repeats exactly. " +
      "--dev uses the fast preset and the funded dev accounts (public keys!), and serves the dev_* methods. " +
      "Without --base-path the chain lives in memory. SIGINT/SIGTERM stop it cleanly.",
    options: [
      DEV,
      RPC_PORT,
      RPC_HOST,
      BASE_PATH,
      GENESIS,
      BLOCK_TIME,
      INSTANT,
      MANUAL,
      ACCOUNTS_OUT,
      LOG_LEVEL,
      EXPLORER,
    ],
    action: loadStart,
    examples: [
      "tao node --dev",
      "tao node --dev --rpc-port 0 --instant",
      "tao node --dev --explorer",
      "tao node --dev --base-path ~/.opentao/dev --accounts-out accounts.json",
    ],
  });

  defineCommand(node, {
    name: "replay",
    summary: "re-execute the stored chain from genesis and check every state root",
    description:
      "Re-executes every block of the chain at --base-path from its genesis, in memory, checking each header " +
      "(parent, slot, author, seal, extrinsics root) and state root, then compares the stored head state and " +
      "its trie with the result. Exit 1 names the first block or key that disagrees.",
    options: [BASE_PATH],
    action: load("replay"),
    examples: ["tao node replay --base-path ~/.opentao/dev", "tao node replay -d /data/node --json"],
  });
}
