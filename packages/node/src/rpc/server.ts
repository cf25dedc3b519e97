// JSON-RPC 2.0 over HTTP (POST) and WebSocket on one port; subscriptions over WebSocket only.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer } from "ws";
import type { NodeService } from "../service.js";
import { RPC_CODES, RpcError } from "./errors.js";
import { METHOD_MAP, rpcMethods } from "./methods.js";
import { validateParams } from "./params.js";
import { type StaticMount, serveStatic } from "./static-files.js";
import type { MethodSpec, RpcContext } from "./types.js";

type Id = string | number | null;
interface Request {
  jsonrpc?: unknown;
  id?: Id;
  method?: unknown;
  params?: unknown;
}

const MAX_BODY = 8 * 1024 * 1024;

/** Subscription ids and their ends, per WebSocket connection. */
class Connection {
  readonly subs = new Map<string, () => void>();
  constructor(readonly socket: WebSocket) {}
  send(message: unknown): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
  close(): void {
    for (const stop of this.subs.values()) stop();
    this.subs.clear();
  }
}

export class RpcServer {
  readonly #connections = new Set<Connection>();
  #subSeq = 0;

  private constructor(
    readonly node: NodeService,
    readonly http: Server,
    readonly wss: WebSocketServer,
    readonly url: string,
    readonly mounts: readonly StaticMount[],
  ) {}

