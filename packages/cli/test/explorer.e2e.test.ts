// `tao explorer` and `tao node --dev --explorer` serve the built page; the page's config names the node.
// (The page itself is tested in a browser, the one mounted by `tao node --dev --explorer` included:
// packages/explorer/test/explorer.browser.test.ts.)
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterEach, describe, expect, it } from "vitest";
import { TAO_BIN, tao } from "./run-tao.js";

const children: ChildProcess[] = [];

function start(args: string[]): Promise<Record<string, string>> {
  const child = spawn(TAO_BIN, args, { env: { ...process.env, NO_COLOR: "1" } });
  children.push(child);
  let stderr = "";
  child.stderr!.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`tao ${args.join(" ")} exited with ${code}: ${stderr}`)));
    createInterface({ input: child.stdout! }).once("line", (line) => resolve(JSON.parse(line)));
  });
}

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGTERM");
});

describe("tao explorer", () => {
  it("serves the page and a config.json naming the node", async () => {
    const ready = await start(["explorer", "--network", "ws://127.0.0.1:9", "--port", "0"]);
    expect(ready).toMatchObject({ event: "ready", network: "ws://127.0.0.1:9" });
    const page = await fetch(ready.url!);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("<title>OpenTAO explorer</title>");
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)![1]!;
    const js = await fetch(new URL(script, ready.url));
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await (await fetch(new URL("config.json", ready.url))).json()).toEqual({
      rpc: "ws://127.0.0.1:9",
    });
  });

  it("refuses an unknown network, a bad port and a host not of this machine with a usage error", async () => {
    const network = await tao(["explorer", "--network", "mainnet-ish"]);
    expect(network.code).toBe(2);
    expect(network.stderr).toContain(`--network "mainnet-ish" is neither a known network nor a ws:// URL`);
    const port = await tao(["explorer", "--port", "http"]);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("--port must be an integer 0..65535");
    // 192.0.2.1 is TEST-NET-1: documentation only, never an address of this machine.
    const host = await tao(["explorer", "--host", "192.0.2.1", "--port", "0"]);
    expect(host.code).toBe(2);
    expect(host.stderr).toContain("cannot listen on 192.0.2.1 port 0: EADDRNOTAVAIL");
    expect(host.stderr).not.toContain("    at ");
  });

  it("tao node --dev --explorer mounts it at /explorer/ beside the RPC", async () => {
    const ready = await start(["node", "--dev", "--rpc-port", "0", "--instant", "--explorer"]);
    expect(ready.explorer).toBe(`${ready.http}/explorer/`);
    const page = await fetch(ready.explorer!);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("<title>OpenTAO explorer</title>");
    // Same origin, so the page reads the node without config.json; the RPC still answers on the port.
    expect((await fetch(`${ready.http}/explorer/config.json`)).status).toBe(404);
    const rpc = await fetch(ready.http!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "system_chain", params: [] }),
    });
    expect(((await rpc.json()) as { result: unknown }).result).toBeTruthy();
  });
});
