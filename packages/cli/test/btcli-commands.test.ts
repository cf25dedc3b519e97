// docs/cli-commands.md is current, and every command it calls implemented exists in `tao` and has an
// end-to-end test that runs it.
import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { renderCliCommandsTable } from "../../../scripts/cli-commands-table.js";
import { BTCLI_COMMANDS } from "../src/btcli-commands.js";
import { buildProgram } from "../src/program.js";

const testFile = (name: string) => new URL(name, import.meta.url);

function find(program: Command, path: string): Command | undefined {
  let cmd: Command | undefined = program;
  for (const word of path.split(" ")) {
    cmd = cmd?.commands.find((c) => c.name() === word || c.aliases().includes(word));
  }
  return cmd;
}

describe("btcli's command list", () => {
  it("docs/cli-commands.md is generated from it and up to date (npm run docs:cli)", () => {
    const committed = readFileSync(new URL("../../../docs/cli-commands.md", import.meta.url), "utf8");
    expect(committed).toBe(renderCliCommandsTable());
  });

  it("names each command once", () => {
    const names = BTCLI_COMMANDS.map((c) => c.command);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("every implemented command is in the command tree and run by its end-to-end test", () => {
    const program = buildProgram();
    const problems = BTCLI_COMMANDS.flatMap((c) => {
      if (c.status !== "implemented") return [];
      if (!find(program, c.command)) return [`tao ${c.command}: not in the command tree`];
      if (!/\.e2e\.test\.ts$/.test(c.test) || !existsSync(testFile(c.test)))
        return [`tao ${c.command}: no end-to-end test file ${c.test}`];
      // The test must run the command: its words appear as consecutive arguments, e.g. "wallet", "balance".
      const words = c.command.split(" ").map((w) => `["']${w}["']`);
      const runs = new RegExp(words.join(",\\s*")).test(readFileSync(testFile(c.test), "utf8"));
      return runs ? [] : [`tao ${c.command}: ${c.test} never runs it`];
    });
    expect(problems).toEqual([]);
  });
});
