/**
 * Exit codes: 0 success, 1 the operation failed (or was declined), 2 the command line was wrong,
 * 75 the node could not be reached or lost the transaction (retry later), 130 interrupted.
 */
export const EXIT = { ok: 0, failed: 1, usage: 2, unavailable: 75, interrupted: 130 } as const;

/** An error to show the user as is (no stack), with the exit code it deserves. */
export class CliError extends Error {
  override readonly name = "CliError";
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failed,
    readonly hint?: string,
  ) {
    super(message);
  }
}

export const usageError = (message: string, hint?: string) => new CliError(message, EXIT.usage, hint);
