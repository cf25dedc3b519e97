// The child side of `startDevnet({ where: "child" })`: a dev node that prints one ready line and stops on SIGTERM.
import { NodeService, silentLogger } from "@opentao/node";

const [mode = "instant", blockTime = "0"] = process.argv.slice(2);
const node = await NodeService.start({
  dev: true,
  rpcPort: 0,
  mode: mode as "instant" | "manual" | "interval",
  ...(Number(blockTime) > 0 ? { blockTimeMs: Number(blockTime) } : {}),
  logger: silentLogger,
});
process.stdout.write(`${JSON.stringify({ event: "ready", rpc: node.rpc.url })}\n`);
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void node.stop().then(() => process.exit(0)));
}
