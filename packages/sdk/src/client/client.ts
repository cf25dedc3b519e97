// ChainClient: JSON-RPC 2.0 over one WebSocket to an OpenTAO (or Substrate-shaped) node. Created once,
// reused, closed. If the socket drops, calls in flight fail with a ConnectionError (their outcome is
// unknown, so they are not retried), and the client reconnects with exponential backoff and re-subscribes
// the resumable subscriptions (heads) under the node's new ids.
import type { Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import WebSocket from "ws";
import { ConnectionError, RpcCallError } from "./errors.js";
import { resolveNetwork } from "./networks.js";
import { signForChain, submitAndWatch } from "./submit.js";
import { Subscription } from "./subscription.js";
import {
  type BlockId,
  type Header,
  type StorageChangeSet,
  type SubmitOptions,
  type SubmitResult,
  toHeader,
} from "./types.js";

// biome-ignore lint/suspicious/noExplicitAny: subscriptions of every notification type share one table
type AnySubscription = Subscription<any>;

export interface ChainClientOptions {
  /** Reconnect after the socket drops (default true). */
  reconnect?: boolean;
  /** First reconnect delay, doubled per failed attempt up to `maxBackoffMs` (defaults 100 and 5000). */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Called when the socket drops, and again once a new socket is open and subscriptions are renewed. */
  onConnectionChange?: (state: "lost" | "restored") => void;
}

interface Pending {
  method: string;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  /** For a subscribe call: registers the id before any later message is read, so no notification is missed. */
  register?: (id: string) => void;
}

const dial = (url: string): Promise<WebSocket> =>
  new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
    const fail = (e: Error) => {
      socket.removeAllListeners();
      socket.terminate();
      reject(new ConnectionError(`cannot connect to ${url}: ${e.message}`));
    };
    socket.once("error", fail);
    socket.once("open", () => {
      socket.off("error", fail);
      resolve(socket);
    });
  });

export class ChainClient {
  #socket: WebSocket | undefined;
  #nextId = 0;
  #closed = false;
  #reconnectTimer: NodeJS.Timeout | undefined;
  #attempt = 0;
  #genesis: string | undefined;
  readonly #pending = new Map<number, Pending>();
  readonly #subs = new Map<string, AnySubscription>();

  private constructor(
    readonly url: string,
    socket: WebSocket,
    private readonly options: ChainClientOptions,
  ) {
    this.#attach(socket);
  }

  /** Connects to a named network (`local` = ws://127.0.0.1:9944, `finney`, `test`, `archive`) or a URL. */
  static async connect(urlOrNetwork = "local", options: ChainClientOptions = {}): Promise<ChainClient> {
    const url = resolveNetwork(urlOrNetwork);
    return new ChainClient(url, await dial(url), options);
  }

