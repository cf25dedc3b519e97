// btcli's config file, ~/.bittensor/config.yml (moved by BTCLI_CONFIG_PATH): flat `key: value` lines.
// We read and write only that flat subset of YAML, which is all btcli writes for these keys.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { CliError, EXIT } from "./errors.js";

/** The keys btcli keeps in its config, with what each sets. */
export const CONFIG_KEYS = {
  network: "network name (local, finney, test, …) or ws:// URL",
  wallet_path: "directory that holds the wallets",
  wallet_name: "wallet used when --wallet-name is not given",
  wallet_hotkey: "hotkey used when --hotkey is not given",
  use_cache: "cache chain reads (true/false)",
  disk_cache: "cache chain reads on disk (true/false)",
  rate_tolerance: "staking price tolerance, e.g. 0.005",
  safe_staking: "stake with a price limit (true/false)",
  allow_partial_stake: "allow a partly filled stake (true/false)",
  dashboard_path: "where `view dashboard` writes its HTML",
  metagraph_cols: "columns `subnets show` prints",
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export type Config = Partial<Record<ConfigKey, string>>;

export const isConfigKey = (key: string): key is ConfigKey => Object.hasOwn(CONFIG_KEYS, key);

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const given = env.BTCLI_CONFIG_PATH;
  if (given) return given.startsWith("~/") ? join(homedir(), given.slice(2)) : given;
  return join(homedir(), ".bittensor", "config.yml");
}

/** The config file's values; a missing file is an empty config. Unknown keys are kept but unused. */
export function readConfig(path = configPath()): Record<string, string> {
  if (!existsSync(path)) return {};
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(`cannot read the config file ${path}: ${(e as Error).message}`, EXIT.usage);
  }
  return parseFlatYaml(text, path);
}

export function writeConfig(values: Record<string, string>, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true });
  // Write then rename, so an interrupted write never leaves half a config behind.
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, formatFlatYaml(values), { mode: 0o600 });
  renameSync(tmp, path);
}

/** `key: value` per line; `#` comments, blank lines, `~`/`null` (unset) and quoted values. */
export function parseFlatYaml(text: string, where = "config"): Record<string, string> {
  const out: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/\s+#.*$/, "").trimEnd();
    if (line.trim() === "" || line.trimStart().startsWith("#") || line === "---") return;
    const m = /^([A-Za-z_][\w.-]*)\s*:\s*(.*)$/.exec(line);
    if (!m || /^\s/.test(line)) {
      throw new CliError(
        `${where} line ${i + 1} is not a flat "key: value" line: ${raw.trim()}`,
        EXIT.usage,
        "fix or delete that line, or reset the file with `tao config clear --all`",
      );
    }
    const value = unquote(m[2]!.trim());
    if (value !== undefined) out[m[1]!] = value;
  });
  return out;
}

function unquote(value: string): string | undefined {
  if (value === "" || value === "~" || value === "null") return undefined;
  if (value.length >= 2 && value[0] === value.at(-1) && (value[0] === '"' || value[0] === "'")) {
    const inner = value.slice(1, -1);
    return value[0] === '"' ? inner.replace(/\\(["\\])/g, "$1") : inner.replace(/''/g, "'");
  }
  return value;
}

export function formatFlatYaml(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `${k}: ${/^[\w./~:@+-]+$/.test(v) ? v : JSON.stringify(v)}\n`)
    .join("");
}
