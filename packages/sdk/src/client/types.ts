// The shapes the chain client returns: the node's JSON with numbers as numbers and money as bigint.

/** A block header (Substrate's shape; the node's number is hex on the wire). */
export interface Header {
  number: number;
  hash: string;
  parentHash: string;
  stateRoot: string;
  extrinsicsRoot: string;
  /** Block time, ms since the Unix epoch. */
  timestamp: bigint;
  author?: string;
}

/** A block hash (0x…) or number; omitted means the best block. */
export type BlockId = string | number;

/** A state_storage notification: the block, and each watched key that changed with its new value. */
export interface StorageChangeSet {
  block: string;
  changes: [key: string, value: string | null][];
}

export function toHeader(raw: unknown): Header {
  const h = raw as Record<string, string>;
  return {
    number: Number.parseInt(h.number!, 16),
    hash: h.hash!,
    parentHash: h.parentHash!,
    stateRoot: h.stateRoot!,
    extrinsicsRoot: h.extrinsicsRoot!,
    timestamp: BigInt(h.timestamp ?? 0),
    ...(h.author ? { author: h.author } : {}),
  };
}

export interface SubmitOptions {
  /** Resolve once the transaction is in a block (default) or once that block is finalized. */
  waitFor?: "inBlock" | "finalized";
  /** Default: `system_accountNextIndex`, which counts the signer's transactions already in the pool. */
  nonce?: number;
  tip?: bigint;
  /** Valid for about this many blocks from now (a mortal era, rounded up to a power of two); default immortal. */
  period?: number;
}

export interface SubmitResult {
  /** The block that holds the transaction. */
  blockHash: string;
  blockNumber: number;
  /** Index of the transaction in its block. */
  index: number;
  /** Whether the call succeeded; a failed call is still included (and pays its fee). */
  success: boolean;
  /** The decoded dispatch error, e.g. `{ name: "SubtensorModule.NotEnoughBalanceToStake" }`. */
  error?: { name: string };
  /** The transaction's events, as the node's JSON. */
  events: unknown[];
}
