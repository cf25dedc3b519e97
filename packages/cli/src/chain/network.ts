// --network: a name from bittensor's and btcli's settings (client-protocol.md §4.1) or a URL.

export const NETWORKS: Readonly<Record<string, string>> = {
  local: "ws://127.0.0.1:9944",
  finney: "wss://entrypoint-finney.opentensor.ai:443",
  test: "wss://test.finney.opentensor.ai:443",
  archive: "wss://archive.chain.opentensor.ai:443",
  "latent-lite": "wss://lite.sub.latent.to:443",
  rao: "wss://rao.chain.opentensor.ai:443",
  dev: "wss://dev.chain.opentensor.ai:443",
};

export interface Network {
  /** The name to show: the network's name, `local` for a loopback URL, else the URL. */
  name: string;
  url: string;
}

/**
 * A name or URL → the endpoint. As bittensor does: a URL without a scheme gets ws://, a loopback URL is
 * called `local`, and `local` follows BT_SUBTENSOR_CHAIN_ENDPOINT when set.
 */
export function resolveNetwork(given: string, env: NodeJS.ProcessEnv = process.env): Network | undefined {
  const text = given.trim();
  if (text === "local" && env.BT_SUBTENSOR_CHAIN_ENDPOINT)
    return { name: "local", url: withScheme(env.BT_SUBTENSOR_CHAIN_ENDPOINT) };
  const named = NETWORKS[text];
  if (named) return { name: text, url: named };
  if (!/^(wss?:\/\/)?[\w.-]+(:\d+)?(\/\S*)?$/.test(text) || !/[.:/]/.test(text)) return undefined;
  const url = withScheme(text);
  const name = /^wss?:\/\/(127\.0\.0\.1|localhost)(:|\/|$)/.test(url)
    ? "local"
    : (Object.entries(NETWORKS).find(([, u]) => u === url)?.[0] ?? url);
  return { name, url };
}

const withScheme = (url: string): string => (/^wss?:\/\//.test(url) ? url : `ws://${url}`);
