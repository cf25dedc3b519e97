// Shared by the node's tests: dev chains, signed transfers, temporary directories.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { blake2b256, type Keypair, ss58Encode, u32 } from "@opentao/primitives";
import { devAccount, SystemStorage, signExtrinsic } from "@opentao/runtime";
import { Chain, type ChainOptions } from "../src/index.js";

export const ONE = devAccount("One");
export const ALICE = devAccount("Alice");
export const BOB = devAccount("Bob");
export const CHARLIE = devAccount("Charlie");

export const TAO = 1_000_000_000n;

export const tempDir = (name = "node"): string => mkdtempSync(join(tmpdir(), `opentao-${name}-`));

/** A dev chain (in memory unless basePath is given) that seals with //One. */
export function devChain(options: ChainOptions = {}): Promise<Chain> {
  return Chain.open({ authorityKeys: [ONE], ...options });
}

/** A fresh account that nobody holds a key for. */
export const address = (i: number): string => ss58Encode(blake2b256(u32.enc(i)));

export function nonceOf(chain: Chain, who: Keypair): number {
  return SystemStorage.Account.get(chain.headState(), who.ss58Address).nonce;
}

export function transfer(
  chain: Chain,
  from: Keypair,
  to: string,
  value: bigint,
  nonce = nonceOf(chain, from),
): Uint8Array {
  return signExtrinsic(
    from,
    { pallet: "Balances", name: "transfer_allow_death", args: { dest: to, value } },
    { nonce, genesisHash: chain.genesisHash, birthHash: chain.genesisHash },
  );
}

export function freeOf(chain: Chain, who: string): bigint {
  return SystemStorage.Account.get(chain.headState(), who).data.free;
}
