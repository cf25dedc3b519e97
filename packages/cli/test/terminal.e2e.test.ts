// `tao` at a terminal, as a person runs it: util-linux `script` gives it a pseudo-terminal, so prompts
// are asked and answered, spinners run and colours are on. `script` puts stdout and stderr on the same
// terminal; where the test must tell them apart, the command sends stdout to a file instead.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RAO_PER_TAO } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChainFixture, startChainFixture } from "./chain-fixture.js";
import { TAO_BIN } from "./run-tao.js";

const ESC = "\u001b[";
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

let f: ChainFixture;
let dir: string;
beforeAll(async () => {
  if (spawnSync("script", ["--version"]).status !== 0)
    throw new Error("these tests need util-linux `script` (Debian: apt-get install bsdutils)");
  f = await startChainFixture(["Alice", "Bob"]);
  dir = mkdtempSync(join(tmpdir(), "opentao-tty-"));
});
afterAll(() => f?.stop());

interface Screen {
  code: number;
  /** Everything the terminal showed: stdout and stderr together, and the typed answer's echo. */
  screen: string;
}

/**
 * Runs `tao args` (then `redirect`, shell syntax) under a pseudo-terminal; types `answer` once `prompt`
 * is on the screen.
 */
function atTerminal(
  args: string[],
  options: { env?: Record<string, string>; prompt?: string; answer?: string; redirect?: string } = {},
): Promise<Screen> {
  const line = [TAO_BIN, ...args].map(quote).join(" ");
  const env: Record<string, string | undefined> = {
    ...process.env,
    BTCLI_CONFIG_PATH: join(dir, "config.yml"),
    TERM: "xterm-256color",
    NO_COLOR: undefined,
    FORCE_COLOR: undefined,
    ...options.env,
  };
  return new Promise((resolve, reject) => {
    const child = spawn("script", ["-q", "-e", "-c", `${line}${options.redirect ?? ""}`, "/dev/null"], {
      env,
    });
    let screen = "";
    let typed = false;
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no exit within 30 s; the screen showed:\n${screen}`));
    }, 30_000);
    child.stdout.on("data", (chunk: Buffer) => {
      screen += chunk.toString("utf8");
      if (options.prompt && !typed && screen.includes(options.prompt)) {
        typed = true;
        child.stdin.write(options.answer ?? "");
      }
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code: code ?? 1, screen });
    });
  });
}

const transfer = (amount: string) => [
  "wallet",
  "transfer",
  "--wallet-name",
  "alice",
  "--dest",
  f.address("Bob"),
  "--amount",
  amount,
  "--network",
  f.devnet.url,
  "--wallet-path",
  f.walletPath,
];

describe("tao at a terminal", () => {
  it("asks before a transfer; answered y, the funds move and the result is in colour", async () => {
    const [alice, bob] = [await f.free(f.address("Alice")), await f.free(f.address("Bob"))];
    const r = await atTerminal(transfer("1.5"), { prompt: "Proceed with transfer? [Y/n]", answer: "y\r" });
    expect(r.code, r.screen).toBe(0);
    expect(r.screen).toContain("Do you want to transfer:");
    expect(r.screen).toMatch(/(?:Included|Finalized)\. Block Hash: 0x[0-9a-f]{64}/);
    expect(r.screen).toContain(`${ESC}32m`); // green: the success line and the new balance
    expect(await f.free(f.address("Bob"))).toBe(bob + (3n * RAO_PER_TAO) / 2n);
    const fee = alice - (await f.free(f.address("Alice"))) - (3n * RAO_PER_TAO) / 2n;
    expect(fee).toBeGreaterThan(0n);
    expect(fee).toBeLessThan(RAO_PER_TAO / 100n);
  });

  it("answered n, exits 1 and moves nothing, not even a fee", async () => {
    const [alice, bob] = [await f.free(f.address("Alice")), await f.free(f.address("Bob"))];
    const r = await atTerminal(transfer("2"), { prompt: "Proceed with transfer? [Y/n]", answer: "n\r" });
    expect(r.code, r.screen).toBe(1);
    expect(r.screen).toContain("cancelled: nothing was done");
    expect(r.screen).not.toContain("Block Hash");
    expect([await f.free(f.address("Alice")), await f.free(f.address("Bob"))]).toEqual([alice, bob]);
  });

  it("the spinner runs on stderr while the block is made; stdout holds only the result", async () => {
    const out = join(dir, "human.txt");
    const human = await atTerminal([...transfer("0.25"), "-y"], { redirect: ` > ${quote(out)}` });
    expect(human.code, human.screen).toBe(0);
    expect(human.screen).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Transferring\.\.\./);
    const stdout = readFileSync(out, "utf8");
    expect(stdout).toMatch(
      /^(?:Included|Finalized)\. Block Hash: 0x[0-9a-f]{64}\nBalance:\n {2}τ[\d,.]+ ➡ τ[\d,.]+\n$/,
    );

    const json = join(dir, "doc.json");
    const bob = await f.free(f.address("Bob"));
    const scripted = await atTerminal([...transfer("0.25"), "-y", "--json"], {
      redirect: ` > ${quote(json)}`,
    });
    expect(scripted.code, scripted.screen).toBe(0);
    expect(scripted.screen).toContain("Transferring...");
    const doc = JSON.parse(readFileSync(json, "utf8"));
    expect(doc).toMatchObject({ success: true, amount: { rao: "250000000", tao: "0.25" } });
    expect(await f.free(f.address("Bob"))).toBe(bob + RAO_PER_TAO / 4n);
  });

  it("colours on a terminal; none with NO_COLOR", async () => {
    const coloured = await atTerminal(["config", "get"]);
    expect(coloured.code, coloured.screen).toBe(0);
    expect(coloured.screen).toContain(`${ESC}1mBTCLI Config`);
    const plain = await atTerminal(["config", "get"], { env: { NO_COLOR: "1" } });
    expect(plain.code, plain.screen).toBe(0);
    expect(plain.screen).toContain("BTCLI Config");
    expect(plain.screen).not.toContain(ESC);
  });
});
