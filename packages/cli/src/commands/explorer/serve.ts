// `tao explorer`: the explorer's static files, plus config.json telling the page which node to read.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { chosenNetworks } from "../../chain/connect.js";
import type { Action } from "../../command.js";
import { usageError } from "../../errors.js";
import { builtExplorer } from "./dir.js";
import { HOST, PORT } from "./index.js";

export const serve: Action = async (ctx) => {
  const { serveStatic } = await import("@opentao/node");
  const rpc = chosenNetworks(ctx)[0]!.url;
  const portText = ctx.string(PORT) ?? "8080";
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535)
    throw usageError(`--port must be an integer 0..65535, got "${portText}"`);
  const host = ctx.string(HOST) ?? "127.0.0.1";
  const mount = { path: "/", dir: await builtExplorer() };
  const config = JSON.stringify({ rpc });

  const server = createServer(async (req, res) => {
    if (req.method === "GET" && req.url === "/config.json") {
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-cache" }).end(config);
      return;
    }
    if (!(await serveStatic(mount, req, res))) res.writeHead(405, { allow: "GET, HEAD" }).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (e: NodeJS.ErrnoException) =>
      reject(
        e.code === "EADDRINUSE"
          ? usageError(`port ${port} is in use`, "pick another with --port (0: any free one)")
          : usageError(
              `cannot listen on ${host} port ${port}: ${e.code ?? e.message}`,
              "--host takes an address of this machine (127.0.0.1, or 0.0.0.0 for all); ports below 1024 need root",
            ),
      ),
    );
    server.listen(port, host, resolve);
  });
  const { port: bound } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${bound}/`;
  // Listening before the ready line: a supervisor may stop the server the moment it reads it.
  const stopped = new Promise<void>((done) => {
    const stop = () => {
      server.closeAllConnections();
      server.close(() => done());
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stderr.write(`Explorer at ${url} reading ${rpc}\n`);
  process.stdout.write(`${JSON.stringify({ event: "ready", url, network: rpc })}\n`);
  await stopped;
};
