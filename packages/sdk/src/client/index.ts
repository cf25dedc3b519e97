export { ChainClient, type ChainClientOptions } from "./client.js";
export { ConnectionError, RpcCallError, TransactionError } from "./errors.js";
export { NETWORKS, resolveNetwork } from "./networks.js";
export type { DynamicInfo, SubnetInfo } from "./subnet-info.js";
export { Subscription } from "./subscription.js";
export type { BlockId, Header, StorageChangeSet, SubmitOptions, SubmitResult } from "./types.js";
export { convertWeightsAndUidsForEmit } from "./weights.js";
