import { Keypair } from "@opentao/primitives";
import { beforeAll, describe, expect, it } from "vitest";
import { type RuntimeCall, SubtensorStorage as S } from "../src/index.js";
import { TestChain } from "./chain.js";
import { addSubnet, chainWithFunds } from "./subnet-fixtures.js";

const miner = Keypair.fromUri("//Miner");
const stranger = Keypair.fromUri("//Stranger");

beforeAll(TestChain.ready);

const axon = (netuid: number, ip: bigint, port = 8091, ipType = 4): RuntimeCall => ({
  pallet: "SubtensorModule",
  name: "serve_axon",
  args: { netuid, version: 1, ip, port, ipType, protocol: 4, placeholder1: 0, placeholder2: 0 },
});

function result(c: TestChain, who: Keypair, call: RuntimeCall) {
  const out = c.block([c.sign(who, call)]);
  if (!out.ok) throw new Error(`invalid: ${out.invalid.kind}`);
  return out.outcomes[0]!;
}

const ip = (a: number, b: number, cc: number, d: number) =>
  BigInt(((a << 24) >>> 0) + (b << 16) + (cc << 8) + d);

describe("serve_axon (Subtensor's serving tests)", () => {
  it("stores the axon for a registered hotkey, free of charge and without any balance", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1, [miner.ss58Address]);
    const out = result(c, miner, axon(1, ip(1, 2, 3, 4)));
    expect(out).toMatchObject({ success: true, fee: 0n });
    expect(S.Axons.get(c.store, 1, miner.ss58Address)).toMatchObject({
      ip: 0x01020304n,
      port: 8091,
      ipType: 4,
      block: 1n,
    });
    expect(c.nonce(miner)).toBe(1);
  });

  it("checks registration, ip type, ip, rate limit and port, in that order", () => {
    const c = chainWithFunds([], "mainnet");
    addSubnet(c, 1, [miner.ss58Address]);
    const err = (call: RuntimeCall, who = miner) => {
      const o = result(c, who, call);
      return o.kind === "Applied" && !o.success ? o.error : undefined;
    };
    expect(err(axon(1, ip(1, 2, 3, 4)), stranger)).toMatchObject({ name: "HotKeyNotRegisteredInNetwork" });
    expect(err(axon(1, ip(1, 2, 3, 4), 8091, 5))).toMatchObject({ name: "InvalidIpType" });
    expect(err(axon(1, 0xffffffffn))).toMatchObject({ name: "InvalidIpAddress" });
    expect(err(axon(1, 0x7f000001n))).toMatchObject({ name: "InvalidIpAddress" });
    expect(err(axon(1, 1n, 8091, 6))).toMatchObject({ name: "InvalidIpAddress" });
    expect(err(axon(1, ip(1, 2, 3, 4), 0))).toMatchObject({ name: "InvalidPort" });
    expect(err(axon(1, ip(1, 2, 3, 4)))).toBeUndefined();
    expect(err(axon(1, ip(1, 2, 3, 5)))).toMatchObject({ name: "ServingRateLimitExceeded" });
    expect(err(axon(1, 0n))).toMatchObject({ name: "ServingRateLimitExceeded" });
  });

  it("lets the devnet serve on loopback and re-serve at once", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1, [miner.ss58Address]);
    expect(result(c, miner, axon(1, 0x7f000001n))).toMatchObject({ success: true });
    expect(result(c, miner, axon(1, 0x7f000001n, 9000))).toMatchObject({ success: true });
  });

  it("stores a TLS certificate and prometheus info", () => {
    const c = chainWithFunds([]);
    addSubnet(c, 1, [miner.ss58Address]);
    const cert = Uint8Array.from([1, ...new Array(32).fill(7)]);
    const tls = { ...axon(1, ip(10, 0, 0, 1)), name: "serve_axon_tls" };
    (tls.args as Record<string, unknown>).certificate = cert;
    expect(result(c, miner, tls)).toMatchObject({ success: true });
    expect(S.NeuronCertificates.get(c.store, 1, miner.ss58Address)).toEqual({
      algorithm: 1,
      publicKey: cert.slice(1),
    });
    const prom = {
      pallet: "SubtensorModule",
      name: "serve_prometheus",
      args: { netuid: 1, version: 1, ip: 0n, port: 9090, ipType: 4 },
    };
    expect(result(c, miner, prom)).toMatchObject({ success: false, error: { name: "InvalidIpAddress" } });
    prom.args.ip = ip(10, 0, 0, 1);
    expect(result(c, miner, prom)).toMatchObject({ success: true });
    expect(S.Prometheus.get(c.store, 1, miner.ss58Address)?.port).toBe(9090);
  });
});
