import { cryptoReady, Keypair } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  Axon,
  emptyTerminal,
  PROTOCOL_VERSION_AS_INT,
  PrioritySemaphore,
  requestSignatureMessage,
  Synapse,
  SynapseException,
  timeNs,
} from "../src/index.js";

class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
}
class Slow extends Synapse {}
class Boom extends Synapse {}
class Conflict extends Synapse {}

let alice: Keypair;
let bob: Keypair;
let charlie: Keypair;
let axon: Axon;

interface SendOpts {
  keypair?: Keypair;
  sign?: boolean | string;
  nonce?: bigint;
  uuid?: string;
  headers?: Record<string, string>;
  body?: string;
  path?: string;
  timeout?: number;
}

async function send(s: Synapse, o: SendOpts = {}) {
  const kp = o.keypair ?? alice;
  const c = s.copy();
  c.timeout = o.timeout ?? 12;
  c.dendrite = {
    ...emptyTerminal(),
    ip: "127.0.0.1",
    version: PROTOCOL_VERSION_AS_INT,
    nonce: o.nonce ?? timeNs(),
    uuid: o.uuid ?? "00000000-0000-1000-8000-000000000001",
    hotkey: kp.ss58Address,
  };
  c.axon = { ...emptyTerminal(), ip: "127.0.0.1", port: axon.port, hotkey: axon.hotkey };
  const msg = requestSignatureMessage(
    c.dendrite.nonce!,
    kp.ss58Address,
    axon.hotkey,
    c.dendrite.uuid!,
    c.body_hash,
  );
  if (o.sign !== false) {
    const signed = typeof o.sign === "string" ? o.sign : msg;
    c.dendrite.signature = `0x${Buffer.from(kp.sign(signed)).toString("hex")}`;
  }
  const res = await fetch(`http://127.0.0.1:${axon.port}/${o.path ?? c.name}`, {
    method: "POST",
    headers: { ...c.to_headers(), "content-type": "application/json", ...o.headers },
    body: o.body ?? c.toJson(),
  });
  const body = (await res.json()) as Record<string, unknown>;
  return { status: res.status, body, headers: res.headers };
}

beforeAll(async () => {
  await cryptoReady();
  alice = Keypair.fromUri("//Alice");
  bob = Keypair.fromUri("//Bob");
  charlie = Keypair.fromUri("//Charlie");
  axon = new Axon({ keypair: bob, port: 0, host: "127.0.0.1" })
    .attach(
      Dummy,
      (s) => {
        s.dummy_output = s.dummy_input * 2;
        return s;
      },
      {
        blacklist: (s) =>
          s.dendrite.hotkey === charlie.ss58Address ? [true, "not registered"] : [false, ""],
      },
    )
    .attach(Slow, async (s) => {
      await new Promise((r) => setTimeout(r, 2000));
      return s;
    })
    .attach(Boom, () => {
      throw new Error("secret detail");
    })
    .attach(Conflict, (s) => {
      s.axon.status_code = 409;
      throw new SynapseException("already have it", s);
    });
  await axon.start();
});

afterAll(async () => {
  await axon.stop();
});

