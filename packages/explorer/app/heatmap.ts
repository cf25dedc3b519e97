// The weights matrix as an SVG heatmap: one row per uid that set weights, one column per target uid.
import { escapeXml } from "@opentao/charts";

export function weightsHeatmap(
  n: number,
  rows: readonly { uid: number; uids: number[]; values: number[] }[],
): string {
  const cell = Math.max(8, Math.min(32, Math.floor(640 / Math.max(n, 1))));
  const left = 60;
  const top = 40;
  const width = Math.max(left + n * cell + 20, 560);
  const height = top + rows.length * cell + 30;
  const parts: string[] = [
    `<text x="${left}" y="16" font-size="13" font-family="sans-serif" font-weight="bold">Weights (row: validator uid, column: target uid; darker = more)</text>`,
  ];
  rows.forEach((r, i) => {
    const y = top + i * cell;
    parts.push(
      `<text x="${left - 6}" y="${y + cell * 0.7}" font-size="11" text-anchor="end" font-family="sans-serif">${r.uid}</text>`,
    );
    parts.push(`<rect x="${left}" y="${y}" width="${n * cell}" height="${cell - 1}" fill="#f2f4f7"/>`);
    const max = Math.max(1, ...r.values);
    r.uids.forEach((target, k) => {
      const v = r.values[k] ?? 0;
      const shade = v / max;
      parts.push(
        `<rect x="${left + target * cell}" y="${y}" width="${cell - 1}" height="${cell - 1}" fill="rgb(${Math.round(235 - 200 * shade)},${Math.round(240 - 140 * shade)},255)"><title>${escapeXml(`uid ${r.uid} → uid ${target}: ${v}`)}</title></rect>`,
      );
    });
  });
  for (let j = 0; j < n; j += Math.ceil(n / 32)) {
    parts.push(
      `<text x="${left + j * cell + cell / 2}" y="${top - 6}" font-size="10" text-anchor="middle" font-family="sans-serif">${j}</text>`,
    );
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join("")}</svg>`;
}
