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

/** The --network option (flag > BT_SUBTENSOR_NETWORK > config `network` > local), resolved. */
export function chosenNetwork(ctx: CommandContext): Network {
  const given = ctx.string(NETWORK)!;
  const network = resolveNetwork(given);
  if (!network) {
    throw usageError(
      `--network "${given}" is neither a known network nor a ws:// URL`,
      `use one of ${Object.keys(NETWORKS).join(", ")}, or a URL such as ws://127.0.0.1:9944`,
    );
  }
  return network;
}

/** Connects to the chosen network, runs `fn`, and always closes the connection. */
export async function withChain<T>(ctx: CommandContext, fn: (chain: Chain) => Promise<T>): Promise<T> {
  const network = chosenNetwork(ctx);
  const stop = ctx.ui.busy(`Connecting to ${network.name}…`);
  let client: ChainClient;
  try {
    client = await ChainClient.connect(network.url, { reconnect: false });
  } catch (e) {
    throw new CliError(
      `cannot reach ${network.name === network.url ? "the node" : `the ${network.name} network`} at ${network.url}: ${(e as Error).message}`,
      EXIT.unavailable,
      network.name === "local"
        ? "start a local node with `tao node --dev`, or choose another with --network"
        : "check the address and your connection, or choose another with --network",
    );
  } finally {
    stop();
  }
  try {
    return await fn({ client, network, preset: await chainPreset(client) });
  } finally {
    await client.close();
  }
}