  static listen(
    node: NodeService,
    port: number,
    host: string,
    mounts: readonly StaticMount[] = [],
  ): Promise<RpcServer> {
    return new Promise((resolve, reject) => {
      const http = createServer();
      const wss = new WebSocketServer({ server: http, maxPayload: MAX_BODY });
      // ws re-emits the http server's errors (EADDRINUSE) on itself: both must be handled, or one crashes the process.
      http.once("error", reject);
      wss.once("error", reject);
      http.listen(port, host, () => {
        http.off("error", reject);
        wss.off("error", reject);
        const address = http.address() as AddressInfo;
        const shown = host.includes(":") ? `[${host}]` : host;
        const server = new RpcServer(node, http, wss, `ws://${shown}:${address.port}`, mounts);
        http.on("request", (req, res) => server.#onHttp(req, res));
        wss.on("connection", (socket) => server.#onSocket(socket));
        resolve(server);
      });
    });
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }

  get httpUrl(): string {
    return this.url.replace(/^ws/, "http");
  }

  async close(): Promise<void> {
    for (const c of this.#connections) {
      c.close();
      c.socket.terminate();
    }
    await new Promise<void>((r) => this.wss.close(() => r()));
    this.http.closeAllConnections();
    await new Promise<void>((r) => this.http.close(() => r()));
  }

  async #onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const mount of this.mounts) if (await serveStatic(mount, req, res)) return;
    if (req.method === "GET" && (req.url === "/health" || req.url === "/")) {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ ok: true, best: this.node.chain.head().number }));
      return;
    }
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors()).end();
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { allow: "POST" }).end("JSON-RPC: POST a request, or open a WebSocket");
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on("end", async () => {
      const reply = await this.#handleText(Buffer.concat(chunks).toString("utf8"), undefined);
      res.writeHead(200, { "content-type": "application/json", ...cors() }).end(reply ?? "");
    });
  }

  #onSocket(socket: WebSocket): void {
    const conn = new Connection(socket);
    this.#connections.add(conn);
    socket.on("message", async (data) => {
      const reply = await this.#handleText(data.toString(), conn);
      if (reply !== undefined && socket.readyState === WebSocket.OPEN) socket.send(reply);
    });
    socket.on("close", () => {
      conn.close();
      this.#connections.delete(conn);
    });
    socket.on("error", () => socket.terminate());
  }

  async #handleText(text: string, conn: Connection | undefined): Promise<string | undefined> {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return JSON.stringify(
        errorReply(null, new RpcError(RPC_CODES.parseError, "Parse error: the body is not JSON")),
      );
    }
    if (Array.isArray(body)) {
      if (body.length === 0)
        return JSON.stringify(
          errorReply(null, new RpcError(RPC_CODES.invalidRequest, "Invalid request: empty batch")),
        );
      const replies = (await Promise.all(body.map((r) => this.#handle(r as Request, conn)))).filter(
        (r) => r !== undefined,
      );
      return replies.length ? serialize(replies) : undefined;
    }
    const reply = await this.#handle(body as Request, conn);
    return reply === undefined ? undefined : serialize(reply);
  }

  async #handle(req: Request, conn: Connection | undefined): Promise<unknown> {
    const id: Id = req && typeof req === "object" && req.id !== undefined ? req.id : null;
    if (!req || typeof req !== "object" || req.jsonrpc !== "2.0" || typeof req.method !== "string") {
      return errorReply(
        id,
        new RpcError(
          RPC_CODES.invalidRequest,
          'Invalid request: expected {"jsonrpc":"2.0","method":…,"params":[…],"id":…}',
        ),
      );
    }
    const isNotification = req.id === undefined;
    try {
      const result = await this.#call(req.method, req.params, conn, id);
      if (isNotification) return undefined;
      return { jsonrpc: "2.0", id, result: result === undefined ? null : result };
    } catch (error) {
      if (isNotification) return undefined;
      if (!(error instanceof RpcError))
        this.node.log.warn("rpc method failed", { method: req.method, error: (error as Error).message });
      return errorReply(id, error);
    }
  }

  async #call(name: string, rawParams: unknown, conn: Connection | undefined, _id: Id): Promise<unknown> {
    if (name === "rpc_methods") return rpcMethods(this.node.dev);
    const unsubscribeOf = [...METHOD_MAP.values()].find((m) => m.subscription?.unsubscribe === name);
    if (unsubscribeOf) {
      const [subId] = Array.isArray(rawParams) ? rawParams : [];
      const stop = conn?.subs.get(String(subId));
      if (!stop) return false;
      conn!.subs.delete(String(subId));
      stop();
      return true;
    }
    const method = METHOD_MAP.get(name);
    if (!method) {
      throw new RpcError(
        RPC_CODES.methodNotFound,
        `Method not found: ${name} (rpc_methods lists the methods)`,
      );
    }
    if (method.dev && !this.node.dev) {
      throw new RpcError(RPC_CODES.unsupported, `${name} is a dev method; start the node with --dev`);
    }
    const params = validateParams(method, rawParams);
    const ctx: RpcContext = { node: this.node };
    if (method.subscription) return this.#subscribe(method, params, ctx, conn);
    return method.handler!(params, ctx);
  }

  async #subscribe(
    method: MethodSpec,
    params: readonly unknown[],
    ctx: RpcContext,
    conn: Connection | undefined,
  ): Promise<string> {
    if (!conn)
      throw new RpcError(RPC_CODES.unsupported, `${method.name} is a subscription: call it over a WebSocket`);
    const subscription = `0x${(++this.#subSeq).toString(16).padStart(16, "0")}`;
    const { notification } = method.subscription!;
    // Notifications wait until the reply carrying the subscription id has gone out.
    const early: unknown[] = [];
    let live = false;
    const post = (result: unknown) =>
      conn.send({ jsonrpc: "2.0", method: notification, params: { subscription, result } });
    const send = (result: unknown) => (live ? post(result) : early.push(result));
    const end = () => conn.subs.delete(subscription);
    const stop = await method.subscription!.start(params, ctx, send, end);
    conn.subs.set(subscription, stop);
    // The reply goes out in this turn's microtasks; the notifications queued so far follow it.
    setImmediate(() => {
      live = true;
      for (const r of early.splice(0)) post(r);
    });
    return subscription;
  }
}

/** A reply that cannot be JSON (a method's bug) becomes an internal error, so the caller is not left waiting. */
function serialize(reply: unknown): string {
  try {
    return JSON.stringify(reply);
  } catch (error) {
    const id = (reply as { id?: Id })?.id ?? null;
    return JSON.stringify(errorReply(Array.isArray(reply) ? null : id, error));
  }
}

function errorReply(id: Id, error: unknown): unknown {
  const e =
    error instanceof RpcError
      ? error
      : new RpcError(RPC_CODES.internal, `Internal error: ${(error as Error)?.message ?? String(error)}`);
  return {
    jsonrpc: "2.0",
    id,
    error: { code: e.code, message: e.message, ...(e.data !== undefined ? { data: e.data } : {}) },
  };
}

function cors(): Record<string, string> {
  return {
    "access-control-allow-origin": "*",
    "access-control-allow-methods": "POST, GET, OPTIONS",
    "access-control-allow-headers": "content-type",
  };
}
