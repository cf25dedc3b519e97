// The dev chain's funded accounts: each well-known name as coldkey (`//Name`) and hotkey (`//Name//hot`).
// Their keys are public (the dev phrase): never use them outside a dev chain.
import { DEV_PHRASE, Keypair } from "@opentao/primitives";
import { devGenesis, type KeyValueReader, SystemStorage } from "@opentao/runtime";

export interface DevAccountInfo {
  name: string;
  uri: string;
  coldkey: string;
  hotkey: string;
  hotkeyUri: string;
  free: string;
}

const NAMES = ["Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie", "One", "Two", "Three"];

export function devAccountsInfo(state: KeyValueReader): DevAccountInfo[] {
  const funded = new Set(devGenesis().balances.map((b) => b.address));
  return NAMES.map((name) => {
    const cold = Keypair.fromUri(`${DEV_PHRASE}//${name}`);
    const hot = Keypair.fromUri(`${DEV_PHRASE}//${name}//hot`);
    return {
      name,
      uri: `//${name}`,
      coldkey: cold.ss58Address,
      hotkey: hot.ss58Address,
      hotkeyUri: `//${name}//hot`,
      free: SystemStorage.Account.get(state, cold.ss58Address).data.free.toString(),
    };
  }).filter((a) => funded.has(a.coldkey));
}
