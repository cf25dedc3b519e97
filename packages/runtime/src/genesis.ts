import { DEV_PHRASE, hexToBytes, Keypair, normalizeAddress, RAO_PER_TAO } from "@opentao/primitives";
import type { RuntimeCall } from "./frame/call.js";
import { dispatch } from "./frame/dispatch.js";
import { dispatchErrorName } from "./frame/dispatch-error.js";
import type { Environment } from "./frame/scope.js";
import { Scope } from "./frame/scope.js";
import { AuraStorage } from "./pallets/aura/storage.js";
import { setFreeBalance } from "./pallets/balances/currency.js";
import { buildSubtensorGenesis } from "./pallets/subtensor/genesis.js";
import { SudoStorage } from "./pallets/sudo/storage.js";
import type { Preset } from "./presets/index.js";
import { Overlay } from "./storage/overlay.js";
import type { KeyValueStore } from "./storage/store.js";

/** The chain's starting state, before block 1. */
export interface GenesisConfig {
  /** Initial free balances in rao; each at least the existential deposit. */
  balances: readonly { address: string; free: bigint }[];
  /** The account that may dispatch calls as root (pallet-sudo). */
  sudo?: string;
  /** Block authors, in slot order (author = authorities[slot mod n]). */
  authorities: readonly string[];
  /** Raw storage entries (hex key → hex value), for tests that need state no call can create. */
  raw?: readonly { key: string; value: string }[];
  /**
   * Subnets to create before block 1, through the same calls a user would send (register_network,
   * burned_register, add_stake), so pools, prices and UIDs come out as they would on a live chain.
   * Each signer pays from its genesis balance.
   */
  subnets?: readonly GenesisSubnet[];
}

export interface GenesisSubnet {
  /** The coldkey that registers the subnet and pays its lock cost. */
  owner: string;
  /** The owner's hotkey: UID 0. */
  hotkey: string;
  /** Neurons to register after the owner's hotkey, each paying the burn from its coldkey. */
  neurons?: readonly { coldkey: string; hotkey: string }[];
  /** Stake to add, in rao of TAO, from a coldkey onto a hotkey of this subnet. */
  stake?: readonly { coldkey: string; hotkey: string; amount: bigint }[];
}

export class GenesisError extends Error {
  override readonly name = "GenesisError";
}

const GENESIS_BLOCK = { number: 0, parentHash: `0x${"00".repeat(32)}`, timestamp: 0n };

/** Writes the genesis state into `store`, validating the config first (nothing is written on error). */
export function applyGenesis(target: KeyValueStore, preset: Preset, config: GenesisConfig): void {
  const balances = checkConfig(preset, config);
  // Genesis subnets run calls that can fail late; an overlay keeps a failure from writing anything.
  const store = new Overlay(target);
  const env: Environment = { preset, block: GENESIS_BLOCK };
  const scope = new Scope(store, env);
  for (const { address, free } of balances) setFreeBalance(scope, address, free);
  if (config.sudo) SudoStorage.Key.set(store, normalizeAddress(config.sudo));
  AuraStorage.Authorities.set(store, config.authorities.map(normalizeAddress));
  buildSubtensorGenesis(scope, config.sudo && normalizeAddress(config.sudo));
  for (const { key, value } of config.raw ?? []) {
    store.set(key.replace(/^0x/, "").toLowerCase(), hexToBytes(value, `genesis raw value for ${key}`));
  }
  for (const [i, subnet] of (config.subnets ?? []).entries())
    createSubnet(scope, subnet, `genesis subnets[${i}]`);
  store.commitInto(target);
}

function createSubnet(scope: Scope, subnet: GenesisSubnet, where: string): void {
  const run = (signer: string, call: RuntimeCall, what: string) => {
    const before = scope.events.length;
    const result = dispatch(scope, { kind: "Signed", who: normalizeAddress(signer) }, call);
    if (!result.ok) throw new GenesisError(`${where}.${what}: ${dispatchErrorName(result.error)}`);
    return scope.events.slice(before);
  };
  const added = run(subnet.owner, sub("register_network", { hotkey: subnet.hotkey }), "owner").find(
    (e) => e.name === "NetworkAdded",
  );
  const netuid = added?.data.netuid as number;
  for (const [j, n] of (subnet.neurons ?? []).entries()) {
    run(n.coldkey, sub("burned_register", { netuid, hotkey: n.hotkey }), `neurons[${j}]`);
  }
  for (const [j, st] of (subnet.stake ?? []).entries()) {
    run(st.coldkey, sub("add_stake", { hotkey: st.hotkey, netuid, amountStaked: st.amount }), `stake[${j}]`);
  }
}

const sub = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function checkConfig(preset: Preset, config: GenesisConfig) {
  const seen = new Set<string>();
  const balances = config.balances.map(({ address, free }, i) => {
    let normalized: string;
    try {
      normalized = normalizeAddress(address);
    } catch (e) {
      throw new GenesisError(`genesis balances[${i}]: ${(e as Error).message}`);
    }
    if (seen.has(normalized)) throw new GenesisError(`genesis balances[${i}]: ${address} is listed twice`);
    seen.add(normalized);
    if (free < preset.chain.existentialDeposit) {
      throw new GenesisError(
        `genesis balances[${i}]: ${free} rao is below the existential deposit of ${preset.chain.existentialDeposit} rao`,
      );
    }
    return { address: normalized, free };
  });
  if (config.authorities.length === 0)
    throw new GenesisError("genesis needs at least one authority to author blocks");
  for (const [i, key] of (config.raw ?? []).entries()) {
    if (!/^(0x)?([0-9a-fA-F]{2})+$/.test(key.key) || !/^(0x)?([0-9a-fA-F]{2})*$/.test(key.value)) {
      throw new GenesisError(`genesis raw[${i}]: key and value must be hex strings`);
    }
  }
  return balances;
}

const TAO = RAO_PER_TAO;

export const devAccount = (name: string): Keypair => Keypair.fromUri(`${DEV_PHRASE}//${name}`);

/** Subtensor's localnet genesis (transactions.md §11): Alice is sudo, One authors blocks. */
export function devGenesis(): GenesisConfig {
  const funded: [string, bigint][] = [
    ["Alice", 1_000_000n * TAO],
    ["Bob", 1_000_000n * TAO],
    ["Charlie", 1_000_000n * TAO],
    ["Dave", 2_000n * TAO],
    ["Eve", 2_000n * TAO],
    ["Ferdie", 2_000n * TAO],
    ["One", 2_000n * TAO],
    ["Two", 2_000n * TAO],
    ["Three", 2_000n * TAO],
  ];
  return {
    balances: funded.map(([name, free]) => ({ address: devAccount(name).ss58Address, free })),
    sudo: devAccount("Alice").ss58Address,
    authorities: [devAccount("One").ss58Address],
  };
}
