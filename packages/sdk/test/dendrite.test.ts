import { createServer } from "node:net";
import { cryptoReady, Keypair, verifySignature } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientVectors } from "../../../test/vectors/index.js";
import { Axon, type AxonTarget, Dendrite, Synapse } from "../src/index.js";

class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
  override deserialize(): number | null {
    return this.dummy_output;
  }
}

let alice: Keypair;
let dendrite: Dendrite;
const axons: Axon[] = [];
const targets: AxonTarget[] = [];

beforeAll(async () => {
  await cryptoReady();
  alice = Keypair.fromUri("//Alice");
  dendrite = new Dendrite(alice);
  for (let i = 0; i < 4; i++) {
    const delay = i === 2 ? 3000 : 0;
    const axon = new Axon({ keypair: Keypair.fromUri(`//Axon${i}`), port: 0, host: "127.0.0.1" }).attach(
      Dummy,
      async (s) => {
        if (delay) await new Promise((r) => setTimeout(r, delay));
        s.dummy_output = s.dummy_input * 10 + i;
        return s;
      },
      { blacklist: (s) => [s.dendrite.hotkey === Keypair.fromUri("//Eve").ss58Address, "eve"] },
    );
    await axon.start();
    axons.push(axon);
    targets.push({ ip: "127.0.0.1", port: axon.port, hotkey: axon.hotkey });
  }
});

afterAll(async () => {
  dendrite.close();
  await Promise.all(axons.map((a) => a.stop()));
});

describe("dendrite", () => {
  it("signs requests in bittensor's message format", () => {
    const tpl = clientVectors.synapse.request_signature.message_template as string;
    const s = dendrite.prepare(targets[0]!, Dummy.create({ dummy_input: 3 }), 5);
    const d = s.dendrite;
    const message = tpl
      .replace("{dendrite.nonce}", String(d.nonce))
      .replace("{dendrite.hotkey}", d.hotkey!)
      .replace("{axon.hotkey}", s.axon.hotkey!)
      .replace("{dendrite.uuid}", d.uuid!)
      .replace("{body_hash}", clientVectors.synapse.body_hash_vectors[1].expected);
    expect(verifySignature(message, d.signature!, alice.publicKey)).toBe(true);
    expect(d.hotkey).toBe(alice.ss58Address);
    expect(s.timeout).toBe(5);
    const h = s.to_headers();
    expect(h.bt_header_dendrite_signature).toBe(d.signature);
    expect(h.bt_header_dendrite_nonce).toMatch(/^\d{19}$/);
    expect(h.bt_header_axon_hotkey).toBe(targets[0]!.hotkey);
  });

  it("round-trips a custom synapse through an axon", async () => {
    const out = await dendrite.forward(targets[0]!, Dummy.create({ dummy_input: 5 }));
    expect(out).toBe(50);
    const s = await dendrite.forward(targets[1]!, Dummy.create({ dummy_input: 5 }), { deserialize: false });
    expect(s).toBeInstanceOf(Dummy);
    expect(s.dummy_output).toBe(51);
    expect(s.is_success).toBe(true);
    expect(s.dendrite.status_code).toBe(200);
    expect(s.dendrite.status_message).toBe("Success");
    expect(s.dendrite.process_time).toBeGreaterThan(0);
    expect(s.axon.process_time).toBeGreaterThanOrEqual(0);
    // Many back-to-back calls keep nonces increasing per (hotkey, uuid).
    const again = await Promise.all(
      Array.from({ length: 20 }, (_, i) => dendrite.forward(targets[0]!, Dummy.create({ dummy_input: i }))),
    );
    expect(again.filter((x) => x === null).length).toBeLessThan(20);
    for (let i = 0; i < 5; i++)
      expect(await dendrite.forward(targets[3]!, Dummy.create({ dummy_input: i }))).toBe(i * 10 + 3);
  });

  it("fans out concurrently; the slow axon times out alone", async () => {
    const t0 = performance.now();
    const res = await dendrite.forward(targets, Dummy.create({ dummy_input: 7 }), {
      timeout: 1,
      deserialize: false,
    });
    const ms = performance.now() - t0;
    expect(res.map((r) => r.dendrite.status_code)).toEqual([200, 200, 408, 200]);
    expect(res.map((r) => r.dummy_output)).toEqual([70, 71, null, 73]);
    expect(res[2]!.is_timeout).toBe(true);
    expect(res[2]!.dendrite.status_message).toBe("Request timeout after 1 seconds");
    expect(res[2]!.dendrite.process_time).toBeGreaterThanOrEqual(0.99);
    expect(ms).toBeLessThan(1500);
  });

  it("reports an axon's rejection and an unreachable axon", async () => {
    const eve = new Dendrite(Keypair.fromUri("//Eve"));
    try {
      const r = await eve.forward(targets[0]!, Dummy.create({ dummy_input: 1 }), { deserialize: false });
      expect(r.dendrite.status_code).toBe(403);
      expect(r.dendrite.status_message).toBe("Forbidden. Key is blacklisted: eve.");
      expect(r.is_blacklist).toBe(true);
    } finally {
      eve.close();
    }
    const port = await new Promise<number>((resolve) => {
      const srv = createServer().listen(0, "127.0.0.1", () => {
        const p = (srv.address() as { port: number }).port;
        srv.close(() => resolve(p));
      });
    });
    const down = { ip: "127.0.0.1", port, hotkey: alice.ss58Address };
    const r = await dendrite.forward(down, new Dummy(), { deserialize: false, timeout: 2 });
    expect(r.dendrite.status_code).toBe(503);
    expect(r.dendrite.status_message).toBe(`Service unavailable at 127.0.0.1:${port}/Dummy`);
    const missing = await dendrite.forward(targets[0]!, new Synapse(), { deserialize: false });
    expect(missing.dendrite.status_code).toBe(200);
  });
});
