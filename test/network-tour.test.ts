// The main job (`npm start`'s second half) end to end: trained models served over axons, scored by a
// validator's dendrite, weights on chain, and Yuma paying the more accurate miners more.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

describe("network tour", () => {
  it("pays incentive in the order of model quality and dividends to the validator", () => {
    const out = execFileSync("node_modules/.bin/tsx", ["scripts/network-tour.ts", "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 60_000,
    });
    const r = JSON.parse(out);
    expect(r.uids).toEqual([1, 2, 3]);
    const [bob, charlie, dave] = r.scores as number[];
    expect(bob).toBeGreaterThan(charlie!);
    expect(charlie).toBeGreaterThan(dave!);
    expect(r.weights[0]).toBe(65535);
    const { incentive, dividends, validator_permit } = r;
    expect(incentive[1]).toBeGreaterThan(incentive[2]);
    expect(incentive[2]).toBeGreaterThan(incentive[3]);
    expect(incentive[0]).toBe(0);
    expect(validator_permit[0]).toBe(true);
    expect(dividends[0]).toBe(1);
  }, 90_000);
});
