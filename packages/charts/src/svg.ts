// Small helpers for building SVG text: escaping, number formatting, nice axis ticks, colours.

/** Escapes text and attribute values for XML. */
export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An element with attributes (escaped) and children (already SVG text). */
export function el(
  name: string,
  attrs: Record<string, string | number | undefined>,
  ...children: string[]
): string {
  const a = Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(typeof v === "number" ? fmt(v) : v!)}"`)
    .join("");
  return children.length ? `<${name}${a}>${children.join("")}</${name}>` : `<${name}${a}/>`;
}

/** A coordinate with at most two decimals and no float noise. */
export function fmt(v: number): string {
  if (!Number.isFinite(v)) return "0";
  const r = Math.round(v * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

/** A tick label: up to 6 significant digits, float noise removed. */
export function label(v: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e6 || a < 1e-4) return v.toExponential(2).replace(/\.?0+e/, "e");
  return String(Number(v.toPrecision(6)));
}

/** About `count` round tick values covering [min, max] (1, 2, 5 × 10^k steps). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= pad;
    max += pad;
  }
  if (min > max) [min, max] = [max, min];
  const raw = (max - min) / Math.max(count, 1);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v <= max + step * 1e-9 || ticks.length < 2; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length > 100) break;
  }
  if (ticks[ticks.length - 1]! < max - step * 1e-9)
    ticks.push(Number((first + ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Ten distinguishable colours (Tableau 10), cycled. */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
] as const;

export const colour = (i: number): string => PALETTE[i % PALETTE.length]!;

/** Rough text width for layout (no fonts in Node): average glyph width of a sans-serif at `size`. */
export function textWidth(s: string, size = 12): number {
  return s.length * size * 0.6;
}

export const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";

/** The document around a chart: size, title and description for screen readers, white background. */
export function svgDocument(
  width: number,
  height: number,
  title: string,
  desc: string,
  body: string,
): string {
  return `${el(
    "svg",
    {
      xmlns: "http://www.w3.org/2000/svg",
      width,
      height,
      viewBox: `0 0 ${fmt(width)} ${fmt(height)}`,
      role: "img",
      "font-family": FONT,
      "font-size": 12,
    },
    el("title", {}, escapeXml(title)),
    el("desc", {}, escapeXml(desc)),
    el("rect", { x: 0, y: 0, width, height, fill: "#ffffff" }),
    body,
  )}\n`;
}
