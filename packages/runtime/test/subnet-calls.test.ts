import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S, subnetAccountId } from "../src/index.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds, owner } from "./subnet-fixtures.js";

const bob = Keypair.fromUri("//Bob");
const hot = Keypair.fromUri("//Bob//hot");

beforeAll(TestChain.ready);

function run(c: TestChain, who: Keypair, call: RuntimeCall) {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  const o = out.outcomes[0]!;
  return {
    error: o.kind === "Applied" && !o.success ? o.error : undefined,
    events: out.events.map((e) => e.event),
  };
}

const call = (name: string, args: Record<string, unknown>): RuntimeCall => ({
  pallet: "SubtensorModule",
  name,
  args,
});
const bytes = (s: string) => new TextEncoder().encode(s);

describe("start_call", () => {
  it("only the owner starts a subnet, once; it enables the subtoken and schedules emission", () => {
    const c = chainWithFunds([bob]);
    addSubnet(c, 1);
    expect(run(c, owner, call("start_call", { netuid: 2 })).error).toMatchObject({ name: "SubnetNotExists" });
    expect(run(c, bob, call("start_call", { netuid: 1 })).error).toEqual({ kind: "BadOrigin" });
    const ok = run(c, owner, call("start_call", { netuid: 1 }));
    expect(ok.error).toBeUndefined();
    expect(ok.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "FirstEmissionBlockNumberSet",
      data: { netuid: 1, block: BigInt(c.head + 1) },
    });
    expect(S.SubtokenEnabled.get(c.store, 1)).toBe(true);
    expect(run(c, owner, call("start_call", { netuid: 1 })).error).toMatchObject({
      name: "FirstEmissionBlockNumberAlreadySet",
    });
  });
});

describe("root_register", () => {
  it("registers on root without a burn, makes the hotkey a delegate, and limits one per block", () => {
    const c = chainWithFunds([bob]);
    const first = run(c, bob, call("root_register", { hotkey: hot.ss58Address }));
    expect(first.error).toBeUndefined();
    expect(first.events).toContainEqual({
      pallet: "SubtensorModule",
      name: "NeuronRegistered",
      data: { netuid: 0, uid: 0, hotkey: hot.ss58Address },
    });
    expect(S.Owner.get(c.store, hot.ss58Address)).toBe(bob.ss58Address);
    expect(S.Delegates.get(c.store, hot.ss58Address)).toBe(11_796);
    const other = Keypair.fromUri("//Charlie");
    const out = c.block([
      c.sign(owner, call("root_register", { hotkey: other.ss58Address })),
      c.sign(bob, call("root_register", { hotkey: Keypair.fromUri("//Dave").ss58Address })),
    ]);
    expect(
      out.ok && out.outcomes.map((o) => (o.kind === "Applied" && !o.success ? o.error : undefined)),
    ).toEqual([undefined, expect.objectContaining({ name: "TooManyRegistrationsThisBlock" })]);
  });

  it("refuses subnet accounts as hotkeys", () => {
    const c = chainWithFunds([bob]);
    expect(run(c, bob, call("root_register", { hotkey: subnetAccountId(3) })).error).toMatchObject({
      name: "CannotUseSystemAccount",
    });
  });
});

describe("identities and symbols", () => {
  const identity = {
    subnetName: bytes("Forecasts"),
    githubRepo: bytes("https://example.org/repo"),
    subnetContact: bytes("a@b.c"),
    subnetUrl: bytes(""),
    discord: bytes(""),
    description: bytes("time series"),
    logoUrl: bytes(""),
    additional: bytes(""),
  };

  it("sets a subnet identity for the owner only, within the field limits", () => {
    const c = chainWithFunds([bob]);
    addSubnet(c, 1);
    expect(run(c, bob, call("set_subnet_identity", { netuid: 1, identity })).error).toMatchObject({
      name: "NotSubnetOwner",
    });
    const long = { ...identity, subnetName: new Uint8Array(257) };
    expect(run(c, owner, call("set_subnet_identity", { netuid: 1, identity: long })).error).toMatchObject({
      name: "InvalidIdentity",
    });
    expect(run(c, owner, call("set_subnet_identity", { netuid: 1, identity })).error).toBeUndefined();
    expect(S.SubnetIdentitiesV3.get(c.store, 1)?.subnetName).toEqual(bytes("Forecasts"));
  });

  it("needs a registered hotkey to set a chain identity", () => {
    const c = chainWithFunds([bob]);
    const chainIdentity = {
      name: bytes("bob"),
      url: bytes(""),
      githubRepo: bytes(""),
      image: bytes(""),
      discord: bytes(""),
      description: bytes(""),
      additional: bytes(""),
    };
    expect(run(c, bob, call("set_identity", chainIdentity)).error).toMatchObject({
      name: "HotKeyNotRegisteredInNetwork",
    });
    run(c, bob, call("root_register", { hotkey: hot.ss58Address }));
    expect(run(c, bob, call("set_identity", chainIdentity)).error).toBeUndefined();
  });

  it("updates the symbol to a free one from the list", () => {
    const c = chainWithFunds([bob]);
    addSubnet(c, 1);
    addSubnet(c, 2);
    S.TokenSymbol.set(c.store, 2, bytes("β"));
    expect(run(c, owner, call("update_symbol", { netuid: 1, symbol: bytes("XYZ") })).error).toMatchObject({
      name: "SymbolDoesNotExist",
    });
    expect(run(c, owner, call("update_symbol", { netuid: 1, symbol: bytes("Τ") })).error).toMatchObject({
      name: "SymbolDoesNotExist",
    });
    expect(run(c, owner, call("update_symbol", { netuid: 1, symbol: bytes("β") })).error).toMatchObject({
      name: "SymbolAlreadyInUse",
    });
    expect(run(c, owner, call("update_symbol", { netuid: 1, symbol: bytes("γ") })).error).toBeUndefined();
    expect(new TextDecoder().decode(S.TokenSymbol.get(c.store, 1))).toBe("γ");
  });
});
