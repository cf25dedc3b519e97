export type WalletErrorCode =
  /** A keyfile is already there and overwriting was not allowed. */
  | "EXISTS"
  /** The keyfile (or wallet) does not exist. */
  | "NOT_FOUND"
  /** The file is not a keyfile we can read. */
  | "CORRUPT"
  /** An encrypted key needs a password and there is no way to ask for one. */
  | "PASSWORD_REQUIRED"
  /** The keyfile cannot be written (permissions, disk). */
  | "NOT_WRITABLE"
  /** The user declined a confirmation. */
  | "CANCELLED"
  /** An argument is missing or malformed. */
  | "INVALID_INPUT";

export class WalletError extends Error {
  override readonly name = "WalletError";
  readonly code: WalletErrorCode;

  constructor(code: WalletErrorCode, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
