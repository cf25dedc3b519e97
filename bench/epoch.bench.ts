// The whole Yuma epoch (sparse path) at 256, 1024 and 4096 UIDs, both variants, exact I32F32 next to
// the same epoch in plain float64 (bench/epoch-float.ts). `npx tsx bench/run.ts epoch`.
// Each case runs on the bonds and permits that three earlier epochs left, with a fresh round of
// weights, as a subnet in steady state would.
import { runEpoch, type SparseRow, type U16Rows } from "../packages/runtime/src/epoch/index.js";
import { packRows } from "../packages/runtime/src/epoch/math/rows.js";
import { runEpochFloat } from "./epoch-float.js";
import { epochInput, network, params } from "./epoch-network.js";
import { type BenchRow, measure, printTable } from "./harness.js";

const CASES = [
  { n: 256, validators: 64 },
  { n: 1024, validators: 256 },
  { n: 4096, validators: 256 },
];

let sink: unknown;

export default async function epochBench(): Promise<void> {
  const rows: BenchRow[] = [];
  for (const { n, validators } of CASES) {
    for (const yuma3 of [false, true]) {
      const net = network(n, validators);
      const p = params(yuma3, validators);
      let bonds: U16Rows | SparseRow[] = [];
      let permits: boolean[] = [];
      for (let round = 0; round < 3; round++) {
        const r = runEpoch(epochInput(net, p, round, bonds, permits));
        bonds = r.bonds;
        permits = r.validatorPermit;
      }
      const raw = epochInput(net, p, 3, bonds, permits);
      const input = { ...raw, weights: packRows(raw.weights as SparseRow[], n) };
      const entries = input.weights.start[n]!;
      const name = `${n} uids, ${validators} validators, ${yuma3 ? "Yuma3 + liquid alpha" : "original Yuma"}`;
      const budget = n >= 4096 ? 3000 : 1500;
      const batch = n >= 4096 ? 1 : n >= 1024 ? 2 : 10;
      const exact = measure(`${name}: exact`, () => (sink = runEpoch(input)), { batch, budgetMs: budget });
      const float = measure(`${name}: float64`, () => (sink = runEpochFloat(input)), {
        batch,
        budgetMs: budget,
      });
      rows.push({
        ...exact,
        note: `${entries.toLocaleString("en-US")} weights; ${(exact.ms / float.ms).toFixed(1)}× float64`,
      });
      rows.push(float);
    }
  }
  void sink;
  printTable("Yuma epoch, sparse path: exact I32F32 vs float64 (median per run)", rows);
}
