// `tao yuma simulate`: a case (file or shipped name) under one or several variants → a totals table,
// one JSON document or CSV on stdout, and with --out the charts, CSVs and scenario files in a folder.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  CaseError,
  caseToScenario,
  findVariant,
  parseCase,
  type SimulationCase,
  type SimulationResult,
  simulate,
} from "@opentao/runtime";
import type { Ui } from "../../ui/ui.js";
import { Refused, readJson } from "./input.js";
import { charts, epochsCsv, formatSummary, indexHtml, totalsCsv } from "./simulate-output.js";

export interface SimulateArgs {
  file: string | undefined;
  caseName: string | undefined;
  variants: string[];
  set: string[];
  out: string | undefined;
  csv: boolean;
  list: boolean;
}

/** The shipped cases: packages/runtime/cases, found next to the runtime package's dist/. */
export function casesDir(): string {
  return fileURLToPath(new URL("../cases/", import.meta.resolve("@opentao/runtime")));
}

function shipped(): { name: string; file: string }[] {
  const dir = casesDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => ({ name: f.slice(0, -5), file: join(dir, f) }));
}

const HINT = "see the case format in packages/runtime/cases/README.md";

function loadCase(args: SimulateArgs): SimulationCase {
  if (args.file && args.caseName) {
    throw new Refused(
      `give either a case file or --case, not both (got ${args.file} and --case ${args.caseName})`,
    );
  }
  let file = args.file;
  // `simulate weight-copying`: a name from --list where no such file exists means that shipped case.
  const named = file && !existsSync(file) ? shipped().find((c) => c.name === file) : undefined;
  if (named) file = named.file;
  else if (file && !existsSync(file)) {
    throw new Refused(
      `cannot read case file ${file}: no such file, and no shipped case has that name`,
      `shipped cases: ${shipped()
        .map((c) => c.name)
        .join(", ")} (tao yuma simulate --list)`,
    );
  }
  if (!file) {
    const all = shipped();
    if (!args.caseName) {
      throw new Refused(
        "give a case file or --case NAME",
        `shipped cases: ${all.map((c) => c.name).join(", ")} (tao yuma simulate --list)`,
      );
    }
    const found = all.find((c) => c.name === args.caseName);
    if (!found) {
      throw new Refused(
        `--case ${args.caseName}: no shipped case has that name`,
        `shipped cases: ${all.map((c) => c.name).join(", ")}`,
      );
    }
    file = found.file;
  }
  const doc = readJson(file, "case");
  try {
    return parseCase(doc);
  } catch (error) {
    if (error instanceof CaseError) throw new Refused(`${file}: ${error.message}`, HINT);
    throw error;
  }
}

/** `--set key=value`: the value as JSON when it parses (numbers, booleans, null), else as a string. */
function overrides(set: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of set) {
    const eq = item.indexOf("=");
    if (eq <= 0) throw new Refused(`--set ${item}: expected key=value, e.g. --set kappa=32767`);
    const value = item.slice(eq + 1);
    try {
      out[item.slice(0, eq)] = JSON.parse(value);
    } catch {
      out[item.slice(0, eq)] = value;
    }
  }
  return out;
}

export async function simulateCommand(ui: Ui, args: SimulateArgs): Promise<void> {
  if (args.list) {
    const list = shipped().map(({ name, file }) => {
      const c = parseCase(readJson(file, "case"));
      return { name, title: c.title, epochs: c.epochs, validators: c.validators, servers: c.servers };
    });
    ui.result(list, () => {
      const width = Math.max(...list.map((c) => c.name.length));
      for (const c of list) process.stdout.write(`${c.name.padEnd(width)}  ${c.title}\n`);
    });
    return;
  }
  if (args.csv && ui.json) throw new Refused("--csv and --json both ask for stdout; give one");
  const c = loadCase(args);
  const variants = args.variants.flatMap((v) => v.split(",")).filter(Boolean);
  let result: SimulationResult;
  const hyper = overrides(args.set);
  try {
    result = simulate(c, { variants, hyperparameters: hyper });
  } catch (error) {
    if (error instanceof CaseError) {
      const where = error.path.startsWith("overrides.")
        ? `--set ${error.path.slice("overrides.".length)}`
        : error.path === "variant"
          ? "--variant"
          : error.path;
      throw new Refused(`${where}: ${error.problem}`, error.path === "variant" ? undefined : HINT);
    }
    throw error;
  }
  if (args.out) writeOut(args.out, c, result, hyper);
  if (args.csv) process.stdout.write(epochsCsv(result));
  else ui.result(result, () => process.stdout.write(formatSummary(result)));
}

function writeOut(
  dir: string,
  c: SimulationCase,
  result: SimulationResult,
  hyper: Record<string, unknown>,
): void {
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, string>();
  files.set("result.json", `${JSON.stringify(result, null, 2)}\n`);
  files.set("epochs.csv", epochsCsv(result));
  files.set("total-dividends.csv", totalsCsv(result));
  for (const run of result.runs) {
    const doc = caseToScenario(c, findVariant(c, run.variant), hyper);
    files.set(`scenario-${run.variant}.json`, `${JSON.stringify(doc)}\n`);
  }
  const svgs = charts(result);
  for (const [name, svg] of svgs) files.set(name, svg);
  files.set("index.html", indexHtml(result, [...svgs.keys()]));
  for (const [name, text] of files) writeFileSync(join(dir, name), text);
  // Never on stdout: that is the result's (a table, --json or --csv).
  process.stderr.write(`Wrote ${files.size} files to ${dir} (charts: ${svgs.size} SVGs, open index.html)\n`);
}
