import { Keypair, RAO_PER_TAO } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import {
  AuraStorage,
  applyGenesis,
  BalancesStorage,
  devGenesis,
  GenesisError,
  getPreset,
  MemoryStore,
  SubtensorStorage,
  SudoStorage,
  SystemStorage,
} from "../src/index.js";
import { TestChain } from "./chain.js";

beforeAll(TestChain.ready);

const ALICE = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

describe("genesis", () => {
  it("funds the localnet's dev accounts as Subtensor does (transactions.md §11)", () => {
    const store = new MemoryStore();
    applyGenesis(store, getPreset("fast"), devGenesis());
    const free = (a: string) => SystemStorage.Account.get(store, a).data.free;
    expect(free(ALICE)).toBe(1_000_000n * RAO_PER_TAO);
    expect(free("5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty")).toBe(1_000_000n * RAO_PER_TAO);
    expect(free("5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y")).toBe(1_000_000n * RAO_PER_TAO);
    expect(free("5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy")).toBe(2_000n * RAO_PER_TAO);
    expect(free("5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw")).toBe(2_000n * RAO_PER_TAO);
    expect(free("5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL")).toBe(2_000n * RAO_PER_TAO);
    expect(AuraStorage.Authorities.get(store)).toEqual(["5Fxune7f71ZbpP2FoY3mhYcmM596Erhv1gRue4nsPwkxMR4n"]);
    expect(SudoStorage.Key.get(store)).toBe(ALICE);
    const total = [...SystemStorage.Account.entries(store)].reduce((s, [, a]) => s + a.data.free, 0n);
    expect(BalancesStorage.TotalIssuance.get(store)).toBe(total);
  });

  it("creates the root subnet", () => {
    const store = new MemoryStore();
    applyGenesis(store, getPreset("mainnet"), devGenesis());
    expect(SubtensorStorage.NetworksAdded.get(store, 0)).toBe(true);
    expect(SubtensorStorage.TotalNetworks.get(store)).toBe(1);
    expect(SubtensorStorage.Tempo.get(store, 0)).toBe(getPreset("mainnet").rootDefaults.tempo);
    expect(SubtensorStorage.MaxAllowedUids.get(store, 0)).toBe(64);
  });

  it("rejects a bad config before writing anything", () => {
    const preset = getPreset("fast");
    const cases: [Parameters<typeof applyGenesis>[2], RegExp][] = [
      [
        { balances: [{ address: ALICE, free: 499n }], authorities: [ALICE] },
        /balances\[0\].*below the existential deposit/,
      ],
      [{ balances: [{ address: "5Grw", free: RAO_PER_TAO }], authorities: [ALICE] }, /balances\[0\]/],
      [
        {
          balances: [
            { address: ALICE, free: RAO_PER_TAO },
            { address: ALICE, free: RAO_PER_TAO },
          ],
          authorities: [ALICE],
        },
        /listed twice/,
      ],
      [{ balances: [], authorities: [] }, /at least one authority/],
      [{ balances: [], authorities: [ALICE], raw: [{ key: "zz", value: "00" }] }, /raw\[0\]/],
    ];
    for (const [config, message] of cases) {
      const store = new MemoryStore();
      expect(() => applyGenesis(store, preset, config)).toThrow(GenesisError);
      expect(() => applyGenesis(store, preset, config)).toThrow(message);
      expect(store.size).toBe(0);
    }
  });
});

describe("genesis subnets", () => {
  const dev = devGenesis();
  const [alice, bob, charlie] = dev.balances.map((b) => b.address);
  const hot = (name: string) => Keypair.fromUri(`//${name}//hot`).ss58Address;

  it("creates subnets, neurons and stake through the same calls users send", () => {
    const store = new MemoryStore();
    applyGenesis(store, getPreset("fast"), {
      ...dev,
      subnets: [
        {
          owner: alice!,
          hotkey: hot("Alice"),
          neurons: [
            { coldkey: bob!, hotkey: hot("Bob") },
            { coldkey: charlie!, hotkey: hot("Charlie") },
          ],
          stake: [{ coldkey: alice!, hotkey: hot("Alice"), amount: 100n * RAO_PER_TAO }],
        },
      ],
    });
    const S = SubtensorStorage;
    expect(S.SubnetworkN.get(store, 1)).toBe(3);
    expect([0, 1, 2].map((uid) => S.Keys.get(store, 1, uid))).toEqual([
      hot("Alice"),
      hot("Bob"),
      hot("Charlie"),
    ]);
    expect(S.SubnetOwner.get(store, 1)).toBe(alice);
    expect(S.TotalHotkeyAlpha.get(store, hot("Alice"), 1)).toBeGreaterThan(0n);
    const total = [...SystemStorage.Account.entries(store)].reduce((s, [, a]) => s + a.data.free, 0n);
    expect(BalancesStorage.TotalIssuance.get(store)).toBe(total);
  });

  it("names the failing entry and writes nothing", () => {
    const store = new MemoryStore();
    const poor = dev.balances[3]!.address; // Dave: 2,000 TAO
    expect(() =>
      applyGenesis(store, getPreset("fast"), {
        ...dev,
        subnets: [
          {
            owner: alice!,
            hotkey: hot("Alice"),
            stake: [{ coldkey: poor, hotkey: hot("Alice"), amount: 5_000n * RAO_PER_TAO }],
          },
        ],
      }),
    ).toThrow(/genesis subnets\[0\]\.stake\[0\]: SubtensorModule\.NotEnoughBalanceToStake/);
    expect(store.size).toBe(0);
  });
});
