import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import { hexToBytes, type Keypair, ss58Decode, verifySignature } from "@opentao/primitives";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { pyFloatRepr, pyRepr } from "../synapse/py-str.js";
import { StreamingResponse } from "../synapse/streaming.js";
import {
  PROTOCOL_VERSION_AS_INT,
  requestSignatureMessage,
  Synapse,
  type SynapseClass,
  SynapseException,
  synapseNameOf,
  timeNs,
} from "../synapse/synapse.js";
import { SynapseParseError } from "../synapse/terminal.js";
import { PrioritySemaphore } from "./priority.js";
import { VerifyPool } from "./verify-pool.js";

type MaybePromise<T> = T | Promise<T>;

/** Returns the (mutated) synapse, or `synapse.create_streaming_response(chunks)` for a streaming synapse. */
export type ForwardFn<T extends Synapse> = (synapse: T) => MaybePromise<T | StreamingResponse<T>>;
/** Returns `[blacklisted, reason]`. */
export type BlacklistFn<T extends Synapse> = (synapse: T) => MaybePromise<readonly [boolean, string]>;
/** Higher runs first when the axon is busy. */
export type PriorityFn<T extends Synapse> = (synapse: T) => MaybePromise<number>;
/** Throws to reject (HTTP 401); replaces the default signature and nonce check. */
export type VerifyFn<T extends Synapse> = (synapse: T) => MaybePromise<void>;

export interface AttachHooks<T extends Synapse> {
  blacklist?: BlacklistFn<T>;
  priority?: PriorityFn<T>;
  verify?: VerifyFn<T>;
}

export interface AxonOptions {
  /** The hotkey: requests must be signed to it; it also signs the axon terminal of error replies. */
  keypair: Keypair;
  /** Port to listen on (default 8091, `BT_AXON_PORT`); 0 takes a free one, read back from `port`. */
  port?: number;
  /** Address to bind (default 0.0.0.0). */
  host?: string;
  /** Announced address (default `BT_AXON_EXTERNAL_IP`, else the bind host). */
  externalIp?: string;
  /** Announced port (default `BT_AXON_EXTERNAL_PORT`, else the real port). */
  externalPort?: number;
  /** Forward calls run at once before the priority queue holds the rest (default 10, `BT_AXON_MAX_WORKERS`). */
  maxWorkers?: number;
  /** Largest request body in bytes (default 16 MiB). */
  bodyLimit?: number;
  /**
   * Worker threads that check signatures (default 0: on the event loop). An sr25519 verify costs
   * 0.1-0.3 ms, the bulk of a request; on a machine with spare cores, workers multiply throughput.
   */
  verifyWorkers?: number;
}

export interface AxonInfo {
  version: number;
  ip: string;
  port: number;
  ip_type: 4 | 6;
  hotkey: string;
  coldkey: string;
  protocol: number;
  placeholder1: number;
  placeholder2: number;
}

/** The nonce window's fixed part (bittensor's `ALLOWED_DELTA`, 4 s). */
export const ALLOWED_NONCE_DELTA_NS = 4_000_000_000n;
/** Dendrites from this version on get the time-window nonce rule upstream; ours applies it always. */
export const NONCE_WINDOW_VERSION = 7_002_000;

interface Route {
  cls: SynapseClass;
  forward: ForwardFn<Synapse>;
  hooks: AttachHooks<Synapse>;
}

/** A rejection with the HTTP status and the `{"message"}` text bittensor answers. */
class Reject extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

class ForwardTimeout extends Error {}

const envInt = (name: string): number | undefined => {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
};

/**
 * bittensor's Axon on fastify: `POST /<SynapseName>` runs headers → blacklist → verify → priority →
 * body hash → forward, answering with bittensor's status codes and messages.
 */
export class Axon {
  readonly keypair: Keypair;
  readonly hotkey: string;
  readonly uuid = randomUUID();
  readonly host: string;
  readonly #routes = new Map<string, Route>();
  readonly #nonces = new Map<string, bigint>();
  readonly #publicKeys = new Map<string, Uint8Array>();
  readonly #pool: VerifyPool | undefined;
  readonly #slots: PrioritySemaphore;
  readonly #app: FastifyInstance;
  readonly #requestedPort: number;
  readonly #externalIp: string | undefined;
  readonly #externalPort: number | undefined;
  #port: number | undefined;
  #started = false;

