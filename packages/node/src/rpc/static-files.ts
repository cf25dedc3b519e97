// Static files under a URL path (e.g. a web app at /explorer), for the node's HTTP server and any other.
import { readFile, stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";

export interface StaticMount {
  /** URL path prefix, e.g. "/explorer" ("/" for the whole server). */
  path: string;
  /** Directory whose files are served; a directory's index.html answers for it. */
  dir: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

/** Answers a GET/HEAD under the mount and returns true; false when the request is not the mount's. */
export async function serveStatic(
  mount: StaticMount,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<boolean> {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const prefix = mount.path === "/" ? "" : mount.path.replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(req.url ?? "/", "http://localhost");
  } catch {
    // A request target no URL parser accepts: answered here, as a throw would reject the server's
    // request handler and end the process.
    res.writeHead(400).end("bad request target");
    return true;
  }
  if (prefix && url.pathname === prefix) {
    res.writeHead(301, { location: `${prefix}/${url.search}` }).end();
    return true;
  }
  if (!url.pathname.startsWith(`${prefix}/`)) return false;
  const root = resolve(mount.dir);
  let file: string;
  try {
    file = resolve(join(root, decodeURIComponent(url.pathname.slice(prefix.length))));
  } catch {
    res.writeHead(400).end("bad path");
    return true;
  }
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end("outside the served directory");
    return true;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      // Vite's asset names carry a content hash; everything else may change between builds.
      "cache-control": file.includes(`${sep}assets${sep}`)
        ? "public, max-age=31536000, immutable"
        : "no-cache",
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" }).end(`not found: ${url.pathname}`);
  }
  return true;
}
