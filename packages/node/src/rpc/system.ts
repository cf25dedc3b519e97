// system_*: chain name, health, properties, version, next nonce, and rpc_methods.
import { SystemStorage } from "@opentao/runtime";
import type { Params, RpcContext } from "./types.js";

export function chainName(_: Params, ctx: RpcContext): unknown {
  return ctx.node.dev ? "OpenTAO Development" : `OpenTAO (${ctx.node.chain.preset.name})`;
}

export function health(_: Params, ctx: RpcContext): unknown {
  return { peers: 0, isSyncing: false, shouldHavePeers: !ctx.node.dev };
}

export function properties(): unknown {
  return { ss58Format: 42, tokenDecimals: 9, tokenSymbol: "TAO" };
}

export function version(): unknown {
  return "0.1.0";
}

export function name(): unknown {
  return "opentao-node";
}

export function accountNextIndex([address]: Params, ctx: RpcContext): unknown {
  const who = address as string;
  let nonce = SystemStorage.Account.get(ctx.node.chain.headState(), who).nonce;
  // Transactions of this account waiting in the pool come first (Substrate does the same).
  const pending = new Set(
    ctx.node.pool
      .all()
      .filter((t) => t.signer === who)
      .map((t) => t.nonce),
  );
  while (pending.has(nonce)) nonce++;
  return nonce;
}
