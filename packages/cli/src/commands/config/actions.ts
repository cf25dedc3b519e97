import { resolveNetwork } from "../../chain/network.js";
import type { Action } from "../../command.js";
import { CONFIG_KEYS, configPath, isConfigKey, readConfig, writeConfig } from "../../config-file.js";
import { usageError } from "../../errors.js";
import { pc } from "../../ui/colors.js";
import { parseFraction } from "../stake/shared.js";
import { CLEAR_ALL, CLEARABLE, SETTABLE } from "./options.js";

function show(values: Record<string, string>): string {
  const width = Math.max(...Object.keys(CONFIG_KEYS).map((k) => k.length));
  return Object.keys(CONFIG_KEYS)
    .map((k) => `${pc.blue(k.padEnd(width))}  ${values[k] ?? pc.dim("-")}`)
    .join("\n");
}

function doc(values: Record<string, string>) {
  const config = Object.fromEntries(Object.keys(CONFIG_KEYS).map((k) => [k, values[k] ?? null]));
  return { path: configPath(), config };
}

export const get: Action = async (ctx) => {
  const values = readConfig();
  ctx.ui.result(doc(values), () =>
    ctx.ui.say(`${pc.bold("BTCLI Config")}  ${pc.dim(configPath())}\n${show(values)}`),
  );
};

export const set: Action = async (ctx) => {
  const values = readConfig();
  const changes: Record<string, string> = {};
  for (const { key, def, kind } of SETTABLE) {
    if (kind === "boolean") {
      const v = ctx.boolean(def);
      if (v !== undefined) changes[key] = String(v);
      continue;
    }
    const v = ctx.string(def);
    if (v === undefined) continue;
    if (key === "network" && !resolveNetwork(v))
      throw usageError(`--network "${v}" is neither a known network nor a ws:// URL`);
    // The stake commands parse the stored value with this same parser; a value it refuses (1e-2, .5)
    // would make every later safe stake fail.
    if (kind === "tolerance") parseFraction(v, "--tolerance");
    changes[key] = v;
  }
  if (Object.keys(changes).length === 0)
    throw usageError("say what to set, e.g. `tao config set --network local --wallet-name alice`");
  const next = { ...values, ...changes };
  writeConfig(next);
  ctx.ui.result(doc(next), () => {
    for (const [k, v] of Object.entries(changes)) ctx.ui.success(`${k} set to ${v}`);
  });
};

export const clear: Action = async (ctx) => {
  const values = readConfig();
  const all = ctx.boolean(CLEAR_ALL) === true;
  const keys = all
    ? Object.keys(values).filter(isConfigKey)
    : CLEARABLE.filter(({ def }) => ctx.boolean(def) === true).map(({ key }) => key);
  if (!all && keys.length === 0)
    throw usageError("say what to clear, e.g. `tao config clear --network`, or `--all`");
  const next = Object.fromEntries(Object.entries(values).filter(([k]) => !keys.includes(k as never)));
  writeConfig(next);
  ctx.ui.result(doc(next), () =>
    ctx.ui.success(keys.length ? `Cleared ${keys.join(", ")}` : "Nothing to clear"),
  );
};
