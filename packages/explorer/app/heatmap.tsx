// The weights matrix as a heatmap on a canvas (a 256×256 subnet is 65k cells: too many SVG elements to
// lay out quickly): one row per uid that set weights, one column per target uid, darker = more weight.
import { useEffect, useRef, useState } from "preact/hooks";

export interface WeightRow {
  uid: number;
  uids: number[];
  values: number[];
}

const LEFT = 44;
const TOP = 22;

export function Heatmap({ n, rows }: { n: number; rows: readonly WeightRow[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState("Point at a cell to see its weight.");
  const cell = Math.max(2, Math.min(28, Math.floor(900 / Math.max(n, 1))));
  const width = LEFT + n * cell + 8;
  const height = TOP + rows.length * cell + 8;
  const cells = rows.reduce((s, r) => s + r.uids.length, 0);

  useEffect(() => {
    const ctx = canvas.current?.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    ctx.font = "10px sans-serif";
    ctx.fillStyle = "#6b7280";
    ctx.textAlign = "center";
    const step = Math.max(1, Math.ceil(n / 16));
    for (let j = 0; j < n; j += step) ctx.fillText(String(j), LEFT + j * cell + cell / 2, TOP - 8);
    ctx.textAlign = "right";
    const labelEvery = Math.max(1, Math.ceil(12 / cell));
    rows.forEach((r, i) => {
      const y = TOP + i * cell;
      if (i % labelEvery === 0) {
        ctx.fillStyle = "#6b7280";
        ctx.fillText(String(r.uid), LEFT - 6, y + Math.min(cell, 12) - 2);
      }
      ctx.fillStyle = "#f2f4f7";
      ctx.fillRect(LEFT, y, n * cell, cell - (cell > 3 ? 1 : 0));
      const max = Math.max(1, ...r.values);
      r.uids.forEach((target, k) => {
        const shade = (r.values[k] ?? 0) / max;
        ctx.fillStyle = `rgb(${Math.round(235 - 200 * shade)},${Math.round(240 - 140 * shade)},255)`;
        ctx.fillRect(LEFT + target * cell, y, cell - (cell > 3 ? 1 : 0), cell - (cell > 3 ? 1 : 0));
      });
    });
  }, [n, rows, cell, width, height]);

  const onMove = (e: MouseEvent) => {
    const rect = (e.target as HTMLCanvasElement).getBoundingClientRect();
    const scale = width / rect.width;
    const col = Math.floor(((e.clientX - rect.left) * scale - LEFT) / cell);
    const r = rows[Math.floor(((e.clientY - rect.top) * scale - TOP) / cell)];
    if (!r || col < 0 || col >= n) return;
    const k = r.uids.indexOf(col);
    setHover(`uid ${r.uid} → uid ${col}: ${k < 0 ? 0 : r.values[k]} (u16, as stored)`);
  };

  return (
    <div data-testid="weights-heatmap" data-cells={cells} data-rows={rows.length}>
      <p class="muted small">
        Rows: the {rows.length} uids that set weights; columns: target uids 0–{n - 1}. {hover}
      </p>
      <canvas ref={canvas} width={width} height={height} class="heatmap" onMouseMove={onMove} />
    </div>
  );
}
