// The dashboard page without a chain: every chain-provided string is escaped (checked in the raw HTML
// and in the DOM Chromium builds from it), and the slippage arithmetic.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RAO_PER_TAO } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import type { DashboardData } from "../src/commands/view/data.js";
import { renderDashboard } from "../src/commands/view/render.js";
import { saleValue, slippagePercent } from "../src/commands/view/slippage.js";

const T = RAO_PER_TAO;
const EVIL = (what: string) => `<script>alert("${what}")</script><img src=x onerror=alert(1)>`;
const neuron = (uid: number) => ({
  uid,
  hotkey: EVIL(`hotkey${uid}`),
  stake: BigInt(uid + 1) * T,
  incentive: 0.5,
  dividends: 0.25,
  emission: T / 10n,
  validatorPermit: uid === 0,
  axon: uid === 0 ? "10.0.0.1:8091" : null,
});
const data: DashboardData = {
  network: EVIL("network"),
  block: 77,
  walletName: EVIL("wallet"),
  identity: EVIL("identity"),
  coldkey: "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
  free: 1_234_567_890_123n,
  stakes: [
    { hotkey: EVIL("stake"), netuid: 1, alpha: 19_543_210_001n, value: 20n * T, valueAfterSlippage: 10n * T },
  ],
  totalValue: 20n * T,
  totalValueAfterSlippage: 10n * T,
  subnets: [
    {
      netuid: 1,
      name: EVIL("name"),
      symbol: EVIL("symbol"),
      price: T,
      marketCap: 9n * T,
      emission: T,
      totalStake: 3n * T,
      neurons: [neuron(0), neuron(1)],
    },
    {
      netuid: 0,
      name: "root",
      symbol: "Τ",
      price: T,
      marketCap: T,
      emission: 0n,
      totalStake: T,
      neurons: [],
    },
  ],
};

describe("renderDashboard", () => {
  const page = renderDashboard(data);

  it("escapes every chain-provided string and loads nothing from the network", () => {
    expect(page).not.toMatch(/<script|<img/i);
    for (const what of ["network", "wallet", "identity", "stake", "hotkey0", "hotkey1", "name", "symbol"]) {
      expect(page).toContain(
        `&lt;script&gt;alert(&quot;${what}&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;`,
      );
    }
    expect(page).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it("shows exact amounts: 9 decimals, grouped", () => {
    expect(page).toContain("τ1,234.567890123"); // free
    expect(page).toContain("19.543210001"); // the stake, in alpha
    expect(page).toContain("τ20.000000000"); // value
    expect(page).toContain("τ10.000000000"); // after slippage
    expect(page).toContain("50.00 %");
  });

  it("Chromium parses it into the tables it shows, with no element made from chain text", async () => {
    const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
    if (!existsSync(chromium))
      throw new Error(
        `no Chromium at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
      );
    const dir = mkdtempSync(join(tmpdir(), "opentao-view-render-"));
    try {
      const file = join(dir, "page.html");
      writeFileSync(file, page);
      const dom = await new Promise<string>((resolve, reject) =>
        execFile(
          chromium,
          [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            `--user-data-dir=${join(dir, "profile")}`,
            "--dump-dom",
            `file://${file}`,
          ],
          { timeout: 30_000, maxBuffer: 16 << 20 },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        ),
      );
      expect(dom).toContain("<h1>");
      expect(dom).not.toMatch(/<script|<img/i);
      // 1 stake row, 2 subnet rows, 2 neuron rows, and a header row in each of the 3 tables.
      expect(dom.match(/<tr[ >]/g)).toHaveLength(8);
      expect(dom).toContain('<details id="subnet-1" open="">');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("slippage", () => {
  it("percent of the ideal value, two decimals, truncated", () => {
    expect(slippagePercent(0n, 0n)).toBe("0.00");
    expect(slippagePercent(10_000n, 9_875n)).toBe("1.25");
    expect(slippagePercent(3n, 2n)).toBe("33.33");
    expect(slippagePercent(100n, 101n)).toBe("-1.00");
  });

  const pool = { taoReserve: 100n * T, alphaReserve: 100n * T, quoteWeight: 500_000_000_000_000_000n };
  it("root and stable subnets sell 1:1", () => {
    expect(saleValue({ pool, mechanism: 0, feeRate: 33 }, 7n * T, 0n)).toBe(7n * T);
  });
  it("a dynamic pool with equal weights sells as x·y = k after the fee; nothing when it cannot pay", () => {
    const view = { pool, mechanism: 1, feeRate: 33 };
    // fee = floor(a · 33/65535); out = 100 τ · (a − fee) / (100 α + a − fee)
    expect(saleValue(view, T, 1_000_000n)).toBe(989_605_382n);
    expect(saleValue(view, 50n * T, 1_000_000n)).toBe(33_322_141_505n);
    expect(saleValue(view, T, 200n * T)).toBe(0n); // TAO reserve below MinimumReserve
  });
});
