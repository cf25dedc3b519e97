// Why the pool refused a transaction, with Substrate's author RPC error codes (sc-rpc-api author errors).
import { type InvalidTransaction, invalidMessage } from "@opentao/runtime";

export type PoolErrorCode =
  | "InvalidTransaction"
  | "AlreadyImported"
  | "TooLowPriority"
  | "ImmediatelyDropped"
  | "PoolFull";

/** Substrate's numbers: 1010 invalid, 1013 already imported, 1014 priority too low, 1016 immediately dropped. */
export const POOL_RPC_CODES: Record<PoolErrorCode, number> = {
  InvalidTransaction: 1010,
  AlreadyImported: 1013,
  TooLowPriority: 1014,
  ImmediatelyDropped: 1016,
  PoolFull: 1016,
};

export class PoolError extends Error {
  override readonly name = "PoolError";
  constructor(
    readonly code: PoolErrorCode,
    message: string,
    readonly invalid?: InvalidTransaction,
  ) {
    super(message);
  }

  static invalid(invalid: InvalidTransaction): PoolError {
    return new PoolError("InvalidTransaction", invalidMessage(invalid), invalid);
  }
}
