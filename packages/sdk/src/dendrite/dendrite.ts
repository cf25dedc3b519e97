import { randomUUID } from "node:crypto";
import http from "node:http";
import type { Keypair } from "@opentao/primitives";
import type { StreamingSynapse } from "../synapse/streaming.js";
import {
  PROTOCOL_VERSION_AS_INT,
  requestSignatureMessage,
  type Synapse,
  timeNs,
} from "../synapse/synapse.js";
import { emptyTerminal } from "../synapse/terminal.js";

/** Where to send a request: an `AxonInfo` from the metagraph, or any object with these fields. */
export interface AxonTarget {
  ip: string;
  port: number;
  hotkey: string;
}

export interface ForwardOptions {
  /** Seconds for the whole call (default 12). */
  timeout?: number;
  /** Return `synapse.deserialize()` instead of the synapse (default true, as bittensor). */
  deserialize?: boolean;
  /** Query the axons one after another instead of at once (default false). */
  sequential?: boolean;
}

export interface DendriteOptions {
  /** The address put in `dendrite.ip`; a target with this ip is called at 0.0.0.0 (default 127.0.0.1). */
  externalIp?: string;
  /** The HTTP agent (default: keep-alive, no socket limit). */
  agent?: http.Agent;
}

class CallTimeout extends Error {}

type Deserialized<T extends Synapse> = ReturnType<T["deserialize"]>;

/**
 * bittensor's Dendrite: signs each request with the hotkey (`nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash`),
 * sends copies of the synapse to many axons at once, each with its own timeout, and returns the synapses
 * with `dendrite.status_code`, `status_message` and `process_time` set (or their deserialized payloads).
 */
export class Dendrite {
  readonly keypair: Keypair;
  readonly uuid = randomUUID();
  readonly externalIp: string;
  readonly #agent: http.Agent;
  readonly #ownAgent: boolean;

  constructor(keypair: Keypair, opts: DendriteOptions = {}) {
    if (!keypair.canSign)
      throw new Error(`the dendrite needs a hotkey that can sign; ${keypair.ss58Address} cannot`);
    this.keypair = keypair;
    this.externalIp = opts.externalIp ?? "127.0.0.1";
    this.#ownAgent = opts.agent === undefined;
    this.#agent = opts.agent ?? new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  }

  get hotkey(): string {
    return this.keypair.ss58Address;
  }

  forward<T extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: T,
    opts: ForwardOptions & { deserialize: false },
  ): Promise<T[]>;
  forward<T extends Synapse>(
    axon: AxonTarget,
    synapse: T,
    opts: ForwardOptions & { deserialize: false },
  ): Promise<T>;
  forward<T extends Synapse>(
    axons: readonly AxonTarget[],
    synapse: T,
    opts?: ForwardOptions,
  ): Promise<Deserialized<T>[]>;
  forward<T extends Synapse>(axon: AxonTarget, synapse: T, opts?: ForwardOptions): Promise<Deserialized<T>>;
  async forward<T extends Synapse>(
    axons: AxonTarget | readonly AxonTarget[],
    synapse: T,
    opts: ForwardOptions = {},
  ): Promise<unknown> {
    const timeout = opts.timeout ?? 12;
    const deserialize = opts.deserialize ?? true;
    const one = async (axon: AxonTarget) => {
      const result = await this.call(axon, synapse, timeout);
      return deserialize ? result.deserialize() : result;
    };
    if (!Array.isArray(axons)) return one(axons as AxonTarget);
    if (opts.sequential) {
      const out: unknown[] = [];
      for (const a of axons) out.push(await one(a));
      return out;
    }
    return Promise.all((axons as readonly AxonTarget[]).map(one));
  }

  /** The signed copy of `synapse` this dendrite would send to `axon`. */
  prepare<T extends Synapse>(axon: AxonTarget, synapse: T, timeout = 12): T {
    const s = synapse.copy();
    s.timeout = timeout;
    s.dendrite = {
      ...emptyTerminal(),
      ip: this.externalIp,
      version: PROTOCOL_VERSION_AS_INT,
      nonce: timeNs(),
      uuid: this.uuid,
      hotkey: this.hotkey,
    };
    s.axon = { ...emptyTerminal(), ip: axon.ip, port: axon.port, hotkey: axon.hotkey };
    const message = requestSignatureMessage(
      s.dendrite.nonce!,
      this.hotkey,
      axon.hotkey,
      this.uuid,
      s.body_hash,
    );
    s.dendrite.signature = `0x${Buffer.from(this.keypair.sign(message)).toString("hex")}`;
    return s;
  }

  /** One request; never throws: failures come back as the synapse's `dendrite.status_code` and message. */
  async call<T extends Synapse>(axon: AxonTarget, synapse: T, timeout = 12): Promise<T> {
    const started = performance.now();
    const s = this.prepare(axon, synapse, timeout);
    const host = axon.ip === this.externalIp && axon.ip !== "127.0.0.1" ? "0.0.0.0" : axon.ip;
    const headers: Record<string, string> = s.to_headers();
    const body = s.toJson();
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
    try {
      const res = await this.#post(host, axon.port, `/${s.name}`, headers, body, timeout);
      this.#processResponse(s, res);
    } catch (e) {
      const [code, message] = this.#errorStatus(e, axon, s.name, timeout);
      s.dendrite.status_code = code;
      s.dendrite.status_message = message;
    }
    s.dendrite.process_time = (performance.now() - started) / 1000;
    return s;
  }

