// `tao yuma explain FILE [--step N]`: one epoch of a scenario, uid by uid, as tables or one JSON document.
import {
  type EpochExplanation,
  explainScenarioStep,
  parseScenario,
  pct,
  type Scenario,
  ScenarioError,
} from "@opentao/runtime";
import type { Ui } from "../../ui/ui.js";
import { Refused, readJson, refuseCaseFile, SCENARIO_FORMAT_HINT } from "./input.js";

export async function explainCommand(ui: Ui, file: string, stepText: string | undefined): Promise<void> {
  const doc = readJson(file, "scenario");
  refuseCaseFile(file, doc);
  let scenario: Scenario;
  try {
    scenario = parseScenario(doc);
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new Refused(`${file}: ${error.message}`, SCENARIO_FORMAT_HINT);
    }
    throw error;
  }
  const last = scenario.steps.length - 1;
  let step = last;
  if (stepText !== undefined) {
    step = /^-?\d+$/.test(stepText) ? Number(stepText) : Number.NaN;
    if (step < 0 && Number.isInteger(step)) step = scenario.steps.length + step;
    if (!Number.isInteger(step) || step < 0 || step > last) {
      throw new Refused(
        `--step ${stepText}: the scenario has steps 0..${last}; give an index (negative counts from the end)`,
      );
    }
  }
  const x = explainScenarioStep(scenario, step);
  ui.result(x, () => process.stdout.write(formatExplanation(x, last)));
}

function table(
  columns: readonly string[],
  rows: readonly (readonly string[])[],
  left: readonly number[],
): string[] {
  const widths = columns.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd();
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

const yesNo = (b: boolean) => (b ? "yes" : "no");
const pairs = (row: readonly [number, number][]) =>
  row.length ? row.map(([j, v]) => `${j}=${v}`).join(" ") : "-";

/** Tables for people. u16 values and rao exactly as `tao yuma run` prints them; percentages beside. */
export function formatExplanation(x: EpochExplanation, last: number): string {
  const out: string[] = [];
  out.push(
    `Epoch at block ${x.block} (step ${x.step} of 0..${last}): ${x.variant}${x.liquid_alpha ? " with liquid alpha" : ""}, ` +
      `${x.neurons} uids, emission ${x.emission} rao`,
    `kappa ${x.kappa} (${pct(x.kappa)}), bonds penalty ${x.bonds_penalty} (${pct(x.bonds_penalty)}), ` +
      `bonds moving average ${x.bonds_moving_average}/1000000, activity cutoff ${x.activity_cutoff} blocks`,
    "",
    ...x.notes.map((n) => `- ${n}`),
    "",
  );
  out.push(
    ...table(
      [
        "uid",
        "stake",
        "stake%",
        "active",
        "permit",
        "v_trust",
        "consensus",
        "incentive",
        "dividends",
        "server_emission",
        "validator_emission",
      ],
      x.uids.map((u) => [
        String(u.uid),
        u.stake,
        pct(u.stake_weight),
        yesNo(u.active),
        `${yesNo(u.permit_before)}->${yesNo(u.validator_permit)}`,
        String(u.validator_trust),
        String(u.consensus),
        String(u.incentive),
        String(u.dividends),
        u.server_emission,
        u.validator_emission,
      ]),
      [3, 4],
    ),
  );
  const inactive = x.uids.filter((u) => u.inactive_reason);
  if (inactive.length) {
    out.push("", "Inactive", ...inactive.map((u) => `  uid ${u.uid}: ${u.inactive_reason}`));
  }
  const givers = x.uids.filter((u) => u.weights.length);
  out.push("", "Weights given (stored u16 -> normalised -> after clipping; consensus of the target)");
  if (givers.length === 0) out.push("  none");
  for (const u of givers) {
    out.push(`  uid ${u.uid}${u.permit_before ? "" : " (no permit)"}:`);
    for (const w of u.weights) {
      const head = `    -> ${w.uid}: ${w.stored}`;
      if (w.status === "dropped") out.push(`${head}  dropped: ${w.reason}`);
      else {
        out.push(
          `${head} -> ${w.normalized} (${pct(w.normalized)}) -> ${w.clipped} (${pct(w.clipped)}), consensus ${w.consensus}` +
            (w.status === "clipped" ? `  clipped: ${w.reason}` : ""),
        );
      }
    }
  }
  const bonded = x.uids.filter((u) => u.bonds.length || u.bonds_before.length);
  out.push("", "Bonds (uid: target=u16 before -> after)");
  if (bonded.length === 0) out.push("  none");
  for (const u of bonded) {
    out.push(
      `  ${u.uid}: ${pairs(u.bonds_before)} -> ${pairs(u.bonds)}${u.bonds_written ? "" : " (not written)"}`,
    );
  }
  return `${out.join("\n")}\n`;
}
