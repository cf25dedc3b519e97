// @opentao/node: the chain on disk. Blocks (header, body, seal), the authenticated state trie over lmdb,
// import with its checks, authoring by Aura slots, replay, revert and state proofs.
export { type Block, decodeBlock, encodeBlock } from "./block/block.js";
export { decodeBody, encodeBody, extrinsicHash, extrinsicsRoot } from "./block/body.js";
export {
  decodeHeader,
  encodeHeader,
  type Header,
  hashHeader,
  preSealHash,
  sealHeader,
  sealIsValid,
} from "./block/header.js";
export type { SlotChoice } from "./chain/author.js";
export type { Activity, ActivityKind } from "./chain/block-store.js";
export { slotAuthor } from "./chain/checks.js";
export type { BlockRef } from "./chain/context.js";
export type { Rejected } from "./chain/execute.js";
export { finalityThreshold } from "./chain/finality.js";
export { buildGenesis, type GenesisBlock, slotOf } from "./chain/genesis.js";
export type { ReplayOptions, ReplayReport } from "./chain/replay.js";
export {
  type BlockId,
  Chain,
  type ChainEvent,
  type ChainOptions,
  type CommittedBlock,
  type ProducedBlock,
  type StateProof,
} from "./chain.js";
export { type Database, TABLES, type Table, type TableName } from "./db/kv.js";
export { DATA_FILE, LmdbDatabase } from "./db/lmdb-store.js";
export { MemoryDatabase } from "./db/memory-db.js";
export { type DevAccountInfo, devAccountsInfo } from "./dev/accounts.js";
export {
  BlockError,
  type BlockErrorCode,
  ChainError,
  type ChainErrorCode,
  ReplayError,
  type ReplayErrorCode,
} from "./errors.js";
export { createLogger, type Logger, type LogLevel, silentLogger } from "./log.js";
export { POOL_RPC_CODES, PoolError, type PoolErrorCode } from "./pool/errors.js";
export {
  DEFAULT_LIMITS,
  type PooledTransaction,
  type PoolLimits,
  TransactionPool,
  type TxStatus,
} from "./pool/pool.js";
export { SignatureVerifier } from "./pool/verifier.js";
export { RPC_CODES, RpcError } from "./rpc/errors.js";
export { METHODS, rpcMethods } from "./rpc/methods.js";
export { type StaticMount, serveStatic } from "./rpc/static-files.js";
export type { MethodSpec, ParamSpec, ParamType } from "./rpc/types.js";
export { type BlockMode, type ExtrinsicOutcome, type NodeOptions, NodeService } from "./service.js";
export { checkProof, ProofError, verifyProof } from "./state/proof.js";
export { EMPTY_ROOT } from "./state/trie-node.js";
export { TrieState } from "./state/views.js";