  constructor(opts: AxonOptions) {
    this.keypair = opts.keypair;
    this.hotkey = opts.keypair.ss58Address;
    this.host = opts.host ?? "0.0.0.0";
    this.#requestedPort = opts.port ?? envInt("BT_AXON_PORT") ?? 8091;
    if (!Number.isInteger(this.#requestedPort) || this.#requestedPort < 0 || this.#requestedPort > 65535)
      throw new RangeError(`axon port must be 0 (any free port) or 1-65535, got ${this.#requestedPort}`);
    this.#externalIp = opts.externalIp ?? process.env.BT_AXON_EXTERNAL_IP;
    this.#externalPort = opts.externalPort ?? envInt("BT_AXON_EXTERNAL_PORT");
    this.#slots = new PrioritySemaphore(opts.maxWorkers ?? envInt("BT_AXON_MAX_WORKERS") ?? 10);
    const workers = opts.verifyWorkers ?? 0;
    this.#pool = workers > 0 ? new VerifyPool(workers) : undefined;
    this.#app = Fastify({ logger: false, bodyLimit: opts.bodyLimit ?? 16 * 1024 * 1024 });
    this.#app.removeAllContentTypeParsers();
    this.#app.addContentTypeParser("*", { parseAs: "string" }, (_req, body, done) => done(null, body));
    // Returning the reply tells fastify the response is sent by `reply.send` (needed for streams).
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      await this.#handle(req, reply);
      return reply;
    };
    this.#app.route({ method: ["GET", "POST"], url: "/*", handler });
    // The default ping route, as upstream's constructor attaches.
    this.#routes.set("Synapse", {
      cls: Synapse as SynapseClass,
      forward: (s) => s,
      hooks: {},
    });
  }

  /** Serves `/<cls name>` with `forward`; chainable. */
  attach<T extends Synapse>(cls: SynapseClass<T>, forward: ForwardFn<T>, hooks: AttachHooks<T> = {}): this {
    const name = synapseNameOf(cls);
    this.#routes.set(name, {
      cls,
      forward: forward as unknown as ForwardFn<Synapse>,
      hooks: hooks as AttachHooks<Synapse>,
    });
    return this;
  }

  get synapseNames(): string[] {
    return [...this.#routes.keys()];
  }

  /** The port listened on (the real one after `start()` with port 0). */
  get port(): number {
    return this.#port ?? this.#requestedPort;
  }

  get started(): boolean {
    return this.#started;
  }

  /** Starts listening; resolves once bound, with `port` the real port. */
  async start(): Promise<this> {
    if (this.#started) return this;
    await this.#pool?.ready();
    await this.#app.listen({ port: this.#requestedPort, host: this.host });
    const addr = this.#app.server.address();
    this.#port = typeof addr === "object" && addr ? addr.port : this.#requestedPort;
    this.#started = true;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#app.close();
    await this.#pool?.close();
  }

  /** What `serve_axon` announces on chain. */
  info(coldkey = ""): AxonInfo {
    const ip = this.#externalIp ?? this.host;
    return {
      version: PROTOCOL_VERSION_AS_INT,
      ip,
      port: this.#externalPort ?? this.port,
      ip_type: ip.includes(":") ? 6 : 4,
      hotkey: this.hotkey,
      coldkey,
      protocol: 4,
      placeholder1: 0,
      placeholder2: 0,
    };
  }

  toString(): string {
    const ip = this.#externalIp ?? this.host;
    return `Axon(${ip}, ${this.port}, ${this.hotkey}, ${this.#started ? "started" : "stopped"}, ${pyRepr(this.synapseNames)})`;
  }

  /**
   * bittensor's `default_verify`, with a signature required: the nonce window on the first request from a
   * `hotkey:uuid`, strictly increasing nonces after it, and an sr25519 signature over
   * `nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash` by the dendrite's hotkey.
   */
  async defaultVerify(synapse: Synapse): Promise<void> {
    const d = synapse.dendrite;
    if (!d.hotkey) throw new Error("No SS58 formatted address or public key provided");
    const endpointKey = `${d.hotkey}:${d.uuid}`;
    const message = requestSignatureMessage(
      d.nonce ?? "None",
      d.hotkey,
      this.hotkey,
      d.uuid ?? "None",
      synapse.computed_body_hash,
    );
    if (d.nonce === null) throw new Error("Missing Nonce");
    const last = this.#nonces.get(endpointKey);
    if (last === undefined) {
      const now = timeNs();
      const timeoutNs = BigInt(Math.round(synapse.timeout * 1e9));
      if (d.nonce <= now - ALLOWED_NONCE_DELTA_NS - timeoutNs) {
        const allowed = Number(ALLOWED_NONCE_DELTA_NS + timeoutNs) / 1e9;
        const diff = Number(now - d.nonce) / 1e9;
        throw new Error(
          `Nonce is too old: acceptable delta is ${allowed.toFixed(2)} seconds but request was ${diff.toFixed(2)} seconds old`,
        );
      }
    } else if (d.nonce <= last) {
      throw new Error("Nonce is too old, a newer one was last processed");
    }
    if (!d.signature) throw new Error("Missing Signature");
    let ok: boolean;
    try {
      const publicKey = this.#publicKey(d.hotkey);
      if (this.#pool) {
        const sig = hexToBytes(d.signature, "signature", 64);
        ok = await this.#pool.verify(message, sig, publicKey);
        // Another request may have stored a newer nonce while this one was being checked.
        const now = this.#nonces.get(endpointKey);
        if (now !== undefined && d.nonce <= now)
          throw new Error("Nonce is too old, a newer one was last processed");
      } else {
        ok = verifySignature(message, d.signature, publicKey);
      }
    } catch (e) {
      if (e instanceof Error && e.message.startsWith("Nonce")) throw e;
      ok = false;
    }
    if (!ok) throw new Error(`Signature mismatch with ${message} and ${d.signature}`);
    this.#nonces.set(endpointKey, d.nonce);
  }

  #publicKey(hotkey: string): Uint8Array {
    let pk = this.#publicKeys.get(hotkey);
    if (pk === undefined) {
      pk = ss58Decode(hotkey);
      if (this.#publicKeys.size >= 65536) this.#publicKeys.clear();
      this.#publicKeys.set(hotkey, pk);
    }
    return pk;
  }

  async #handle(req: FastifyRequest, reply: FastifyReply): Promise<void> {
    const started = performance.now();
    const path = req.url.split("?", 1)[0]!.slice(1);
    const route = this.#routes.get(path);
    if (!route) {
      const msg = `Synapse name '${path}' not found. Available synapses ${pyRepr(this.synapseNames)}`;
      return this.#fail(reply, undefined, 404, msg, started);
    }
    const { cls, hooks } = route;
    let synapse: Synapse;
    try {
      synapse = new cls().applyHeaders(req.headers);
    } catch (e) {
      const msg = e instanceof SynapseParseError ? `Bad header: ${e.message}` : String(e);
      return this.#fail(reply, undefined, 400, msg, started);
    }
    this.#preprocess(synapse, req);
    let release: (() => void) | undefined;
    const timeoutMs = Math.max(0, synapse.timeout * 1000);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(new ForwardTimeout()), timeoutMs);
    try {
      if (hooks.blacklist) {
        const [blocked, reason] = await hooks.blacklist(synapse);
        if (blocked) throw new Reject(403, `Forbidden. Key is blacklisted: ${reason}.`);
      }
      try {
        if (hooks.verify) await hooks.verify(synapse);
        else await this.defaultVerify(synapse);
      } catch (e) {
        throw new Reject(401, `Not Verified with error: ${e instanceof Error ? e.message : String(e)}`);
      }
      const priority = hooks.priority ? await hooks.priority(synapse) : 0;
      release = await this.#slots.acquire(priority, abort.signal);
      // The body: parsed only now, checked against the signed body hash.
      let full: Synapse;
      try {
        const text = typeof req.body === "string" && req.body.length > 0 ? req.body : "{}";
        full = new cls().applyJson(JSON.parse(text), { terminals: false });
      } catch (e) {
        throw new Reject(400, `Bad body: ${e instanceof Error ? e.message : String(e)}`);
      }
      full.timeout = synapse.timeout;
      full.total_size = synapse.total_size;
      full.header_size = synapse.header_size;
      full.dendrite = synapse.dendrite;
      full.axon = synapse.axon;
      full.computed_body_hash = synapse.computed_body_hash;
      if (full.body_hash !== synapse.computed_body_hash) {
        throw new Error(`body hash ${full.body_hash} does not match header ${synapse.computed_body_hash}`);
      }
      synapse = full;
      const forwarded = route.forward(full);
      const result = await raceAbort(Promise.resolve(forwarded), abort.signal);
      if (result instanceof StreamingResponse) this.#stream(reply, result, started);
      else this.#reply(reply, result, started);
    } catch (e) {
      if (e instanceof Reject) return this.#fail(reply, synapse, e.status, e.message, started);
      if (e instanceof ForwardTimeout) {
        return this.#fail(
          reply,
          synapse,
          408,
          `Response timeout after: ${pyFloatRepr(synapse.timeout)}s`,
          started,
        );
      }
      if (e instanceof SynapseException) {
        const code = (e.synapse ?? synapse).axon.status_code;
        return this.#fail(reply, synapse, code !== null && code >= 300 ? code : 500, e.message, started);
      }
      const id = randomUUID();
      req.log.error({ err: e, id }, "axon request failed");
      return this.#fail(reply, synapse, 500, `Internal Server Error #${id}`, started);
    } finally {
      clearTimeout(timer);
      release?.();
    }
  }

  #preprocess(s: Synapse, req: FastifyRequest): void {
    s.dendrite.ip = req.socket.remoteAddress ?? null;
    s.dendrite.port = req.socket.remotePort ?? null;
    s.axon.version = PROTOCOL_VERSION_AS_INT;
    s.axon.uuid = this.uuid;
    s.axon.hotkey = this.hotkey;
    s.axon.status_code = 100;
  }

  #reply(reply: FastifyReply, s: Synapse, started: number): void {
    if (s.axon.status_code === null || s.axon.status_code === 100) s.axon.status_code = 200;
    if (s.axon.status_code === 200 && !s.axon.status_message) s.axon.status_message = "Success";
    s.axon.process_time = (performance.now() - started) / 1000;
    void reply
      .code(s.axon.status_code)
      .headers(s.to_headers())
      .header("content-type", "application/json")
      .send(s.toJson());
  }

  #stream(reply: FastifyReply, r: StreamingResponse, started: number): void {
    const s = r.synapse;
    s.axon.status_code = 200;
    s.axon.status_message ||= "Success";
    s.axon.process_time = (performance.now() - started) / 1000;
    const chunks = r.chunks;
    async function* body() {
      for await (const c of chunks) yield typeof c === "string" ? Buffer.from(c) : c;
    }
    void reply
      .code(200)
      .headers(s.to_headers())
      .header("content-type", "text/event-stream")
      .send(Readable.from(body()));
  }

  #fail(reply: FastifyReply, s: Synapse | undefined, status: number, message: string, started: number): void {
    if (s) {
      s.axon.status_code = status;
      s.axon.status_message = message;
      s.axon.process_time = (performance.now() - started) / 1000;
      if (this.keypair.canSign && s.dendrite.hotkey) {
        s.axon.nonce = timeNs();
        const msg = `${s.axon.nonce}.${s.dendrite.hotkey}.${this.hotkey}.${this.uuid}`;
        s.axon.signature = `0x${Buffer.from(this.keypair.sign(msg)).toString("hex")}`;
      }
      void reply.headers(s.to_headers());
    }
    void reply.code(status).header("content-type", "application/json").send(JSON.stringify({ message }));
  }
}

function raceAbort<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener("abort", onAbort);
        reject(e);
      },
    );
  });
}
