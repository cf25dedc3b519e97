// Subtensor's tests/mock.rs helpers for the ported staking, move and take tests. The chain runs the
// `test` preset (the mock's parameter values). Calls are dispatched the way Subtensor's tests call the
// pallet: straight to the call with a signed origin, so no transaction fee or signed extension runs,
// and a failed call leaves storage as it was (assert_noop).
import { Keypair, U64F64 } from "@opentao/primitives";
import {
  callTable,
  currentLockCost,
  type DispatchError,
  mint,
  poolOf,
  type RuntimeEvent,
  SubtensorStorage as S,
  Scope,
  spotPrice,
} from "../src/index.js";
import { increaseStake, stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { stakeTao } from "../src/pallets/subtensor/staking/stake-ops.js";
import type { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

/** Subtensor's `U256::from(n)` accounts: a distinct address per number. */
export const acct = (n: number): string => Keypair.fromUri(`//U256/${n}`).ss58Address;

export interface Dispatched {
  error: DispatchError | undefined;
  events: RuntimeEvent[];
}

export class Mock {
  readonly c: TestChain = chainWithFunds([], "test");

  get store() {
    return this.c.store;
  }

  /** Blocks `advance` skipped without importing them (Subtensor's `System::set_block_number`). */
  #skipped = 0;

  /** The block calls run in: the chain's next block plus the skipped ones. */
  get blockNumber(): number {
    return this.c.nextBlock().number + this.#skipped;
  }

  /** A scope at that block, writing straight into the chain's storage. */
  scope(): Scope {
    const block = { ...this.c.nextBlock(), number: this.blockNumber };
    return new Scope(this.c.store, { preset: this.c.runtime.preset, block });
  }

  /** Moves the block number `n` ahead without running any block (no epochs, no emission). */
  advance(n: number): void {
    this.#skipped += n;
  }

  /** `SubtensorModule::<name>(RuntimeOrigin::signed(who), …)` (or `root` / AdminUtils via `pallet`). */
  call(
    who: string | "root",
    name: string,
    args: Record<string, unknown>,
    pallet = "SubtensorModule",
  ): Dispatched {
    const found = callTable().lookup(pallet, name);
    if (!found) throw new Error(`no call ${pallet}.${name}`);
    const scope = this.scope();
    const origin = who === "root" ? ({ kind: "Root" } as const) : ({ kind: "Signed", who } as const);
    const r = scope.transaction((child) => found.def.dispatch(child, origin, args as never));
    return { error: r.ok ? undefined : r.error, events: scope.events };
  }

  ok(who: string, name: string, args: Record<string, unknown>): RuntimeEvent[] {
    const r = this.call(who, name, args);
    if (r.error) throw new Error(`${name} failed: ${JSON.stringify(r.error)}`);
    return r.events;
  }

  /** `add_balance_to_coldkey_account`: mints (issuance grows with it). */
  addBalance(who: string, tao: bigint): void {
    mint(this.scope(), who, tao);
  }

  free(who: string): bigint {
    return this.c.free(who);
  }

  /** `add_dynamic_network`: registers a subnet through register_network and starts its subtoken. */
  addDynamicNetwork(hotkey: string, coldkey: string): number {
    const scope = this.scope();
    this.addBalance(coldkey, currentLockCost(scope) + 1_000_000_000n);
    const added = this.ok(coldkey, "register_network", { hotkey }).find((e) => e.name === "NetworkAdded");
    const netuid = added!.data.netuid as number;
    S.NetworkRegistrationAllowed.set(this.store, netuid, true);
    S.FirstEmissionBlockNumber.set(this.store, netuid, 0n);
    S.SubtokenEnabled.set(this.store, netuid, true);
    return netuid;
  }

  /** `create_account_if_non_existent`: the coldkey owns the hotkey. */
  createAccount(coldkey: string, hotkey: string): void {
    if (S.Owner.contains(this.store, hotkey)) return;
    S.Owner.set(this.store, hotkey, coldkey);
    S.OwnedHotkeys.mutate(this.store, coldkey, (l) => [...l, hotkey]);
  }

  setupReserves(netuid: number, tao: bigint, alpha: bigint): void {
    S.SubnetTAO.set(this.store, netuid, tao);
    S.SubnetAlphaIn.set(this.store, netuid, alpha);
  }

  /** `stake_into_subnet` at the max price, without fee dropping; the alpha bought. */
  stakeIntoSubnet(hotkey: string, coldkey: string, netuid: number, tao: bigint): bigint {
    const r = stakeTao(this.scope(), coldkey, hotkey, netuid, tao);
    if (!r.ok) throw new Error(`stake_into_subnet failed: ${JSON.stringify(r.error)}`);
    return r.alpha;
  }

  /** `increase_stake_for_hotkey_and_coldkey_on_subnet`: shares only, no pool change. */
  increaseStake(hotkey: string, coldkey: string, netuid: number, alpha: bigint): void {
    increaseStake(this.store, hotkey, coldkey, netuid, alpha);
  }

  stake(hotkey: string, coldkey: string, netuid: number): bigint {
    return stakeOf(this.store, hotkey, coldkey, netuid);
  }

  /** `current_alpha_price` as U64F64. */
  price(netuid: number): U64F64 {
    return spotPrice(poolOf(this.store, netuid), S.SubnetMechanism.get(this.store, netuid));
  }

  /** `step_block(n)`: imports n empty blocks. */
  stepBlock(n: number): void {
    for (let i = 0; i < n; i++) this.c.block();
  }
}

export const mock = (): Mock => new Mock();

/** assert_abs_diff_eq! on bigints. */
export function near(actual: bigint, expected: bigint, epsilon: bigint): boolean {
  const d = actual > expected ? actual - expected : expected - actual;
  return d <= epsilon;
}

export const errorName = (e: DispatchError | undefined): string | undefined =>
  e === undefined ? undefined : e.kind === "Module" ? e.name : e.kind;

export { U64F64 };
