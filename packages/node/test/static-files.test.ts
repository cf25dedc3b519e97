// Static files under a URL path: content types, the directory index, the bare-path redirect, 404s, and
// nothing outside the directory.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveStatic } from "../src/rpc/static-files.js";

let server: Server;
let base: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), "opentao-static-"));
  const dir = join(root, "site");
  mkdirSync(join(dir, "assets"), { recursive: true });
  writeFileSync(join(dir, "index.html"), "<!doctype html><p>hi</p>");
  writeFileSync(join(dir, "assets", "app-1234.js"), "console.log(1)");
  writeFileSync(join(root, "secret.txt"), "secret");
  server = createServer(async (req, res) => {
    if (!(await serveStatic({ path: "/explorer", dir }, req, res))) res.writeHead(418).end("not mine");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("serveStatic", () => {
  it("serves files with their content type, and index.html for the directory", async () => {
    const index = await fetch(`${base}/explorer/`);
    expect(index.status).toBe(200);
    expect(index.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await index.text()).toBe("<!doctype html><p>hi</p>");
    const js = await fetch(`${base}/explorer/assets/app-1234.js`);
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(js.headers.get("cache-control")).toContain("immutable");
    expect(await js.text()).toBe("console.log(1)");
  });

  it("redirects the bare path to the directory, keeping the query", async () => {
    const r = await fetch(`${base}/explorer?rpc=ws://x`, { redirect: "manual" });
    expect(r.status).toBe(301);
    expect(r.headers.get("location")).toBe("/explorer/?rpc=ws://x");
  });

  it("answers 404 for a missing file and leaves other paths and methods to the server", async () => {
    expect((await fetch(`${base}/explorer/nope.js`)).status).toBe(404);
    expect((await fetch(`${base}/other`)).status).toBe(418);
    expect((await fetch(`${base}/explorer/`, { method: "POST", body: "{}" })).status).toBe(418);
  });

  it("serves nothing outside its directory", async () => {
    const r = await fetch(`${base}/explorer/..%2fsecret.txt`);
    expect(r.status).toBe(403);
    expect(await r.text()).not.toContain("secret\n");
  });

  it("answers 400 to a request target that is not a URL, instead of rejecting the handler", async () => {
    const { port } = server.address() as AddressInfo;
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () =>
        socket.write("GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n"),
      );
      socket.setEncoding("utf8").once("data", (d: string) => {
        socket.destroy();
        resolve(d);
      });
      socket.once("error", reject);
    });
    expect(reply.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
  });
});
