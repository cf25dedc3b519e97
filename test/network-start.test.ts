// `npm start` in its default configuration (both subnets, four miners each, three validators, eight
// epochs of one-second blocks: about two minutes). Better models must earn more: Spearman's rank
// correlation of held-out quality and incentive ≥ 0.8.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { spearman } from "../packages/subnets/src/stats.js";

interface Summary {
  blocks: number;
  subnets: {
    name: string;
    epochs: number;
    price: string;
    miners: {
      uid: number;
      hotkey: string;
      model: string;
      quality: number;
      incentive: number;
      emission: string;
      emission_tao: string;
    }[];
    validators: { name: string; dividends: number; emission: string }[];
  }[];
}

describe("npm start", () => {
  it("pays each subnet's miners in the order of their held-out quality", () => {
    // A home of its own, to see that the run writes no wallets or config there (~/.bittensor).
    const home = mkdtempSync(join(tmpdir(), "opentao-start-home-"));
    const out = execFileSync("bash", ["scripts/start.sh", "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 280_000,
      env: { ...process.env, HOME: home },
    });
    expect(existsSync(join(home, ".bittensor"))).toBe(false);
    rmSync(home, { recursive: true, force: true });
    const summary = JSON.parse(out) as Summary;
    expect(summary.subnets.map((s) => s.name)).toEqual(["forecast", "text"]);
    for (const s of summary.subnets) {
      expect(s.epochs).toBe(8);
      expect(s.miners).toHaveLength(4);
      expect(new Set(s.miners.map((m) => m.model)).size).toBe(4);
      const rho = spearman(
        s.miners.map((m) => m.quality),
        s.miners.map((m) => m.incentive),
      );
      expect(rho, `${s.name}: ${JSON.stringify(s.miners)}`).toBeGreaterThanOrEqual(0.8);
      const best = s.miners.reduce((a, b) => (b.quality > a.quality ? b : a));
      const worst = s.miners.reduce((a, b) => (b.quality < a.quality ? b : a));
      expect(BigInt(best.emission)).toBeGreaterThan(BigInt(worst.emission));
      expect(BigInt(worst.emission)).toBeGreaterThan(0n);
      // Emission is alpha; its TAO value is at the pool price.
      expect(Number(best.emission_tao) / Number(best.emission)).toBeCloseTo(Number(s.price), 3);
      // Validators earn dividends, split by stake (Alice 1000, Bob 600, Charlie 300 TAO on root).
      const [alice, bob, charlie] = s.validators;
      expect(alice!.dividends).toBeGreaterThan(bob!.dividends);
      expect(bob!.dividends).toBeGreaterThan(charlie!.dividends);
      expect(charlie!.dividends).toBeGreaterThan(0);
      expect(BigInt(alice!.emission)).toBeGreaterThan(BigInt(charlie!.emission));
      expect(BigInt(charlie!.emission)).toBeGreaterThan(0n);
    }
  }, 300_000);

  it("keeps npm's install and build output off stdout, which --json gives to the summary alone", () => {
    // A checkout with nothing built, and an npm that builds a stand-in for the network's entry point.
    const repo = mkdtempSync(join(tmpdir(), "opentao-start-fresh-"));
    mkdirSync(join(repo, "scripts"));
    copyFileSync("scripts/start.sh", join(repo, "scripts/start.sh"));
    mkdirSync(join(repo, "bin"));
    const npm = join(repo, "bin/npm");
    writeFileSync(
      npm,
      `#!/usr/bin/env bash
echo "> npm $*"
mkdir -p node_modules/.bin packages/subnets/dist/network
printf '#!/bin/sh\n' > node_modules/.bin/tao && chmod +x node_modules/.bin/tao
echo 'console.log(JSON.stringify({ args: process.argv.slice(2) }))' > packages/subnets/dist/network/main.js
`,
    );
    chmodSync(npm, 0o755);
    const out = execFileSync("bash", [join(repo, "scripts/start.sh"), "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, PATH: `${join(repo, "bin")}:${process.env.PATH}` },
    });
    rmSync(repo, { recursive: true, force: true });
    expect(JSON.parse(out)).toEqual({ args: ["--json"] });
  });

  it("refuses an unknown option with exit code 2", () => {
    let status = 0;
    let stderr = "";
    try {
      execFileSync("bash", ["scripts/start.sh", "--epoch", "2"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (e) {
      ({ status, stderr } = e as { status: number; stderr: string });
    }
    expect(status).toBe(2);
    expect(stderr).toContain("unknown option --epoch");
  });
});
