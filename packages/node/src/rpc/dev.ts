// dev_*: Anvil-like controls of a dev node — mine, mine until an epoch ran, snapshot/revert, set a
// balance, set the next block's time, node info.
import {
  CoinbaseStorage,
  devAccount,
  SubtensorStorage,
  SystemStorage,
  signExtrinsic,
} from "@opentao/runtime";
import { invalidParams, RPC_CODES, RpcError } from "./errors.js";
import { headerJson } from "./json.js";
import type { Params, RpcContext } from "./types.js";

export function mine([n]: Params, ctx: RpcContext): unknown {
  const count = (n as number | undefined) ?? 1;
  if (count < 1 || count > 10_000) throw invalidParams("dev_mine: blocks must be 1..10000");
  let last = ctx.node.chain.head();
  for (let i = 0; i < count; i++) last = ctx.node.produceBlock();
  return headerJson(last);
}

export function mineUntilEpoch([netuid, max]: Params, ctx: RpcContext): unknown {
  const id = netuid as number;
  const store = () => ctx.node.chain.headState();
  if (!SubtensorStorage.NetworksAdded.get(store(), id))
    throw new RpcError(RPC_CODES.notFound, `subnet ${id} does not exist`);
  const before = CoinbaseStorage.LastMechansimStepBlock.get(store(), id);
  const limit = (max as number | undefined) ?? 10_000;
  for (let i = 1; i <= limit; i++) {
    const block = ctx.node.produceBlock();
    if (CoinbaseStorage.LastMechansimStepBlock.get(store(), id) !== before) {
      return { blocks: i, epochBlock: block.number, header: headerJson(block) };
    }
  }
  throw new RpcError(
    RPC_CODES.internal,
    `subnet ${id} ran no epoch in ${limit} blocks (is its emission started?)`,
  );
}

export function snapshot(_: Params, ctx: RpcContext): unknown {
  return ctx.node.snapshot();
}

export function revert([id]: Params, ctx: RpcContext): unknown {
  return ctx.node.revert(id as string);
}

export function setNextTimestamp([ms]: Params, ctx: RpcContext): unknown {
  const t = ms as bigint;
  const head = ctx.node.chain.head().header;
  const slotMs = BigInt(ctx.node.chain.preset.chain.blockTimeMs);
  if (t / slotMs <= head.slot) {
    throw invalidParams(
      `dev_setNextBlockTimestamp: ${t} ms falls in slot ${t / slotMs}, not after the head's slot ${head.slot}; give at least ${(head.slot + 1n) * slotMs}`,
    );
  }
  ctx.node.setNextTimestamp(t);
  return true;
}

/** Sets an account's free balance through Sudo(Balances.force_set_balance), signed by the dev sudo //Alice, in a new block. */
export function setBalance([address, rao]: Params, ctx: RpcContext): unknown {
  const { chain } = ctx.node;
  const alice = devAccount("Alice");
  const nonce = SystemStorage.Account.get(chain.headState(), alice.ss58Address).nonce;
  const pending = ctx.node.pool.all().filter((t) => t.signer === alice.ss58Address).length;
  if (pending > 0)
    throw new RpcError(
      RPC_CODES.unsupported,
      "dev_setBalance: //Alice has transactions in the pool; mine them first",
    );
  const tx = signExtrinsic(
    alice,
    {
      pallet: "Sudo",
      name: "sudo",
      args: { call: { pallet: "Balances", name: "force_set_balance", args: { who: address, newFree: rao } } },
    },
    { nonce, genesisHash: chain.genesisHash, birthHash: chain.genesisHash },
  );
  const block = chain.produceBlock([tx]);
  if (block.rejected.length)
    throw new RpcError(RPC_CODES.internal, `dev_setBalance was refused: ${block.rejected[0]!.invalid.kind}`);
  ctx.node.pool.onBlock(block.hash, block.number, []);
  return {
    block: block.hash,
    free: SystemStorage.Account.get(chain.headState(), address as string).data.free.toString(),
  };
}

export function nodeInfo(_: Params, ctx: RpcContext): unknown {
  const { node } = ctx;
  return {
    dev: node.dev,
    mode: node.mode,
    blockTimeMs: node.blockTimeMs,
    preset: node.chain.preset.name,
    genesisHash: node.chain.genesisHash,
    basePath: node.chain.path ?? null,
    best: node.chain.head().number,
    finalized: node.chain.finalizedHead().number,
    pool: node.pool.size,
    signatureThreads: node.verifier.threads,
    rpc: node.rpc.url,
    uptimeMs: Date.now() - node.startedAt,
  };
}
