// Running a block through the runtime in an overlay over the parent state; the overlay's changes are
// what the node commits (flat state and trie) when the block is accepted.
import {
  type ApplyOutcome,
  type BlockInfo,
  type EventRecord,
  type InvalidTransaction,
  invalidMessage,
  type KeyValueReader,
  Overlay,
  type Runtime,
} from "@opentao/runtime";
import type { Header } from "../block/header.js";
import { BlockError } from "../errors.js";

export interface Executed {
  changes: Map<string, Uint8Array | null>;
  events: EventRecord[];
  outcomes: ApplyOutcome[];
}

export function blockInfo(header: Pick<Header, "number" | "parentHash" | "timestamp" | "author">): BlockInfo {
  return {
    number: header.number,
    parentHash: header.parentHash,
    timestamp: header.timestamp,
    author: header.author,
  };
}

/** Imports `extrinsics` as a whole: an invalid one rejects the block. */
export function executeBlock(
  runtime: Runtime,
  parentState: KeyValueReader,
  header: Header,
  extrinsics: readonly Uint8Array[],
): Executed {
  const overlay = new Overlay(parentState);
  const outcome = runtime.executeBlock(overlay, blockInfo(header), extrinsics);
  if (!outcome.ok) {
    throw new BlockError(
      "InvalidExtrinsic",
      `block ${header.number}: extrinsic ${outcome.index} is invalid (${outcome.invalid.kind}: ${invalidMessage(outcome.invalid)})`,
      header.number,
    );
  }
  return { changes: overlay.changes, events: outcome.events, outcomes: outcome.outcomes };
}

export interface Rejected {
  /** Position in the candidates given to the builder. */
  index: number;
  invalid: InvalidTransaction;
}

/** Builds a block from candidates: applies those that are valid, in order, and reports the rest. */
export function buildBlock(
  runtime: Runtime,
  parentState: KeyValueReader,
  info: BlockInfo,
  candidates: readonly Uint8Array[],
): Executed & { included: Uint8Array[]; rejected: Rejected[] } {
  const overlay = new Overlay(parentState);
  const execution = runtime.beginBlock(overlay, info);
  const included: Uint8Array[] = [];
  const rejected: Rejected[] = [];
  const outcomes: ApplyOutcome[] = [];
  for (const [index, bytes] of candidates.entries()) {
    const outcome = execution.applyExtrinsic(bytes);
    if (outcome.kind === "Invalid") rejected.push({ index, invalid: outcome.invalid });
    else {
      included.push(bytes);
      outcomes.push(outcome);
    }
  }
  const events = execution.finalize();
  return { changes: overlay.changes, events, outcomes, included, rejected };
}
