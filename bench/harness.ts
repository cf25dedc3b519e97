export interface BenchRow {
  name: string;
  /** Operations per second, or undefined when the row reports a single timing. */
  opsPerSec?: number;
  /** Milliseconds per operation (or for the whole run). */
  ms: number;
  note?: string;
}

/** Runs `fn` repeatedly for about `budgetMs` after a warm-up and reports the median batch rate. */
export function measure(
  name: string,
  fn: () => unknown,
  opts: { batch?: number; budgetMs?: number; note?: string } = {},
): BenchRow {
  const batch = opts.batch ?? 1000;
  const budget = opts.budgetMs ?? 500;
  for (let i = 0; i < batch; i++) fn();
  const rates: number[] = [];
  const start = performance.now();
  while (performance.now() - start < budget || rates.length < 5) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    rates.push((performance.now() - t0) / batch);
  }
  rates.sort((a, b) => a - b);
  const ms = rates[Math.floor(rates.length / 2)]!;
  return { name, opsPerSec: 1000 / ms, ms, ...(opts.note ? { note: opts.note } : {}) };
}

/** Times one run of an async function. */
export async function timeOnce(name: string, fn: () => Promise<unknown>, note?: string): Promise<BenchRow> {
  const t0 = performance.now();
  await fn();
  return { name, ms: performance.now() - t0, ...(note ? { note } : {}) };
}

export function printTable(title: string, rows: BenchRow[]): void {
  const fmt = (n: number | undefined, digits: number) =>
    n === undefined ? "" : n.toLocaleString("en-US", { maximumFractionDigits: digits });
  const table = rows.map((r) => [r.name, fmt(r.opsPerSec, 0), fmt(r.ms, r.ms < 0.01 ? 6 : 3), r.note ?? ""]);
  const head = ["case", "ops/s", "ms/op", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 || i === 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${title}`);
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
}
