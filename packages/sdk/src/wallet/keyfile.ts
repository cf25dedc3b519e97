import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import type { Keypair } from "@opentao/primitives";
import { WalletError } from "./errors.js";
import {
  decryptKeyfileData,
  encryptKeyfileData,
  isEncrypted,
  KeyfileError,
  keyfileEncryptionMethod,
  passwordEnvVarName,
  passwordFromEnvironment,
} from "./keyfile-crypto.js";
import { deserializeKeypair, serializeKeypair, serializePublicKey } from "./keyfile-data.js";

/** Where a password comes from when a keyfile needs one: a fixed string or a prompt. */
export type PasswordSource = string | ((request: PasswordRequest) => Promise<string>);

export interface PasswordRequest {
  path: string;
  /** "decrypt" asks for an existing password; "encrypt" for a new one (to be confirmed). */
  purpose: "decrypt" | "encrypt";
}

/** Hooks a front end gives so the slow Argon2 step can show progress, and overwrites can be confirmed. */
export interface KeyfileHooks {
  /** Called when a slow step starts ("Encrypting..." / "Decrypting..."); returns a function ending it. */
  onBusy?: (label: string) => () => void;
  /** Asked before replacing an existing file when overwriting was not requested up front. */
  confirmOverwrite?: (path: string) => Promise<boolean>;
}

export interface WriteOptions {
  encrypt?: boolean;
  password?: PasswordSource;
  overwrite?: boolean;
}

/** One key file on disk, in btwallet's format; written atomically with mode 600. */
export class Keyfile {
  constructor(
    readonly path: string,
    private readonly hooks: KeyfileHooks = {},
  ) {}

  exists(): boolean {
    return existsSync(this.path) && statSync(this.path).isFile();
  }

  readBytes(): Uint8Array {
    if (!this.exists()) {
      throw new WalletError(
        "NOT_FOUND",
        `keyfile ${this.path} does not exist; create it with \`tao wallet create\` or a regen command`,
      );
    }
    try {
      return readFileSync(this.path);
    } catch (e) {
      throw new WalletError("NOT_FOUND", `keyfile ${this.path} cannot be read: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }

  isEncrypted(): boolean {
    return isEncrypted(this.readBytes());
  }

  /** The key in the file, decrypting with the password from `password`, the BT_PW_ variable or a prompt. */
  async keypair(password?: PasswordSource): Promise<Keypair> {
    const data = this.readBytes();
    const method = keyfileEncryptionMethod(data);
    if (method === "unknown") return deserializeKeypair(data, `keyfile ${this.path}`);
    if (method !== "NaCl") {
      throw new WalletError(
        "CORRUPT",
        `keyfile ${this.path} uses the legacy ${method} encryption, which is no longer supported; regenerate the key from its mnemonic`,
      );
    }
    const pw = passwordFromEnvironment(this.path) ?? (await this.askPassword(password, "decrypt"));
    const done = this.hooks.onBusy?.("Decrypting...");
    let plain: Uint8Array;
    try {
      plain = await decryptKeyfileData(data, pw);
    } catch (e) {
      if (e instanceof KeyfileError && e.code !== "WRONG_PASSWORD") {
        throw new WalletError("CORRUPT", `keyfile ${this.path}: ${e.message}`, { cause: e });
      }
      throw e;
    } finally {
      done?.();
    }
    return deserializeKeypair(plain, `keyfile ${this.path}`);
  }

  /** The public key in the file; never asks for a password (fails on an encrypted file). */
  publicKeypair(): Promise<Keypair> {
    return this.keypair(() => {
      throw new WalletError(
        "PASSWORD_REQUIRED",
        `keyfile ${this.path} is encrypted; read its public file instead`,
      );
    });
  }

  /** Checks up front that writing is allowed, so a command that writes several files writes all or none. */
  async assertWritable(overwrite = false): Promise<void> {
    if (!this.exists() || overwrite) return;
    if (this.hooks.confirmOverwrite && (await this.hooks.confirmOverwrite(this.path))) return;
    throw new WalletError("EXISTS", `${this.path} already exists; pass --overwrite to replace it`);
  }

  async writeKeypair(keypair: Keypair, options: WriteOptions = {}): Promise<void> {
    await this.assertWritable(options.overwrite);
    let data = serializeKeypair(keypair);
    if (options.encrypt) {
      const pw = passwordFromEnvironment(this.path) ?? (await this.askPassword(options.password, "encrypt"));
      const done = this.hooks.onBusy?.("Encrypting...");
      try {
        data = await encryptKeyfileData(data, pw);
      } finally {
        done?.();
      }
    }
    this.writeBytes(data);
  }

  async writePublic(keypair: Keypair, options: { overwrite?: boolean } = {}): Promise<void> {
    await this.assertWritable(options.overwrite);
    this.writeBytes(serializePublicKey(keypair));
  }

  private async askPassword(
    source: PasswordSource | undefined,
    purpose: PasswordRequest["purpose"],
  ): Promise<string> {
    if (typeof source === "string") return source;
    if (source) return source({ path: this.path, purpose });
    const variable = passwordEnvVarName(this.path);
    // btwallet never stores the password itself in the variable, so say what the value must be.
    const value =
      `Its value is what btwallet stores there, not the password: the base64 of the password's UTF-8 bytes ` +
      `XOR-ed with the bytes of the name "${variable}" (repeated as needed).`;
    throw new WalletError(
      "PASSWORD_REQUIRED",
      purpose === "decrypt"
        ? `keyfile ${this.path} is encrypted: run in a terminal to be asked for its password, or set ${variable}. ${value}`
        : `a password is needed to encrypt ${this.path}: run in a terminal, set ${variable}, or pass --no-use-password. ${value}`,
    );
  }

  // Write to a temporary file outside `hotkeys/` (btcli lists every file there) and rename into place,
  // so a crash leaves the old key or the new one, never half of one.
  private writeBytes(data: Uint8Array): void {
    const dir = dirname(this.path);
    mkdirSync(dir, { recursive: true });
    const tmpDir = basename(dir) === "hotkeys" ? dirname(dir) : dir;
    const tmp = join(tmpDir, `.${basename(this.path)}.${randomBytes(4).toString("hex")}.tmp`);
    try {
      writeFileSync(tmp, data, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, this.path);
    } catch (e) {
      rmSync(tmp, { force: true });
      throw new WalletError("NOT_WRITABLE", `cannot write keyfile ${this.path}: ${(e as Error).message}`, {
        cause: e,
      });
    }
  }
}
