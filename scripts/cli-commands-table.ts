// Generates docs/cli-commands.md, btcli's command tree and where `tao` stands on each command:
// `npm run docs:cli` (= `tsx scripts/cli-commands-table.ts > docs/cli-commands.md`). The source of truth is
// packages/cli/src/btcli-commands.ts; packages/cli/test/btcli-commands.test.ts fails when this file is stale.
import { fileURLToPath } from "node:url";
import { BTCLI_COMMANDS, type BtcliCommand } from "../packages/cli/src/btcli-commands.js";

const cell = (text: string) => text.replace(/\|/g, "\\|");

function implemented(c: Extract<BtcliCommand, { status: "implemented" }>): string {
  const tests =
    c.json === c.human ? `--json and human: “${c.json}”` : `--json: “${c.json}”; human: “${c.human}”`;
  return `\`${c.test}\` — ${cell(tests)}${c.note ? ` (${cell(c.note)})` : ""}`;
}

export function renderCliCommandsTable(): string {
  const count = (status: string) => BTCLI_COMMANDS.filter((c) => c.status === status).length;
  const lines = [
    "# btcli commands in `tao`",
    "",
    "Every command of btcli's tree (`shared/spec/client-protocol.md` §5) with its state in `tao`: implemented,",
    "with the end-to-end test file (in `packages/cli/test/`) and the tests in it that run it against a devnet",
    "node with `--json` and for people (one test may do both), or not, and why.",
    "`tao` takes btcli's flag names and aliases.",
    "",
    `${count("implemented")} implemented, ${count("out of scope")} out of scope, ${count("not yet")} not yet.`,
    "",
    "Generated from `packages/cli/src/btcli-commands.ts` by `npm run docs:cli`; do not edit by hand.",
    "",
    "| command | status | end-to-end test / reason |",
    "|---|---|---|",
  ];
  for (const c of BTCLI_COMMANDS) {
    const detail = c.status === "implemented" ? implemented(c) : cell(c.reason);
    lines.push(`| \`tao ${c.command}\` | ${c.status} | ${detail} |`);
  }
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(renderCliCommandsTable());
