// `tao yuma simulate` and `tao yuma explain` end to end through the built bin: shipped cases, files
// written with --out (valid SVG with the expected series), CSV, explain = run, and bad input refused
// with the field named, exit 2, nothing on stdout or with --json the one JSON error document.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { all, parseXml, textOf } from "../../charts/test/xml.js";
import { caseToScenario, findVariant, parseCase } from "../../runtime/src/epoch/index.js";
import { s04 } from "../../runtime/test/yuma/scenarios.js";
import { onlyJson, tao } from "./run-tao.js";

const casesDir = fileURLToPath(new URL("../../runtime/cases/", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "opentao-yuma-sim-"));
let files = 0;
function file(doc: unknown): string {
  const path = join(dir, `input-${files++}.json`);
  writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc, null, 2));
  return path;
}

describe.concurrent("tao yuma simulate", () => {
  it("--list names the shipped cases", async () => {
    const r = await tao(["yuma", "simulate", "--list", "--json"]);
    expect(r.code).toBe(0);
    const names = onlyJson(r).map((c: { name: string }) => c.name);
    expect(names).toContain("kappa-moves-first");
    expect(names.length).toBeGreaterThanOrEqual(13);
  });

  it("a shipped case prints total dividends per validator, variants side by side", async () => {
    const r = await tao(["yuma", "simulate", "--case", "kappa-moves-first"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^validator\s+stake\s+yuma\s+yuma3\s+yuma3-liquid$/m);
    expect(r.stdout).toMatch(/^Big\s+80\.00%\s+85\.14%\s+81\.84%\s+80\.88%$/m);
    expect(r.stdout).toMatch(/^Server 2\s+97\.50%/m);
  });

  it("--out writes JSON, CSVs, scenarios and SVG charts; --json prints the same document", async () => {
    const out = join(dir, "out");
    const r = await tao([
      "yuma",
      "simulate",
      "--case",
      "stable-miner",
      "--variant",
      "yuma",
      "yuma3-liquid",
      "--out",
      out,
      "--json",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote 15 files/);
    const doc = onlyJson(r);
    expect(doc.runs.map((x: { variant: string }) => x.variant)).toEqual(["yuma", "yuma3-liquid"]);
    expect(JSON.parse(readFileSync(join(out, "result.json"), "utf8"))).toEqual(doc);
    const svgs = readdirSync(out).filter((f) => f.endsWith(".svg"));
    expect(svgs.sort()).toEqual(
      [
        "bonds-yuma.svg",
        "bonds-yuma3-liquid.svg",
        "dividends-compare.svg",
        "dividends-yuma.svg",
        "dividends-yuma3-liquid.svg",
        "incentive-yuma.svg",
        "incentive-yuma3-liquid.svg",
        "total-dividends-table.svg",
        "total-dividends.svg",
      ].sort(),
    );
    const series = (f: string) =>
      all(parseXml(readFileSync(join(out, f), "utf8")), (e) => (e.attrs.class ?? "") === "series").map(
        (e) => e.attrs["data-series"],
      );
    for (const f of svgs) parseXml(readFileSync(join(out, f), "utf8"));
    expect(series("dividends-yuma.svg")).toEqual(["Big", "Small A", "Small B"]);
    expect(series("incentive-yuma3-liquid.svg")).toEqual(["Server 1", "Server 2", "Server 3"]);
    expect(series("bonds-yuma.svg")).toHaveLength(9);
    expect(series("dividends-compare.svg")).toContain("Small B · yuma3-liquid");
    expect(series("total-dividends.svg")).toEqual(["stake", "yuma", "yuma3-liquid"]);
    const table = parseXml(readFileSync(join(out, "total-dividends-table.svg"), "utf8"));
    expect(all(table, (e) => e.attrs.class === "row").map(textOf)[0]).toMatch(/^Big80\.00%/);
    // The scenario files replay with tao yuma run to the same numbers.
    const run = onlyJson(await tao(["yuma", "run", join(out, "scenario-yuma.json"), "--json"]));
    expect(run.steps[39].incentive.slice(3)).toEqual(doc.runs[0].epochs[39].incentive);
    const csv = readFileSync(join(out, "total-dividends.csv"), "utf8").split("\n");
    expect(csv[0]).toBe("validator,stake_share,yuma_share,yuma_rao,yuma3-liquid_share,yuma3-liquid_rao");
  });

  it("--csv prints one row per variant, epoch and uid", async () => {
    const r = await tao(["yuma", "simulate", "--case", "clipping-demo", "--variant", "yuma", "--csv"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1 + 40 * 5);
    expect(lines[1]).toMatch(/^yuma,0,360,0,validator,Validator A,32112,45874,/);
    expect(lines[4]).toMatch(/^yuma,0,360,3,server,Server 1,,,,39320,/);
  });

  it("a user case file with its own variant and --set overrides", async () => {
    const path = file({
      format: "opentao-yuma-case/1",
      name: "mine",
      validators: ["V1", "V2"],
      servers: ["M1", "M2"],
      epochs: 5,
      variants: [{ name: "no-penalty", base: "yuma3", hyperparameters: { bonds_penalty: 0 } }],
      timeline: [
        {
          epoch: 0,
          stakes: [60, 40],
          weights: [
            [1, 0],
            [0, 1],
          ],
        },
      ],
    });
    const r = await tao([
      "yuma",
      "simulate",
      path,
      "--variant",
      "yuma,no-penalty",
      "--set",
      "kappa=40000",
      "--json",
    ]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.runs.map((x: { variant: string }) => x.variant)).toEqual(["yuma", "no-penalty"]);
    expect(doc.runs[1].hyperparameters).toMatchObject({ kappa: 40000, bonds_penalty: 0 });
  });

  it("a shipped case's name in place of a file runs that case", async () => {
    const r = await tao(["yuma", "simulate", "weight-copying", "--variant", "yuma3", "--json"]);
    expect(r.code, r.stderr).toBe(0);
    const byFlag = await tao([
      "yuma",
      "simulate",
      "--case",
      "weight-copying",
      "--variant",
      "yuma3",
      "--json",
    ]);
    expect(onlyJson(r)).toEqual(onlyJson(byFlag));
  });

  const bad: [string, string[], RegExp][] = [
    ["an unknown case name", ["--case", "nope"], /--case nope: no shipped case has that name/],
    [
      "an unknown variant",
      ["--case", "kappa-moves-first", "--variant", "yuma2"],
      /--variant: unknown variant "yuma2"/,
    ],
    [
      "a bad override",
      ["--case", "kappa-moves-first", "--set", "kappa=70000"],
      /--set kappa: 70000 is out of range for a u16/,
    ],
    ["no case at all", [], /give a case file or --case NAME/],
  ];
  for (const [k, [what, args, message]] of bad.entries()) {
    it(`${what}: exit 2, message on stderr, with --json the JSON error document`, async () => {
      for (const extra of k === 0 ? [[], ["--json"]] : [["--json"]]) {
        const r = await tao(["yuma", "simulate", ...args, ...extra]);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        if (extra.length === 0) expect(r.stdout).toBe("");
        else
          expect(onlyJson(r)).toMatchObject({
            success: false,
            error: expect.stringMatching(message),
            data: null,
          });
      }
    });
  }

  it("a case with a mistake names the field", async () => {
    const path = file({
      format: "opentao-yuma-case/1",
      name: "broken",
      validators: ["V1", "V2"],
      servers: ["M1"],
      epochs: 3,
      timeline: [{ epoch: 0, stakes: [1, 1], weights: { V1: [1], V2: [1, 2] } }],
    });
    const r = await tao(["yuma", "simulate", path, "--json"]);
    expect(r.code).toBe(2);
    expect(onlyJson(r)).toMatchObject({ success: false, error: expect.stringMatching(/timeline\[0\]/) });
    expect(r.stderr).toMatch(/timeline\[0\]\.weights\.V2: expected 1 weights \(one per server: M1\), got 2/);
  });
});

describe.concurrent("tao yuma explain", () => {
  it("agrees with tao yuma run on every number it shows, at every step", async () => {
    const path = file(s04());
    const run = onlyJson(await tao(["yuma", "run", path, "--json"]));
    for (const step of [0, run.steps.length - 1]) {
      const r = await tao(["yuma", "explain", path, "--step", String(step), "--json"]);
      expect(r.code).toBe(0);
      const x = onlyJson(r);
      const s = run.steps[step];
      expect(x.step).toBe(step);
      expect(x.block).toBe(s.block);
      for (const key of [
        "active",
        "validator_permit",
        "consensus",
        "incentive",
        "dividends",
        "validator_trust",
        "bonds",
        "server_emission",
        "validator_emission",
      ]) {
        expect(x.uids.map((u: Record<string, unknown>) => u[key])).toEqual(s[key]);
      }
    }
  });

  it("prints the per-uid table, the weights with what was clipped and why, and the bonds", async () => {
    const c = parseCase(JSON.parse(readFileSync(join(casesDir, "clipping-demo.json"), "utf8")));
    const r = await tao(["yuma", "explain", file(caseToScenario(c, findVariant(c, "yuma"))), "--step", "0"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Epoch at block 360 \(step 0 of 0\.\.39\): yuma, 5 uids/m);
    expect(r.stdout).toMatch(
      /uid\s+stake\s+stake%\s+active\s+permit\s+v_trust\s+consensus\s+incentive\s+dividends/,
    );
    expect(r.stdout).toMatch(
      /-> 4: 65535 -> 45874 \(70\.00%\) -> 26213 \(40\.00%\), consensus 26213 {2}clipped: above uid 4's consensus 40\.00%/,
    );
    expect(r.stdout).toMatch(/^Bonds \(uid: target=u16 before -> after\)$/m);
  });

  it("refuses a step out of range and a malformed scenario, with only the JSON error document on stdout", async () => {
    const path = file(s04());
    const r = await tao(["yuma", "explain", path, "--step", "99", "--json"]);
    expect(r.code).toBe(2);
    expect(onlyJson(r)).toMatchObject({ success: false, error: expect.stringMatching(/--step 99/) });
    expect(r.stderr).toMatch(/--step 99: the scenario has steps 0\.\.8/);
    const doc = s04();
    doc.steps[1].weights[0][0][1] = 70000;
    const bad = await tao(["yuma", "explain", file(doc)]);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toMatch(/steps\[1\]\.weights\[0\]\[0\]\[1\]: 70000 is out of range for a u16/);
  });
});
