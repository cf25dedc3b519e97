import type { Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { ConnectionError, RpcCallError, TransactionError } from "@opentao/sdk";
import type { CommandContext } from "../command.js";
import { PERIOD, WAIT_FOR_FINALIZATION, WAIT_FOR_INCLUSION } from "../common-options.js";
import { CliError, EXIT, usageError } from "../errors.js";
import type { Chain } from "./connect.js";
import { explainDispatchError } from "./error-hints.js";

/** Where a sent transaction got to. `block` is absent when the command did not wait for one. */
export interface Sent {
  /** The node's extrinsic hash when not waiting; otherwise undefined. */
  extrinsicHash?: string;
  block?: { hash: string; number: number; index: number };
  finalized: boolean;
  /** The transaction's events, as the node's JSON. */
  events: unknown[];
}

/** --period/--era as a whole number of blocks. */
export function periodOf(ctx: CommandContext): number {
  const text = ctx.string(PERIOD)!;
  const period = Number(text);
  if (!/^\d+$/.test(text.trim()) || period < 1 || period > 65536)
    throw usageError(`--period must be a whole number of blocks from 1 to 65536, got "${text}"`);
  return period;
}

/**
 * Signs `call` with `signer`, submits it, and follows it as --wait-for-inclusion/--wait-for-finalization
 * say, with a spinner on stderr. A call the chain rejects becomes a CliError naming the Subtensor error
 * and what to do; the transaction then changed nothing but the fee and nonce.
 */
export async function sendCall(
  ctx: CommandContext,
  chain: Chain,
  signer: Keypair,
  call: RuntimeCall,
  label: string,
): Promise<Sent> {
  const period = periodOf(ctx);
  const inclusion = ctx.boolean(WAIT_FOR_INCLUSION) !== false;
  const finalization = ctx.boolean(WAIT_FOR_FINALIZATION) !== false;
  const what = `${call.pallet}.${call.name}`;
  if (!inclusion && !finalization) {
    const extrinsicHash = await guarded(what, () =>
      chain.client.submitWithoutWaiting(signer, call, { period }),
    );
    ctx.ui.note("Not waiting for finalization or inclusion.");
    return { extrinsicHash, finalized: false, events: [] };
  }
  const waitFor = finalization ? "finalized" : "inBlock";
  const stop = ctx.ui.busy(`${label} (waiting for ${finalization ? "finalization" : "inclusion"})`);
  let result: Awaited<ReturnType<typeof chain.client.submit>>;
  try {
    result = await guarded(what, () => chain.client.submit(signer, call, { waitFor, period }));
  } finally {
    stop();
  }
  if (!result.success) {
    const { message, hint } = explainDispatchError(result.error?.name ?? "unknown");
    throw new CliError(`${what} failed in block ${result.blockNumber}: ${message}`, EXIT.failed, hint);
  }
  return {
    block: { hash: result.blockHash, number: result.blockNumber, index: result.index },
    finalized: finalization,
    events: result.events,
  };
}

async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof TransactionError) {
      const retry = e.kind === "dropped" || e.kind === "usurped";
      throw new CliError(
        e.message,
        retry ? EXIT.unavailable : EXIT.failed,
        /pay|fee|balance/i.test(e.message)
          ? "the signer cannot pay the fee: check `tao wallet balance`"
          : retry
            ? "nothing happened on chain; try again"
            : undefined,
      );
    }
    if (e instanceof RpcCallError) throw new CliError(`${what}: the node refused it: ${e.message}`);
    if (e instanceof ConnectionError) {
      // The node may have taken the transaction before the connection dropped: never say it failed.
      throw new CliError(
        `${e.message}. The transaction may or may not have been included in a block.`,
        EXIT.unavailable,
        "Check before sending it again: `tao wallet balance` (and `tao stake list` for stake) shows whether it " +
          "took effect, as does the signer's nonce (RPC system_accountNextIndex) having gone up by one.",
      );
    }
    throw e;
  }
}

/** The events of a sent transaction with this pallet and name (the node's JSON shape). */
export function eventsNamed(sent: Sent, pallet: string, name: string): Record<string, unknown>[] {
  return (sent.events as { event?: { pallet: string; name: string; data?: Record<string, unknown> } }[])
    .filter((e) => e.event?.pallet === pallet && e.event.name === name)
    .map((e) => e.event?.data ?? {});
}
