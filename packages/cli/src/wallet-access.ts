// Opening the wallet a command names (--wallet-name, --wallet-path, --hotkey) and unlocking its keys.
import { type Keypair, normalizeAddress } from "@opentao/primitives";
import { type PasswordSource, Wallet } from "@opentao/sdk";
import type { CommandContext } from "./command.js";
import { HOTKEY, WALLET_NAME, WALLET_PATH } from "./common-options.js";
import { CliError, EXIT, usageError } from "./errors.js";
import type { Ui } from "./ui/ui.js";

export function openWallet(ctx: CommandContext): Wallet {
  const { ui } = ctx;
  return new Wallet(
    { name: ctx.string(WALLET_NAME)!, path: ctx.string(WALLET_PATH)!, hotkey: ctx.string(HOTKEY)! },
    {
      onBusy: (label) => ui.busy(label),
      ...(ui.canPrompt
        ? { confirmOverwrite: (path) => ui.confirm(`File ${path} already exists. Overwrite?`) }
        : {}),
    },
  );
}

/** Prompts when there is a terminal; otherwise the keyfile says which BT_PW_ variable it needs. */
export function passwords(ui: Ui): PasswordSource | undefined {
  if (!ui.canPrompt) return undefined;
  return async ({ purpose }) =>
    purpose === "decrypt" ? ui.ask("Enter your password: ", true) : newPassword(ui);
}

// btwallet's rule is length ≥ 6 plus a strength score; we keep the length rule and ask twice.
async function newPassword(ui: Ui): Promise<string> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const password = (await ui.ask("Specify password for key encryption: ", true)).trim();
    if (password.length < 6) {
      ui.warn(
        "Password not strong enough. Try increasing the length of the password or the password complexity.",
      );
      continue;
    }
    if ((await ui.ask("Retype your password: ", true)).trim() !== password) {
      ui.warn("Passwords do not match.");
      continue;
    }
    return password;
  }
  throw new CliError("no password was set after three attempts");
}

function missing(wallet: Wallet, what: string): CliError {
  return new CliError(
    `wallet "${wallet.name}" has no ${what} in ${wallet.directory}`,
    EXIT.usage,
    "list wallets with `tao wallet list`, or create one with `tao wallet create`",
  );
}

/** The coldkey's public key (coldkeypub.txt): enough to read balances, no password. */
export async function coldkeypub(wallet: Wallet): Promise<Keypair> {
  if (!wallet.coldkeypubFile.exists() && !wallet.coldkeyFile.exists()) throw missing(wallet, "coldkey");
  return wallet.coldkeypubFile.exists() ? wallet.getColdkeypub() : wallet.coldkeyFile.publicKeypair();
}

export async function hotkeypub(wallet: Wallet): Promise<Keypair> {
  if (!wallet.hotkeypubFile.exists() && !wallet.hotkeyFile.exists())
    throw missing(wallet, `hotkey "${wallet.hotkeyName}"`);
  return wallet.getHotkeypub();
}

/** The coldkey with its private key, asking for the password when there is a terminal. */
export async function unlockColdkey(ctx: CommandContext, wallet: Wallet): Promise<Keypair> {
  if (!wallet.coldkeyFile.exists()) throw missing(wallet, "coldkey (only its public key?)");
  return wallet.getColdkey(passwords(ctx.ui));
}

export async function unlockHotkey(ctx: CommandContext, wallet: Wallet): Promise<Keypair> {
  if (!wallet.hotkeyFile.exists()) throw missing(wallet, `hotkey "${wallet.hotkeyName}"`);
  return wallet.getHotkey(passwords(ctx.ui));
}

/** An SS58 address or 0x public key given with `flag`, as a prefix-42 address; a clear error otherwise. */
export function addressOption(value: string | undefined, flag: string): string {
  if (value === undefined) throw usageError(`give ${flag} ADDRESS`);
  try {
    return normalizeAddress(value);
  } catch (e) {
    throw usageError(
      `${flag} "${value}" is not a valid SS58 address or public key: ${(e as Error).message}`,
      "an address looks like 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
    );
  }
}
