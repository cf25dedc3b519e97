// `tao utils latency` against a devnet started here and an endpoint where nothing listens.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { onlyJson, tao } from "./run-tao.js";

let f: ChainFixture;
beforeAll(async () => {
  f = await startChainFixture(["Alice"]);
});
afterAll(() => f?.stop());

describe("tao utils latency", () => {
  it("measures each endpoint (--json), names the one that failed, and suggests the fastest as default", async () => {
    const dead = "ws://127.0.0.1:1";
    const r = await f.runNet(["utils", "latency", "--network", dead, "--json"], {
      BT_SUBTENSOR_NETWORK: f.devnet.url,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = onlyJson(r);
    expect(doc.fastest).toBe(f.devnet.url);
    expect(doc.results).toHaveLength(1);
    const [m] = doc.results;
    expect(m.url).toBe(f.devnet.url);
    expect(m.ping_s).toBeGreaterThan(0);
    expect(m.chain_head_s).toBeGreaterThan(0);
    expect(m.end_to_end_s).toBeGreaterThanOrEqual(m.ping_s + m.chain_head_s);
    expect(doc.failures).toEqual([expect.objectContaining({ url: dead })]);
    expect(r.stderr).toMatch(/Error attempting network ws:\/\/127\.0\.0\.1:1/);

    // The fixture passes its node as a flag; with a config naming the dead endpoint, the node is faster.
    const human = await f.runNet(["utils", "latency"], { BT_SUBTENSOR_NETWORK: dead });
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/Connection Latencies \(seconds\)/);
    expect(human.stdout).toMatch(/End to End Latency\s+Single Request Ping\s+Chain Head Request Latency/);
    expect(human.stdout).toMatch(
      new RegExp(`The fastest network is ${f.devnet.url}\\. You currently have ${dead}`),
    );
  });

  it("exits 75 when nothing answers and 2 for an endpoint that is not one", async () => {
    const env = { BT_SUBTENSOR_NETWORK: "ws://127.0.0.1:1", BTCLI_CONFIG_PATH: "/nonexistent/config.yml" };
    const none = await tao(["utils", "latency", "--network", "ws://127.0.0.1:2"], env);
    expect(none.code).toBe(75);
    expect(none.stderr).toMatch(/no network answered \(ws:\/\/127\.0\.0\.1:1, ws:\/\/127\.0\.0\.1:2\)/);
    const bad = await f.runNet(["utils", "latency", "--network", "not a url"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/network "not a url" is neither a known network nor a websocket endpoint/);
  });
});
