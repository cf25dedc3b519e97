import { type Codec, createCodec, createDecoder } from "@opentao/primitives";
import type { DispatchResult } from "./dispatch-error.js";
import type { Scope } from "./scope.js";
import type { DispatchClass, Origin } from "./types.js";

/** One dispatchable call, with Subtensor's (or Substrate's) pallet and call index. */
export interface CallDef<A = unknown> {
  pallet: string;
  name: string;
  index: number;
  args: Codec<A>;
  /** Benchmarked ref_time weight (picoseconds) before the extrinsic base weight. */
  weight: (args: A) => bigint;
  pays: boolean;
  class?: DispatchClass;
  dispatch: (scope: Scope, origin: Origin, args: A) => DispatchResult;
}

export function defineCall<A>(def: CallDef<A>): CallDef<A> {
  return def;
}

/** A decoded call: which one and its arguments. */
export interface RuntimeCall {
  pallet: string;
  name: string;
  args: unknown;
}

// biome-ignore lint/suspicious/noExplicitAny: a table holds calls of every argument type
export type AnyCallDef = CallDef<any>;

interface PalletCalls {
  name: string;
  index: number;
  calls: readonly AnyCallDef[];
}

/** The runtime's call table: `(pallet index, call index)` ↔ definition. */
export class CallTable {
  readonly #byIndex = new Map<number, AnyCallDef>();
  readonly #byName = new Map<string, { palletIndex: number; def: AnyCallDef }>();

  constructor(pallets: readonly PalletCalls[]) {
    for (const pallet of pallets) {
      for (const call of pallet.calls) {
        if (call.pallet !== pallet.name)
          throw new Error(`${call.pallet}.${call.name} registered under ${pallet.name}`);
        const key = pallet.index * 256 + call.index;
        if (this.#byIndex.has(key)) throw new Error(`duplicate call index ${pallet.index}/${call.index}`);
        this.#byIndex.set(key, call);
        this.#byName.set(`${call.pallet}.${call.name}`, { palletIndex: pallet.index, def: call });
      }
    }
  }

  lookup(pallet: string, name: string): { palletIndex: number; def: AnyCallDef } | undefined {
    return this.#byName.get(`${pallet}.${name}`);
  }

  byIndex(palletIndex: number, callIndex: number): AnyCallDef | undefined {
    return this.#byIndex.get(palletIndex * 256 + callIndex);
  }

  get calls(): AnyCallDef[] {
    return [...this.#byIndex.values()];
  }
}

let table: CallTable | undefined;

/** Set once by the runtime composition; the call codec (needed by batch and sudo) reads it lazily. */
export function installCallTable(t: CallTable): void {
  table = t;
}

export function callTable(): CallTable {
  if (!table) throw new Error("the runtime's call table is not installed; import the runtime module first");
  return table;
}

/** SCALE codec of a call: pallet index u8 ‖ call index u8 ‖ arguments. */
export const RuntimeCallCodec: Codec<RuntimeCall> = createCodec(
  (call: RuntimeCall) => {
    const found = callTable().lookup(call.pallet, call.name);
    if (!found) throw new Error(`unknown call ${call.pallet}.${call.name}`);
    const args = found.def.args.enc(call.args);
    const out = new Uint8Array(2 + args.length);
    out[0] = found.palletIndex;
    out[1] = found.def.index;
    out.set(args, 2);
    return out;
  },
  createDecoder((input) => {
    const cursor = input as unknown as Uint8Array & { i: number };
    if (cursor.i + 2 > cursor.length) throw new Error("call truncated before its pallet and call index");
    const palletIndex = cursor[cursor.i++]!;
    const callIndex = cursor[cursor.i++]!;
    const def = callTable().byIndex(palletIndex, callIndex);
    if (!def) throw new Error(`no call ${callIndex} in pallet ${palletIndex}`);
    return { pallet: def.pallet, name: def.name, args: def.args.dec(input) };
  }),
);
