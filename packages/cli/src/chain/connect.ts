import type { Preset } from "@opentao/runtime";
import { ChainClient } from "@opentao/sdk";
import type { CommandContext } from "../command.js";
import { NETWORK } from "../common-options.js";
import { CliError, EXIT, usageError } from "../errors.js";
import { chainPreset } from "./constants.js";
import { NETWORKS, type Network, resolveNetwork } from "./network.js";

/** A connected node and the network it was chosen as. */
export interface Chain {
  client: ChainClient;
  network: Network;
  /** The chain's constants: fees, existential deposit, key swap cost, pool limits. */
  preset: Preset;
}

/** The --network option(s) (flags > BT_SUBTENSOR_NETWORK > config `network` > local), resolved, in the order to try. */
export function chosenNetworks(ctx: CommandContext): Network[] {
  const given = ctx.list(NETWORK);
  return (given.length > 0 ? given : [ctx.string(NETWORK)!]).map((text) => {
    const network = resolveNetwork(text);
    if (!network) {
      throw usageError(
        `--network "${text}" is neither a known network nor a ws:// URL`,
        `use one of ${Object.keys(NETWORKS).join(", ")}, or a URL such as ws://127.0.0.1:9944`,
      );
    }
    return network;
  });
}

/** Connects to the first chosen network that answers, runs `fn`, and always closes the connection. */
export async function withChain<T>(ctx: CommandContext, fn: (chain: Chain) => Promise<T>): Promise<T> {
  const networks = chosenNetworks(ctx);
  const failures: string[] = [];
  for (const network of networks) {
    const stop = ctx.ui.busy(`Connecting to ${network.name}…`);
    let client: ChainClient;
    try {
      client = await ChainClient.connect(network.url, { reconnect: false });
    } catch (e) {
      failures.push(`${place(network)}: ${(e as Error).message}`);
      if (network !== networks.at(-1))
        ctx.ui.note(`Cannot reach ${place(network)}; trying the next --network.`);
      continue;
    } finally {
      stop();
    }
    try {
      return await fn({ client, network, preset: await chainPreset(client) });
    } finally {
      await client.close();
    }
  }
  const local = networks.some((n) => n.name === "local");
  throw new CliError(
    failures.length === 1
      ? `cannot reach ${failures[0]}`
      : `cannot reach any of the ${failures.length} networks given:\n  ${failures.join("\n  ")}`,
    EXIT.unavailable,
    local
      ? "start a local node with `tao node --dev`, or choose another with --network"
      : "check the address and your connection, or choose another with --network",
  );
}

const place = (network: Network) =>
  `${network.name === network.url ? "the node" : `the ${network.name} network`} at ${network.url}`;
