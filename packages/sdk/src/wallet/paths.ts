import { homedir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";

export const DEFAULT_WALLET_NAME = "default";
export const DEFAULT_HOTKEY_NAME = "default";

type Env = Readonly<Record<string, string | undefined>>;

/** `~/.bittensor/wallets`, or `BT_WALLET_PATH`, as btwallet resolves it. */
export function defaultWalletPath(env: Env = process.env): string {
  return expandPath(env.BT_WALLET_PATH || join("~", ".bittensor", "wallets"));
}

export function defaultWalletName(env: Env = process.env): string {
  return env.BT_WALLET_NAME || DEFAULT_WALLET_NAME;
}

export function defaultHotkeyName(env: Env = process.env): string {
  return env.BT_WALLET_HOTKEY || DEFAULT_HOTKEY_NAME;
}

/** Expands a leading `~` and makes the path absolute (the `BT_PW_*` variable name depends on it). */
export function expandPath(path: string): string {
  const expanded = path === "~" || path.startsWith("~/") ? join(homedir(), path.slice(1)) : path;
  return isAbsolute(expanded) ? expanded : resolve(expanded);
}
