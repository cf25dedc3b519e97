// The chain client's errors: one class per way a call can fail, so callers can tell a node's refusal
// from a lost connection from a transaction that never made it into a block.

/** The node answered with a JSON-RPC error (code, message and the node's `data`). */
export class RpcCallError extends Error {
  override readonly name = "RpcCallError";
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(`${method}: ${message} (code ${code})`);
  }
}

/** The connection closed (or was never open) before the node answered. */
export class ConnectionError extends Error {
  override readonly name = "ConnectionError";
}

/** A submitted transaction did not reach the requested state: refused, invalid, dropped or usurped. */
export class TransactionError extends Error {
  override readonly name = "TransactionError";
  constructor(
    readonly kind: "invalid" | "dropped" | "usurped" | "refused",
    message: string,
    readonly detail?: unknown,
  ) {
    super(message);
  }
}
