// `tao node start` / `tao node --dev`: the node with its RPC server; one JSON "ready" line on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { join, resolve } from "node:path";
import type { Action } from "../../command.js";
import { usageError } from "../../errors.js";
import {
  ACCOUNTS_OUT,
  BASE_PATH,
  BLOCK_TIME,
  DEV,
  EXPLORER,
  GENESIS,
  INSTANT,
  LOG_LEVEL,
  MANUAL,
  RPC_HOST,
  RPC_PORT,
} from "./options.js";

const started = performance.now();

function integer(value: string | undefined, what: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw usageError(`${what} must be an integer ${min}..${max}, got "${value}"`);
  return n;
}

interface GenesisFile {
  balances?: { address: string; free: string | number }[];
  sudo?: string;
  authorities?: string[];
  raw?: { key: string; value: string }[];
  subnets?: {
    owner: string;
    hotkey: string;
    neurons?: { coldkey: string; hotkey: string }[];
    stake?: { coldkey: string; hotkey: string; amount: string | number }[];
  }[];
}

/** A genesis JSON file; amounts in rao as strings. Missing parts come from the dev genesis. */
function readGenesis(file: string) {
  let doc: GenesisFile;
  try {
    doc = JSON.parse(readFileSync(resolve(file), "utf8")) as GenesisFile;
  } catch (e) {
    throw usageError(`--genesis ${file}: ${(e as Error).message}`, "give a JSON genesis file");
  }
  return async () => {
    const { devGenesis } = await import("@opentao/runtime");
    const dev = devGenesis();
    return {
      balances: doc.balances
        ? doc.balances.map((b, i) => {
            if (!/^\d+$/.test(String(b.free)))
              throw usageError(`--genesis ${file}: balances[${i}].free must be rao as digits`);
            return { address: b.address, free: BigInt(b.free) };
          })
        : dev.balances,
      authorities: doc.authorities ?? dev.authorities,
      ...((doc.sudo ?? dev.sudo) ? { sudo: doc.sudo ?? dev.sudo } : {}),
      ...(doc.raw ? { raw: doc.raw } : {}),
      ...(doc.subnets
        ? {
            subnets: doc.subnets.map((net, i) => ({
              ...net,
              stake: (net.stake ?? []).map((st, j) => {
                if (!/^\d+$/.test(String(st.amount)))
                  throw usageError(
                    `--genesis ${file}: subnets[${i}].stake[${j}].amount must be rao as digits`,
                  );
                return { ...st, amount: BigInt(st.amount) };
              }),
            })),
          }
        : {}),
    };
  };
}

export const start: Action = async (ctx) => {
  const dev = ctx.boolean(DEV) === true;
  const instant = ctx.boolean(INSTANT) === true;
  const manual = ctx.boolean(MANUAL) === true;
  if (instant && manual) throw usageError("--instant and --manual exclude each other", "pick one block mode");
  const blockTime = integer(ctx.string(BLOCK_TIME), "--block-time", 1, 3_600_000);
  if (blockTime !== undefined && (instant || manual)) {
    throw usageError("--block-time is for interval mode", "drop --instant/--manual, or --block-time");
  }
  const port = integer(ctx.string(RPC_PORT) ?? "9944", "--rpc-port", 0, 65535)!;
  const level = ctx.string(LOG_LEVEL) ?? "info";
  if (!["debug", "info", "warn", "error"].includes(level))
    throw usageError(`--log-level must be debug, info, warn or error`);
  const given = ctx.string(BASE_PATH);
  const basePath = given
    ? resolve(given === "~" || given.startsWith("~/") ? join(homedir(), given.slice(1)) : given)
    : undefined;
  const accountsOut = ctx.string(ACCOUNTS_OUT);
  const genesisFile = ctx.string(GENESIS);
  const genesis = genesisFile ? readGenesis(genesisFile) : undefined;

  const explorer = ctx.boolean(EXPLORER) === true;
  // The CLI wires the explorer in: the node serves static files and knows nothing of the explorer.
  const staticFiles = explorer
    ? [{ path: "/explorer", dir: await (await import("../explorer/dir.js")).builtExplorer() }]
    : [];

  const { ChainError, NodeService, createLogger, devAccountsInfo } = await import("@opentao/node");
  const log = createLogger(level as "info");
  const node = await NodeService.start({
    ...(basePath ? { basePath } : {}),
    rpcPort: port,
    rpcHost: ctx.string(RPC_HOST) ?? "127.0.0.1",
    mode: instant ? "instant" : manual ? "manual" : "interval",
    ...(blockTime !== undefined ? { blockTimeMs: blockTime } : {}),
    dev,
    staticFiles,
    logger: log,
    ...(genesis ? { genesis: await genesis() } : {}),
  }).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "EADDRINUSE")
      throw usageError(`port ${port} is in use`, "pick another with --rpc-port (0: any free one)");
    if (e.code === "EACCES" || e.code === "EADDRNOTAVAIL")
      throw usageError(
        `cannot listen on port ${port}: ${e.code}`,
        "--rpc-host takes an address of this machine; ports below 1024 need root",
      );
    if (e instanceof ChainError && e.code === "Locked") throw usageError(e.message.replace(/^Locked: /, ""));
    throw e;
  });

  const accounts = dev ? devAccountsInfo(node.chain.headState()) : [];
  if (dev) {
    process.stderr.write(
      "\nDev accounts (funded at genesis; coldkey //Name, hotkey //Name//hot):\n" +
        accounts
          .map((a) => `  ${a.name.padEnd(8)} ${a.coldkey}  hotkey ${a.hotkey}  ${a.free} rao`)
          .join("\n") +
        "\nWARNING: these keys are public (derived from the well-known dev phrase). Never send real funds to them.\n\n",
    );
    if (accountsOut) {
      writeFileSync(
        resolve(accountsOut),
        `${JSON.stringify({ warning: "public dev keys; dev chains only", accounts }, null, 2)}\n`,
      );
    }
  }
  const head = node.chain.head();
  log.info("node ready", {
    rpc: node.rpc.url,
    ...(explorer ? { explorer: `${node.rpc.httpUrl}/explorer/` } : {}),
    mode: node.mode,
    best: head.number,
    basePath: basePath ?? "memory",
  });
  // Listening before the ready line: a supervisor may stop the node the moment it reads it.
  const stopped = new Promise<void>((done) => {
    const stop = (signal: string) => {
      log.info("shutting down", { signal });
      node.stop().then(
        () => {
          log.info("stopped", { best: node.chain.head().number });
          done();
        },
        (error: Error) => {
          log.error("shutdown failed", { error: error.message });
          process.exitCode = 1;
          done();
        },
      );
    };
    process.once("SIGINT", () => stop("SIGINT"));
    process.once("SIGTERM", () => stop("SIGTERM"));
  });
  process.stdout.write(
    `${JSON.stringify({
      event: "ready",
      rpc: node.rpc.url,
      http: node.rpc.httpUrl,
      port: node.rpc.port,
      explorer: explorer ? `${node.rpc.httpUrl}/explorer/` : null,
      dev,
      mode: node.mode,
      blockTimeMs: node.mode === "interval" ? node.blockTimeMs : null,
      chain: node.chain.preset.name,
      genesisHash: node.chain.genesisHash,
      best: head.number,
      basePath: basePath ?? null,
      accountsOut: dev && accountsOut ? resolve(accountsOut) : null,
      startupMs: Math.round(performance.now() - started),
    })}\n`,
  );

  await stopped;
};
