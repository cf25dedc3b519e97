// Conservation over random blocks and transactions (issue 9): TAO changes only by emission, dust and
// burning; every subnet's alpha out covers all stake, pending emission, the protocol's alpha and the
// alpha burned by buy-backs (add_stake_burn) — also when stake moves between subnets through limit
// orders filled in part.
import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import {
  BalancesStorage,
  CoinbaseStorage as C,
  type RuntimeCall,
  SubtensorStorage as S,
  SystemStorage,
  subnetAccountId,
} from "../src/index.js";
import { stakeOf } from "../src/pallets/subtensor/staking/share-pool.js";
import { TestChain } from "./chain.js";
import { chainWithFunds } from "./subnet-fixtures.js";

const owner = Keypair.fromUri("//Bob");
const people = ["//Charlie", "//Dave", "//Eve"].map((u) => Keypair.fromUri(u));
const hot = (i: number) => Keypair.fromUri(`//Hot${i}`).ss58Address;
const TAO = RAO_PER_TAO;

beforeAll(TestChain.ready);

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});

const action = fc.oneof(
  fc.record({
    kind: fc.constant("stake" as const),
    who: fc.nat(2),
    hotkey: fc.nat(3),
    tao: fc.bigInt({ min: 1n, max: 30n * TAO }),
  }),
  fc.record({
    kind: fc.constant("unstake" as const),
    who: fc.nat(2),
    hotkey: fc.nat(3),
    part: fc.integer({ min: 1, max: 100 }),
  }),
  fc.record({ kind: fc.constant("register" as const), who: fc.nat(2), hotkey: fc.nat(3) }),
  // Stake moved to subnet 2 with a limit on the relative price, often filled only in part.
  fc.record({
    kind: fc.constant("swapLimit" as const),
    who: fc.nat(2),
    hotkey: fc.nat(3),
    part: fc.integer({ min: 1, max: 100 }),
    limit: fc.bigInt({ min: 0n, max: 1_200_000_000n }),
    allowPartial: fc.boolean(),
  }),
  // A buy-back: TAO into the pool, the alpha bought burned.
  fc.record({
    kind: fc.constant("stakeBurn" as const),
    who: fc.nat(2),
    hotkey: fc.nat(3),
    tao: fc.bigInt({ min: 1n, max: 30n * TAO }),
  }),
  fc.record({ kind: fc.constant("wait" as const), blocks: fc.integer({ min: 1, max: 12 }) }),
);

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

function toCall(c: TestChain, a: Action): RuntimeCall | undefined {
  if (a.kind === "stake") return call("add_stake", { hotkey: hot(a.hotkey), netuid: 1, amountStaked: a.tao });
  if (a.kind === "stakeBurn")
    return call("add_stake_burn", { hotkey: hot(a.hotkey), netuid: 1, amount: a.tao, limit: undefined });
  if (a.kind === "register") return call("burned_register", { netuid: 1, hotkey: hot(a.hotkey) });
  if (a.kind === "swapLimit") {
    const owned = stakeOf(c.store, hot(a.hotkey), people[a.who]!.ss58Address, 1);
    return call("swap_stake_limit", {
      hotkey: hot(a.hotkey),
      originNetuid: 1,
      destinationNetuid: 2,
      alphaAmount: (owned * BigInt(a.part)) / 100n,
      limitPrice: a.limit,
      allowPartial: a.allowPartial,
    });
  }
  if (a.kind === "unstake") {
    const owned = S.TotalHotkeyAlpha.get(c.store, hot(a.hotkey), 1);
    return call("remove_stake", {
      hotkey: hot(a.hotkey),
      netuid: 1,
      amountUnstaked: (owned * BigInt(a.part)) / 100n,
    });
  }
  return undefined;
}

describe("conservation through blocks", () => {
  it("TAO issuance moves only by emission, dust and burns; alpha out covers every holding", () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 3, maxLength: 14 }), (actions) => {
        const c = chainWithFunds([owner, ...people]);
        for (const name of ["//Bob//owner", "//Bob//second"]) {
          c.block([c.sign(owner, call("register_network", { hotkey: Keypair.fromUri(name).ss58Address }))]);
        }
        // Two of the hotkeys exist from the start and everyone stakes to them, so unstakes and swaps have
        // something to move.
        for (const h of [0, 1]) {
          c.block([c.sign(owner, call("burned_register", { netuid: 1, hotkey: hot(h) }))]);
          for (const p of people) {
            c.block([c.sign(p, call("add_stake", { hotkey: hot(h), netuid: 1, amountStaked: 20n * TAO }))]);
          }
        }
        let minted = C.TotalIssuance.get(c.store);
        let balancesIssuance = BalancesStorage.TotalIssuance.get(c.store);
        // Burned alpha leaves the stakes but stays counted in SubnetAlphaOut (it is not recycled).
        const burned = new Map<number, bigint>();
        for (const a of actions) {
          const x = toCall(c, a);
          const blocks = a.kind === "wait" ? a.blocks : 1;
          for (let i = 0; i < blocks; i++) {
            const signer = "who" in a ? people[a.who]! : owner;
            const out = c.block(x && i === 0 ? [c.sign(signer, x)] : []);
            expect(out.ok).toBe(true);
            if (!out.ok) return;
            let lost = 0n;
            for (const { event } of out.events) {
              if (event.name === "DustLost" || event.name === "Rescinded" || event.name === "Burned")
                lost += event.data.amount as bigint;
              if (event.name === "AlphaBurned") {
                const netuid = event.data.netuid as number;
                burned.set(netuid, (burned.get(netuid) ?? 0n) + (event.data.amount as bigint));
              }
            }
            const mintedNow = C.TotalIssuance.get(c.store) - minted;
            expect(mintedNow).toBeLessThanOrEqual(S.BlockEmission.get(c.store));
            expect(BalancesStorage.TotalIssuance.get(c.store)).toBe(balancesIssuance + mintedNow - lost);
            minted = C.TotalIssuance.get(c.store);
            balancesIssuance = BalancesStorage.TotalIssuance.get(c.store);
          }
          const balances = [...SystemStorage.Account.entries(c.store)].reduce(
            (s, [, acc]) => s + acc.data.free,
            0n,
          );
          expect(balancesIssuance).toBe(balances);
          for (const netuid of [1, 2]) {
            const stake = [...S.TotalHotkeyAlpha.entries(c.store)]
              .filter(([, n]) => n === netuid)
              .reduce((s, [, , v]) => s + v, 0n);
            const pending =
              C.PendingServerEmission.get(c.store, netuid) +
              C.PendingValidatorEmission.get(c.store, netuid) +
              C.PendingRootAlphaDivs.get(c.store, netuid) +
              C.PendingOwnerCut.get(c.store, netuid);
            const held = stake + pending + C.SubnetProtocolAlpha.get(c.store, netuid);
            expect(held + (burned.get(netuid) ?? 0n)).toBeLessThanOrEqual(
              S.SubnetAlphaOut.get(c.store, netuid),
            );
            // The pool's TAO is really in the subnet's account.
            expect(
              SystemStorage.Account.get(c.store, subnetAccountId(netuid)).data.free,
            ).toBeGreaterThanOrEqual(S.SubnetTAO.get(c.store, netuid));
          }
        }
      }),
      { numRuns: 12 },
    );
  });
});
