// Shared helpers for the staking, child-key and key-swap tests: one signed extrinsic per block, and the
// sudo / batch wrappers that show a call dispatched at an inner site.
import type { Keypair } from "@opentao/primitives";
import { type DispatchError, type RuntimeCall, type RuntimeEvent, Scope } from "../src/index.js";
import type { TestChain } from "./chain.js";

export const sub = (name: string, args: Record<string, unknown> = {}): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

export const sudo = (call: RuntimeCall): RuntimeCall => ({ pallet: "Sudo", name: "sudo", args: { call } });
export const sudoAs = (who: string, call: RuntimeCall): RuntimeCall => ({
  pallet: "Sudo",
  name: "sudo_as",
  args: { who, call },
});
export const batch = (calls: RuntimeCall[], name = "batch"): RuntimeCall => ({
  pallet: "Utility",
  name,
  args: { calls },
});
export const transfer = (dest: string, value: bigint): RuntimeCall => ({
  pallet: "Balances",
  name: "transfer_keep_alive",
  args: { dest, value },
});

export interface Ran {
  error: DispatchError | undefined;
  events: RuntimeEvent[];
  block: number;
}

/** Imports a block holding one extrinsic of `who`; throws if the block is invalid. */
export function run(c: TestChain, who: Keypair, call: RuntimeCall): Ran {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind} ${JSON.stringify(out.invalid)}`);
  const o = out.outcomes[0]!;
  return {
    error: o.kind === "Applied" && !o.success ? o.error : undefined,
    events: out.events.map((e) => e.event),
    block: c.head,
  };
}

/** Like `run`, but fails the test when the call fails. */
export function ok(c: TestChain, who: Keypair, call: RuntimeCall): Ran {
  const r = run(c, who, call);
  if (r.error) throw new Error(`${call.pallet}.${call.name} failed: ${JSON.stringify(r.error)}`);
  return r;
}

export const named = (events: RuntimeEvent[], name: string) => events.filter((e) => e.name === name);

/** A scope over the chain's state as the next block would see it (for direct storage-level calls). */
export const scopeOf = (c: TestChain): Scope =>
  new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
