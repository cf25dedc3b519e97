import { describe, expect, it } from "vitest";
import { forecastSubnet, textSubnet } from "../src/lineup.js";

describe("miner lineups", () => {
  it("builds only the miners asked for, and names the lineup when one is unknown", () => {
    expect(forecastSubnet.miners(["naive", "holt-winters"]).map((m) => m.name)).toEqual([
      "naive",
      "holt-winters",
    ]);
    expect(() => textSubnet.miners(["gpt"])).toThrow(
      "no miner gpt; the lineup has frequencies, logistic, neural-net, ngram",
    );
  });
});
