// A minimal JSON-RPC 2.0 WebSocket client and a spawner for a real `tao node` process, for the e2e tests
// (the SDK's chain client comes later).
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import WebSocket from "ws";

export const TAO_BIN = fileURLToPath(new URL("../../../node_modules/.bin/tao", import.meta.url));

export class RpcCallError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: unknown,
  ) {
    super(message);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: tests index into results freely
type Any = any;

export class Subscription {
  readonly received: Any[] = [];
  #waiters: ((v: Any) => void)[] = [];
  constructor(readonly id: string) {}
  push(result: Any): void {
    const w = this.#waiters.shift();
    if (w) w(result);
    else this.received.push(result);
  }
  /** The next notification (waits up to `ms`). */
  next(ms = 10_000): Promise<Any> {
    const queued = this.received.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`no notification on ${this.id} within ${ms} ms`)), ms);
      this.#waiters.push((v) => {
        clearTimeout(t);
        resolve(v);
      });
    });
  }
}

export class RpcClient {
  #id = 0;
  readonly #pending = new Map<number, { resolve: (v: Any) => void; reject: (e: Error) => void }>();
  readonly #subs = new Map<string, Subscription>();
  readonly #early = new Map<string, Any[]>();

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.id !== undefined && this.#pending.has(msg.id)) {
        const p = this.#pending.get(msg.id)!;
        this.#pending.delete(msg.id);
        if (msg.error) p.reject(new RpcCallError(msg.error.code, msg.error.message, msg.error.data));
        else p.resolve(msg.result);
      } else if (msg.params?.subscription) {
        const sub = this.#subs.get(msg.params.subscription);
        if (sub) sub.push(msg.params.result);
        else
          this.#early.set(msg.params.subscription, [
            ...(this.#early.get(msg.params.subscription) ?? []),
            msg.params.result,
          ]);
      }
    });
  }

  static connect(url: string): Promise<RpcClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url);
      socket.once("open", () => resolve(new RpcClient(socket)));
      socket.once("error", reject);
    });
  }

  call(method: string, params: unknown[] = []): Promise<Any> {
    const id = ++this.#id;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ jsonrpc: "2.0", id, method, params }));
    });
  }

  async subscribe(method: string, params: unknown[] = []): Promise<Subscription> {
    const id = (await this.call(method, params)) as string;
    const sub = new Subscription(id);
    for (const r of this.#early.get(id) ?? []) sub.push(r);
    this.#early.delete(id);
    this.#subs.set(id, sub);
    return sub;
  }

  close(): void {
    this.socket.close();
  }
}

export interface RunningNode {
  process: ChildProcess;
  // biome-ignore lint/suspicious/noExplicitAny: the ready line is free-form JSON
  ready: any;
  stderr: () => string;
  /** SIGTERM, then the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `tao node …` and resolves with its ready line. */
export function spawnNode(args: string[]): Promise<RunningNode> {
  const child = spawn(TAO_BIN, ["node", ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 15 s; stderr:\n${stderr}`)), 15_000);
    child.stdout!.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (line && stdout.includes("\n")) {
        clearTimeout(timer);
        resolve({
          process: child,
          ready: JSON.parse(line),
          stderr: () => stderr,
          stop: (signal = "SIGTERM") => {
            child.kill(signal);
            return exited;
          },
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tao node exited with ${code}; stderr:\n${stderr}`));
    });
  });
}
