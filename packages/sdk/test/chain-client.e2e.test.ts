// ChainClient against a real `tao node --dev --instant`: calls and typed helpers, head subscriptions,
// submit to inBlock/finalized with the decoded Subtensor error, refusals, reconnect through a proxy that
// drops connections, and 1 000 clients opened and closed without leaking handles.
import { createServer, type Server, type Socket } from "node:net";
import { cryptoReady, hexToBytes, Keypair } from "@opentao/primitives";
import { SystemStorage } from "@opentao/runtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ChainClient,
  ConnectionError,
  RpcCallError,
  resolveNetwork,
  TransactionError,
} from "../src/index.js";
import { type Devnet, startDevnet } from "./devnet.js";

const TAO = 1_000_000_000n;
let node: Devnet;
let client: ChainClient;

beforeAll(async () => {
  await cryptoReady();
  node = await startDevnet();
  client = await ChainClient.connect(node.url);
}, 30_000);

afterAll(async () => {
  await client?.close();
  expect(await node?.stop()).toBe(0);
});

/** A TCP proxy to the node whose open connections the test can cut, to make the client reconnect. */
async function proxy(target: string): Promise<{ url: string; cut: () => void; close: () => Promise<void> }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<Socket>();
  const server: Server = createServer((inbound) => {
    const outbound = createConnectionTo(hostname, Number(port));
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const addr = server.address() as { port: number };
  return {
    url: `ws://127.0.0.1:${addr.port}`,
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}
const { createConnection: createConnectionTo } = await import("node:net").then((m) => ({
  createConnection: (host: string, port: number) => m.createConnection({ host, port }),
}));

describe("ChainClient", () => {
  it("resolves named networks", () => {
    expect(resolveNetwork("local")).toBe("ws://127.0.0.1:9944");
    expect(resolveNetwork("wss://x.example:443")).toBe("wss://x.example:443");
    expect(() => resolveNetwork("nope")).toThrow(/unknown network "nope"/);
  });

  it("fails to connect with a clear error", async () => {
    const err = await ChainClient.connect("ws://127.0.0.1:1").catch((e) => e);
    expect(err).toBeInstanceOf(ConnectionError);
    expect(err.message).toMatch(/cannot connect to ws:\/\/127\.0\.0\.1:1/);
  });

  it("answers calls and the typed helpers; node errors are RpcCallErrors", async () => {
    expect(await client.call("system_chain")).toBe("OpenTAO Development");
    expect(await client.genesisHash()).toBe(node.genesisHash);
    expect(await client.blockHash(0)).toBe(node.genesisHash);
    const head = await client.header();
    expect(head.number).toBeGreaterThanOrEqual(0);
    expect((await client.header(0)).hash).toBe(node.genesisHash);
    const alice = Keypair.fromUri("//Alice").ss58Address;
    expect(await client.nextIndex(alice)).toBeGreaterThanOrEqual(0);
    const account = await client.queryTyped<{ data: { free: string } }>("System", "Account", [alice]);
    expect(BigInt(account.data.free)).toBeGreaterThan(0n);
    const err = (await client.call("chain_getHeader", ["nope"]).catch((e) => e)) as RpcCallError;
    expect(err).toBeInstanceOf(RpcCallError);
    expect(err.code).toBe(-32602);
    expect(err.message).toMatch(/^chain_getHeader: /);
  });

  it("submits a transfer, with new and finalized head subscriptions", async () => {
    const heads = await client.subscribeNewHeads();
    const finalized = await client.subscribeFinalizedHeads();
    const dest = Keypair.fromUri("//sdk-transfer").ss58Address;
    const result = await client.submit(
      Keypair.fromUri("//Alice"),
      { pallet: "Balances", name: "transfer_allow_death", args: { dest, value: 5n * TAO } },
      { waitFor: "finalized" },
    );
    expect(result, JSON.stringify(result)).toMatchObject({ success: true, index: 0 });
    expect(result.blockHash).toMatch(/^0x[0-9a-f]{64}$/);
    const head = (await heads.next()).value!;
    expect(head.hash).toBe(result.blockHash);
    expect(head.number).toBe(result.blockNumber);
    expect((await finalized.next()).value!.hash).toBe(result.blockHash);
    await heads.unsubscribe();
    await finalized.unsubscribe();
    expect((await heads.next()).done).toBe(true);
    const account = await client.queryTyped<{ data: { free: string } }>("System", "Account", [dest]);
    expect(BigInt(account.data.free)).toBe(5n * TAO);
  });

  it("subscribes to storage: the values now, then each block's changes", async () => {
    const dest = Keypair.fromUri("//sdk-watched").ss58Address;
    const key = `0x${SystemStorage.Account.keyOf(dest)}`;
    const sub = await client.subscribeStorage([key]);
    const first = (await sub.next()).value!;
    expect(first.changes).toEqual([[key, null]]);
    const result = await client.submit(Keypair.fromUri("//Alice"), {
      pallet: "Balances",
      name: "transfer_allow_death",
      args: { dest, value: 3n * TAO },
    });
    expect(result.success).toBe(true);
    const change = (await sub.next()).value!;
    expect(change.block).toBe(result.blockHash);
    expect(change.changes[0]![0]).toBe(key);
    const stored = SystemStorage.Account.value.dec(hexToBytes(change.changes[0]![1]!));
    expect(stored.data.free).toBe(3n * TAO);
    await sub.unsubscribe();
  });

  it("reports a failed call's Subtensor error, and refuses a stale nonce", async () => {
    const alice = Keypair.fromUri("//Alice");
    const hotkey = Keypair.fromUri("//Alice//sdk-hot").ss58Address;
    const reg = await client.submit(alice, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey },
    });
    expect(reg.success).toBe(true);
    const subnets = await client.call<{ netuid: number }[]>("subnetInfo_getSubnetsInfo");
    const netuid = Math.max(...subnets.map((s) => s.netuid));
    const poor = await client.submit(Keypair.fromUri("//Dave"), {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey, netuid, amountStaked: 10_000n * TAO },
    });
    expect(poor.success).toBe(false);
    expect(poor.error?.name).toBe("SubtensorModule.NotEnoughBalanceToStake");
    const stale = await client
      .submit(
        alice,
        { pallet: "Balances", name: "transfer_allow_death", args: { dest: hotkey, value: TAO } },
        { nonce: 0 },
      )
      .catch((e) => e);
    expect(stale).toBeInstanceOf(TransactionError);
    expect(stale.kind).toBe("refused");
    expect(stale.message).toMatch(/Balances\.transfer_allow_death refused by the pool: .*outdated/);
  });

  it("reconnects after the connection drops: calls in flight fail, head subscriptions resume", async () => {
    const p = await proxy(node.url);
    const states: string[] = [];
    let restored!: () => void;
    const renewed = new Promise<void>((r) => {
      restored = r;
    });
    const c = await ChainClient.connect(p.url, {
      backoffMs: 10,
      onConnectionChange: (s) => {
        states.push(s);
        if (s === "restored") restored();
      },
    });
    try {
      const heads = await c.subscribeNewHeads();
      const inFlight = c.call("system_health");
      p.cut();
      const err = await inFlight.then(
        () => null,
        (e) => e,
      );
      // Either answered before the cut or failed with a ConnectionError; never left hanging.
      if (err) expect(err).toBeInstanceOf(ConnectionError);
      await renewed;
      expect(states).toEqual(["lost", "restored"]);
      expect(c.connected).toBe(true);
      const mined = await c.call<{ hash: string }>("dev_mine", [1]);
      expect((await heads.next()).value!.hash).toBe(mined.hash);
      await heads.unsubscribe();
    } finally {
      await c.close();
      await p.close();
    }
    expect(await c.call("system_health").catch((e) => e)).toBeInstanceOf(ConnectionError);
  });

  it("opens and closes 1 000 clients without leaking handles or memory", async () => {
    const resources = () =>
      process
        .getActiveResourcesInfo()
        .filter((r) => r !== "TTYWrap")
        .sort();
    const openClose = async () => {
      const c = await ChainClient.connect(node.url);
      await c.call("system_health");
      await c.close();
    };
    for (let i = 0; i < 20; i++) await openClose();
    // Let sockets closed by the peer finish their teardown before the baseline is taken.
    await new Promise((r) => setTimeout(r, 100));
    global.gc?.();
    const baseline = resources();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 1000; i++) await openClose();
    await new Promise((r) => setTimeout(r, 100));
    global.gc?.();
    expect(resources()).toEqual(baseline);
    // Bounded: well under what 1 000 retained clients with their sockets would hold.
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(64 * 1024 * 1024);
  }, 120_000);
});
