// Every RPC method this node serves, with its parameter schema: the one list clients and docs read
// (`rpc_methods` returns it). Substrate's names and shapes where Substrate has the method; Subtensor's
// runtime-API names for its info calls (as JSON, u64 as decimal strings); `dev_*` only on `--dev` nodes.
import * as author from "./author.js";
import * as chain from "./chain.js";
import * as dev from "./dev.js";
import { signature } from "./params.js";
import * as state from "./state.js";
import * as info from "./subtensor.js";
import * as system from "./system.js";
import type { MethodSpec, ParamSpec } from "./types.js";

const at: ParamSpec = {
  name: "at",
  type: "blockId",
  optional: true,
  description: "block hash or number (default: the best block)",
};
const netuid: ParamSpec = { name: "netuid", type: "u16", description: "subnet id" };

export const METHODS: readonly MethodSpec[] = [
  // --- chain
  { name: "chain_getHeader", description: "a block's header", params: [at], handler: chain.getHeader },
  {
    name: "chain_getBlock",
    description: "a block: header and extrinsics (hex)",
    params: [at],
    handler: chain.getBlock,
  },
  {
    name: "chain_getBlockHash",
    description: "the hash of block `number` on the best chain (default: the best block)",
    params: [{ name: "number", type: "blockId", optional: true, description: "block number" }],
    handler: chain.getBlockHash,
  },
  {
    name: "chain_getFinalizedHead",
    description: "the hash of the newest finalized block",
    params: [],
    handler: chain.getFinalizedHead,
  },
  {
    name: "chain_getEvents",
    description: "a block's events, decoded (u64 as decimal strings)",
    params: [at],
    handler: chain.getEvents,
  },
  {
    name: "chain_findExtrinsic",
    description: "where an extrinsic was included: { blockHash, number, index }, or null (ours)",
    params: [{ name: "hash", type: "hash", description: "the extrinsic's blake2-256 hash" }],
    handler: chain.findExtrinsic,
  },
  {
    name: "chain_subscribeNewHeads",
    description: "a notification (chain_newHead) with each new best header",
    params: [],
    subscription: {
      notification: "chain_newHead",
      unsubscribe: "chain_unsubscribeNewHeads",
      start: chain.subscribeNewHeads,
    },
  },
  {
    name: "chain_subscribeFinalizedHeads",
    description: "a notification (chain_finalizedHead) with each newly finalized header",
    params: [],
    subscription: {
      notification: "chain_finalizedHead",
      unsubscribe: "chain_unsubscribeFinalizedHeads",
      start: chain.subscribeFinalizedHeads,
    },
  },
  // --- state
  {
    name: "state_getStorage",
    description: "the raw value (hex) at a storage key, or null",
    params: [{ name: "key", type: "hex", description: "storage key" }, at],
    handler: state.getStorage,
  },
  {
    name: "state_subscribeStorage",
    description:
      "a notification (state_storage) with the keys' values now and in each block that changes them",
    params: [{ name: "keys", type: "array", description: "storage keys (hex)" }],
    subscription: {
      notification: "state_storage",
      unsubscribe: "state_unsubscribeStorage",
      start: state.subscribeStorage,
    },
  },
  {
    name: "state_getReadProof",
    description: "a Merkle proof of storage keys against the block's state root",
    params: [{ name: "keys", type: "array", description: "storage keys (hex)" }, at],
    handler: state.getReadProof,
  },
  {
    name: "state_getRuntimeVersion",
    description: "spec and transaction versions (what signatures commit to)",
    params: [at],
    handler: state.getRuntimeVersion,
  },
  {
    name: "state_getConstants",
    description: "the runtime's constants: its preset, as JSON with u64 as decimal strings (ours)",
    params: [],
    handler: state.getConstants,
  },
  {
    name: "state_queryStorageTyped",
    description: "a storage item's decoded value as JSON, by pallet, item and keys (ours)",
    params: [
      { name: "pallet", type: "string", description: "pallet, e.g. SubtensorModule" },
      { name: "item", type: "string", description: "storage item, e.g. TotalNetworks" },
      { name: "keys", type: "array", optional: true, description: "the map keys, e.g. [1] or [1, address]" },
      at,
    ],
    handler: state.getTyped,
  },
  // --- author
  {
    name: "author_submitExtrinsic",
    description: "submits a signed extrinsic (hex); returns its hash",
    params: [
      { name: "extrinsic", type: "hex", description: "the signed extrinsic, SCALE with length prefix" },
    ],
    handler: author.submitExtrinsic,
  },
  {
    name: "author_submitAndWatchExtrinsic",
    description:
      "submits and follows an extrinsic: future/ready → {inBlock} → {finalized}, or {invalid}/{dropped}/{usurped}; inBlock and finalized carry success and the decoded error",
    params: [
      { name: "extrinsic", type: "hex", description: "the signed extrinsic, SCALE with length prefix" },
    ],
    subscription: {
      notification: "author_extrinsicUpdate",
      unsubscribe: "author_unwatchExtrinsic",
      start: author.submitAndWatch,
    },
  },
  {
    name: "author_pendingExtrinsics",
    description: "the extrinsics in the pool (hex)",
    params: [],
    handler: author.pendingExtrinsics,
  },
  // --- system
  { name: "system_chain", description: "the chain's name", params: [], handler: system.chainName },
  { name: "system_name", description: "the node implementation's name", params: [], handler: system.name },
  { name: "system_version", description: "the node's version", params: [], handler: system.version },
  { name: "system_health", description: "peers and sync state", params: [], handler: system.health },
  {
    name: "system_properties",
    description: "SS58 format, token symbol and decimals",
    params: [],
    handler: system.properties,
  },
  {
    name: "system_accountNextIndex",
    description: "the next nonce of an account, counting its transactions in the pool",
    params: [{ name: "account", type: "address", description: "SS58 address" }],
    handler: system.accountNextIndex,
  },
  // --- Subtensor info calls (JSON)
  {
    name: "subnetInfo_getSubnetsInfo",
    description: "every subnet: owner, tempo, size, registration and emission state",
    params: [at],
    handler: info.subnetsInfo,
  },
  {
    name: "subnetInfo_getSubnetInfo",
    description: "one subnet's info, or null",
    params: [netuid, at],
    handler: info.subnetInfo,
  },
  {
    name: "subnetInfo_getSubnetHyperparams",
    description: "a subnet's hyperparameters",
    params: [netuid, at],
    handler: info.hyperparams,
  },
  {
    name: "subnetInfo_getDynamicInfo",
    description: "a subnet's pool: TAO in, alpha in/out, price (TAO per alpha, rao per alpha as decimal)",
    params: [netuid, at],
    handler: info.dynamicInfo,
  },
  {
    name: "subnetInfo_getAllDynamicInfo",
    description: "every subnet's pool and price",
    params: [at],
    handler: info.allDynamicInfo,
  },
  {
    name: "subnetInfo_getMetagraph",
    description: "a whole subnet in one call: per-uid columns, optionally weights and bonds",
    params: [
      netuid,
      {
        name: "options",
        type: "object",
        optional: true,
        description: "{ weights?: boolean, bonds?: boolean }",
      },
      at,
    ],
    handler: info.metagraph,
  },
  {
    name: "neuronInfo_getNeurons",
    description: "every neuron of a subnet",
    params: [netuid, at],
    handler: info.neurons,
  },
  {
    name: "neuronInfo_getNeuron",
    description: "one neuron by uid, or null",
    params: [netuid, { name: "uid", type: "u16", description: "uid in the subnet" }, at],
    handler: info.neuron,
  },
  {
    name: "subnetInfo_getLockCost",
    description: "the TAO (rao) registering a subnet locks in the next block",
    params: [],
    handler: info.lockCost,
  },
  {
    name: "stakeInfo_getStakeInfoForColdkey",
    description: "a coldkey's stake: per hotkey and subnet, alpha and its TAO value at today's price (rao)",
    params: [{ name: "coldkey", type: "address", description: "SS58 address" }, at],
    handler: info.stakeInfoForColdkey,
  },
  {
    name: "subnetInfo_getColdkeyAutoStakeHotkey",
    description: "the hotkey a coldkey's miner incentive on a subnet is staked to, or null (the miner's own)",
    params: [{ name: "coldkey", type: "address", description: "SS58 address" }, netuid, at],
    handler: info.coldkeyAutoStakeHotkey,
  },
  {
    name: "delegateInfo_getDelegates",
    description: "every delegate hotkey with its take, owner and stake per subnet",
    params: [at],
    handler: info.delegates,
  },
  {
    name: "delegateInfo_getDelegate",
    description:
      "one hotkey as a delegate: take, owner, stake and nominators per subnet, registrations, permits",
    params: [{ name: "hotkey", type: "address", description: "SS58 address of the hotkey" }, at],
    handler: info.delegate,
  },
  {
    name: "subtensor_accountHistory",
    description: "the extrinsics and block events that involve an account, newest first",
    params: [
      { name: "account", type: "address", description: "SS58 address" },
      { name: "limit", type: "u32", optional: true, description: "most entries (default 100)" },
    ],
    handler: info.accountHistory,
  },
  {
    name: "subtensor_lastEpoch",
    description:
      "a subnet's last epoch inputs and outputs, as a docs/yuma-scenario.md document (for tao yuma explain)",
    params: [netuid],
    handler: info.lastEpoch,
  },
  // --- dev (only with --dev)
  {
    name: "dev_mine",
    dev: true,
    description: "authors N blocks now; returns the last header",
    params: [{ name: "blocks", type: "u32", optional: true, description: "how many (default 1)" }],
    handler: dev.mine,
  },
  {
    name: "dev_mineUntilEpoch",
    dev: true,
    description: "authors blocks until the subnet's next epoch has run",
    params: [
      netuid,
      { name: "maxBlocks", type: "u32", optional: true, description: "give up after (default 10000)" },
    ],
    handler: dev.mineUntilEpoch,
  },
  {
    name: "dev_snapshot",
    dev: true,
    description: "remembers the best block; returns an id for dev_revert",
    params: [],
    handler: dev.snapshot,
  },
  {
    name: "dev_revert",
    dev: true,
    description: "reverts the chain to a snapshot (and drops the pool); false for an unknown id",
    params: [{ name: "id", type: "string", description: "from dev_snapshot" }],
    handler: dev.revert,
  },
  {
    name: "dev_setBalance",
    dev: true,
    description: "sets an account's free balance (rao) in a new block, through Sudo as //Alice",
    params: [
      { name: "account", type: "address", description: "SS58 address" },
      { name: "free", type: "u64", description: "rao" },
    ],
    handler: dev.setBalance,
  },
  {
    name: "dev_setNextBlockTimestamp",
    dev: true,
    description: "the time (ms) of the next block; it must fall in a later slot than the head's",
    params: [{ name: "timestamp", type: "u64", description: "ms since the Unix epoch" }],
    handler: dev.setNextTimestamp,
  },
  {
    name: "dev_nodeInfo",
    dev: true,
    description: "mode, block time, preset, genesis, heads, pool size, RPC address",
    params: [],
    handler: dev.nodeInfo,
  },
];

/** `rpc_methods`: Substrate's shape ({ methods: names }) plus each method's params and description. */
export function rpcMethods(dev: boolean): unknown {
  const served = METHODS.filter((m) => dev || !m.dev);
  const names = served.flatMap((m) => (m.subscription ? [m.name, m.subscription.unsubscribe] : [m.name]));
  return {
    methods: [...names, "rpc_methods"].sort(),
    schemas: Object.fromEntries(
      served.map((m) => [
        m.name,
        { description: m.description, signature: `${m.name}(${signature(m)})`, params: m.params },
      ]),
    ),
  };
}

export const METHOD_MAP: ReadonlyMap<string, MethodSpec> = new Map(METHODS.map((m) => [m.name, m]));
