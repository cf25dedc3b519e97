export { type NeuronAxonInfo, toAxonInfo } from "./axon-info.js";
export { Metagraph, type MetagraphSource, type SyncOptions } from "./metagraph.js";
