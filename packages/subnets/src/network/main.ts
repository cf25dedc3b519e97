// `npm start`: the local network with live table and summary. `--json` prints one summary document on
// stdout (progress on stderr); `--epochs N` and `--block-time MS` shorten or slow the run.
import { renderLive, renderSummary } from "./render.js";
import { runNetwork } from "./run.js";

const HELP = `Usage: npm start -- [--epochs N] [--block-time MS] [--json]

Starts a dev node (in memory, free ports), creates the forecasting and text subnets, registers four
miners of different model families and three validators on each, and runs one warm-up epoch plus N
measured epochs (default 8), showing a live table; then a summary of what each miner earned.

  --epochs N         measured epochs per subnet (default 8)
  --block-time MS    block time of the dev node (default 1000)
  --json             one JSON summary on stdout; progress goes to stderr
  -h, --help         this text`;

function parse(argv: string[]) {
  const out = { epochs: 8, blockTimeMs: 1000, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (name: string) => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 1)
        throw new UsageError(`${name} needs a whole number ≥ 1, got ${v ?? "nothing"}`);
      return n;
    };
    if (a === "--json") out.json = true;
    else if (a === "--epochs" || a.startsWith("--epochs=")) out.epochs = value("--epochs");
    else if (a === "--block-time" || a.startsWith("--block-time=")) out.blockTimeMs = value("--block-time");
    else if (a === "-h" || a === "--help") {
      console.log(HELP);
      process.exit(0);
    } else throw new UsageError(`unknown option ${a}`);
  }
  return out;
}

class UsageError extends Error {}

/** A run stopped by a signal; exits as a shell reports a process killed by it (128 + its number). */
class Interrupted extends Error {
  constructor(readonly signal: "SIGINT" | "SIGTERM") {
    super(`stopped by ${signal}`);
  }
}

async function main() {
  const opts = parse(process.argv.slice(2));
  // Without this a signal would end the process and leave the dev node's child process running.
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => stop.abort(new Interrupted(signal)));
  const live = !opts.json && process.stdout.isTTY;
  const say = (s: string) => (opts.json ? console.error(s) : console.log(s));
  let lastEpochs = "";
  const summary = await runNetwork({
    epochs: opts.epochs,
    blockTimeMs: opts.blockTimeMs,
    signal: stop.signal,
    log: say,
    onBlock: (state) => {
      if (live) {
        process.stdout.write(`\x1b[H\x1b[J${renderLive(state)}\n`);
        return;
      }
      // Without a terminal: the table once per epoch.
      const epochs = state.subnets.map((s) => s.epochs).join(",");
      if (epochs !== lastEpochs) {
        lastEpochs = epochs;
        say(`\n${renderLive(state)}`);
      }
    },
  });
  if (opts.json) console.log(JSON.stringify(summary, null, 2));
  else console.log(`\n${renderSummary(summary)}`);
}

main().catch((e) => {
  console.error(`npm start: ${e instanceof Error ? e.message : e}`);
  if (e instanceof Interrupted) process.exit(e.signal === "SIGINT" ? 130 : 143);
  process.exit(e instanceof UsageError ? 2 : 1);
});
