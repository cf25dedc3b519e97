// Command-line flags of the template neurons, in bittensor's spelling (`--netuid 1 --wallet.name w
// --wallet.hotkey h --subtensor.network local --axon.port 8091`). Bad input gets an error naming the flag.

export interface NeuronConfig {
  role: "miner" | "validator";
  subnet: string;
  netuid: number;
  wallet: { name: string; hotkey: string; path?: string };
  network: string;
  axon: { port: number; ip: string };
  neuron: { timeout: number; alpha: number; epochLength?: number; sampleSize?: number; model?: string };
  blacklist: { allowNonRegistered: boolean; forceValidatorPermit: boolean };
}

export class ConfigError extends Error {}

const BOOLEAN = new Set(["--blacklist.allow_non_registered", "--blacklist.force_validator_permit"]);
const VALUED = new Set([
  "--subnet",
  "--netuid",
  "--wallet.name",
  "--wallet.hotkey",
  "--wallet.path",
  "--subtensor.network",
  "--subtensor.chain_endpoint",
  "--axon.port",
  "--axon.ip",
  "--neuron.timeout",
  "--neuron.moving_average_alpha",
  "--neuron.epoch_length",
  "--neuron.sample_size",
  "--neuron.model",
]);

export const USAGE = `Usage: node packages/subnets/dist/template/main.js <miner|validator> --netuid N [flags]

  --subnet dummy|forecast|text      the protocol (default dummy: answer twice the input)
  --netuid N                        subnet to serve or validate (required)
  --wallet.name NAME                wallet (default "default"; BT_WALLET_NAME)
  --wallet.hotkey NAME              hotkey (default "default"; BT_WALLET_HOTKEY)
  --wallet.path DIR                 wallets root (default ~/.bittensor/wallets; BT_WALLET_PATH)
  --subtensor.network NET           local, finney, test, or a ws:// URL (default local)
  --subtensor.chain_endpoint URL    same as --subtensor.network with a URL
  --axon.port PORT                  miner: port to serve on (default 8091)
  --axon.ip IP                      miner: address to bind and announce (default 127.0.0.1)
  --neuron.model NAME               miner on forecast/text: which model of the lineup to serve
  --neuron.timeout S                validator: seconds a miner has to answer (default 10)
  --neuron.moving_average_alpha A   validator: weight of a new score (default 0.1)
  --neuron.epoch_length N           validator: blocks between weight posts (default: the rate limit)
  --neuron.sample_size K            validator: miners asked per step (default all)
  --blacklist.allow_non_registered  miner: answer hotkeys not registered on the subnet
  --blacklist.force_validator_permit  miner: answer only validators`;

export function parseNeuronArgs(argv: readonly string[]): NeuronConfig {
  const [role, ...rest] = argv;
  if (role !== "miner" && role !== "validator")
    throw new ConfigError(`first argument must be miner or validator, not ${role ?? "nothing"}`);
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    const eq = arg.indexOf("=");
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (BOOLEAN.has(name)) flags.add(name);
    else if (VALUED.has(name)) {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === undefined || v.startsWith("--")) throw new ConfigError(`${name} needs a value`);
      values.set(name, v);
    } else throw new ConfigError(`unknown flag ${arg} (see --help)`);
  }
  const num = (name: string, fallback: number | undefined, check: (n: number) => boolean, what: string) => {
    const v = values.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || !check(n)) throw new ConfigError(`${name} must be ${what}, got ${v}`);
    return n;
  };
  const int = (lo: number, hi: number) => (n: number) => Number.isInteger(n) && n >= lo && n <= hi;
  const netuid = num("--netuid", undefined, int(1, 65535), "a subnet id from 1 to 65535");
  if (netuid === undefined) throw new ConfigError("--netuid is required");
  const subnet = values.get("--subnet") ?? "dummy";
  if (!["dummy", "forecast", "text"].includes(subnet))
    throw new ConfigError(`--subnet must be dummy, forecast or text, got ${subnet}`);
  const epochLength = num("--neuron.epoch_length", undefined, int(1, 1e9), "a whole number of blocks ≥ 1");
  const sampleSize = num("--neuron.sample_size", undefined, int(1, 1e6), "a whole number ≥ 1");
  const model = values.get("--neuron.model");
  const path = values.get("--wallet.path") ?? process.env.BT_WALLET_PATH;
  return {
    role,
    subnet,
    netuid,
    wallet: {
      name: values.get("--wallet.name") ?? process.env.BT_WALLET_NAME ?? "default",
      hotkey: values.get("--wallet.hotkey") ?? process.env.BT_WALLET_HOTKEY ?? "default",
      ...(path ? { path } : {}),
    },
    network: values.get("--subtensor.chain_endpoint") ?? values.get("--subtensor.network") ?? "local",
    axon: {
      port: num("--axon.port", 8091, (n) => int(0, 65535)(n), "a port from 0 to 65535")!,
      ip: values.get("--axon.ip") ?? "127.0.0.1",
    },
    neuron: {
      timeout: num("--neuron.timeout", 10, (n) => n > 0, "a number of seconds > 0")!,
      alpha: num("--neuron.moving_average_alpha", 0.1, (n) => n > 0 && n <= 1, "in (0, 1]")!,
      ...(epochLength !== undefined ? { epochLength } : {}),
      ...(sampleSize !== undefined ? { sampleSize } : {}),
      ...(model !== undefined ? { model } : {}),
    },
    blacklist: {
      allowNonRegistered: flags.has("--blacklist.allow_non_registered"),
      forceValidatorPermit: flags.has("--blacklist.force_validator_permit"),
    },
  };
}