  get connected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  /** One JSON-RPC call; rejects with RpcCallError for the node's errors, ConnectionError for a lost socket. */
  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    return this.#request<T>(method, params);
  }

  #request<T>(method: string, params: unknown[], register?: (id: string) => void): Promise<T> {
    const socket = this.#socket;
    if (this.#closed) return Promise.reject(new ConnectionError(`${method}: the client is closed`));
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      return Promise.reject(new ConnectionError(`${method}: not connected to ${this.url} (reconnecting)`));
    }
    const id = ++this.#nextId;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, {
        method,
        resolve: resolve as (v: unknown) => void,
        reject,
        ...(register ? { register } : {}),
      });
      socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** Subscribes with `method`; `resumable` subscriptions are renewed after a reconnect. */
  async subscribe<T>(
    method: string,
    params: unknown[],
    unsubscribeMethod: string,
    map: (raw: unknown) => T,
    resumable = true,
  ): Promise<Subscription<T>> {
    let sub: Subscription<T> | undefined;
    await this.#request<string>(method, params, (id) => {
      sub = new Subscription<T>(id, method, unsubscribeMethod, resumable, params, map, (s) =>
        this.#unsubscribe(s),
      );
      this.#subs.set(id, sub);
    });
    return sub!;
  }

  subscribeNewHeads(): Promise<Subscription<Header>> {
    return this.subscribe("chain_subscribeNewHeads", [], "chain_unsubscribeNewHeads", toHeader);
  }

  subscribeFinalizedHeads(): Promise<Subscription<Header>> {
    return this.subscribe("chain_subscribeFinalizedHeads", [], "chain_unsubscribeFinalizedHeads", toHeader);
  }

  /** Raw storage keys' values (hex or null): all of them now, then the ones that change, per block. */
  subscribeStorage(keys: readonly string[]): Promise<Subscription<StorageChangeSet>> {
    return this.subscribe(
      "state_subscribeStorage",
      [keys],
      "state_unsubscribeStorage",
      (raw) => raw as StorageChangeSet,
    );
  }

  /** One WebSocket ping-pong round trip, in milliseconds: the connection's latency without the node's work. */
  ping(): Promise<number> {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocket.OPEN)
      return Promise.reject(new ConnectionError(`ping: not connected to ${this.url}`));
    const start = performance.now();
    return new Promise((resolve, reject) => {
      const lost = () => reject(new ConnectionError(`ping: the connection to ${this.url} closed`));
      socket.once("close", lost);
      socket.once("pong", () => {
        socket.off("close", lost);
        resolve(performance.now() - start);
      });
      socket.ping();
    });
  }

  /** The next nonce of an account, counting its transactions in the pool. */
  nextIndex(address: string): Promise<number> {
    return this.call<number>("system_accountNextIndex", [address]);
  }

  async header(at?: BlockId): Promise<Header> {
    return toHeader(await this.call("chain_getHeader", at === undefined ? [] : [at]));
  }

  blockHash(number?: number): Promise<string> {
    return this.call<string>("chain_getBlockHash", number === undefined ? [] : [number]);
  }

  /** The genesis hash (what signatures commit to), fetched once. */
  async genesisHash(): Promise<string> {
    this.#genesis ??= await this.blockHash(0);
    return this.#genesis;
  }

  /** A storage item decoded by the node as JSON (u64 as decimal strings), e.g. ("System", "Account", [address]). */
  queryTyped<T = unknown>(pallet: string, item: string, keys: unknown[] = [], at?: BlockId): Promise<T> {
    return this.call<T>(
      "state_queryStorageTyped",
      at === undefined ? [pallet, item, keys] : [pallet, item, keys, at],
    );
  }

  /** Signs `call` with `keypair`, submits it and follows it to `waitFor` (default inBlock). */
  submit(keypair: Keypair, call: RuntimeCall, options: SubmitOptions = {}): Promise<SubmitResult> {
    return submitAndWatch(this, keypair, call, options);
  }

  /** Signs and hands `call` to the node's pool without waiting for a block; returns the extrinsic hash. */
  async submitWithoutWaiting(
    keypair: Keypair,
    call: RuntimeCall,
    options: Omit<SubmitOptions, "waitFor"> = {},
  ): Promise<string> {
    return this.call<string>("author_submitExtrinsic", [await signForChain(this, keypair, call, options)]);
  }

  /** Closes the socket and stops reconnecting; resolves once the socket is gone (no handles left). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
    this.#failAll(new ConnectionError("the client was closed"), true);
    const socket = this.#socket;
    this.#socket = undefined;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      socket.once("close", () => resolve());
      socket.close();
    });
    socket.removeAllListeners();
  }

  async #unsubscribe(sub: AnySubscription): Promise<void> {
    if (this.#subs.get(sub.id) !== sub) return;
    this.#subs.delete(sub.id);
    if (this.connected) await this.call(sub.unsubscribeMethod, [sub.id]).catch(() => undefined);
  }

  #attach(socket: WebSocket): void {
    this.#socket = socket;
    socket.on("message", (data) => this.#onMessage(data.toString()));
    // An error is always followed by close; the close handler does the work.
    socket.on("error", () => undefined);
    socket.once("close", () => {
      socket.removeAllListeners();
      if (this.#socket !== socket || this.#closed) return;
      this.#socket = undefined;
      this.#onLost();
    });
  }

  #onMessage(text: string): void {
    let msg: { id?: number; result?: unknown; error?: { code: number; message: string; data?: unknown } } & {
      params?: { subscription?: string; result?: unknown };
    };
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    if (typeof msg.id === "number") {
      const p = this.#pending.get(msg.id);
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.error) p.reject(new RpcCallError(p.method, msg.error.code, msg.error.message, msg.error.data));
      else {
        p.register?.(msg.result as string);
        p.resolve(msg.result);
      }
      return;
    }
    // Notifications for an id we no longer hold (just unsubscribed) are dropped.
    const subId = msg.params?.subscription;
    if (subId !== undefined) this.#subs.get(subId)?.push(msg.params!.result);
  }

  /** Fails calls in flight and (all, or the non-resumable) subscriptions. */
  #failAll(error: Error, everything: boolean): void {
    for (const p of this.#pending.values()) p.reject(new ConnectionError(`${p.method}: ${error.message}`));
    this.#pending.clear();
    for (const [id, sub] of this.#subs) {
      if (everything || !sub.resumable) {
        sub.finish(everything ? undefined : new ConnectionError(`${sub.method}: ${error.message}`));
        this.#subs.delete(id);
      }
    }
  }

  #onLost(): void {
    const reason = new ConnectionError(`connection to ${this.url} lost`);
    if (this.options.reconnect === false) {
      this.#closed = true;
      this.#failAll(reason, false);
      for (const sub of this.#subs.values()) sub.finish(reason);
      this.#subs.clear();
      return;
    }
    this.#failAll(reason, false);
    this.options.onConnectionChange?.("lost");
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    const base = this.options.backoffMs ?? 100;
    const delay = Math.min(base * 2 ** this.#attempt, this.options.maxBackoffMs ?? 5000);
    this.#attempt++;
    this.#reconnectTimer = setTimeout(() => void this.#reconnect(), delay);
  }

  async #reconnect(): Promise<void> {
    this.#reconnectTimer = undefined;
    let socket: WebSocket;
    try {
      socket = await dial(this.url);
    } catch {
      if (!this.#closed) this.#scheduleReconnect();
      return;
    }
    if (this.#closed) {
      socket.terminate();
      return;
    }
    this.#attempt = 0;
    // The node may have restarted with another chain (a fresh devnet).
    this.#genesis = undefined;
    this.#attach(socket);
    // Renew each resumable subscription under its new id; one the node refuses now ends with that error.
    const subs = [...this.#subs.values()];
    this.#subs.clear();
    for (const sub of subs) {
      try {
        await this.#request<string>(sub.method, sub.params, (id) => {
          sub.id = id;
          this.#subs.set(id, sub);
        });
      } catch (e) {
        sub.finish(e as Error);
      }
    }
    if (!this.#closed) this.options.onConnectionChange?.("restored");
  }
}
