// What an RPC method is: its name, parameter schema, and handler (or subscription).
import type { NodeService } from "../service.js";

export type ParamType =
  | "hex" // 0x-prefixed hex bytes
  | "hash" // 0x-prefixed 32-byte hex
  | "blockId" // a block hash or a block number
  | "address" // an SS58 address
  | "u16"
  | "u32"
  | "u64" // decimal string or safe integer
  | "string"
  | "boolean"
  | "array"
  | "object";

export interface ParamSpec {
  name: string;
  type: ParamType;
  optional?: boolean;
  description: string;
}

/** Params after validation: u64 as bigint, u16/u32 as number, others as given. */
export type Params = readonly unknown[];

export interface RpcContext {
  node: NodeService;
}

/** `send` posts a notification; the returned function stops the subscription. */
export type SubscriptionStart = (
  params: Params,
  ctx: RpcContext,
  send: (result: unknown) => void,
  end: () => void,
) => (() => void) | Promise<() => void>;

export interface MethodSpec {
  name: string;
  description: string;
  params: readonly ParamSpec[];
  /** Only on `--dev` nodes. */
  dev?: boolean;
  handler?: (params: Params, ctx: RpcContext) => unknown;
  subscription?: { notification: string; unsubscribe: string; start: SubscriptionStart };
}
