// chain_*: headers, blocks, block hashes, the finalized head, and head subscriptions.
import { bytesToHex } from "@opentao/primitives";
import type { BlockId } from "../chain.js";
import { notFound } from "./errors.js";
import { headerJson, toJson } from "./json.js";
import type { Params, RpcContext, SubscriptionStart } from "./types.js";

const idOr = (p: unknown, ctx: RpcContext): BlockId =>
  (p as BlockId | undefined) ?? ctx.node.chain.head().hash;

export function getHeader([at]: Params, ctx: RpcContext): unknown {
  const ref = ctx.node.chain.getHeader(idOr(at, ctx));
  return ref ? headerJson(ref) : null;
}

export function getBlock([at]: Params, ctx: RpcContext): unknown {
  const b = ctx.node.chain.getBlock(idOr(at, ctx));
  if (!b) return null;
  return {
    block: { header: headerJson(b), extrinsics: b.block.extrinsics.map((x) => bytesToHex(x)) },
    justifications: null,
  };
}

export function getBlockHash([n]: Params, ctx: RpcContext): unknown {
  if (n === undefined) return ctx.node.chain.head().hash;
  if (typeof n === "string") return ctx.node.chain.getHeader(n)?.hash ?? null;
  return ctx.node.chain.hashAt(n as number) ?? null;
}

export function getFinalizedHead(_: Params, ctx: RpcContext): unknown {
  return ctx.node.chain.finalizedHead().hash;
}

/** Events of a block, decoded (ours: Substrate returns them SCALE-encoded under System.Events). */
export function getEvents([at]: Params, ctx: RpcContext): unknown {
  const id = idOr(at, ctx);
  const events = ctx.node.chain.getEvents(id);
  if (!events) throw notFound(`block ${id} is not in this chain`);
  return toJson(events);
}

/** Where an extrinsic (by its blake2-256 hash) was included on this chain, or null (ours). */
export function findExtrinsic([hash]: Params, ctx: RpcContext): unknown {
  return ctx.node.chain.findExtrinsic(hash as string) ?? null;
}

export const subscribeNewHeads: SubscriptionStart = (_p, ctx, send) =>
  ctx.node.chain.subscribe((e) => {
    if (e.type === "block") send(headerJson(e.block));
  });

export const subscribeFinalizedHeads: SubscriptionStart = (_p, ctx, send) =>
  ctx.node.chain.subscribe((e) => {
    if (e.type === "finalized") send(headerJson(e.block));
  });
