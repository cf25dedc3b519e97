// Small pieces every page uses: links to addresses and blocks, a sortable table, cards, async loading.
import type { ComponentChildren } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { short } from "./format.js";
import { href } from "./router.js";

export function Addr({ a, to = "account" }: { a: string | undefined | null; to?: "account" | "validator" }) {
  if (!a) return <span>—</span>;
  return (
    <a class="addr" href={to === "validator" ? href.validator(a) : href.account(a)} title={a}>
      {short(a, 8)}
    </a>
  );
}

export const BlockLink = ({ n }: { n: number | string }) => <a href={href.block(n)}>#{n}</a>;

export function Card({ title, children, id }: { title: string; children: ComponentChildren; id?: string }) {
  return (
    <section class="card" data-testid={id}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

export function Stat({ label, value, id }: { label: string; value: ComponentChildren; id?: string }) {
  return (
    <div class="stat">
      <div class="label">{label}</div>
      <div class="value" data-testid={id}>
        {value}
      </div>
    </div>
  );
}

export interface Column<R> {
  key: string;
  label: string;
  /** What sorting compares; absent: the column does not sort. */
  sort?: (r: R) => number | string | bigint;
  render: (r: R) => ComponentChildren;
  right?: boolean;
}

export function SortTable<R>({
  rows,
  columns,
  initial,
  id,
  rowClass,
}: {
  rows: readonly R[];
  columns: readonly Column<R>[];
  initial?: { key: string; desc: boolean };
  id?: string;
  rowClass?: (r: R) => string;
}) {
  const [order, setOrder] = useState(initial ?? { key: "", desc: false });
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === order.key);
    if (!col?.sort) return rows;
    const f = col.sort;
    return [...rows].sort((a, b) => {
      const x = f(a);
      const y = f(b);
      const c = x < y ? -1 : x > y ? 1 : 0;
      return order.desc ? -c : c;
    });
  }, [rows, columns, order]);
  return (
    <table class="table" data-testid={id}>
      <thead>
        <tr>
          {columns.map((c) => (
            <th
              key={c.key}
              class={`${c.right ? "num" : ""} ${c.sort ? "sortable" : ""}`}
              data-key={c.key}
              onClick={() =>
                c.sort && setOrder({ key: c.key, desc: order.key === c.key ? !order.desc : true })
              }
            >
              {c.label}
              {order.key === c.key ? (order.desc ? " ▼" : " ▲") : ""}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {sorted.map((r, i) => (
          <tr key={i} class={rowClass?.(r)}>
            {columns.map((c) => (
              <td key={c.key} class={c.right ? "num" : ""} data-col={c.key}>
                {c.render(r)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Loads with `load` whenever `deps` (what the load reads) change; shows the error or a spinner meanwhile. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): { data?: T; error?: string } {
  const [state, setState] = useState<{ data?: T; error?: string }>({});
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ data }),
      (e: Error) => live && setState({ error: e.message }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}

export function Loading({ error }: { error?: string | undefined }) {
  return error ? <p class="error">{error}</p> : <p class="muted">Loading…</p>;
}

/** An SVG string from our charts module (which escapes all text). */
export const Svg = ({ svg, id }: { svg: string; id?: string }) => (
  <div class="chart" data-testid={id} dangerouslySetInnerHTML={{ __html: svg }} />
);
