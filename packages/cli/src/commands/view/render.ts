// The dashboard as one self-contained HTML page: inline CSS, an inline SVG chart, no scripts and no
// network fetches, so it opens offline. Pure: the same data gives the same page.
import { barChart } from "@opentao/charts";
import { formatTao, RAO_PER_TAO } from "@opentao/primitives";
import { alphaText, priceText } from "../stake/shared.js";
import type { DashboardData, DashboardStake, DashboardSubnet } from "./data.js";
import { type Html, html, trusted } from "./html.js";
import { slippagePercent } from "./slippage.js";

const taoText = (rao: bigint) => formatTao(rao);
const shortKey = (ss58: string) => `${ss58.slice(0, 6)}…${ss58.slice(-6)}`;
const subnetLabel = (s: DashboardSubnet | undefined, netuid: number) =>
  s?.name ? `${netuid}: ${s.name}` : `${netuid}`;

export function renderDashboard(data: DashboardData): string {
  const byNetuid = new Map(data.subnets.map((s) => [s.netuid, s]));
  const name = data.identity ? `${data.identity} (${data.walletName})` : data.walletName;
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${name}: dashboard at block ${data.block}</title>
<style>${trusted(CSS)}</style>
</head>
<body>
<header>
  <h1>${name}</h1>
  <p class="coldkey" title="coldkey">${data.coldkey}</p>
  <dl class="summary">
    <div><dt>Free balance</dt><dd id="free">${taoText(data.free)}</dd></div>
    <div><dt>Total stake value</dt><dd id="total-value">${taoText(data.totalValue)}</dd></div>
    <div><dt>Value after slippage</dt><dd id="total-after-slippage">${taoText(data.totalValueAfterSlippage)}</dd></div>
    <div><dt>Slippage</dt><dd id="slippage">${slippagePercent(data.totalValue, data.totalValueAfterSlippage)} %</dd></div>
    <div><dt>Block</dt><dd id="block">${data.block}</dd></div>
    <div><dt>Network</dt><dd>${data.network}</dd></div>
  </dl>
</header>
<main>
${stakesSection(data.stakes, byNetuid)}
${subnetsSection(data.subnets, data.stakes)}
${neuronsSection(data.subnets, data.stakes)}
</main>
<footer>Written by <code>tao view dashboard</code> from block ${data.block} of ${data.network}. Values are TAO at each pool's price; "after slippage" is what unstaking each position alone would pay out, fee included.</footer>
</body>
</html>
`;
  return page.text;
}

function stakesSection(stakes: DashboardStake[], byNetuid: Map<number, DashboardSubnet>): Html {
  if (stakes.length === 0) {
    return html`<section id="stakes"><h2>Your stakes</h2><p class="empty">This coldkey has no stake.</p></section>`;
  }
  return html`<section id="stakes">
<h2>Your stakes</h2>
${stakeChart(stakes, byNetuid)}
<table>
<thead><tr><th>Subnet</th><th>Hotkey</th><th class="num">Stake</th><th class="num">Value</th><th class="num">Value after slippage</th><th class="num">Slippage</th></tr></thead>
<tbody>
${stakes.map((s) => {
  const subnet = byNetuid.get(s.netuid);
  return html`<tr><td><a href="#subnet-${s.netuid}">${subnetLabel(subnet, s.netuid)}</a></td><td class="key" title="${s.hotkey}">${s.hotkey}</td><td class="num">${alphaText(s.alpha, subnet?.symbol ?? "α")}</td><td class="num">${taoText(s.value)}</td><td class="num">${taoText(s.valueAfterSlippage)}</td><td class="num">${slippagePercent(s.value, s.valueAfterSlippage)} %</td></tr>
`;
})}</tbody>
</table>
</section>`;
}

/** Stake value per subnet, before and after slippage (TAO as numbers only to place the bars). */
function stakeChart(stakes: DashboardStake[], byNetuid: Map<number, DashboardSubnet>): Html {
  const netuids = [...new Set(stakes.map((s) => s.netuid))];
  const sum = (netuid: number, pick: (s: DashboardStake) => bigint) =>
    stakes.filter((s) => s.netuid === netuid).reduce((t, s) => t + pick(s), 0n);
  const asTao = (rao: bigint) => Number(rao) / Number(RAO_PER_TAO);
  return html`<figure class="chart">${trusted(
    barChart({
      title: "Stake value per subnet",
      categories: netuids.map((n) => subnetLabel(byNetuid.get(n), n)),
      series: [
        { name: "Value (τ)", values: netuids.map((n) => asTao(sum(n, (s) => s.value))) },
        {
          name: "After slippage (τ)",
          values: netuids.map((n) => asTao(sum(n, (s) => s.valueAfterSlippage))),
        },
      ],
      yLabel: "τ",
    }),
  )}</figure>`;
}

function subnetsSection(subnets: DashboardSubnet[], stakes: DashboardStake[]): Html {
  const staked = new Set(stakes.map((s) => s.netuid));
  return html`<section id="subnets">
<h2>Subnets <small>by market cap</small></h2>
<table>
<thead><tr><th class="num">Netuid</th><th>Name</th><th>Symbol</th><th class="num">Price (τ/α)</th><th class="num">Market cap</th><th class="num">Emission (τ/block)</th><th class="num">Total stake (α out)</th><th class="num">Neurons</th></tr></thead>
<tbody>
${subnets.map(
  (
    s,
  ) => html`<tr${staked.has(s.netuid) ? trusted(' class="mine"') : ""}><td class="num">${s.netuid}</td><td><a href="#subnet-${s.netuid}">${s.name || "—"}</a></td><td>${s.symbol}</td><td class="num">${priceText(s.price)}</td><td class="num">${taoText(s.marketCap)}</td><td class="num">${taoText(s.emission)}</td><td class="num">${alphaText(s.totalStake, s.symbol)}</td><td class="num">${s.neurons.length}</td></tr>
`,
)}</tbody>
</table>
</section>`;
}

function neuronsSection(subnets: DashboardSubnet[], stakes: DashboardStake[]): Html {
  const staked = new Set(stakes.map((s) => s.netuid));
  return html`<section id="neurons">
<h2>Neurons</h2>
${subnets.map(
  (s) => html`<details id="subnet-${s.netuid}"${staked.has(s.netuid) ? trusted(" open") : ""}>
<summary>${subnetLabel(s, s.netuid)} <span class="symbol">${s.symbol}</span> — ${s.neurons.length} neurons</summary>
${
  s.neurons.length === 0
    ? html`<p class="empty">No neurons registered.</p>`
    : html`<table>
<thead><tr><th class="num">UID</th><th>Hotkey</th><th class="num">Stake</th><th class="num">Incentive</th><th class="num">Dividends</th><th class="num">Emission</th><th>Validator</th><th>Axon</th></tr></thead>
<tbody>
${s.neurons.map(
  (
    n,
  ) => html`<tr><td class="num">${n.uid}</td><td class="key" title="${n.hotkey}">${shortKey(n.hotkey)}</td><td class="num">${alphaText(n.stake, s.symbol)}</td><td class="num">${n.incentive.toFixed(4)}</td><td class="num">${n.dividends.toFixed(4)}</td><td class="num">${alphaText(n.emission, s.symbol)}</td><td>${n.validatorPermit ? "✓" : ""}</td><td>${n.axon ?? "—"}</td></tr>
`,
)}</tbody>
</table>`
}
</details>
`,
)}</section>`;
}

const CSS = `
:root { color-scheme: light dark; --fg: #1d2330; --muted: #5b6475; --bg: #f6f7f9; --card: #fff; --line: #dde1e8; --accent: #1f6feb; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ef; --muted: #9aa4b5; --bg: #11151c; --card: #1a2029; --line: #2c3542; --accent: #58a6ff; } }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
header, section, footer { max-width: 1200px; margin: 0 auto 24px; }
h1 { margin: 0 0 4px; font-size: 24px; }
h2 { font-size: 18px; margin: 0 0 12px; }
h2 small { color: var(--muted); font-weight: normal; }
.coldkey, .key { font-family: ui-monospace, "SF Mono", Menlo, monospace; font-size: 12px; }
.coldkey { color: var(--muted); margin: 0 0 16px; word-break: break-all; }
.summary { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 0; }
.summary div { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.summary dt { color: var(--muted); font-size: 12px; }
.summary dd { margin: 2px 0 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
table { width: 100%; border-collapse: collapse; background: var(--card); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
th { font-size: 12px; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.mine td { font-weight: 600; }
a { color: var(--accent); text-decoration: none; }
details { background: var(--card); border: 1px solid var(--line); border-radius: 8px; margin-bottom: 8px; }
details > summary { cursor: pointer; padding: 8px 12px; font-weight: 600; }
details table { border: 0; border-radius: 0; }
.chart { margin: 0 0 12px; width: fit-content; max-width: 100%; overflow-x: auto; background: #fff; border-radius: 8px; }
.empty { color: var(--muted); }
details .empty { margin: 0; padding: 0 12px 10px; }
footer { color: var(--muted); font-size: 12px; }
`;
