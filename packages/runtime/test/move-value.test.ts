// Issue 8's property: stake moved (move_stake, transfer_stake, swap_stake, swap_stake_limit, on root and
// between subnets, with epochs and root claims in between) never creates or destroys value beyond the
// pool's fee and Subtensor's rounding, and never makes root dividends claimable twice.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  callTable,
  poolOf,
  quoteSell,
  type RuntimeCall,
  type RuntimeEvent,
  SubtensorStorage as S,
  Scope,
  spotPrice,
} from "../src/index.js";
import { isStableSubnet } from "../src/pallets/subtensor/pool/pool-state.js";
import { owedRootDividends } from "../src/pallets/subtensor/root-claims/claims.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const TAO = RAO_PER_TAO;
const bob = Keypair.fromUri("//Bob");
const people = [Keypair.fromUri("//Charlie"), Keypair.fromUri("//Dave")];
const hotkeys = [Keypair.fromUri("//Bob//owner").ss58Address, Keypair.fromUri("//Bob//sn2").ss58Address];
const coldkeys = [bob, ...people].map((k) => k.ss58Address);
const NETUIDS = [0, 1, 2];

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

function inBlock(c: TestChain, who: Keypair, x: RuntimeCall) {
  const out = c.block([c.sign(who, x)]);
  const o = out.ok ? out.outcomes[0] : undefined;
  if (o?.kind !== "Applied" || !o.success) throw new Error(`${x.name} failed`);
}

/** Dispatched straight to the pallet, outside a block, so nothing else moves the pools meanwhile. */
function dispatch(c: TestChain, who: string, x: RuntimeCall): { ok: boolean; events: RuntimeEvent[] } {
  const found = callTable().lookup(x.pallet, x.name);
  if (!found) throw new Error(`no call ${x.name}`);
  const scope = new Scope(c.store, { preset: c.runtime.preset, block: c.nextBlock() });
  const r = scope.transaction((s) => found.def.dispatch(s, { kind: "Signed", who }, x.args as never));
  return { ok: r.ok, events: scope.events };
}

/** Two subnets whose owner hotkeys carry everyone's root stake, after both have paid root dividends. */
function setup(): TestChain {
  const c = chainWithFunds([bob, ...people]);
  for (const hotkey of hotkeys) inBlock(c, bob, call("register_network", { hotkey }));
  for (const netuid of [1, 2]) {
    inBlock(c, bob, call("add_stake", { hotkey: hotkeys[netuid - 1], netuid, amountStaked: 10n * TAO }));
    // Root dividends are paid only while the subnets' EMA prices sum above 1 (economics §4.5).
    S.SubnetMovingPrice.set(c.store, netuid, 2n << 32n);
  }
  for (const p of people) {
    for (const [i, hotkey] of hotkeys.entries()) {
      inBlock(c, p, call("add_stake", { hotkey, netuid: 0, amountStaked: 1_000n * TAO }));
      inBlock(c, p, call("add_stake", { hotkey, netuid: i + 1, amountStaked: 20n * TAO }));
    }
  }
  const start = [1, 2].map((n) => S.SubnetEpochIndex.get(c.store, n));
  while ([1, 2].some((n, i) => S.SubnetEpochIndex.get(c.store, n) <= start[i]!)) c.block();
  return c;
}

/** TAO a fee-free sale of `alpha` on `netuid` would pay from `pool`: the value of that stake. */
function worthOf(c: TestChain, netuid: number, alpha: bigint, pool = poolOf(c.store, netuid)): bigint {
  if (alpha === 0n || isStableSubnet(c.store, netuid)) return alpha;
  const q = quoteSell(pool, alpha, {
    feeRate: S.FeeRate.get(c.store, netuid),
    minimumReserve: c.runtime.preset.pool.minimumReserve,
    dropFees: true,
    simulate: true,
  });
  if (!q.ok) throw new Error(`cannot value ${alpha} alpha on ${netuid}`);
  return q.amountPaidOut;
}

/** ⌈spot price⌉ in rao per alpha rao: what one rao of alpha lost to rounding can be worth. */
function raoPrice(c: TestChain, netuid: number): bigint {
  const p = spotPrice(poolOf(c.store, netuid), S.SubnetMechanism.get(c.store, netuid));
  return p.toInt() + 1n;
}

const owedTotal = (c: TestChain) =>
  hotkeys.reduce(
    (sum, h) =>
      sum +
      coldkeys.reduce(
        (s, ck) => s + owedRootDividends(c.store, h, ck, 1) + owedRootDividends(c.store, h, ck, 2),
        0n,
      ),
    0n,
  );

