// `tao simulate`: options → config, the run (with progress on a terminal), then the table or one JSON
// document on stdout, and with --out the report and charts in a folder.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { getPreset, type PresetName } from "@opentao/runtime";
import {
  type Adversary,
  ADVERSARIES as KINDS,
  type SimulationConfig,
  SimulationConfigError,
  type SimulationReport,
  simulateNetwork,
} from "@opentao/subnets";
import type { CommandContext } from "../../command.js";
import { CliError, EXIT } from "../../errors.js";
import type { OptionDef } from "../../options.js";
import { jsonReplacer } from "../../ui/ui.js";
import { Refused } from "../yuma/input.js";
import {
  ADVERSARIES,
  BLOCKS,
  COLLUSION,
  EPOCHS,
  INTERVAL,
  MINERS,
  NOISE,
  OUT,
  PRESET,
  SEED,
  SUBNETS,
  VALIDATORS,
  YUMA,
} from "./index.js";
import { charts, formatReport, indexHtml } from "./output.js";

const FLAG_OF: Record<keyof SimulationConfig, OptionDef> = {
  seed: SEED,
  blocks: BLOCKS,
  subnets: SUBNETS,
  miners: MINERS,
  validators: VALIDATORS,
  adversaries: ADVERSARIES,
  noise: NOISE,
  collusionShare: COLLUSION,
  weightsInterval: INTERVAL,
  yuma: YUMA,
  preset: PRESET,
};
const flag = (def: OptionDef) => def.flags.split(/[ ,]+/).find((f) => f.startsWith("--"))!;

function whole(ctx: CommandContext, def: OptionDef): number | undefined {
  const text = ctx.string(def);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text.trim()))
    throw new Refused(`${flag(def)} ${text}: expected a whole number, e.g. ${flag(def)} 10`);
  return Number(text);
}

function decimal(ctx: CommandContext, def: OptionDef): number | undefined {
  const text = ctx.string(def);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value))
    throw new Refused(`${flag(def)} ${text}: expected a number, e.g. ${flag(def)} ${def.default}`);
  return value;
}

function configOf(ctx: CommandContext): Partial<SimulationConfig> {
  const preset = ctx.string(PRESET) ?? "fast";
  if (preset !== "fast")
    throw new Refused(`--preset ${preset}: only the fast preset is supported for simulation`);
  const blocks = whole(ctx, BLOCKS);
  const epochs = whole(ctx, EPOCHS);
  if (blocks !== undefined && epochs !== undefined) throw new Refused("give --blocks or --epochs, not both");
  const tempo = getPreset(preset as PresetName).subnetDefaults.tempo;
  const list = (ctx.string(ADVERSARIES) ?? "")
    .split(",")
    .map((a) => a.trim())
    .filter(Boolean);
  const adversaries = list.length === 1 && list[0] === "none" ? [] : list;
  const unknown = adversaries.find((a) => !(KINDS as readonly string[]).includes(a));
  if (unknown !== undefined)
    throw new Refused(
      `--adversaries: unknown adversary "${unknown}"`,
      `choose from ${KINDS.join(", ")}, or none`,
    );
  const config: Partial<SimulationConfig> = { preset: "fast", adversaries: adversaries as Adversary[] };
  const set = <K extends keyof SimulationConfig>(key: K, value: SimulationConfig[K] | undefined) => {
    if (value !== undefined) config[key] = value;
  };
  set("seed", whole(ctx, SEED));
  set("blocks", epochs !== undefined ? epochs * tempo : blocks);
  set("subnets", whole(ctx, SUBNETS));
  set("miners", whole(ctx, MINERS));
  set("validators", whole(ctx, VALIDATORS));
  set("noise", decimal(ctx, NOISE));
  set("collusionShare", decimal(ctx, COLLUSION));
  set("weightsInterval", whole(ctx, INTERVAL));
  set("yuma", ctx.string(YUMA) as SimulationConfig["yuma"] | undefined);
  return config;
}

export async function simulateAction(ctx: CommandContext): Promise<void> {
  const config = configOf(ctx);
  const epochsAsked = ctx.string(EPOCHS) !== undefined;
  let report: SimulationReport;
  const live = process.stderr.isTTY === true;
  try {
    report = await simulateNetwork(config, {
      onBlock: (done, total) => {
        if (live && (done % 50 === 0 || done === total))
          process.stderr.write(`\rsimulating block ${done}/${total}${done === total ? "\n" : ""}`);
      },
    });
  } catch (error) {
    if (error instanceof SimulationConfigError) {
      const field = error.field === "blocks" && epochsAsked ? EPOCHS : FLAG_OF[error.field];
      throw new Refused(`${flag(field)}: ${error.problem}`);
    }
    throw error;
  }
  if (ctx.string(OUT)) writeOut(ctx.string(OUT)!, report);
  ctx.ui.result(report, () => process.stdout.write(formatReport(report)));
}

function writeOut(dir: string, report: SimulationReport): void {
  const svgs = charts(report);
  const files = new Map<string, string>([
    ["report.json", `${JSON.stringify(report, jsonReplacer, 2)}\n`],
    ...svgs,
  ]);
  files.set("index.html", indexHtml(report, [...svgs.keys()]));
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, text] of files) writeFileSync(join(dir, name), text);
  } catch (error) {
    throw new CliError(
      `--out ${dir}: cannot write the report there (${(error as Error).message})`,
      EXIT.failed,
    );
  }
  // Never on stdout: that is the result's (the table or --json).
  process.stderr.write(`Wrote ${files.size} files to ${dir} (charts: ${svgs.size} SVGs, open index.html)\n`);
}
