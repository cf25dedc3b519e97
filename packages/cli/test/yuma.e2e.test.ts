// `tao yuma run` end to end: Subtensor's scenarios S03–S06 through the built command, and malformed
// files refused with the JSON path, exit code 2 and nothing on stdout but the JSON error document with --json.
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScenario } from "../../runtime/src/epoch/index.js";
import { type Doc, s03, s04, s05, s06, vector } from "../../runtime/test/yuma/scenarios.js";
import { onlyJson, tao } from "./run-tao.js";

const repo = fileURLToPath(new URL("../../../", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "opentao-yuma-"));
let files = 0;
function file(doc: Doc | string): string {
  const path = join(dir, `scenario-${files++}.json`);
  writeFileSync(path, typeof doc === "string" ? doc : JSON.stringify(doc, null, 2));
  return path;
}
const col = (bonds: [number, number][][], rows: number[], j: number) =>
  rows.map((i) => bonds[i]!.find(([c]) => c === j)?.[1] ?? 0);

describe("tao yuma run --json", () => {
  it("S03: self-weights only — nothing through weights, emission by raw stake", async () => {
    const v = vector("S03");
    const r = await tao(["yuma", "run", file(s03()), "--json"]);
    expect(r.code).toBe(0);
    const [step] = onlyJson(r).steps;
    expect(step.consensus).toEqual(v.expected.consensus_u16);
    expect(step.incentive).toEqual(v.expected.incentive_u16);
    expect(step.dividends).toEqual(v.expected.dividends_u16);
    expect(step.validator_emission).toEqual(Array(10).fill(String(v.expected.emission_rao_each)));
  });

  it("S04: original Yuma bonds and emissions over 8 epochs, bit for bit", async () => {
    const v = vector("S04");
    const r = await tao(["yuma", "run", file(s04()), "--json"]);
    expect(r.code).toBe(0);
    const doc = onlyJson(r);
    expect(doc.format).toBe("opentao-yuma-result/1");
    for (const [k, e] of v.steps.entries()) {
      const step = doc.steps[k + 1];
      expect(step.block).toBe(e.block);
      if (e.expected_bonds_col4_u16)
        expect(col(step.bonds, [0, 1, 2, 3], 4)).toEqual(e.expected_bonds_col4_u16);
      if (e.expected_bonds_col7_u16)
        expect(col(step.bonds, [0, 1, 2, 3], 7)).toEqual(e.expected_bonds_col7_u16);
      if (e.expected_server_emission)
        expect(step.server_emission).toEqual(e.expected_server_emission.map(String));
      if (e.expected_validator_emission) {
        expect(step.validator_emission).toEqual(e.expected_validator_emission.map(String));
      }
    }
  });

  it("S05: an inactive validator keeps earning through its bonds", async () => {
    const v = vector("S05");
    const doc = onlyJson(await tao(["yuma", "run", file(s05()), "--json"]));
    for (const [k, e] of v.steps.entries()) {
      const step = doc.steps[k + 1];
      expect(step.dividends).toEqual(e.expected.dividends_u16);
      // Each uid is either a miner or a validator here, so its Emission is the sum of the two parts.
      const total = step.server_emission.map((s: string, i: number) =>
        String(BigInt(s) + BigInt(step.validator_emission[i])),
      );
      expect(total).toEqual(e.expected.emission_rao.map(String));
      for (const [uid, row] of Object.entries(e.expected.bonds_u16))
        expect(step.bonds[Number(uid)]).toEqual(row);
    }
  });

  it("S06: Yuma3 with liquid alpha within the vectors' tolerance, and the same document as the runtime", async () => {
    const v = vector("S06");
    const r = await tao(["yuma", "run", file(s06()), "--json"]);
    const doc = onlyJson(r);
    expect(doc).toEqual(JSON.parse(JSON.stringify(runScenario(s06()))));
    for (const [e, expected] of v.epochs.entries()) {
      const step = doc.steps[e + 1];
      expected.dividends.forEach((d: number, i: number) => {
        expect(Math.abs(step.dividends[i] / 65535 - d)).toBeLessThanOrEqual(0.001);
      });
    }
  });
});

