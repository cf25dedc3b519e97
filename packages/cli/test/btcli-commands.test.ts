// docs/cli-commands.md is current, and every command it calls implemented exists in `tao` and has two
// end-to-end tests, named by title, that run it: one with --json and one for people.
import { existsSync, readFileSync } from "node:fs";
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { renderCliCommandsTable } from "../../../scripts/cli-commands-table.js";
import { BTCLI_COMMANDS } from "../src/btcli-commands.js";
import { buildProgram } from "../src/program.js";

const testFile = (name: string) => new URL(name, import.meta.url);
const JSON_FLAG = /["']--json(?:-output|-out)?["']/;

/** The commands along `path` ("stake child set" → stake, child, set), or undefined if one is missing. */
function commandPath(program: Command, path: string): Command[] | undefined {
  const found: Command[] = [];
  let cmd: Command | undefined = program;
  for (const word of path.split(" ")) {
    cmd = cmd.commands.find((c) => c.name() === word || c.aliases().includes(word));
    if (!cmd) return undefined;
    found.push(cmd);
  }
  return found;
}

/** Each `it("title", …)` of a test file: its title as written, and its source up to the next `it(`. */
function itBlocks(source: string): { title: string; body: string }[] {
  const starts = [...source.matchAll(/^[ \t]*it(?:\.\w+)?\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/gm)];
  return starts.map((m, i) => ({
    title: m[2]!,
    body: source.slice(m.index, starts[i + 1]?.index ?? source.length),
  }));
}

/**
 * The argument lists in `body` that run a command: its words (each the name or an alias) as consecutive
 * string arguments, from the `[` before them to the `]` that closes that list.
 */
function argLists(body: string, words: string[][]): string[] {
  const pattern = words.map((names) => `["'](?:${names.join("|")})["']`).join(",\\s*");
  return [...body.matchAll(new RegExp(pattern, "g"))].map((m) => {
    let depth = 0;
    let quote = "";
    let i = m.index;
    for (; i < body.length; i++) {
      const c = body[i]!;
      if (quote) {
        if (c === "\\") i++;
        else if (c === quote) quote = "";
      } else if (c === '"' || c === "'" || c === "`") quote = c;
      else if ("([{".includes(c)) depth++;
      else if (")]}".includes(c) && depth-- === 0) break;
    }
    return body.slice(body.lastIndexOf("[", m.index), i + 1);
  });
}

/** What is wrong with the test titled `title` as the one that runs the command in `mode`, if anything. */
function checkMode(source: string, words: string[][], title: string, mode: "json" | "human") {
  const tests = itBlocks(source).filter((b) => b.title === title);
  if (tests.length !== 1) return `${tests.length} tests titled "${title}"`;
  const runs = argLists(tests[0]!.body, words).some((args) => JSON_FLAG.test(args) === (mode === "json"));
  return runs ? undefined : `"${title}" never runs it ${mode === "json" ? "with" : "without"} --json`;
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

  it("every implemented command is in the command tree and its named tests run it with --json and for people", () => {
    const program = buildProgram();
    const problems = BTCLI_COMMANDS.flatMap((c) => {
      if (c.status !== "implemented") return [];
      const path = commandPath(program, c.command);
      if (!path) return [`tao ${c.command}: not in the command tree`];
      if (!/\.e2e\.test\.ts$/.test(c.test) || !existsSync(testFile(c.test)))
        return [`tao ${c.command}: no end-to-end test file ${c.test}`];
      const source = readFileSync(testFile(c.test), "utf8");
      const words = path.map((cmd) => [cmd.name(), ...cmd.aliases()]);
      return (["json", "human"] as const).flatMap((mode) => {
        const problem = checkMode(source, words, c[mode], mode);
        return problem ? [`tao ${c.command} (${c.test}, ${mode}): ${problem}`] : [];
      });
    });
    expect(problems).toEqual([]);
  });

  it("the check tells a run for scripts from one for people, and finds commands by alias", () => {
    const source = [
      'it("scripts", async () => {',
      '  await f.run(["stake", "add", "--amount", "1", "--json"]);',
      "});",
      'it("people", async () => {',
      '  const r = await f.run(["st", "add", "--safe", "x]", ...more(["a"])]);',
      '  expect(r.stdout).toContain("--json");',
      "});",
    ].join("\n");
    const words = [["stake", "st"], ["add"]];
    expect(itBlocks(source).map((b) => b.title)).toEqual(["scripts", "people"]);
    expect(checkMode(source, words, "scripts", "json")).toBeUndefined();
    expect(checkMode(source, words, "scripts", "human")).toBe('"scripts" never runs it without --json');
    expect(checkMode(source, words, "people", "human")).toBeUndefined();
    expect(checkMode(source, words, "people", "json")).toBe('"people" never runs it with --json');
    expect(checkMode(source, words, "nobody", "json")).toBe('0 tests titled "nobody"');
    expect(checkMode(source, [["stake"], ["remove"]], "scripts", "json")).toBe(
      '"scripts" never runs it with --json',
    );
  });
});
