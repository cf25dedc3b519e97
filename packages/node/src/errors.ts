// The node's errors: each has a code to match on and a message that says what and where.

/** Why a block was refused; nothing of it was written. */
export type BlockErrorCode =
  | "Malformed"
  | "UnknownParent"
  | "NotOnBestChain"
  | "WrongNumber"
  | "WrongSlot"
  | "WrongAuthor"
  | "BadSeal"
  | "ExtrinsicsRootMismatch"
  | "InvalidExtrinsic"
  | "StateRootMismatch";

export class BlockError extends Error {
  override readonly name = "BlockError";
  constructor(
    readonly code: BlockErrorCode,
    message: string,
    readonly number?: number,
  ) {
    super(`${code}: ${message}`);
  }
}

export type ChainErrorCode =
  | "GenesisMismatch"
  | "PresetMismatch"
  | "UnsupportedFormat"
  | "NotFound"
  | "NotOurSlot"
  | "SlotNotAfterParent"
  | "Closed"
  | "Locked";

export class ChainError extends Error {
  override readonly name = "ChainError";
  constructor(
    readonly code: ChainErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export type ReplayErrorCode =
  | "MissingBlock"
  | "BrokenLink"
  | "InvalidBlock"
  | "StateRootMismatch"
  | "GenesisMismatch"
  | "StoredStateMismatch"
  | "StoredTrieMismatch";

/** `tao node replay` found the stored chain and its re-execution disagree. */
export class ReplayError extends Error {
  override readonly name = "ReplayError";
  constructor(
    readonly code: ReplayErrorCode,
    message: string,
    readonly number?: number,
  ) {
    super(`${code}: ${message}`);
  }
}
