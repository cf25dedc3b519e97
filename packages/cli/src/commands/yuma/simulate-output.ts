// What `tao yuma simulate` prints and writes: the totals table, CSV, and the SVG charts.
import { barChart, lineChart, type Series, tableChart } from "@opentao/charts";
import type { SimulationResult } from "@opentao/runtime";

const percent = (x: number) => `${(x * 100).toFixed(2)}%`;
const u16 = (x: number) => x / 65535;

/** Rows of the totals table: validator, stake share, then each variant's dividend share. */
export function totalsTable(r: SimulationResult): { columns: string[]; rows: string[][] } {
  return {
    columns: ["validator", "stake", ...r.runs.map((x) => x.variant)],
    rows: r.case.validators.map((name, i) => [
      name,
      percent(r.stake_share[i]!),
      ...r.runs.map((x) => percent(x.dividend_share[i]!)),
    ]),
  };
}

function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columns.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c]!.length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [line(columns), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** The readable summary: the case, then total dividends per validator and incentive per server. */
export function formatSummary(r: SimulationResult): string {
  const c = r.case;
  const out = [
    `${c.title} (${c.name}): ${c.epochs} epochs, ${c.validators.length} validators, ${c.servers.length} servers`,
  ];
  if (c.description) out.push(c.description);
  out.push("", "Total dividends per validator (share of all validator emission over the run)");
  const t = totalsTable(r);
  out.push(...textTable(t.columns, t.rows));
  out.push("", "Total incentive per server (share of all server emission)");
  const serverRows = c.servers.map((name, j) => [
    name,
    ...r.runs.map((x) => {
      const total = x.total_incentive.reduce((a, b) => a + BigInt(b), 0n);
      return total === 0n ? "-" : percent(Number((BigInt(x.total_incentive[j]!) * 1_000_000n) / total) / 1e6);
    }),
  ]);
  out.push(...textTable(["server", ...r.runs.map((x) => x.variant)], serverRows));
  return `${out.join("\n")}\n`;
}

const csvCell = (s: string | number) => {
  const v = String(s);
  return /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};
const csvLine = (cells: readonly (string | number)[]) => cells.map(csvCell).join(",");

/** One row per variant, epoch and uid: u16 values as the chain stores them, emission in rao. */
export function epochsCsv(r: SimulationResult): string {
  const lines = [
    csvLine([
      "variant",
      "epoch",
      "block",
      "uid",
      "role",
      "name",
      "stake_weight",
      "validator_trust",
      "dividends",
      "consensus",
      "incentive",
      "emission_rao",
    ]),
  ];
  const V = r.case.validators.length;
  for (const run of r.runs) {
    for (const e of run.epochs) {
      r.case.validators.forEach((name, i) => {
        lines.push(
          csvLine([
            run.variant,
            e.epoch,
            e.block,
            i,
            "validator",
            name,
            e.stake_weight[i]!,
            e.validator_trust[i]!,
            e.dividends[i]!,
            "",
            "",
            e.validator_emission[i]!,
          ]),
        );
      });
      r.case.servers.forEach((name, j) => {
        lines.push(
          csvLine([
            run.variant,
            e.epoch,
            e.block,
            V + j,
            "server",
            name,
            "",
            "",
            "",
            e.consensus[j]!,
            e.incentive[j]!,
            e.server_emission[j]!,
          ]),
        );
      });
    }
  }
  return `${lines.join("\n")}\n`;
}

/** Total dividends per validator: share and rao per variant. */
export function totalsCsv(r: SimulationResult): string {
  const lines = [
    csvLine([
      "validator",
      "stake_share",
      ...r.runs.flatMap((x) => [`${x.variant}_share`, `${x.variant}_rao`]),
    ]),
    ...r.case.validators.map((name, i) =>
      csvLine([
        name,
        r.stake_share[i]!,
        ...r.runs.flatMap((x) => [x.dividend_share[i]!, x.total_dividends[i]!]),
      ]),
    ),
  ];
  return `${lines.join("\n")}\n`;
}

/** Every chart, by file name. */
export function charts(r: SimulationResult): Map<string, string> {
  const files = new Map<string, string>();
  const c = r.case;
  const sub = `${c.title} · ${c.name}`;
  for (const run of r.runs) {
    const epochs = run.epochs;
    files.set(
      `dividends-${run.variant}.svg`,
      lineChart({
        title: `Dividends per validator — ${run.variant}`,
        subtitle: sub,
        xLabel: "epoch",
        yLabel: "dividends (share of the epoch's)",
        series: c.validators.map((name, i) => ({ name, values: epochs.map((e) => u16(e.dividends[i]!)) })),
        yMin: 0,
        yMax: 1,
      }),
    );
    files.set(
      `incentive-${run.variant}.svg`,
      lineChart({
        title: `Incentive per server — ${run.variant}`,
        subtitle: sub,
        xLabel: "epoch",
        yLabel: "incentive (share of the epoch's)",
        series: c.servers.map((name, j) => ({ name, values: epochs.map((e) => u16(e.incentive[j]!)) })),
        yMin: 0,
        yMax: 1,
      }),
    );
    const bonds: Series[] = c.validators.flatMap((v, i) =>
      c.servers.map((s, j) => ({
        name: `${v} → ${s}`,
        values: epochs.map((e) => u16(e.bonds[i]![j]!)),
        colorIndex: i,
        dashed: j % 2 === 1,
      })),
    );
    files.set(
      `bonds-${run.variant}.svg`,
      lineChart({
        title: `Bonds over epochs — ${run.variant}`,
        subtitle: `${sub} · stored u16 / 65535${run.epoch === "yuma" ? " (column max-upscaled)" : " (proportions)"}`,
        xLabel: "epoch",
        yLabel: "bond",
        series: bonds,
        yMin: 0,
        yMax: 1,
      }),
    );
  }
  // Variants side by side: the same validator in one colour, one dash pattern per variant.
  files.set(
    "dividends-compare.svg",
    lineChart({
      title: "Dividends per validator, variants side by side",
      subtitle: sub,
      xLabel: "epoch",
      yLabel: "dividends (share of the epoch's)",
      series: r.runs.flatMap((run, k) =>
        c.validators.map((name, i) => ({
          name: `${name} · ${run.variant}`,
          values: run.epochs.map((e) => u16(e.dividends[i]!)),
          colorIndex: i,
          dash: ["", "6 4", "2 3", "10 3 2 3"][k % 4]!,
        })),
      ),
      yMin: 0,
      yMax: 1,
    }),
  );
  files.set(
    "total-dividends.svg",
    barChart({
      title: "Total dividends per validator",
      subtitle: `${sub} · share of all validator emission over ${c.epochs} epochs`,
      categories: c.validators,
      series: [
        { name: "stake", values: r.stake_share.map((x) => x * 100) },
        ...r.runs.map((run) => ({ name: run.variant, values: run.dividend_share.map((x) => x * 100) })),
      ],
      yLabel: "share (%)",
      valueLabels: true,
      yFormat: (v) => v.toFixed(1),
    }),
  );
  const t = totalsTable(r);
  files.set(
    "total-dividends-table.svg",
    tableChart({ title: "Total dividends per validator", subtitle: sub, columns: t.columns, rows: t.rows }),
  );
  return files;
}

/** A page that shows every chart, for a browser. */
export function indexHtml(r: SimulationResult, files: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.case.title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 900px; margin: 2em auto">
<h1>${esc(r.case.title)}</h1>
<p>${esc(r.case.description)}</p>
${files.map((f) => `<p><img src="${esc(f)}" alt="${esc(f)}"></p>`).join("\n")}
</body></html>
`;
}
