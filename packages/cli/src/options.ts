import { type Command, Option } from "commander";
import type { ConfigKey } from "./config-file.js";
import { usageError } from "./errors.js";

/**
 * One command-line option: its canonical flags, the other spellings btcli accepts, the environment
 * variable, config-file key and default it falls back to. Help text, alias handling and precedence
 * (flag > environment > config file > default) are all derived from this.
 */
export interface OptionDef {
  /** Commander flags of the canonical spelling, e.g. "-p, --wallet-path <path>" or "--overwrite". */
  flags: string;
  description: string;
  /** Other accepted spellings, e.g. ["--name", "--wallet.name"]; a value-taking alias takes a value too. */
  aliases?: string[];
  /** A boolean option's negation, e.g. "--no-use-password", with its own aliases. */
  negate?: { flags: string; aliases?: string[] };
  env?: string;
  /** The key in ~/.bittensor/config.yml (`tao config set`) that supplies a value before the default. */
  config?: ConfigKey;
  default?: string | boolean;
  hidden?: boolean;
  /** The flag may be given several times (`--network a --network b`); `listOption` reads every value. */
  repeatable?: boolean;
}

const collect = (value: string, previous: unknown): string[] => [
  ...(Array.isArray(previous) ? previous : []),
  value,
];

const attributeOf = (flags: string): string => new Option(flags).attributeName();

export function addOptions(cmd: Command, defs: readonly OptionDef[]): Command {
  for (const def of defs) {
    const extras = [
      def.aliases?.length ? `aliases: ${def.aliases.join(", ")}` : "",
      def.env ? `env: ${def.env}` : "",
      def.config ? `config: ${def.config}` : "",
      def.default !== undefined && def.default !== false ? `default: ${String(def.default)}` : "",
    ].filter(Boolean);
    const main = new Option(
      def.flags,
      extras.length ? `${def.description} (${extras.join("; ")})` : def.description,
    );
    if (def.hidden) main.hideHelp();
    if (def.repeatable) main.argParser(collect);
    cmd.addOption(main);
    const takesValue = /[<[]/.test(def.flags);
    const many = /\.\.\.[>\]]/.test(def.flags);
    for (const alias of def.aliases ?? []) {
      const option = new Option(takesValue ? `${alias} <value${many ? "..." : ""}>` : alias).hideHelp();
      if (def.repeatable) option.argParser(collect);
      cmd.addOption(option);
    }
    if (def.negate) {
      cmd.addOption(new Option(def.negate.flags, `opposite of ${longFlag(def.flags)}`));
      for (const alias of def.negate.aliases ?? []) cmd.addOption(new Option(alias).hideHelp());
    }
  }
  return cmd;
}

function longFlag(flags: string): string {
  return flags.split(/[ ,|]+/).find((f) => f.startsWith("--")) ?? flags;
}

type Opts = Record<string, unknown>;
type Env = Readonly<Record<string, string | undefined>>;
type ConfigValues = Readonly<Record<string, string | undefined>>;

/** The value of a string option: the flag or any alias, then the environment, the config file, the default. */
export function stringOption(
  opts: Opts,
  def: OptionDef,
  env: Env = process.env,
  config: ConfigValues = {},
): string | undefined {
  const given = [def.flags, ...(def.aliases ?? [])]
    .flatMap((f) => opts[attributeOf(f)])
    .filter((v): v is string => typeof v === "string");
  if (given.length > 1 && new Set(given).size > 1) {
    throw usageError(`${longFlag(def.flags)} was given twice with different values (${given.join(", ")})`);
  }
  if (given[0] !== undefined) return given[0];
  if (def.env && env[def.env]) return env[def.env];
  if (def.config && config[def.config]) return config[def.config];
  return typeof def.default === "string" ? def.default : undefined;
}

/** Every value of a variadic option (`--ss58 <addresses...>`) and its aliases, commas split. */
export function listOption(opts: Opts, def: OptionDef): string[] {
  return [def.flags, ...(def.aliases ?? [])]
    .flatMap((f) => {
      const v = opts[attributeOf(f)];
      return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
    })
    .flatMap((v: string) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

const FALSE_WORDS = ["0", "false", "no", "off", ""];

/** The value of a boolean option: an explicit flag or its negation (or aliases), environment, config, default. */
export function booleanOption(
  opts: Opts,
  def: OptionDef,
  env: Env = process.env,
  config: ConfigValues = {},
): boolean | undefined {
  const positive = [def.flags, ...(def.aliases ?? [])].some((f) => opts[attributeOf(f)] === true);
  const negFlags = def.negate ? [def.negate.flags, ...(def.negate.aliases ?? [])] : [];
  // Commander stores `--no-x` as x=false; aliases of a negation are stored as their own attribute = true.
  const negative =
    negFlags.length > 0 &&
    (opts[attributeOf(def.negate!.flags)] === false ||
      negFlags.slice(1).some((f) => opts[attributeOf(f)] === true));
  if (positive && negative)
    throw usageError(`${longFlag(def.flags)} and ${def.negate!.flags} contradict each other`);
  if (positive) return true;
  if (negative) return false;
  if (def.env && env[def.env] !== undefined) return !FALSE_WORDS.includes(env[def.env]!.toLowerCase());
  if (def.config && config[def.config] !== undefined)
    return !FALSE_WORDS.includes(config[def.config]!.toLowerCase());
  return typeof def.default === "boolean" ? def.default : undefined;
}
