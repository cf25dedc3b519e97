import { join } from "node:path";
import { generateMnemonic, Keypair, type MnemonicWordCount } from "@opentao/primitives";
import { WalletError } from "./errors.js";
import { Keyfile, type KeyfileHooks, type PasswordSource } from "./keyfile.js";
import { defaultHotkeyName, defaultWalletName, defaultWalletPath, expandPath } from "./paths.js";

export interface WalletConfig {
  name?: string;
  hotkey?: string;
  path?: string;
}

export interface KeyWriteOptions {
  /** Encrypt the private key (default: true for coldkeys, false for hotkeys, as btwallet). */
  usePassword?: boolean;
  password?: PasswordSource;
  overwrite?: boolean;
}

/**
 * A btcli/btwallet wallet directory: `<path>/<name>/coldkey`, `coldkeypub.txt`,
 * `hotkeys/<hotkey>` and `hotkeys/<hotkey>pub.txt`.
 */
export class Wallet {
  readonly name: string;
  readonly hotkeyName: string;
  /** The wallets root (e.g. ~/.bittensor/wallets), expanded. */
  readonly path: string;
  readonly coldkeyFile: Keyfile;
  readonly coldkeypubFile: Keyfile;
  readonly hotkeyFile: Keyfile;
  readonly hotkeypubFile: Keyfile;

  constructor(config: WalletConfig = {}, hooks: KeyfileHooks = {}) {
    this.name = checkName(config.name ?? defaultWalletName(), "wallet name");
    this.hotkeyName = checkName(config.hotkey ?? defaultHotkeyName(), "hotkey name");
    this.path = config.path ? expandPath(config.path) : defaultWalletPath();
    const dir = join(this.path, this.name);
    this.coldkeyFile = new Keyfile(join(dir, "coldkey"), hooks);
    this.coldkeypubFile = new Keyfile(join(dir, "coldkeypub.txt"), hooks);
    this.hotkeyFile = new Keyfile(join(dir, "hotkeys", this.hotkeyName), hooks);
    this.hotkeypubFile = new Keyfile(join(dir, "hotkeys", `${this.hotkeyName}pub.txt`), hooks);
  }

  get directory(): string {
    return join(this.path, this.name);
  }

  /** Decrypts the coldkey (password from `password`, the BT_PW_ variable, or the prompt). */
  getColdkey(password?: PasswordSource): Promise<Keypair> {
    return this.coldkeyFile.keypair(password);
  }

  getColdkeypub(): Promise<Keypair> {
    return this.coldkeypubFile.publicKeypair();
  }

  getHotkey(password?: PasswordSource): Promise<Keypair> {
    return this.hotkeyFile.keypair(password);
  }

  /** The hotkey's public key: from `<hotkey>pub.txt`, else from an unencrypted hotkey file. */
  async getHotkeypub(): Promise<Keypair> {
    if (this.hotkeypubFile.exists()) return this.hotkeypubFile.publicKeypair();
    return this.hotkeyFile.publicKeypair();
  }

  /** Writes the coldkey and its public file; checks both can be written before writing either. */
  async setColdkey(keypair: Keypair, options: KeyWriteOptions = {}): Promise<void> {
    requireSecret(keypair, "coldkey");
    await this.coldkeyFile.assertWritable(options.overwrite);
    await this.coldkeypubFile.assertWritable(options.overwrite);
    await this.coldkeyFile.writeKeypair(keypair, writeOptions(options, true));
    await this.coldkeypubFile.writePublic(keypair, { overwrite: true });
  }

  async setColdkeypub(keypair: Keypair, options: { overwrite?: boolean } = {}): Promise<void> {
    await this.coldkeypubFile.writePublic(keypair, options);
  }

  async setHotkey(keypair: Keypair, options: KeyWriteOptions = {}): Promise<void> {
    requireSecret(keypair, "hotkey");
    await this.hotkeyFile.assertWritable(options.overwrite);
    await this.hotkeypubFile.assertWritable(options.overwrite);
    await this.hotkeyFile.writeKeypair(keypair, writeOptions(options, false));
    await this.hotkeypubFile.writePublic(keypair, { overwrite: true });
  }

  async setHotkeypub(keypair: Keypair, options: { overwrite?: boolean } = {}): Promise<void> {
    await this.hotkeypubFile.writePublic(keypair, options);
  }

  async createNewColdkey(options: KeyWriteOptions & { nWords?: MnemonicWordCount } = {}): Promise<Keypair> {
    await this.coldkeyFile.assertWritable(options.overwrite);
    const keypair = Keypair.fromMnemonic(generateMnemonic(options.nWords));
    await this.setColdkey(keypair, { ...options, overwrite: true });
    return keypair;
  }

  async createNewHotkey(options: KeyWriteOptions & { nWords?: MnemonicWordCount } = {}): Promise<Keypair> {
    await this.hotkeyFile.assertWritable(options.overwrite);
    const keypair = Keypair.fromMnemonic(generateMnemonic(options.nWords));
    await this.setHotkey(keypair, { ...options, overwrite: true });
    return keypair;
  }

  toString(): string {
    return `Wallet (Name: '${this.name}', Hotkey: '${this.hotkeyName}', Path: '${this.path}')`;
  }
}

function writeOptions(options: KeyWriteOptions, coldkey: boolean) {
  return {
    encrypt: options.usePassword ?? coldkey,
    ...(options.password !== undefined ? { password: options.password } : {}),
    overwrite: true,
  };
}

function requireSecret(keypair: Keypair, what: string): void {
  if (!keypair.canSign) {
    throw new WalletError(
      "INVALID_INPUT",
      `a ${what} needs a private key; ${keypair.ss58Address} has only its public key`,
    );
  }
}

// Names become path components: refuse anything that could escape the wallet directory.
function checkName(name: string, what: string): string {
  if (!name || name === "." || name === ".." || /[/\\\0]/.test(name)) {
    throw new WalletError(
      "INVALID_INPUT",
      `${what} "${name}" is not a valid file name (no slashes, not empty)`,
    );
  }
  return name;
}