describe("axon", () => {
  it("binds port 0 to a real port and describes itself", () => {
    expect(axon.port).toBeGreaterThan(0);
    expect(axon.info().port).toBe(axon.port);
    expect(String(axon)).toBe(
      `Axon(127.0.0.1, ${axon.port}, ${bob.ss58Address}, started, ['Synapse', 'Dummy', 'Slow', 'Boom', 'Conflict'])`,
    );
  });

  it("serves an attached synapse with a signed request", async () => {
    const r = await send(Dummy.create({ dummy_input: 21 }));
    expect(r.status).toBe(200);
    expect(r.body.dummy_output).toBe(42);
    expect((r.body.axon as { status_message: string }).status_message).toBe("Success");
    expect(r.headers.get("bt_header_axon_status_code")).toBe("200");
    expect(r.headers.get("bt_header_axon_status_message")).toBe("Success");
    expect(Number(r.headers.get("bt_header_axon_process_time"))).toBeGreaterThanOrEqual(0);
    const ping = await send(new Synapse());
    expect(ping.status).toBe(200);
  });

  it("401 on a bad signature", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), { sign: "something else" });
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(
      /^Not Verified with error: Signature mismatch with \d+\.5Grw.*\.[0-9a-f]{64} and 0x/,
    );
    expect(r.headers.get("bt_header_axon_status_code")).toBe("401");
  });

  it("401 on a signature by another key", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), {
      headers: { bt_header_dendrite_hotkey: Keypair.fromUri("//Dave").ss58Address },
    });
    expect(r.status).toBe(401);
  });

  it("401 on a missing signature (upstream lets it through)", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), { sign: false });
    expect(r.status).toBe(401);
    expect(r.body.message).toBe("Not Verified with error: Missing Signature");
  });

  it("401 on a stale nonce", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), {
      nonce: timeNs() - 20_000_000_000n,
      uuid: "stale-uuid",
    });
    expect(r.status).toBe(401);
    expect(r.body.message).toMatch(
      /^Not Verified with error: Nonce is too old: acceptable delta is 16\.00 seconds but request was 20\.\d\d seconds old$/,
    );
  });

  it("401 on a replayed nonce", async () => {
    const nonce = timeNs();
    const uuid = "replay-uuid";
    expect((await send(Dummy.create({ dummy_input: 1 }), { nonce, uuid })).status).toBe(200);
    const r = await send(Dummy.create({ dummy_input: 1 }), { nonce, uuid });
    expect(r.status).toBe(401);
    expect(r.body.message).toBe("Not Verified with error: Nonce is too old, a newer one was last processed");
    // A later nonce from the same dendrite is fine again.
    expect((await send(Dummy.create({ dummy_input: 1 }), { uuid })).status).toBe(200);
  });

  it("401 when no hotkey is sent", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), { headers: { bt_header_dendrite_hotkey: "" } });
    expect(r.status).toBe(401);
    expect(r.body.message).toBe("Not Verified with error: No SS58 formatted address or public key provided");
  });

  it("403 for a blacklisted hotkey", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), { keypair: charlie });
    expect(r.status).toBe(403);
    expect(r.body.message).toBe("Forbidden. Key is blacklisted: not registered.");
  });

  it("404 for an unknown synapse", async () => {
    const r = await send(new Synapse(), { path: "Nope" });
    expect(r.status).toBe(404);
    expect(r.body.message).toBe(
      "Synapse name 'Nope' not found. Available synapses ['Synapse', 'Dummy', 'Slow', 'Boom', 'Conflict']",
    );
  });

  it("408 when the forward outlasts the timeout", async () => {
    const r = await send(new Slow(), { timeout: 0.2 });
    expect(r.status).toBe(408);
    expect(r.body.message).toBe("Response timeout after: 0.2s");
  });

  it("400 for a bad header", async () => {
    const r = await send(Dummy.create({ dummy_input: 1 }), { headers: { bt_header_dendrite_nonce: "12.5" } });
    expect(r.status).toBe(400);
    expect(r.body.message).toBe('Bad header: header bt_header_dendrite_nonce must be an integer, got "12.5"');
    const t = await send(Dummy.create({ dummy_input: 1 }), { headers: { timeout: "soon" } });
    expect(t.status).toBe(400);
  });

  it("500 when the body does not match the signed hash, or the forward throws", async () => {
    const tampered = Dummy.create({ dummy_input: 99 }).toJson();
    const r = await send(Dummy.create({ dummy_input: 1 }), { body: tampered });
    expect(r.status).toBe(500);
    expect(r.body.message).toMatch(/^Internal Server Error #[0-9a-f-]{36}$/);
    const b = await send(new Boom());
    expect(b.status).toBe(500);
    expect(b.body.message).not.toContain("secret");
  });

  it("answers a SynapseException with the status code the forward set", async () => {
    const r = await send(new Conflict());
    expect(r.status).toBe(409);
    expect(r.body.message).toBe("already have it");
  });

  it("uses an attached verify function instead of the default", async () => {
    const open = new Axon({ keypair: bob, port: 0, host: "127.0.0.1" }).attach(Dummy, (s) => s, {
      verify: (s) => {
        if (s.dendrite.hotkey !== alice.ss58Address) throw new Error("only Alice");
      },
    });
    await open.start();
    try {
      const base = { method: "POST", body: Dummy.create({ dummy_input: 1 }).toJson() };
      const h = Dummy.create({ dummy_input: 1 }).to_headers();
      const ok = await fetch(`http://127.0.0.1:${open.port}/Dummy`, {
        ...base,
        headers: { ...h, bt_header_dendrite_hotkey: alice.ss58Address },
      });
      expect(ok.status).toBe(200);
      const no = await fetch(`http://127.0.0.1:${open.port}/Dummy`, {
        ...base,
        headers: { ...h, bt_header_dendrite_hotkey: bob.ss58Address },
      });
      expect(no.status).toBe(401);
      expect(((await no.json()) as { message: string }).message).toBe("Not Verified with error: only Alice");
    } finally {
      await open.stop();
    }
  });
});

describe("axon with verify workers", () => {
  it("accepts good signatures and rejects bad ones and replays", async () => {
    const main = axon;
    axon = new Axon({ keypair: bob, port: 0, host: "127.0.0.1", verifyWorkers: 2 }).attach(Dummy, (s) => {
      s.dummy_output = s.dummy_input + 1;
      return s;
    });
    await axon.start();
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => send(Dummy.create({ dummy_input: i }), { uuid: `w-${i}` })),
      );
      expect(results.map((r) => r.body.dummy_output)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
      const bad = await send(Dummy.create({ dummy_input: 1 }), { sign: "other" });
      expect(bad.status).toBe(401);
      expect(bad.body.message).toMatch(/^Not Verified with error: Signature mismatch with /);
      const nonce = timeNs();
      const [a, b] = await Promise.all([
        send(Dummy.create({ dummy_input: 1 }), { nonce, uuid: "race" }),
        send(Dummy.create({ dummy_input: 1 }), { nonce, uuid: "race" }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 401]);
    } finally {
      await axon.stop();
      axon = main;
    }
  });
});

describe("PrioritySemaphore", () => {
  it("serves the highest priority first", async () => {
    const sem = new PrioritySemaphore(1);
    const order: number[] = [];
    const first = await sem.acquire(0);
    const waits = [1, 5, 3].map(async (p) => {
      const release = await sem.acquire(p);
      order.push(p);
      release();
    });
    first();
    await Promise.all(waits);
    expect(order).toEqual([5, 3, 1]);
  });
});