  /**
   * Streams from one axon: yields what `synapse.process_streaming_response` makes of the body, then the
   * synapse (deserialized unless `deserialize: false`) with its status code, message and process time.
   * The timeout covers the whole stream.
   */
  async *stream<T extends StreamingSynapse>(
    axon: AxonTarget,
    synapse: T,
    opts: { timeout?: number; deserialize?: boolean } = {},
  ): AsyncGenerator<unknown> {
    const timeout = opts.timeout ?? 12;
    const started = performance.now();
    const s = this.prepare(axon, synapse, timeout);
    const headers: Record<string, string> = s.to_headers();
    const body = s.toJson();
    headers["content-type"] = "application/json";
    headers["content-length"] = String(Buffer.byteLength(body));
    const req = http.request({
      host: axon.ip,
      port: axon.port,
      path: `/${s.name}`,
      method: "POST",
      headers,
      agent: this.#agent,
    });
    const timer = setTimeout(() => req.destroy(new CallTimeout()), Math.max(0, timeout * 1000));
    try {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => {
        req.on("response", resolve);
        req.on("error", reject);
        req.end(body);
      });
      if (res.statusCode === 200) {
        for await (const item of s.process_streaming_response(res)) yield item;
        s.axon.status_code = 200;
        s.axon.status_message = "Success";
        this.#mergeHeaders(s, res.headers);
        s.extract_response_json(res.headers);
        s.dendrite.status_code = s.axon.status_code;
        s.dendrite.status_message = s.axon.status_message;
      } else {
        const chunks: Buffer[] = [];
        for await (const c of res) chunks.push(c as Buffer);
        this.#processResponse(s, {
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
        });
      }
    } catch (e) {
      const [code, message] = this.#errorStatus(e, axon, s.name, timeout);
      s.dendrite.status_code = code;
      s.dendrite.status_message = message;
    } finally {
      clearTimeout(timer);
    }
    s.dendrite.process_time = (performance.now() - started) / 1000;
    yield opts.deserialize === false ? s : s.deserialize();
  }

  #mergeHeaders(s: Synapse, headers: http.IncomingHttpHeaders): void {
    const bt: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (typeof v === "string" && (k.startsWith("bt_header_axon_") || k.startsWith("bt_header_dendrite_")))
        bt[k] = v;
    }
    try {
      s.applyHeaders(bt);
    } catch {
      // A malformed header from the axon leaves the earlier value in place.
    }
  }

  #post(
    host: string,
    port: number,
    path: string,
    headers: Record<string, string>,
    body: string,
    timeoutS: number,
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host, port, path, method: "POST", headers, agent: this.#agent });
      const timer = setTimeout(() => req.destroy(new CallTimeout()), Math.max(0, timeoutS * 1000));
      req.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => {
          clearTimeout(timer);
          reject(e);
        });
        res.on("end", () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString("utf8"),
          });
        });
      });
      req.end(body);
    });
  }

  #processResponse(
    s: Synapse,
    res: { status: number; headers: http.IncomingHttpHeaders; text: string },
  ): void {
    let json: unknown;
    try {
      json = JSON.parse(res.text);
    } catch (e) {
      throw new ParseFailure((e as Error).message);
    }
    if (res.status === 200) {
      try {
        const hash = s.computed_body_hash;
        s.applyJson(json);
        s.computed_body_hash = hash;
      } catch (e) {
        throw new ParseFailure((e as Error).message);
      }
    } else {
      s.axon.status_code = res.status;
      const msg = (json as { message?: unknown } | null)?.message;
      s.axon.status_message = typeof msg === "string" ? msg : null;
    }
    this.#mergeHeaders(s, res.headers);
    s.dendrite.status_code = s.axon.status_code;
    s.dendrite.status_message = s.axon.status_message;
  }

  #errorStatus(e: unknown, axon: AxonTarget, name: string, timeout: number): [number, string] {
    if (e instanceof CallTimeout) return [408, `Request timeout after ${timeout} seconds`];
    if (e instanceof ParseFailure) return [422, `Failed to parse response: ${e.message}`];
    const code = (e as { code?: string }).code;
    if (code === "ECONNREFUSED" || code === "EHOSTUNREACH" || code === "ENOTFOUND")
      return [503, `Service unavailable at ${axon.ip}:${axon.port}/${name}`];
    if (code === "ECONNRESET" || code === "EPIPE") return [503, "Service disconnected"];
    return [500, `Client error: ${(e as Error).message ?? String(e)}`];
  }

  /** Closes the pooled connections (only those of the agent the dendrite made). */
  close(): void {
    if (this.#ownAgent) this.#agent.destroy();
  }
}

class ParseFailure extends Error {}
