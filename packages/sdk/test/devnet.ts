// Spawns the built `tao node --dev --rpc-port 0 --instant` as a child process and reads its JSON ready
// line (the sdk may not import the node; its tests drive the real binary instead).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const TAO_BIN = fileURLToPath(new URL("../../../node_modules/.bin/tao", import.meta.url));

export interface Devnet {
  /** ws://127.0.0.1:<port> */
  url: string;
  genesisHash: string;
  stop(): Promise<number | null>;
}

export function startDevnet(args: string[] = ["--instant"]): Promise<Devnet> {
  const child = spawn(TAO_BIN, ["node", "--dev", "--rpc-port", "0", ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line in 15 s; stderr:\n${stderr}`)), 15_000);
    child.stdout.on("data", (d) => {
      stdout += d;
      const line = stdout.split("\n").find((l) => l.startsWith("{"));
      if (!line || !stdout.includes("\n")) return;
      clearTimeout(timer);
      const ready = JSON.parse(line) as { rpc: string; genesisHash: string };
      resolve({
        url: ready.rpc,
        genesisHash: ready.genesisHash,
        stop: () => {
          child.kill("SIGTERM");
          return exited;
        },
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`tao node exited with ${code}; stderr:\n${stderr}`));
    });
  });
}
