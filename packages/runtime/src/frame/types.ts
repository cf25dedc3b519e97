import type { DispatchError } from "./dispatch-error.js";

/** What the node tells the runtime about the block being built or imported. */
export interface BlockInfo {
  number: number;
  /** 0x-hex hash of the parent block (the genesis hash for block 1). */
  parentHash: string;
  /** Milliseconds since the Unix epoch, from the block header (the runtime has no clock). */
  timestamp: bigint;
  /** The block author's account (the Aura authority); fees go to it. Absent: fees are burned. */
  author?: string;
}

/** A runtime event, named as Subtensor/Substrate name it, fields in their order. */
export interface RuntimeEvent {
  pallet: string;
  name: string;
  data: Record<string, unknown>;
}

export type Phase =
  | { kind: "Initialization" }
  | { kind: "ApplyExtrinsic"; index: number }
  | { kind: "Finalization" };

export interface EventRecord {
  phase: Phase;
  event: RuntimeEvent;
}

export type DispatchClass = "Normal" | "Operational" | "Mandatory";

export interface DispatchInfo {
  /** ref_time weight, picoseconds. */
  weight: bigint;
  class: DispatchClass;
  paysFee: boolean;
}

export type Origin = { kind: "Signed"; who: string } | { kind: "Root" } | { kind: "None" };

export type { DispatchError };