describe("tao yuma run (tables)", () => {
  it("prints one table per step with the stored bonds", async () => {
    const r = await tao(["yuma", "run", file(s04())]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^Epoch at block \d+$/gm)).toHaveLength(9);
    expect(r.stdout).toMatch(/uid\s+active\s+permit\s+consensus\s+incentive\s+dividends\s+v_trust/);
    expect(r.stdout).toMatch(/^\s+7\s+yes\s+no\s+.*200004272\s+0$/m);
    expect(r.stdout).toMatch(/^ {2}3: 4=65535 5=65535 6=65535 7=65535$/m);
  });
});

describe("tao yuma run refuses malformed scenarios", () => {
  const base = s04();
  const cases: [string, (d: Doc) => void, RegExp][] = [
    [
      "a uid out of range",
      (d) => {
        d.steps[1].weights[0][3][0] = 9;
      },
      /steps\[1\]\.weights\[0\]\[3\]\[0\]: uid 9 is out of range; expected 0\.\.7 \(neurons = 8\)/,
    ],
    [
      "a weight beyond u16",
      (d) => {
        d.steps[1].weights[2][0][1] = 70000;
      },
      /steps\[1\]\.weights\[2\]\[0\]\[1\]: 70000 is out of range for a u16; expected 0\.\.65535/,
    ],
    [
      "a row list of the wrong length",
      (d) => {
        d.steps[1].weights.pop();
      },
      /steps\[1\]\.weights: expected 8 entries \(one per uid, neurons = 8\), got 7/,
    ],
    [
      "a stake vector of the wrong length",
      (d) => {
        d.steps[0].stake.push("1");
      },
      /steps\[0\]\.stake: expected 8 entries/,
    ],
    [
      "a missing field",
      (d) => {
        delete d.hyperparameters.kappa;
      },
      /hyperparameters\.kappa: missing required field/,
    ],
    [
      "a misspelt field",
      (d) => {
        d.hyperparameters.bond_penalty = 0;
      },
      /hyperparameters\.bond_penalty: unknown field; expected one of tempo, kappa/,
    ],
    [
      "a u64 given as a fraction",
      (d) => {
        d.steps[2].emission = "1e9";
      },
      /steps\[2\]\.emission: expected a u64 as a decimal string/,
    ],
    [
      "a duplicate uid in a row",
      (d) => {
        d.steps[1].weights[0][1][0] = 4;
      },
      /steps\[1\]\.weights\[0\]\[1\]\[0\]: uid 4 appears twice in row 0/,
    ],
    [
      "the wrong format tag",
      (d) => {
        d.format = "opentao-yuma-scenario/2";
      },
      /format: expected "opentao-yuma-scenario\/1"/,
    ],
  ];
  for (const [what, mutate, message] of cases) {
    it(`${what}: exit 2, the path on stderr, nothing on stdout (with --json the JSON error document)`, async () => {
      const doc = structuredClone(base);
      mutate(doc);
      const path = file(doc);
      for (const args of [
        ["yuma", "run", path],
        ["yuma", "run", path, "--json"],
      ]) {
        const r = await tao(args);
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(message);
        if (args.includes("--json"))
          expect(onlyJson(r)).toMatchObject({
            success: false,
            error: expect.stringMatching(message),
            data: null,
          });
        else expect(r.stdout).toBe("");
      }
    });
  }

  it("a file that is not JSON, or not there", async () => {
    const bad = await tao(["yuma", "run", file("{ not json"), "--json"]);
    expect(bad.code).toBe(2);
    expect(onlyJson(bad)).toMatchObject({
      success: false,
      error: expect.stringMatching(/is not valid JSON/),
    });
    expect(bad.stderr).toMatch(/is not valid JSON/);
    const missing = await tao(["yuma", "run", join(dir, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it("points to a format doc that exists, and sends a simulate case file to tao yuma simulate", async () => {
    const doc = s04();
    delete (doc as { variant?: string }).variant;
    const bad = await tao(["yuma", "run", file(doc)]);
    expect(bad.code).toBe(2);
    const [, shown] = /see the scenario format in (\S+)/.exec(bad.stderr) ?? [];
    expect(shown).toBe("docs/yuma-scenario.md");
    expect(existsSync(join(repo, shown!))).toBe(true);
    const clipping = join(repo, "packages/runtime/cases/clipping-demo.json");
    for (const command of ["run", "explain"]) {
      const r = await tao(["yuma", command, clipping]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /clipping-demo\.json is a simulate case file \(opentao-yuma-case\/1\), not a scenario/,
      );
      expect(r.stderr).toContain(`run it with: tao yuma simulate ${clipping}`);
      expect(r.stderr).not.toMatch(/unknown field/);
    }
  });
});
