// serve_axon / serve_axon_tls / serve_prometheus (transactions.md §4.4), signed by the hotkey, free.
import { Bytes, Struct, u8, u16, u32, u128 } from "@opentao/primitives";
import { defineCall } from "../../frame/call.js";
import { badOrigin, type DispatchError, type DispatchResult, fail, OK } from "../../frame/dispatch-error.js";
import type { Scope } from "../../frame/scope.js";
import { weight } from "../../frame/weights.js";
import { SubtensorErrors as E } from "./errors.js";
import { SubtensorStorage as S } from "./storage.js";
import { isRegistered } from "./subnets.js";

const U32_MAX = 2n ** 32n - 1n;
const U128_MAX = 2n ** 128n - 1n;
const IPV4_LOOPBACK = 0x7f000001n;

/** `is_valid_ip_address`: rejects the broadcast/all-ones address and (unless allowed) loopback. */
function ipError(scope: Scope, ip: bigint, ipType: number, allowZero: boolean): DispatchError | undefined {
  if (ipType !== 4 && ipType !== 6) return E.InvalidIpType;
  if (!allowZero && ip === 0n) return E.InvalidIpAddress;
  const loopbackAllowed = scope.env.preset.serving.allowLoopbackAxons;
  if (ipType === 4 && (ip >= U32_MAX || (ip === IPV4_LOOPBACK && !loopbackAllowed)))
    return E.InvalidIpAddress;
  if (ipType === 6 && (ip === U128_MAX || (ip === 1n && !loopbackAllowed))) return E.InvalidIpAddress;
  return undefined;
}

function rateLimited(scope: Scope, netuid: number, lastBlock: bigint | undefined): boolean {
  const limit = S.ServingRateLimit.get(scope.store, netuid);
  if (limit === 0n || lastBlock === undefined || lastBlock === 0n) return false;
  return BigInt(scope.env.block.number) - lastBlock < limit;
}

const axonArgs = {
  netuid: u16,
  version: u32,
  ip: u128,
  port: u16,
  ipType: u8,
  protocol: u8,
  placeholder1: u8,
  placeholder2: u8,
};
type AxonArgs = {
  netuid: number;
  version: number;
  ip: bigint;
  port: number;
  ipType: number;
  protocol: number;
  placeholder1: number;
  placeholder2: number;
};

function serveAxon(scope: Scope, hotkey: string, args: AxonArgs, certificate?: Uint8Array): DispatchResult {
  const { netuid } = args;
  if (!isRegistered(scope.store, netuid, hotkey)) return fail(E.HotKeyNotRegisteredInNetwork);
  const bad = ipError(scope, args.ip, args.ipType, true);
  if (bad) return fail(bad);
  const previous = S.Axons.get(scope.store, netuid, hotkey);
  if (rateLimited(scope, netuid, previous?.block)) return fail(E.ServingRateLimitExceeded);
  if (args.port === 0) return fail(E.InvalidPort);
  // A certificate is algorithm byte ‖ public key (≤ 64 bytes); anything else is silently ignored.
  if (certificate && certificate.length >= 1 && certificate.length <= 65) {
    S.NeuronCertificates.set(scope.store, netuid, hotkey, {
      algorithm: certificate[0]!,
      publicKey: certificate.slice(1),
    });
  }
  S.Axons.set(scope.store, netuid, hotkey, {
    block: BigInt(scope.env.block.number),
    version: args.version,
    ip: args.ip,
    port: args.port,
    ipType: args.ipType,
    protocol: args.protocol,
    placeholder1: args.placeholder1,
    placeholder2: args.placeholder2,
  });
  scope.emit("SubtensorModule", "AxonServed", { netuid, hotkey });
  return OK;
}

export const serveAxonCall = defineCall({
  pallet: "SubtensorModule",
  name: "serve_axon",
  index: 4,
  args: Struct(axonArgs),
  weight: () => weight(33_000_000n, 4, 1),
  pays: false,
  dispatch: (scope, origin, args) =>
    origin.kind === "Signed" ? serveAxon(scope, origin.who, args) : badOrigin(),
});

export const serveAxonTlsCall = defineCall({
  pallet: "SubtensorModule",
  name: "serve_axon_tls",
  index: 40,
  args: Struct({ ...axonArgs, certificate: Bytes() }),
  weight: () => weight(33_000_000n, 4, 2),
  pays: false,
  dispatch: (scope, origin, { certificate, ...args }) =>
    origin.kind === "Signed" ? serveAxon(scope, origin.who, args, certificate) : badOrigin(),
});

export const servePrometheusCall = defineCall({
  pallet: "SubtensorModule",
  name: "serve_prometheus",
  index: 5,
  args: Struct({ netuid: u16, version: u32, ip: u128, port: u16, ipType: u8 }),
  weight: () => weight(31_000_000n, 4, 1),
  pays: false,
  dispatch: (scope, origin, args) => {
    if (origin.kind !== "Signed") return badOrigin();
    const hotkey = origin.who;
    const { netuid } = args;
    const bad = ipError(scope, args.ip, args.ipType, false);
    if (bad) return fail(bad);
    if (!isRegistered(scope.store, netuid, hotkey)) return fail(E.HotKeyNotRegisteredInNetwork);
    const previous = S.Prometheus.get(scope.store, netuid, hotkey);
    if (rateLimited(scope, netuid, previous?.block)) return fail(E.ServingRateLimitExceeded);
    if (args.port === 0) return fail(E.InvalidPort);
    S.Prometheus.set(scope.store, netuid, hotkey, { block: BigInt(scope.env.block.number), ...args });
    scope.emit("SubtensorModule", "PrometheusServed", { netuid, hotkey });
    return OK;
  },
});
