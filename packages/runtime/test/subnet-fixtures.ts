// Test-only shortcuts: put a subnet and neurons straight into storage, without the registration calls.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { SubtensorStorage as S, Scope } from "../src/index.js";
import { appendNeuron } from "../src/pallets/subtensor/uids.js";
import { TestChain } from "./chain.js";

export const owner = Keypair.fromUri("//Alice");
export const ownerHotkey = Keypair.fromUri("//Alice//hot");
export const author = Keypair.fromUri("//One");

export function chainWithFunds(people: Keypair[], preset: "fast" | "mainnet" | "test" = "fast"): TestChain {
  return new TestChain(
    {
      balances: [...new Set([owner, author, ...people])].map((k) => ({
        address: k.ss58Address,
        free: 1_000_000n * RAO_PER_TAO,
      })),
      sudo: owner.ss58Address,
      authorities: [author.ss58Address],
    },
    preset,
  );
}

/** Adds subnet `netuid` owned by //Alice with the preset's new-subnet values and `hotkeys` as uids 0…n. */
export function addSubnet(c: TestChain, netuid: number, hotkeys: string[] = [ownerHotkey.ss58Address]): void {
  const scope = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
  const { store } = scope;
  const d = c.runtime.preset.subnetDefaults;
  S.NetworksAdded.set(store, netuid, true);
  S.SubnetOwner.set(store, netuid, owner.ss58Address);
  S.SubnetOwnerHotkey.set(store, netuid, hotkeys[0] ?? ownerHotkey.ss58Address);
  S.Tempo.set(store, netuid, d.tempo);
  S.ServingRateLimit.set(store, netuid, BigInt(d.servingRateLimit));
  S.MaxAllowedUids.set(store, netuid, 256);
  S.MinAllowedUids.set(store, netuid, d.minAllowedUids);
  S.LastEpochBlock.set(store, netuid, BigInt(c.head));
  for (const hotkey of hotkeys) appendNeuron(scope, netuid, hotkey);
}
