// Sign, submit and follow a transaction: author_submitAndWatchExtrinsic's updates (future/ready →
// {inBlock} → {finalized}, or {invalid}/{dropped}/{usurped}) turned into one result or one error.
import { bytesToHex, type Keypair } from "@opentao/primitives";
import { eraBirth, IMMORTAL, mortalEra, type RuntimeCall, signExtrinsic } from "@opentao/runtime";
import type { ChainClient } from "./client.js";
import { RpcCallError, TransactionError } from "./errors.js";
import type { SubmitOptions, SubmitResult } from "./types.js";

type Update = string | Record<string, unknown>;

/** The signed extrinsic as hex: the next nonce, this chain's genesis, mortal for `period` blocks if given. */
export async function signForChain(
  client: ChainClient,
  keypair: Keypair,
  call: RuntimeCall,
  options: Omit<SubmitOptions, "waitFor">,
): Promise<string> {
  const [nonce, genesisHash, head] = await Promise.all([
    options.nonce ?? client.nextIndex(keypair.ss58Address),
    client.genesisHash(),
    options.period === undefined ? undefined : client.header(),
  ]);
  const era = head && options.period !== undefined ? mortalEra(options.period, head.number) : IMMORTAL;
  const birthHash = head ? await client.blockHash(eraBirth(era, head.number)) : genesisHash;
  return bytesToHex(
    signExtrinsic(keypair, call, {
      nonce,
      genesisHash,
      birthHash,
      era,
      ...(options.tip !== undefined ? { tip: options.tip } : {}),
    }),
  );
}

export async function submitAndWatch(
  client: ChainClient,
  keypair: Keypair,
  call: RuntimeCall,
  options: SubmitOptions,
): Promise<SubmitResult> {
  const waitFor = options.waitFor ?? "inBlock";
  const tx = await signForChain(client, keypair, call, options);
  const what = `${call.pallet}.${call.name}`;
  let sub: Awaited<ReturnType<typeof client.subscribe<Update>>>;
  try {
    // Not resumable: re-subscribing would submit again; a lost connection ends it with a ConnectionError.
    sub = await client.subscribe<Update>(
      "author_submitAndWatchExtrinsic",
      [tx],
      "author_unwatchExtrinsic",
      (u) => u as Update,
      false,
    );
  } catch (e) {
    // The pool refused it outright (Substrate's 1010–1016: bad proof, stale nonce, low priority…).
    if (e instanceof RpcCallError && e.code >= 1010 && e.code <= 1016) {
      throw new TransactionError("refused", `${what} refused by the pool: ${e.message}`, e.data);
    }
    throw e;
  }
  // The node puts the outcome on inBlock; finalized may come without it, so keep inBlock's.
  let outcome: Record<string, unknown> = {};
  try {
    for await (const u of sub) {
      if (typeof u === "string") continue; // future, ready
      if ("inBlock" in u || "finalized" in u) {
        if ("success" in u) outcome = u;
        if (waitFor === "finalized" && !("finalized" in u)) continue;
        const error = outcome.error as { name: string } | undefined;
        return {
          blockHash: (u.inBlock ?? u.finalized) as string,
          blockNumber: Number(u.number),
          index: Number(u.index),
          success: outcome.success === true,
          ...(error ? { error: { ...error, name: error.name } } : {}),
          events: (outcome.events as unknown[]) ?? [],
        };
      }
      if ("invalid" in u) {
        const inv = u.invalid as { kind: string; message?: string };
        throw new TransactionError("invalid", `${what} became invalid: ${inv.message ?? inv.kind}`, inv);
      }
      if ("dropped" in u) throw new TransactionError("dropped", `${what} was dropped: ${String(u.dropped)}`);
      if ("usurped" in u)
        throw new TransactionError("usurped", `${what} was replaced by ${String(u.usurped)}`);
    }
    throw new TransactionError("dropped", `${what}: the watch ended before ${waitFor}`);
  } finally {
    await sub.unsubscribe();
  }
}
