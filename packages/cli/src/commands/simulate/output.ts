// What `tao simulate` prints and draws: the earnings tables, the adversary verdicts, and SVG charts.
import { barChart, lineChart, tableChart } from "@opentao/charts";
import { formatTao } from "@opentao/primitives";
import type { SimulationReport, SubnetReport } from "@opentao/subnets";
import { renderTable } from "../../ui/table.js";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const alpha = (rao: bigint) => formatTao(rao, { decimals: 4, symbol: "α" });
const tao = (rao: bigint) => formatTao(rao, { decimals: 4 });

function minerTable(s: SubnetReport): { columns: string[]; rows: string[][] } {
  return {
    columns: [
      "miner",
      "kind",
      "quality",
      "start→end",
      "incentive",
      "emission",
      "value",
      "share",
      "quality share",
    ],
    rows: s.miners.map((m) => [
      m.name,
      m.kind,
      m.quality.toFixed(3),
      `${m.qualityStart.toFixed(2)}→${m.qualityEnd.toFixed(2)}`,
      percent(m.incentive),
      alpha(m.emission),
      tao(m.emissionTao),
      percent(m.emissionShare),
      percent(m.qualityShare),
    ]),
  };
}

function validatorTable(s: SubnetReport): { columns: string[]; rows: string[][] } {
  return {
    columns: [
      "validator",
      "kind",
      "stake",
      "stake share",
      "dividends",
      "vtrust",
      "earned",
      "value",
      "yield/epoch",
      "failed",
    ],
    rows: s.validators.map((v) => [
      v.name,
      v.kind,
      alpha(v.stake),
      percent(v.stakeShare),
      percent(v.dividends),
      v.validatorTrust.toFixed(3),
      alpha(v.earned),
      tao(v.earnedTao),
      `${(v.yieldPerEpoch * 100).toFixed(2)}%`,
      String(Object.values(v.failedCalls).reduce((a, b) => a + b, 0)),
    ]),
  };
}

/** A miner or validator table for the terminal: names and kinds on the left, numbers on the right. */
function textTable(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return renderTable({
    columns: columns.map((header, c) => ({ header, align: c <= 1 ? "left" : "right" })),
    rows,
  });
}

/** The readable report: per subnet, miners, validators, then each adversary's verdict. */
export function formatReport(r: SimulationReport): string {
  const c = r.config;
  const out = [
    `Simulated ${plural(r.blocks, "block")} (${plural(r.epochs, "epoch")}) after ${r.setupBlocks} setup blocks · ` +
      `seed ${c.seed} · ${plural(c.subnets, "subnet")} · preset ${c.preset}`,
  ];
  if (r.epochs === 0)
    out.push("No epoch ran, so nobody has earned anything yet: run at least a tempo (--epochs 1 or more).");
  for (const s of r.subnets) {
    out.push(
      "",
      `Subnet ${s.netuid} · alpha price at the end ${tao(s.price)} (values below are at this price)`,
    );
    const m = minerTable(s);
    out.push("", textTable(m.columns, m.rows));
    const v = validatorTable(s);
    out.push("", textTable(v.columns, v.rows));
    if (s.verdicts.length > 0) {
      out.push("", "Adversaries");
      const width = Math.max(...s.verdicts.map((x) => x.adversary.length));
      for (const x of s.verdicts)
        out.push(`  ${x.adversary.padEnd(width)}  ${x.profited ? "PROFITED " : "no profit"}  ${x.measure}`);
    }
  }
  return `${out.join("\n")}\n`;
}

/** Every chart, by file name: per subnet incentive, dividends, shares, earnings per stake and the tables. */
export function charts(r: SimulationReport): Map<string, string> {
  const files = new Map<string, string>();
  for (const s of r.subnets) {
    const sub = `subnet ${s.netuid} · seed ${r.config.seed} · ${r.blocks} blocks`;
    const x = s.epochs.map((e) => e.block);
    files.set(
      `incentive-subnet-${s.netuid}.svg`,
      lineChart({
        title: "Incentive per miner (solid) and its true quality share (dashed)",
        subtitle: sub,
        xLabel: "block",
        yLabel: "share",
        x,
        series: s.miners.flatMap((m, i) => [
          { name: m.name, values: s.epochs.map((e) => e.incentive[i]!), colorIndex: i },
          {
            name: `${m.name} quality share`,
            values: s.epochs.map((e) => e.quality[i]! / e.quality.reduce((a, b) => a + b, 0)),
            colorIndex: i,
            dashed: true,
          },
        ]),
        yMin: 0,
      }),
    );
    files.set(
      `dividends-subnet-${s.netuid}.svg`,
      lineChart({
        title: "Dividends per validator",
        subtitle: sub,
        xLabel: "block",
        yLabel: "dividends (share of the epoch's)",
        x,
        series: s.validators.map((v, i) => ({ name: v.name, values: s.epochs.map((e) => e.dividends[i]!) })),
        yMin: 0,
      }),
    );
    files.set(
      `miner-shares-subnet-${s.netuid}.svg`,
      barChart({
        title: "Miner emission share against quality share",
        subtitle: `${sub} · over the whole run`,
        categories: s.miners.map((m) => m.name),
        series: [
          { name: "emission share", values: s.miners.map((m) => m.emissionShare * 100) },
          { name: "quality share", values: s.miners.map((m) => m.qualityShare * 100) },
        ],
        yLabel: "share (%)",
        valueLabels: true,
        yFormat: (v) => v.toFixed(1),
      }),
    );
    files.set(
      `yield-subnet-${s.netuid}.svg`,
      barChart({
        title: "Validator yield: alpha earned per alpha staked, per epoch",
        subtitle: `${sub} · stake taken before each epoch (dividends compound)`,
        categories: s.validators.map((v) => v.name),
        series: [{ name: "yield per epoch", values: s.validators.map((v) => v.yieldPerEpoch * 100) }],
        yLabel: "yield per epoch (%)",
        valueLabels: true,
        yFormat: (v) => v.toFixed(2),
      }),
    );
    const m = minerTable(s);
    files.set(`miners-table-subnet-${s.netuid}.svg`, tableChart({ title: "Miners", subtitle: sub, ...m }));
    const v = validatorTable(s);
    files.set(
      `validators-table-subnet-${s.netuid}.svg`,
      tableChart({ title: "Validators", subtitle: sub, ...v }),
    );
    if (s.verdicts.length > 0)
      files.set(
        `adversaries-subnet-${s.netuid}.svg`,
        tableChart({
          title: "Adversaries",
          subtitle: sub,
          columns: ["adversary", "profited", "vs honest", "how"],
          rows: s.verdicts.map((x) => [
            x.adversary,
            x.profited ? "yes" : "no",
            `${(x.ratio * 100).toFixed(1)}%`,
            x.measure,
          ]),
          alignRight: [false, false, true, false],
        }),
      );
  }
  return files;
}

/** A page that shows every chart, for a browser. */
export function indexHtml(r: SimulationReport, files: readonly string[]): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
  const title = `tao simulate · seed ${r.config.seed}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 1000px; margin: 2em auto">
<h1>${esc(title)}</h1>
<p>${r.blocks} blocks (${r.epochs} epochs) after ${r.setupBlocks} setup blocks; ${esc(r.config.adversaries.join(", ") || "no adversaries")}.</p>
${files.map((f) => `<p><img src="${esc(f)}" alt="${esc(f)}"></p>`).join("\n")}
</body></html>
`;
}
