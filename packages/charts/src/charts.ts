// Line charts, grouped bar charts and tables as standalone SVG documents (strings). No DOM: the same
// call writes a file in Node and fills an element's innerHTML in the browser.
import { colour, el, escapeXml, fmt, label, niceTicks, svgDocument, textWidth } from "./svg.js";

export interface Series {
  name: string;
  /** One value per x (null: a gap). */
  values: readonly (number | null)[];
  /** Dashed stroke ("6 4"), e.g. to tell a second group of series apart. */
  dashed?: boolean;
  /** An SVG stroke-dasharray of your own (wins over `dashed`; "" is solid). */
  dash?: string;
  /** Palette index (default: the series' position), so related series can share a colour. */
  colorIndex?: number;
}

const dashOf = (s: Series): string | undefined =>
  s.dash !== undefined ? s.dash || undefined : s.dashed ? "6 4" : undefined;
const colourOf = (s: Series, i: number): string => colour(s.colorIndex ?? i);

export interface LineChartSpec {
  title: string;
  subtitle?: string;
  xLabel: string;
  yLabel: string;
  series: readonly Series[];
  /** The x value of each index (default 0, 1, 2, …). */
  x?: readonly number[];
  /** Force the y range (default: the data's, with 0 included). */
  yMin?: number;
  yMax?: number;
  /** Tick label for y values (default: plain numbers). */
  yFormat?: (v: number) => string;
  width?: number;
  height?: number;
}

export interface BarChartSpec {
  title: string;
  subtitle?: string;
  /** Groups along the x axis (e.g. validators). */
  categories: readonly string[];
  /** One bar per series in each group (e.g. variants); values per category. */
  series: readonly { name: string; values: readonly number[] }[];
  xLabel?: string;
  yLabel: string;
  yFormat?: (v: number) => string;
  /** Print each bar's value above it. */
  valueLabels?: boolean;
  width?: number;
  height?: number;
}

export interface TableSpec {
  title: string;
  subtitle?: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
  /** Columns aligned right (default: every column but the first). */
  alignRight?: readonly boolean[];
}

interface Frame {
  left: number;
  top: number;
  width: number;
  height: number;
}

const LEGEND_SWATCH = 18;

function frameFor(width: number, height: number, legend: readonly string[], subtitle: boolean): Frame {
  const legendWidth = legend.length
    ? Math.min(260, Math.max(...legend.map((s) => textWidth(s))) + LEGEND_SWATCH + 24)
    : 16;
  const top = subtitle ? 62 : 46;
  return { left: 72, top, width: width - 72 - legendWidth, height: height - top - 56 };
}

function heading(title: string, subtitle: string | undefined): string {
  return (
    el("text", { x: 16, y: 24, "font-size": 16, "font-weight": "bold", class: "title" }, escapeXml(title)) +
    (subtitle ? el("text", { x: 16, y: 44, fill: "#555555", class: "subtitle" }, escapeXml(subtitle)) : "")
  );
}

function legend(
  names: readonly string[],
  f: Frame,
  marks: (i: number, x: number, y: number) => string,
): string {
  const x = f.left + f.width + 16;
  return el(
    "g",
    { class: "legend" },
    ...names.map((name, i) => {
      const y = f.top + 8 + i * 20;
      return el(
        "g",
        { class: "legend-item", "data-series": name },
        marks(i, x, y),
        el("text", { x: x + LEGEND_SWATCH + 6, y: y + 4 }, escapeXml(name)),
      );
    }),
  );
}

function yAxis(
  f: Frame,
  ticks: number[],
  y: (v: number) => number,
  title: string,
  format: (v: number) => string,
): string {
  return el(
    "g",
    { class: "axis axis-y" },
    ...ticks.map((t) =>
      el(
        "g",
        { class: "tick" },
        el("line", { x1: f.left, x2: f.left + f.width, y1: y(t), y2: y(t), stroke: "#e5e5e5" }),
        el("text", { x: f.left - 6, y: y(t) + 4, "text-anchor": "end" }, escapeXml(format(t))),
      ),
    ),
    el("line", { x1: f.left, x2: f.left, y1: f.top, y2: f.top + f.height, stroke: "#333333" }),
    el(
      "text",
      {
        x: 16,
        y: f.top + f.height / 2,
        transform: `rotate(-90 16 ${fmt(f.top + f.height / 2)})`,
        "text-anchor": "middle",
        class: "axis-label",
      },
      escapeXml(title),
    ),
  );
}

