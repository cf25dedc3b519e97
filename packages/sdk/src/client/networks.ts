// Named networks, as bittensor's settings name them; anything else must already be a ws:// or wss:// URL.
export const NETWORKS: Readonly<Record<string, string>> = {
  local: "ws://127.0.0.1:9944",
  finney: "wss://entrypoint-finney.opentensor.ai:443",
  test: "wss://test.finney.opentensor.ai:443",
  archive: "wss://archive.chain.opentensor.ai:443",
};

/** A network name or a WebSocket URL → the URL to dial. */
export function resolveNetwork(urlOrNetwork: string): string {
  const named = NETWORKS[urlOrNetwork];
  if (named) return named;
  if (/^wss?:\/\//.test(urlOrNetwork)) return urlOrNetwork;
  throw new Error(
    `unknown network "${urlOrNetwork}": use one of ${Object.keys(NETWORKS).join(", ")} or a ws:// / wss:// URL`,
  );
}
