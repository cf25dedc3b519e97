// JSON-RPC 2.0 over one WebSocket to the node: calls, and subscriptions whose notifications arrive by id.
type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void; method: string };

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export class Rpc {
  #seq = 0;
  readonly #pending = new Map<number, Pending>();
  readonly #subs = new Map<string, (result: unknown) => void>();
  #closed: Error | undefined;

  private constructor(
    readonly url: string,
    readonly socket: WebSocket,
  ) {
    socket.onmessage = (e) => this.#onMessage(String(e.data));
    socket.onclose = () => {
      this.#closed = new Error(`the connection to ${url} closed`);
      for (const p of this.#pending.values()) p.reject(this.#closed);
      this.#pending.clear();
    };
  }

  static connect(url: string): Promise<Rpc> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.onopen = () => resolve(new Rpc(url, socket));
      socket.onerror = () => reject(new Error(`cannot reach the node at ${url}`));
    });
  }

  close(): void {
    this.socket.close();
  }

  get closed(): boolean {
    return this.#closed !== undefined;
  }

  call<T = unknown>(method: string, params: unknown[] = []): Promise<T> {
    if (this.#closed) return Promise.reject(this.#closed);
    const id = ++this.#seq;
    return new Promise<T>((resolve, reject) => {
      this.#pending.set(id, { resolve: resolve as (v: unknown) => void, reject, method });
      this.socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  /** Subscribes; returns the function that ends the subscription. */
  async subscribe<T>(method: string, unsubscribe: string, onResult: (r: T) => void): Promise<() => void> {
    const id = await this.call<string>(method);
    this.#subs.set(id, onResult as (r: unknown) => void);
    return () => {
      this.#subs.delete(id);
      if (!this.#closed) this.call(unsubscribe, [id]).catch(() => {});
    };
  }

  #onMessage(text: string): void {
    const msg = JSON.parse(text) as {
      id?: number;
      result?: unknown;
      error?: { code: number; message: string };
      params?: { subscription: string; result: unknown };
    };
    if (msg.id !== undefined && msg.id !== null) {
      const p = this.#pending.get(msg.id);
      if (!p) return;
      this.#pending.delete(msg.id);
      if (msg.error) p.reject(new RpcError(msg.error.code, `${p.method}: ${msg.error.message}`));
      else p.resolve(msg.result);
    } else if (msg.params) {
      this.#subs.get(msg.params.subscription)?.(msg.params.result);
    }
  }
}

/** Where the node is: ?rpc=…, else config.json beside the page (tao explorer writes it), else this host. */
export async function nodeUrl(): Promise<string> {
  const given = new URLSearchParams(location.search).get("rpc");
  if (given) return given;
  try {
    const r = await fetch("./config.json");
    if (r.ok) {
      const config = (await r.json()) as { rpc?: string };
      if (config.rpc) return config.rpc;
    }
  } catch {
    // no config: the page is served by the node itself
  }
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`;
}