const who = fc.nat(1);
const hot = fc.nat(1);
const netuid = fc.constantFrom(...NETUIDS);
const part = fc.integer({ min: 1, max: 100 });
const action = fc.oneof(
  fc.record({ kind: fc.constant("move" as const), who, from: hot, to: hot, o: netuid, d: netuid, part }),
  fc.record({ kind: fc.constant("transfer" as const), who, hot, o: netuid, d: netuid, part }),
  fc.record({ kind: fc.constant("swap" as const), who, hot, o: netuid, d: netuid, part }),
  fc.record({
    kind: fc.constant("swapLimit" as const),
    who,
    hot,
    o: netuid,
    d: netuid,
    part,
    limit: fc.bigInt({ min: 0n, max: 2_000_000_000n }),
    allowPartial: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("claim" as const), who }),
  fc.record({ kind: fc.constant("wait" as const), blocks: fc.integer({ min: 1, max: 12 }) }),
);
type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;
type Move = Exclude<Action, { kind: "claim" | "wait" }>;

/** The call, and the (hotkey, coldkey, netuid) positions it moves stake between. */
function toMove(c: TestChain, a: Move) {
  const coldkey = people[a.who]!.ss58Address;
  const originHotkey = hotkeys[a.kind === "move" ? a.from : a.hot]!;
  const destinationHotkey = hotkeys[a.kind === "move" ? a.to : a.hot]!;
  const destinationColdkey = a.kind === "transfer" ? people[1 - a.who]!.ss58Address : coldkey;
  const owned = stakeOf(c.store, originHotkey, coldkey, a.o);
  const alphaAmount = (owned * BigInt(a.part)) / 100n;
  const nets = { originNetuid: a.o, destinationNetuid: a.d, alphaAmount };
  const x =
    a.kind === "move"
      ? call("move_stake", { originHotkey, destinationHotkey, ...nets })
      : a.kind === "transfer"
        ? call("transfer_stake", { destinationColdkey, hotkey: originHotkey, ...nets })
        : a.kind === "swap"
          ? call("swap_stake", { hotkey: originHotkey, ...nets })
          : call("swap_stake_limit", {
              hotkey: originHotkey,
              ...nets,
              limitPrice: a.limit,
              allowPartial: a.allowPartial,
            });
  return {
    x,
    coldkey,
    origin: { hotkey: originHotkey, coldkey, netuid: a.o },
    destination: { hotkey: destinationHotkey, coldkey: destinationColdkey, netuid: a.d },
  };
}

describe("stake moved keeps its value", () => {
  it("worth after ≥ worth before − the fees in the events − rounding, and ≤ before + rounding; owed root dividends never grow", () => {
    let moves = 0;
    fc.assert(
      fc.property(fc.array(action, { minLength: 4, maxLength: 12 }), (actions) => {
        const c = setup();
        for (const a of actions) {
          if (a.kind === "wait") {
            for (let i = 0; i < a.blocks; i++) c.block();
            continue;
          }
          if (a.kind === "claim") {
            dispatch(c, people[a.who]!.ss58Address, call("claim_root", { subnets: [1, 2] }));
            continue;
          }
          const m = toMove(c, a);
          const pos = (p: typeof m.origin) => stakeOf(c.store, p.hotkey, p.coldkey, p.netuid);
          const free = () =>
            c.free(m.coldkey) + (m.destination.coldkey === m.coldkey ? 0n : c.free(m.destination.coldkey));
          const before = {
            origin: pos(m.origin),
            destination: pos(m.destination),
            free: free(),
            owed: owedTotal(c),
          };
          const originPool = poolOf(c.store, m.origin.netuid);
          const originPrice = raoPrice(c, m.origin.netuid);
          const r = dispatch(c, m.coldkey, m.x);
          if (!r.ok) {
            // A refused move changes nothing.
            expect([pos(m.origin), pos(m.destination), free(), owedTotal(c)]).toEqual([
              before.origin,
              before.destination,
              before.free,
              before.owed,
            ]);
            continue;
          }
          moves++;
          const removed = before.origin - pos(m.origin);
          const gained = pos(m.destination) - before.destination;
          const worthBefore = worthOf(c, m.origin.netuid, removed, originPool);
          // TAO below the minimum stake stays free rather than becoming stake.
          const worthAfter = worthOf(c, m.destination.netuid, gained) + free() - before.free;
          // The purchase's fee is TAO; the sale's is alpha, worth what it would have added to the sale.
          let fees = 0n;
          for (const e of r.events) {
            const fee = e.data.fee as bigint;
            if (e.name === "StakeAdded") fees += fee;
            if (e.name === "StakeRemoved" && fee > 0n)
              fees += worthBefore - worthOf(c, m.origin.netuid, removed - fee, originPool);
          }
          // The share pools floor a position by a rao of alpha, worth up to a price's rao of TAO.
          const priceD = raoPrice(c, m.destination.netuid);
          const rounding = (originPrice > priceD ? originPrice : priceD) + 2n;
          expect(worthAfter).toBeGreaterThanOrEqual(worthBefore - fees - rounding);
          expect(worthAfter).toBeLessThanOrEqual(worthBefore - fees + rounding);
          // Root dividends owed never grow through a move, but for the rao by which Subtensor floors the
          // receiver's claimed mark on each subnet.
          expect(owedTotal(c)).toBeLessThanOrEqual(before.owed + 2n);
        }
      }),
      { numRuns: 30 },
    );
    expect(moves).toBeGreaterThan(30);
  });
});