/** A line per series over a shared x axis (epochs, blocks, …). */
export function lineChart(spec: LineChartSpec): string {
  const width = spec.width ?? 760;
  const height = spec.height ?? 420;
  const n = Math.max(0, ...spec.series.map((s) => s.values.length));
  const xs = spec.x ?? Array.from({ length: n }, (_, i) => i);
  const values = spec.series.flatMap((s) =>
    s.values.filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const lo = spec.yMin ?? Math.min(0, ...values);
  const hi = spec.yMax ?? Math.max(lo === 0 ? 0 : lo, ...values);
  const yt = niceTicks(lo, hi === lo ? lo + 1 : hi, 5);
  const xt = niceTicks(xs[0] ?? 0, xs[xs.length - 1] ?? 1, Math.min(10, Math.max(1, n - 1)));
  const f = frameFor(
    width,
    height,
    spec.series.map((s) => s.name),
    spec.subtitle !== undefined,
  );
  const y0 = yt[0]!;
  const y1 = yt[yt.length - 1]!;
  const x0 = Math.min(xt[0]!, xs[0] ?? 0);
  const x1 = Math.max(xt[xt.length - 1]!, xs[xs.length - 1] ?? 1);
  const X = (v: number) => f.left + ((v - x0) / (x1 - x0 || 1)) * f.width;
  const Y = (v: number) => f.top + f.height - ((v - y0) / (y1 - y0 || 1)) * f.height;
  const fmtY = spec.yFormat ?? label;

  const xAxis = el(
    "g",
    { class: "axis axis-x" },
    el("line", {
      x1: f.left,
      x2: f.left + f.width,
      y1: f.top + f.height,
      y2: f.top + f.height,
      stroke: "#333333",
    }),
    ...xt
      .filter((t) => t >= x0 && t <= x1)
      .map((t) =>
        el(
          "g",
          { class: "tick" },
          el("line", {
            x1: X(t),
            x2: X(t),
            y1: f.top + f.height,
            y2: f.top + f.height + 5,
            stroke: "#333333",
          }),
          el("text", { x: X(t), y: f.top + f.height + 18, "text-anchor": "middle" }, escapeXml(label(t))),
        ),
      ),
    el(
      "text",
      { x: f.left + f.width / 2, y: f.top + f.height + 40, "text-anchor": "middle", class: "axis-label" },
      escapeXml(spec.xLabel),
    ),
  );

  const lines = spec.series.map((s, i) => {
    let d = "";
    let pen = false;
    s.values.forEach((v, k) => {
      if (v === null || !Number.isFinite(v) || k >= xs.length) {
        pen = false;
        return;
      }
      d += `${pen ? "L" : "M"}${fmt(X(xs[k]!))} ${fmt(Y(v))}`;
      pen = true;
    });
    const points = s.values.filter((v) => v !== null).length;
    return el(
      "g",
      { class: "series", "data-series": s.name },
      el("title", {}, escapeXml(s.name)),
      el("path", {
        d: d || "M0 0",
        fill: "none",
        stroke: colourOf(s, i),
        "stroke-width": 2,
        "stroke-dasharray": dashOf(s),
        "stroke-linejoin": "round",
      }),
      // Dots when there are few points, so a single epoch still shows.
      ...(points <= 24
        ? s.values.map((v, k) =>
            v === null || !Number.isFinite(v) || k >= xs.length
              ? ""
              : el("circle", { cx: X(xs[k]!), cy: Y(v), r: 2.5, fill: colourOf(s, i) }),
          )
        : []),
    );
  });

  const body =
    heading(spec.title, spec.subtitle) +
    yAxis(f, yt, Y, spec.yLabel, fmtY) +
    xAxis +
    el("g", { class: "plot" }, ...lines) +
    legend(
      spec.series.map((s) => s.name),
      f,
      (i, x, y) =>
        el("line", {
          x1: x,
          x2: x + LEGEND_SWATCH,
          y1: y,
          y2: y,
          stroke: colourOf(spec.series[i]!, i),
          "stroke-width": 3,
          "stroke-dasharray": dashOf(spec.series[i]!),
        }),
    );
  const desc = `Line chart: ${spec.yLabel} by ${spec.xLabel}; series ${spec.series.map((s) => s.name).join(", ")}.`;
  return svgDocument(width, height, spec.title, desc, body);
}

/** Grouped bars: one group per category, one bar per series. */
export function barChart(spec: BarChartSpec): string {
  const width =
    spec.width ??
    Math.max(
      560,
      140 + spec.categories.length * (40 + spec.series.length * 26),
      textWidth(spec.subtitle ?? "") + 32,
      textWidth(spec.title, 16) + 32,
    );
  const height = spec.height ?? 400;
  const values = spec.series.flatMap((s) => s.values.filter((v) => Number.isFinite(v)));
  const yt = niceTicks(Math.min(0, ...values), Math.max(0, ...values) || 1, 5);
  const f = frameFor(
    width,
    height,
    spec.series.map((s) => s.name),
    spec.subtitle !== undefined,
  );
  const y0 = yt[0]!;
  const y1 = yt[yt.length - 1]!;
  const Y = (v: number) => f.top + f.height - ((v - y0) / (y1 - y0 || 1)) * f.height;
  const fmtY = spec.yFormat ?? label;
  const group = f.width / Math.max(spec.categories.length, 1);
  const bar = Math.min(40, (group * 0.8) / Math.max(spec.series.length, 1));
  const groupStart = (c: number) => f.left + c * group + (group - bar * spec.series.length) / 2;

  const xAxis = el(
    "g",
    { class: "axis axis-x" },
    el("line", { x1: f.left, x2: f.left + f.width, y1: Y(0), y2: Y(0), stroke: "#333333" }),
    ...spec.categories.map((c, k) =>
      el(
        "text",
        {
          x: f.left + (k + 0.5) * group,
          y: f.top + f.height + 18,
          "text-anchor": "middle",
          class: "category",
        },
        escapeXml(c),
      ),
    ),
    spec.xLabel
      ? el(
          "text",
          { x: f.left + f.width / 2, y: f.top + f.height + 40, "text-anchor": "middle", class: "axis-label" },
          escapeXml(spec.xLabel),
        )
      : "",
  );
  const bars = spec.series.map((s, i) =>
    el(
      "g",
      { class: "series", "data-series": s.name, fill: colour(i) },
      ...spec.categories.map((c, k) => {
        const v = s.values[k] ?? 0;
        const x = groupStart(k) + i * bar;
        const top = Math.min(Y(v), Y(0));
        return el(
          "g",
          { class: "bar", "data-category": c },
          el(
            "rect",
            { x, y: top, width: Math.max(bar - 2, 1), height: Math.abs(Y(v) - Y(0)) },
            el("title", {}, escapeXml(`${s.name}, ${c}: ${fmtY(v)}`)),
          ),
          spec.valueLabels
            ? el(
                "text",
                { x: x + bar / 2, y: top - 4, "text-anchor": "middle", "font-size": 10, fill: "#333333" },
                escapeXml(fmtY(v)),
              )
            : "",
        );
      }),
    ),
  );
  const body =
    heading(spec.title, spec.subtitle) +
    yAxis(f, yt, Y, spec.yLabel, fmtY) +
    xAxis +
    el("g", { class: "plot" }, ...bars) +
    legend(
      spec.series.map((s) => s.name),
      f,
      (i, x, y) => el("rect", { x, y: y - 6, width: LEGEND_SWATCH, height: 12, fill: colour(i) }),
    );
  const desc = `Bar chart: ${spec.yLabel} per ${spec.categories.join(", ")}; series ${spec.series.map((s) => s.name).join(", ")}.`;
  return svgDocument(width, height, spec.title, desc, body);
}

/** A table drawn as SVG text (header, rule, zebra rows), so it sits next to the charts as a file. */
export function tableChart(spec: TableSpec): string {
  const size = 12;
  const pad = 14;
  const widths = spec.columns.map((h, c) =>
    Math.max(textWidth(h, size), ...spec.rows.map((r) => textWidth(r[c] ?? "", size))),
  );
  const rowH = 22;
  const top = spec.subtitle ? 72 : 56;
  const width = Math.max(
    32 + widths.reduce((a, w) => a + w + pad * 2, 0),
    textWidth(spec.title, 16) + 32,
    textWidth(spec.subtitle ?? "", 12) + 32,
  );
  const height = top + rowH * (spec.rows.length + 1) + 16;
  const right = (c: number) => spec.alignRight?.[c] ?? c > 0;
  const xs: number[] = [];
  let x = 16;
  for (const w of widths) {
    xs.push(x);
    x += w + pad * 2;
  }
  const cell = (text: string, c: number, y: number, attrs: Record<string, string | number> = {}) =>
    el(
      "text",
      {
        x: right(c) ? xs[c]! + widths[c]! + pad : xs[c]! + pad,
        y,
        "text-anchor": right(c) ? "end" : "start",
        ...attrs,
      },
      escapeXml(text),
    );
  const header = el(
    "g",
    { class: "header" },
    el("rect", { x: 16, y: top, width: x - 16, height: rowH, fill: "#f0f0f0" }),
    ...spec.columns.map((h, c) => cell(h, c, top + 15, { "font-weight": "bold" })),
    el("line", { x1: 16, x2: x, y1: top + rowH, y2: top + rowH, stroke: "#333333" }),
  );
  const rows = spec.rows.map((r, k) => {
    const y = top + rowH * (k + 1);
    return el(
      "g",
      { class: "row" },
      k % 2 ? el("rect", { x: 16, y, width: x - 16, height: rowH, fill: "#fafafa" }) : "",
      ...r.map((text, c) => cell(text, c, y + 15)),
    );
  });
  const desc = `Table: ${spec.columns.join(", ")}; ${spec.rows.length} rows.`;
  return svgDocument(
    width,
    height,
    spec.title,
    desc,
    heading(spec.title, spec.subtitle) + header + rows.join(""),
  );
}
