// The chart module: every chart is a well-formed standalone SVG with its axes, labels, legend and one
// group per series; deterministic, escaped, no NaN, and no DOM needed.
import { describe, expect, it } from "vitest";
import { barChart, escapeXml, lineChart, niceTicks, tableChart } from "../src/index.js";
import { all, parseXml, textOf } from "./xml.js";

const byClass = (cls: string) => (e: { attrs: Record<string, string> }) =>
  (e.attrs.class ?? "").split(" ").includes(cls);

describe("lineChart", () => {
  const spec = {
    title: "Dividends per validator — yuma3",
    subtitle: "kappa-moves-first",
    xLabel: "epoch",
    yLabel: "dividends (share)",
    series: [
      { name: "Big", values: [0.8, 1, 0.94, 0.88] },
      { name: "Small A", values: [0.1, 0, 0.06, null] },
      { name: "Small <B> & co", values: [0.1, 0, 0, 0.04], dashed: true },
    ],
  };
  const svg = lineChart(spec);
  const root = parseXml(svg);

  it("is a standalone SVG document with title, description and size", () => {
    expect(root.name).toBe("svg");
    expect(root.attrs.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(root.attrs.viewBox).toBe("0 0 760 420");
    expect(textOf(all(root, (e) => e.name === "title")[0]!)).toBe(spec.title);
    expect(textOf(all(root, (e) => e.name === "desc")[0]!)).toMatch(/series Big, Small A, Small <B> & co/);
  });

  it("has one series group with a path per series, and a legend entry each", () => {
    const groups = all(root, byClass("series"));
    expect(groups.map((g) => g.attrs["data-series"])).toEqual(["Big", "Small A", "Small <B> & co"]);
    for (const g of groups) expect(all(g, (e) => e.name === "path")).toHaveLength(1);
    const legend = all(root, byClass("legend-item")).map(textOf);
    expect(legend).toEqual(["Big", "Small A", "Small <B> & co"]);
    const big = all(groups[0]!, (e) => e.name === "path")[0]!.attrs.d!;
    expect(big.match(/[ML]/g)).toHaveLength(4);
    // A null breaks nothing: Small A draws its three points.
    expect(all(groups[1]!, (e) => e.name === "path")[0]!.attrs.d!.match(/[ML]/g)).toHaveLength(3);
    expect(all(groups[2]!, (e) => e.name === "path")[0]!.attrs["stroke-dasharray"]).toBe("6 4");
  });

  it("has both axes with tick labels and axis titles", () => {
    const labels = all(root, byClass("axis-label")).map(textOf);
    expect(labels).toEqual(["dividends (share)", "epoch"]);
    const yTicks = all(all(root, byClass("axis-y"))[0]!, byClass("tick")).map(textOf);
    expect(yTicks).toEqual(["0", "0.2", "0.4", "0.6", "0.8", "1"]);
    const xTicks = all(all(root, byClass("axis-x"))[0]!, byClass("tick")).map(textOf);
    expect(xTicks[0]).toBe("0");
    expect(xTicks[xTicks.length - 1]).toBe("3");
  });

  it("is deterministic and never prints NaN, also for empty or flat data", () => {
    expect(lineChart(spec)).toBe(svg);
    for (const series of [[], [{ name: "flat", values: [0, 0, 0] }], [{ name: "one", values: [5] }]]) {
      const out = lineChart({ ...spec, series });
      expect(out).not.toMatch(/NaN|Infinity|undefined/);
      parseXml(out);
    }
  });
});

describe("barChart and tableChart", () => {
  it("bar chart: one group per series, one bar per category, value labels", () => {
    const svg = barChart({
      title: "Total dividends per validator",
      categories: ["Big", "Small A", "Small B"],
      series: [
        { name: "yuma", values: [85.14, 7.56, 7.29] },
        { name: "yuma3", values: [81.84, 9.38, 8.78] },
      ],
      yLabel: "share of dividends (%)",
      valueLabels: true,
      yFormat: (v) => `${v.toFixed(1)}`,
    });
    const root = parseXml(svg);
    const groups = all(root, byClass("series"));
    expect(groups.map((g) => g.attrs["data-series"])).toEqual(["yuma", "yuma3"]);
    for (const g of groups) {
      expect(all(g, byClass("bar")).map((b) => b.attrs["data-category"])).toEqual([
        "Big",
        "Small A",
        "Small B",
      ]);
    }
    expect(all(root, byClass("category")).map(textOf)).toEqual(["Big", "Small A", "Small B"]);
    expect(svg).toContain(">85.1<");
    const rects = all(groups[0]!, (e) => e.name === "rect").map((r) => Number(r.attrs.height));
    expect(rects[0]!).toBeGreaterThan(rects[1]! * 10);
  });

  it("table: header and rows as text, right-aligned numbers, escaped", () => {
    const svg = tableChart({
      title: "Total dividends",
      columns: ["validator", "stake", "yuma"],
      rows: [
        ["Big", "80.00%", "85.14%"],
        ["A & B", "10.00%", "7.56%"],
      ],
    });
    const root = parseXml(svg);
    expect(all(root, byClass("header")).map(textOf)).toEqual(["validatorstakeyuma"]);
    const rows = all(root, byClass("row"));
    expect(rows.map(textOf)).toEqual(["Big80.00%85.14%", "A & B10.00%7.56%"]);
    const cells = all(rows[0]!, (e) => e.name === "text");
    expect(cells.map((c) => c.attrs["text-anchor"])).toEqual(["start", "end", "end"]);
  });
});

describe("helpers", () => {
  it("niceTicks picks 1-2-5 steps covering the range", () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 39, 10)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40]);
    expect(niceTicks(0, 65535)).toEqual([0, 10000, 20000, 30000, 40000, 50000, 60000, 70000]);
    expect(niceTicks(3, 3).length).toBeGreaterThanOrEqual(2);
  });

  it("escapeXml escapes the five XML characters", () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;");
  });
});
