// `tao utils latency`: btcli's connection test. For each endpoint: the time to connect, ping and fetch the
// chain head (end to end), one WebSocket ping-pong, and the chain-head request alone, in seconds.
import { ChainClient } from "@opentao/sdk";
import { type Network, resolveNetwork } from "../../chain/network.js";
import type { Action } from "../../command.js";
import { NETWORK } from "../../common-options.js";
import { readConfig } from "../../config-file.js";
import { CliError, EXIT, usageError } from "../../errors.js";
import { stringOption } from "../../options.js";
import { renderTable } from "../../ui/table.js";

interface Latency {
  network: string;
  url: string;
  end_to_end_s: number;
  ping_s: number;
  chain_head_s: number;
}

async function measure(network: Network): Promise<Latency> {
  const start = performance.now();
  const client = await ChainClient.connect(network.url, { reconnect: false });
  try {
    const ping = await client.ping();
    const headStart = performance.now();
    await client.call("chain_getHeader");
    const end = performance.now();
    const s = (ms: number) => Number((ms / 1000).toFixed(6));
    return {
      network: network.name,
      url: network.url,
      end_to_end_s: s(end - start),
      ping_s: s(ping),
      chain_head_s: s(end - headStart),
    };
  } finally {
    await client.close();
  }
}

/** btcli also tries Finney's public lite nodes; an OpenTAO client tests the default network and each --network. */
export const latency: Action = async (ctx) => {
  // The network without flags: environment, then config file, then default.
  const configured = stringOption({}, NETWORK, process.env, readConfig())!;
  const networks: Network[] = [];
  for (const given of [configured, ...ctx.list(NETWORK)]) {
    const network = resolveNetwork(given);
    if (!network)
      throw usageError(
        `network "${given}" is neither a known network nor a websocket endpoint`,
        "give a network name or a URL starting with ws:// or wss://",
      );
    if (!networks.some((n) => n.url === network.url)) networks.push(network);
  }
  const results: Latency[] = [];
  const failures: { network: string; url: string; error: string }[] = [];
  for (const network of networks) {
    const stop = ctx.ui.busy(`Measuring ${network.url}…`);
    try {
      results.push(await measure(network));
    } catch (e) {
      failures.push({ network: network.name, url: network.url, error: (e as Error).message });
      ctx.ui.warn(`Error attempting network ${network.url}: ${(e as Error).message}`);
    } finally {
      stop();
    }
  }
  if (results.length === 0)
    throw new CliError(
      `no network answered (${networks.map((n) => n.url).join(", ")})`,
      EXIT.unavailable,
      "start a local node with `tao node --dev`, or give reachable endpoints with --network",
    );
  results.sort((a, b) => a.end_to_end_s - b.end_to_end_s);
  const fastest = results[0]!;
  const configuredUrl = resolveNetwork(configured)?.url;
  ctx.ui.result({ fastest: fastest.url, results, failures }, () => {
    ctx.ui.say(
      renderTable({
        title: "Connection Latencies (seconds)",
        columns: [
          { header: "Network" },
          { header: "End to End Latency", align: "right" },
          { header: "Single Request Ping", align: "right" },
          { header: "Chain Head Request Latency", align: "right" },
        ],
        rows: results.map((r) => [
          r.url,
          r.end_to_end_s.toFixed(6),
          r.ping_s.toFixed(6),
          r.chain_head_s.toFixed(6),
        ]),
      }),
    );
    ctx.ui.say("lower value is faster");
    if (configuredUrl !== fastest.url)
      ctx.ui.say(
        `The fastest network is ${fastest.url}. You currently have ${configured} selected as your default network.\n` +
          `You can update this with \`tao config set --network ${fastest.url}\``,
      );
  });
};
