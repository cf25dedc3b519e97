// The live table and the closing summary of `npm start`, as plain text.

import { formatTao } from "@opentao/primitives";
import type { LiveState, NetworkSummary } from "./run.js";

const pad = (s: string | number, n: number) => String(s).padStart(n);
const formatToken = (rao: bigint | string) => formatTao(BigInt(rao), { decimals: 6, symbol: "" });

export function renderLive(state: LiveState): string {
  const lines = [`block ${state.block}`];
  for (const s of state.subnets) {
    const phase = s.epochs < 0 ? "warming up" : `epoch ${s.epochs}`;
    lines.push("", `subnet ${s.netuid} · ${s.name} · ${phase} · 1 α = ${Number(s.price).toFixed(4)} τ`);
    lines.push("  uid  miner            quality   score  incentive   emission α");
    for (const m of s.miners)
      lines.push(
        `  ${pad(m.uid, 3)}  ${m.name.padEnd(15)} ${pad(m.quality.toFixed(4), 8)} ${pad(m.score.toFixed(4), 7)} ${pad(m.incentive.toFixed(4), 10)} ${pad(formatToken(m.emission), 12)}`,
      );
    for (const v of s.validators)
      lines.push(
        `  ${pad(v.uid, 3)}  ${`${v.name} (val)`.padEnd(15)} ${pad("", 8)} ${pad("", 7)} ${pad(`div ${v.dividends.toFixed(3)}`, 10)} ${pad(formatToken(v.emission), 12)}`,
      );
  }
  return lines.join("\n");
}

export function renderSummary(summary: NetworkSummary): string {
  const lines = [`Done: ${summary.blocks} blocks in ${summary.seconds} s.`];
  for (const s of summary.subnets) {
    lines.push(
      "",
      `subnet ${s.netuid} · ${s.name} (${s.description})`,
      `  ${s.epochs} epoch${s.epochs === 1 ? "" : "s"} measured · pool price 1 α = ${Number(s.price).toFixed(6)} τ · Spearman(quality, incentive) = ${s.spearman.toFixed(2)}`,
      "  uid  model                                  quality  incentive   earned α   worth τ",
    );
    const byQuality = [...s.miners].sort((a, b) => b.quality - a.quality);
    for (const m of byQuality)
      lines.push(
        `  ${pad(m.uid, 3)}  ${m.model.padEnd(38)} ${pad(m.quality.toFixed(4), 7)} ${pad(m.incentive.toFixed(4), 10)} ${pad(formatToken(m.emission), 10)} ${pad(formatToken(m.emission_tao), 9)}`,
      );
    for (const v of s.validators)
      lines.push(
        `  ${pad(v.uid, 3)}  ${`validator ${v.name} (dividends ${v.dividends.toFixed(3)})`.padEnd(38)} ${pad("", 7)} ${pad("", 10)} ${pad(formatToken(v.emission), 10)} ${pad(formatToken(v.emission_tao), 9)}`,
      );
  }
  return lines.join("\n");
}
