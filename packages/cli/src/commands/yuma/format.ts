import type { ScenarioResult } from "@opentao/runtime";

const COLUMNS = [
  "uid",
  "active",
  "permit",
  "consensus",
  "incentive",
  "dividends",
  "v_trust",
  "server_emission",
  "validator_emission",
] as const;

/** One table per step (u16 values as stored, emissions in rao), then the stored bonds. */
export function formatResult(result: ScenarioResult): string {
  const out: string[] = [];
  for (const step of result.steps) {
    out.push(`Epoch at block ${step.block}`);
    const rows = step.active.map((active, uid) => [
      String(uid),
      active ? "yes" : "no",
      step.validator_permit[uid] ? "yes" : "no",
      String(step.consensus[uid]),
      String(step.incentive[uid]),
      String(step.dividends[uid]),
      String(step.validator_trust[uid]),
      step.server_emission[uid]!,
      step.validator_emission[uid]!,
    ]);
    const widths = COLUMNS.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, c) => (c === 1 || c === 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join("  ");
    out.push(line(COLUMNS), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line));
    const bonds = step.bonds
      .map((row, uid) => (row.length ? `  ${uid}: ${row.map(([j, v]) => `${j}=${v}`).join(" ")}` : ""))
      .filter(Boolean);
    out.push(bonds.length ? `bonds (uid: target=u16 …)\n${bonds.join("\n")}` : "bonds: none", "");
  }
  return `${out.join("\n")}\n`;
}
