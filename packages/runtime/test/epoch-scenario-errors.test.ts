// Malformed scenario documents: each is refused with a ScenarioError naming the JSON path and what
// was expected (the CLI turns these into exit code 2; see packages/cli/test/yuma.e2e.test.ts).
import { describe, expect, it } from "vitest";
import { parseScenario, ScenarioError } from "../src/epoch/index.js";
import { type Doc, s04 } from "./yuma/scenarios.js";

function refusal(mutate: (d: Doc) => void): ScenarioError {
  const doc = structuredClone(s04());
  mutate(doc);
  try {
    parseScenario(doc);
  } catch (error) {
    if (error instanceof ScenarioError) return error;
    throw error;
  }
  throw new Error("the scenario was accepted");
}

describe("parseScenario refuses", () => {
  const cases: [string, (d: Doc) => void, string, RegExp][] = [
    [
      "a document that is not an object",
      (d) => Object.assign(d, { steps: 3 }),
      "steps",
      /expected an array, got number 3/,
    ],
    ["no steps", (d) => Object.assign(d, { steps: [] }), "steps", /at least one step/],
    [
      "zero neurons",
      (d) => Object.assign(d, { neurons: 0 }),
      "neurons",
      /0 is out of range for a neuron count; expected 1\.\.32768/,
    ],
    [
      "an owner uid out of range",
      (d) => Object.assign(d.hyperparameters, { owner_uid: 8 }),
      "hyperparameters.owner_uid",
      /uid 8 is out of range; expected 0\.\.7/,
    ],
    [
      "alpha_low above alpha_high",
      (d) => Object.assign(d.hyperparameters, { alpha_low: 60000 }),
      "hyperparameters.alpha_low",
      /alpha_low 60000 is above alpha_high 58982/,
    ],
    [
      "a bonds moving average above one",
      (d) => Object.assign(d.hyperparameters, { bonds_moving_average: 1_000_001 }),
      "hyperparameters.bonds_moving_average",
      /out of range for millionths; expected 0\.\.1000000/,
    ],
    [
      "a first step without last_update",
      (d) => delete d.steps[0].last_update,
      "steps[0].last_update",
      /the first step must give it/,
    ],
    [
      "a u64 beyond 2^64",
      (d) => Object.assign(d.steps[0], { emission: "18446744073709551616" }),
      "steps[0].emission",
      /out of range for a u64/,
    ],
    [
      "stakes summing beyond I64F64",
      (d) => Object.assign(d.steps[0], { stake: Array(8).fill("9223372036854775807") }),
      "steps[0].stake",
      /exceeds I64F64's integer range/,
    ],
    [
      "a pair with three entries",
      (d) => d.steps[1].weights[0].push([5, 1, 2]),
      "steps[1].weights[0][4]",
      /expected a \[uid, u16\] pair, got 3 entries/,
    ],
    [
      "a permit that is not a boolean",
      (d) => Object.assign(d, { initial: { validator_permit: [1, 0, 0, 0, 0, 0, 0, 0] } }),
      "initial.validator_permit[0]",
      /expected true or false, got number 1/,
    ],
    [
      "a negative block",
      (d) => Object.assign(d.steps[2], { block: -1 }),
      "steps[2].block",
      /-1 is out of range for a block number/,
    ],
  ];
  for (const [what, mutate, path, message] of cases) {
    it(`${what}, at ${path}`, () => {
      const e = refusal(mutate);
      expect(e.path).toBe(path);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(`${path}: `)).toBe(true);
    });
  }

  it("accepts the S04 document as built", () => {
    expect(parseScenario(s04()).steps).toHaveLength(9);
  });
});
