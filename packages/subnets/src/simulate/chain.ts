// The network in one process: the runtime over an in-memory store, blocks produced back to back with
// signed extrinsics, no node and no HTTP. Block hashes are a hash of the number (nothing here needs a
// header); transactions sign the genesis hash as they would on a node.
import { blake2b256, bytesToHex, type Keypair, u32 } from "@opentao/primitives";
import {
  type ApplyOutcome,
  applyGenesis,
  dispatchErrorName,
  type EventRecord,
  type GenesisConfig,
  invalidMessage,
  MemoryStore,
  type Preset,
  Runtime,
  type RuntimeCall,
  SystemStorage,
  signExtrinsic,
} from "@opentao/runtime";

const hashOfBlock = (n: number): string => bytesToHex(blake2b256(u32.enc(n)));

export interface Submitted {
  /** Who sent it and what, for error messages. */
  label: string;
  signer: Keypair;
  call: RuntimeCall;
}

export interface BlockResult {
  number: number;
  events: EventRecord[];
  /** One per submitted extrinsic, in order: undefined when it succeeded, else the error's name. */
  failures: (string | undefined)[];
}

export class SimChain {
  readonly store = new MemoryStore();
  readonly runtime: Runtime;
  head = 0;
  readonly #author: string;

  constructor(preset: Preset, genesis: GenesisConfig) {
    this.runtime = new Runtime(preset);
    applyGenesis(this.store, preset, genesis);
    this.#author = genesis.authorities[0]!;
  }

  get preset(): Preset {
    return this.runtime.preset;
  }

  /**
   * Signs each call with its account's next nonce and imports them as the next block. An invalid
   * extrinsic means the simulation built a wrong transaction: that is a bug, so it throws.
   */
  block(txs: readonly Submitted[] = []): BlockResult {
    const nonces = new Map<string, number>();
    const bytes = txs.map(({ signer, call }) => {
      const who = signer.ss58Address;
      const nonce = nonces.get(who) ?? SystemStorage.Account.get(this.store, who).nonce;
      nonces.set(who, nonce + 1);
      return signExtrinsic(signer, call, { nonce, genesisHash: hashOfBlock(0), birthHash: hashOfBlock(0) });
    });
    const number = this.head + 1;
    const info = {
      number,
      parentHash: hashOfBlock(this.head),
      timestamp: BigInt(number) * BigInt(this.preset.chain.blockTimeMs),
      author: this.#author,
    };
    const outcome = this.runtime.executeBlock(this.store, info, bytes);
    if (!outcome.ok) {
      const tx = txs[outcome.index]!;
      throw new Error(
        `block ${number}: ${tx.label} (${tx.call.pallet}.${tx.call.name}) is invalid: ${invalidMessage(outcome.invalid)}`,
      );
    }
    this.head = number;
    return { number, events: outcome.events, failures: outcome.outcomes.map(failureOf) };
  }
}

function failureOf(outcome: ApplyOutcome): string | undefined {
  if (outcome.kind !== "Applied" || outcome.success) return undefined;
  return dispatchErrorName(outcome.error);
}
