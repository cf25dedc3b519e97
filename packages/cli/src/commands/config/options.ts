import { HOTKEY, NETWORK, WALLET_NAME, WALLET_PATH } from "../../common-options.js";
import type { ConfigKey } from "../../config-file.js";
import type { OptionDef } from "../../options.js";

/** The same spellings as everywhere, but only what is typed counts (no environment, config or default). */
const typedOnly = (def: OptionDef): OptionDef => ({
  flags: def.flags,
  ...(def.aliases ? { aliases: def.aliases } : {}),
  description: def.description,
});

const toggle = (
  flags: string,
  negate: string,
  description: string,
  aliases: string[] = [],
  negAliases: string[] = [],
): OptionDef => ({
  flags,
  aliases,
  negate: { flags: negate, aliases: negAliases },
  description,
});

/** `tao config set` flags, each with the config key it writes. */
export const SETTABLE: readonly {
  key: ConfigKey;
  def: OptionDef;
  kind: "string" | "boolean" | "tolerance";
}[] = [
  { key: "wallet_name", def: typedOnly(WALLET_NAME), kind: "string" },
  { key: "wallet_path", def: typedOnly(WALLET_PATH), kind: "string" },
  { key: "wallet_hotkey", def: typedOnly(HOTKEY), kind: "string" },
  { key: "network", def: typedOnly(NETWORK), kind: "string" },
  {
    key: "use_cache",
    def: toggle("--cache", "--no-cache", "cache chain reads", [], ["--no_cache"]),
    kind: "boolean",
  },
  {
    key: "disk_cache",
    def: toggle("--disk-cache", "--no-disk-cache", "cache chain reads on disk"),
    kind: "boolean",
  },
  {
    key: "rate_tolerance",
    def: {
      flags: "--tolerance <fraction>",
      aliases: ["--rate-tolerance"],
      description: "staking price tolerance, e.g. 0.05 for 5%",
    },
    kind: "tolerance",
  },
  {
    key: "safe_staking",
    def: toggle("--safe-staking", "--no-safe-staking", "stake with a price limit", ["--safe"], ["--unsafe"]),
    kind: "boolean",
  },
  {
    key: "allow_partial_stake",
    def: toggle(
      "--allow-partial-stake",
      "--no-allow-partial-stake",
      "allow a partly filled stake",
      ["--partial", "--allow"],
      ["--no-partial", "--not-allow"],
    ),
    kind: "boolean",
  },
  {
    key: "dashboard_path",
    def: {
      flags: "--dashboard-path <path>",
      aliases: ["--dashboard_path", "--dash_path", "--dash.path", "--dashboard.path"],
      description: "where `view dashboard` writes",
    },
    kind: "string",
  },
];

/** `tao config clear` flags: one per key, plus --all. */
export const CLEARABLE: readonly { key: ConfigKey; def: OptionDef }[] = SETTABLE.map(({ key, def }) => ({
  key,
  def: {
    flags: def.flags.replace(/\s*<[^>]*>$/, ""),
    ...(def.aliases ? { aliases: def.aliases } : {}),
    description: `clear ${key}`,
  },
}));

export const CLEAR_ALL: OptionDef = { flags: "--all", description: "clear every setting" };
