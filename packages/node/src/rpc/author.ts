// author_*: submit, submit and watch (future/ready → inBlock → finalized, or invalid/dropped with the
// decoded error), pending extrinsics.
import { bytesToHex, hexToBytes } from "@opentao/primitives";
import { extrinsicHash } from "../block/body.js";
import { POOL_RPC_CODES, PoolError } from "../pool/errors.js";
import type { TxStatus } from "../pool/pool.js";
import type { ExtrinsicOutcome } from "../service.js";
import { RpcError } from "./errors.js";
import { toJson } from "./json.js";
import type { Params, RpcContext, SubscriptionStart } from "./types.js";

/** Pool refusals as Substrate's author errors: code 1010–1016, message, and data naming the cause. */
export function poolRpcError(error: unknown): unknown {
  if (!(error instanceof PoolError)) return error;
  const data = error.invalid
    ? { kind: error.invalid.kind, ...("detail" in error.invalid ? { detail: error.invalid.detail } : {}) }
    : { kind: error.code };
  return new RpcError(POOL_RPC_CODES[error.code], error.message, data);
}

export async function submitExtrinsic([hex]: Params, ctx: RpcContext): Promise<unknown> {
  try {
    return (await ctx.node.submit(hexToBytes(hex as string, "extrinsic"))).hash;
  } catch (e) {
    throw poolRpcError(e);
  }
}

export function pendingExtrinsics(_: Params, ctx: RpcContext): unknown {
  return ctx.node.pool.all().map((t) => bytesToHex(t.bytes));
}

/** Substrate's TransactionStatus JSON, with the outcome in its block (ours) on inBlock and finalized. */
export function statusJson(status: TxStatus, outcome?: ExtrinsicOutcome): unknown {
  switch (status.type) {
    case "future":
    case "ready":
      return status.type;
    case "inBlock":
    case "finalized":
      return {
        [status.type]: status.blockHash,
        number: status.number,
        index: status.index,
        ...(outcome
          ? {
              success: outcome.success,
              ...(outcome.error ? { error: outcome.error } : {}),
              events: toJson(outcome.events),
            }
          : {}),
      };
    case "usurped":
      return { usurped: status.by };
    case "dropped":
      return { dropped: status.reason };
    case "invalid":
      return { invalid: { kind: status.invalid.kind, message: status.message } };
  }
}

export const submitAndWatch: SubscriptionStart = async ([hex], ctx, send, end) => {
  const bytes = hexToBytes(hex as string, "extrinsic");
  const hash = extrinsicHash(bytes);
  const stop = ctx.node.watch(hash, (status, outcome) => {
    send(statusJson(status, outcome));
    if (status.type !== "future" && status.type !== "ready" && status.type !== "inBlock") {
      stop();
      end();
    }
  });
  try {
    await ctx.node.submit(bytes);
  } catch (e) {
    stop();
    throw poolRpcError(e);
  }
  return stop;
};
