// What the pages read, in the node's JSON shapes (u64 as decimal strings), and blocks decoded here.
import { blake2b256, bytesToHex, hexToBytes } from "@opentao/primitives";
import { CALL_TABLE, decodeExtrinsic, installCallTable } from "@opentao/runtime";
import type { DynamicInfo, SubnetInfo } from "@opentao/sdk";
import { blockNumber, plain } from "./format.js";
import type { Rpc } from "./rpc.js";

export interface Header {
  parentHash: string;
  number: string;
  stateRoot: string;
  extrinsicsRoot: string;
  hash: string;
  timestamp: string;
  slot: string;
  author?: string;
}

export interface EventRecord {
  phase: { kind: "ApplyExtrinsic"; index: number } | { kind: "Initialization" } | { kind: "Finalization" };
  event: { pallet: string; name: string; data: Record<string, unknown> };
}

export interface Extrinsic {
  index: number;
  hash: string;
  signer: string | undefined;
  nonce: number | undefined;
  tip: string | undefined;
  pallet: string;
  call: string;
  /** Decoded arguments, bigint as decimal strings. */
  args: Record<string, unknown>;
  length: number;
  success: boolean;
  error: string | undefined;
  fee: string | undefined;
  events: EventRecord[];
}

export interface BlockView {
  number: number;
  hash: string;
  header: Header;
  extrinsics: Extrinsic[];
  events: EventRecord[];
}

// The runtime installs its call table as a module side effect, which the bundler drops (the package
// declares sideEffects: false); install it here so calls decode.
installCallTable(CALL_TABLE);

const jsonArgs = (args: unknown): Record<string, unknown> =>
  JSON.parse(plain(args ?? {})) as Record<string, unknown>;

export function decodeOne(hex: string, index: number, events: EventRecord[]): Extrinsic {
  const bytes = hexToBytes(hex);
  const own = events.filter((e) => e.phase.kind === "ApplyExtrinsic" && e.phase.index === index);
  const failed = own.find((e) => e.event.pallet === "System" && e.event.name === "ExtrinsicFailed");
  const fee = own.find(
    (e) => e.event.pallet === "TransactionPayment" && e.event.name === "TransactionFeePaid",
  );
  const base = {
    index,
    hash: bytesToHex(blake2b256(bytes)),
    length: bytes.length,
    success: !failed,
    error: failed ? errorName(failed.event.data.dispatchError) : undefined,
    fee: fee ? String(fee.event.data.actualFee) : undefined,
    events: own,
  };
  try {
    const x = decodeExtrinsic(bytes);
    return {
      ...base,
      signer: x.signed?.signer,
      nonce: x.signed ? Number(x.signed.extra.nonce) : undefined,
      tip: x.signed ? String(x.signed.extra.tip) : undefined,
      pallet: x.call.pallet,
      call: x.call.name,
      args: jsonArgs(x.call.args),
    };
  } catch (e) {
    return {
      ...base,
      signer: undefined,
      nonce: undefined,
      tip: undefined,
      pallet: "?",
      call: "undecodable",
      args: { error: (e as Error).message },
    };
  }
}

function errorName(e: unknown): string {
  const x = e as { kind?: string; pallet?: string; name?: string } | undefined;
  if (x?.pallet && x.name) return `${x.pallet}.${x.name}`;
  return x?.kind ?? plain(e);
}

export async function loadBlock(rpc: Rpc, id: string | number): Promise<BlockView | null> {
  const got = await rpc.call<{ block: { header: Header; extrinsics: string[] } } | null>("chain_getBlock", [
    id,
  ]);
  if (!got) return null;
  const header = got.block.header;
  const events = await rpc.call<EventRecord[]>("chain_getEvents", [header.hash]);
  return {
    number: blockNumber(header.number),
    hash: header.hash,
    header,
    extrinsics: got.block.extrinsics.map((hex, i) => decodeOne(hex, i, events)),
    events,
  };
}

export type { DynamicInfo, SubnetInfo };

export interface Metagraph {
  netuid: number;
  block: number;
  n: number;
  subnet: SubnetInfo;
  dynamic: DynamicInfo;
  hyperparameters: Record<string, string | number | boolean>;
  hotkeys: string[];
  coldkeys: string[];
  stake: string[];
  totalStake: string[];
  active: boolean[];
  validatorPermit: boolean[];
  consensus: number[];
  incentive: number[];
  dividends: number[];
  validatorTrust: number[];
  emission: string[];
  lastUpdate: string[];
  blockAtRegistration: string[];
  weights?: { uids: number[]; values: number[] }[];
}

export interface AccountInfo {
  nonce: number;
  data: { free: string; reserved: string; frozen: string };
}

export interface StakeInfo {
  hotkey: string;
  coldkey: string;
  netuid: number;
  stake: string;
}

export interface DelegateInfo {
  hotkey: string;
  owner: string;
  take: number;
  stake: { netuid: number; alpha: string }[];
  nominators: { coldkey: string; netuid: number; alpha: string }[];
  registrations: number[];
  validatorPermits: number[];
}

/** Subtensor's blocks_until_next_auto_epoch: (LastEpochBlock + tempo) − block, at least 0; null for tempo 0. */
export function blocksToNextEpoch(head: number, lastEpochBlock: number, tempo: number): number | null {
  if (tempo === 0) return null;
  return Math.max(0, lastEpochBlock + tempo - head);
}
