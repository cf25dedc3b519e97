// A chain in memory for runtime tests: genesis, signing with tracked nonces, blocks with fake hashes.
import { blake2b256, bytesToHex, cryptoReady, type Keypair, u32 } from "@opentao/primitives";
import {
  applyGenesis,
  type BlockInfo,
  type BlockOutcome,
  type Era,
  type GenesisConfig,
  getPreset,
  MemoryStore,
  type PresetName,
  Runtime,
  type RuntimeCall,
  SystemStorage,
  signExtrinsic,
} from "../src/index.js";

export const hashOfBlock = (n: number): string => bytesToHex(blake2b256(u32.enc(n)));
export const GENESIS_HASH = hashOfBlock(0);

export class TestChain {
  readonly store = new MemoryStore();
  readonly runtime: Runtime;
  /** The last imported block number. */
  head = 0;
  author: string | undefined;

  constructor(genesis: GenesisConfig, preset: PresetName = "fast") {
    this.runtime = new Runtime(getPreset(preset));
    applyGenesis(this.store, this.runtime.preset, genesis);
    this.author = genesis.authorities[0];
  }

  static async ready(): Promise<void> {
    await cryptoReady();
  }

  nextBlock(): BlockInfo {
    const number = this.head + 1;
    return {
      number,
      parentHash: hashOfBlock(this.head),
      timestamp: BigInt(number) * 250n,
      ...(this.author ? { author: this.author } : {}),
    };
  }

  nonce(who: Keypair | string): number {
    return SystemStorage.Account.get(this.store, typeof who === "string" ? who : who.ss58Address).nonce;
  }

  sign(
    keypair: Keypair,
    call: RuntimeCall,
    options: { nonce?: number; tip?: bigint; era?: Era; genesisHash?: string; birthHash?: string } = {},
  ): Uint8Array {
    return signExtrinsic(keypair, call, {
      nonce: options.nonce ?? this.nonce(keypair),
      ...(options.tip !== undefined ? { tip: options.tip } : {}),
      ...(options.era ? { era: options.era } : {}),
      genesisHash: options.genesisHash ?? GENESIS_HASH,
      birthHash: options.birthHash ?? GENESIS_HASH,
    });
  }

  /** Imports a block of extrinsics; an invalid block leaves the chain unchanged. */
  block(extrinsics: Uint8Array[] = []): BlockOutcome {
    const outcome = this.runtime.executeBlock(this.store, this.nextBlock(), extrinsics);
    if (outcome.ok) this.head += 1;
    return outcome;
  }

  free(who: Keypair | string): bigint {
    return SystemStorage.Account.get(this.store, typeof who === "string" ? who : who.ss58Address).data.free;
  }
}

export const transferCall = (dest: string, value: bigint, name = "transfer_allow_death"): RuntimeCall => ({
  pallet: "Balances",
  name,
  args: { dest, value },
});
