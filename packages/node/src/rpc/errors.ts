// JSON-RPC errors: the standard codes, Substrate's author codes for the pool (1010–1016), and ours.
export const RPC_CODES = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** A block, subscription or other thing named in the params does not exist. */
  notFound: -32004,
  /** The method exists but this node does not serve it (a dev method on a non-dev node, a subscription over HTTP). */
  unsupported: -32005,
} as const;

export class RpcError extends Error {
  override readonly name = "RpcError";
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

export const invalidParams = (message: string): RpcError => new RpcError(RPC_CODES.invalidParams, message);
export const notFound = (message: string): RpcError => new RpcError(RPC_CODES.notFound, message);
