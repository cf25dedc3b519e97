// Tables for people, in the shape of btcli's rich tables (box.SIMPLE_HEAVY, no edge): a title, a header,
// a heavy rule, rows, and an optional footer (totals) under a light rule.
import { pc } from "./colors.js";

export interface Column {
  header: string;
  /** Numbers and amounts align right. */
  align?: "left" | "right";
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes are control sequences
const ANSI = /\x1b\[[0-9;]*m/g;
const width = (s: string) => [...s.replace(ANSI, "")].length;

export function renderTable(options: {
  title?: string;
  columns: readonly Column[];
  rows: readonly (readonly string[])[];
  footer?: readonly string[];
}): string {
  const { columns, rows, footer } = options;
  const all = footer ? [...rows, footer] : rows;
  const widths = columns.map((c, i) => Math.max(width(c.header), ...all.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const pad = " ".repeat(Math.max(0, widths[i]! - width(cell)));
        return columns[i]?.align === "right" ? pad + cell : cell + pad;
      })
      .join("  ")
      .trimEnd();
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const out: string[] = [];
  if (options.title) out.push(options.title, "");
  out.push(pc.bold(line(columns.map((c) => c.header))), pc.dim("━".repeat(total)), ...rows.map(line));
  if (footer) out.push(pc.dim("─".repeat(total)), pc.bold(line(footer)));
  return out.join("\n");
}
