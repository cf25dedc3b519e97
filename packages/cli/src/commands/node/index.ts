import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { BASE_PATH } from "./options.js";

const load = (name: keyof typeof import("./actions.js")) => () => import("./actions.js").then((m) => m[name]);

export function registerNode(program: Command): void {
  const node = program
    .command("node")
    .summary("the chain node: check a stored chain")
    .description(
      "The OpenTAO node keeps its chain in an lmdb database under --base-path: blocks, events, the state " +
        "and its Merkle trie. The devnet (`tao node --dev`) arrives with Node II.",
    );

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
