// Importing a block from elsewhere: checked against its parent (the best head), executed, and its state
// root compared with the header's before anything is written.
import { AuraStorage } from "@opentao/runtime";
import type { Block } from "../block/block.js";
import { hashHeader } from "../block/header.js";
import { BlockError } from "../errors.js";
import { hashBytes, hashHex } from "./block-store.js";
import { checkBody, checkHeader } from "./checks.js";
import type { ChainContext } from "./context.js";
import { type Executed, executeBlock } from "./execute.js";
import { type StateUpdate, updateState } from "./state-root.js";

export interface PreparedBlock {
  hash: string;
  block: Block;
  executed: Executed;
  state: StateUpdate;
  /** ms spent executing the block and computing its state root. */
  timings: { execute: number; stateRoot: number };
}

export function prepareImport(ctx: ChainContext, block: Block): PreparedBlock {
  const { header, extrinsics } = block;
  const best = ctx.best();
  if (header.parentHash !== best.hash) {
    const parent = ctx.store.header(header.parentHash);
    if (!parent) {
      throw new BlockError(
        "UnknownParent",
        `block ${header.number}: parent ${header.parentHash} is not known`,
        header.number,
      );
    }
    throw new BlockError(
      "NotOnBestChain",
      `block ${header.number} builds on block ${parent.number} (${header.parentHash}), not on the best head #${best.number} ${best.hash}; forks arrive with the network`,
      header.number,
    );
  }
  checkHeader(best.header, header, AuraStorage.Authorities.get(ctx.flat), ctx.preset);
  checkBody(header, extrinsics);
  const started = performance.now();
  const executed = executeBlock(ctx.runtime, ctx.flat, header, extrinsics);
  const executedAt = performance.now();
  const state = updateState(ctx.trie, hashBytes(best.header.stateRoot), executed.changes);
  const timings = { execute: executedAt - started, stateRoot: performance.now() - executedAt };
  const root = hashHex(state.root);
  if (root !== header.stateRoot) {
    throw new BlockError(
      "StateRootMismatch",
      `block ${header.number}: executing it gives state root ${root}, the header says ${header.stateRoot}`,
      header.number,
    );
  }
  return { hash: hashHeader(header), block, executed, state, timings };
}
