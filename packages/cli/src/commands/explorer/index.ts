import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import { NETWORK } from "../../common-options.js";
import type { OptionDef } from "../../options.js";

export const PORT: OptionDef = {
  flags: "--port <port>",
  default: "8080",
  description: "HTTP port of the page (0 picks a free one)",
};
export const HOST: OptionDef = {
  flags: "--host <address>",
  default: "127.0.0.1",
  description: "interface to listen on (0.0.0.0 for all)",
};

export function registerExplorer(program: Command): void {
  defineCommand(program, {
    name: "explorer",
    summary: "serve the explorer, a web page over a node (blocks, accounts, subnets, metagraphs)",
    description:
      "Serves the explorer's static page over HTTP; the page itself reads the node given by --network through its " +
      'public JSON-RPC WebSocket. When it is ready it prints one JSON line on stdout, {"event":"ready","url":"http://…"}. ' +
      "A dev node can also serve it itself: `tao node --dev --explorer` mounts it at /explorer. SIGINT/SIGTERM stop it.",
    options: [NETWORK, PORT, HOST],
    action: () => import("./serve.js").then((m) => m.serve),
    examples: ["tao explorer", "tao explorer --network ws://127.0.0.1:9944 --port 3000"],
  });
}
