// The reference subnets' miners: training time, time to answer one validator query, and held-out
// quality per model; then one short `npm start` network (1 measured epoch, 250 ms blocks).
// `npm run bench -- miners`.
import { cryptoReady } from "../packages/primitives/src/index.js";
import type { Synapse } from "../packages/sdk/src/index.js";
import { runNetwork, SUBNETS, type SubnetSpec } from "../packages/subnets/src/index.js";
import { type BenchRow, measure, printTable } from "./harness.js";

export default async function bench(): Promise<void> {
  await cryptoReady();
  for (const spec of SUBNETS as readonly SubnetSpec<Synapse>[]) {
    const rows: BenchRow[] = [];
    const t0 = performance.now();
    const miners = spec.miners();
    const trained = performance.now() - t0;
    rows.push({ name: "train all four models", ms: trained });
    const task = spec.task(1);
    for (const m of miners) {
      const query = task.challenge(0);
      const row = measure(`answer one query: ${m.model}`, () => m.forward(query.copy()), {
        batch: 5,
        budgetMs: 300,
      });
      rows.push({ ...row, note: `held-out quality ${m.quality().toFixed(4)}` });
    }
    printTable(`subnet ${spec.name}: ${spec.description}`, rows);
  }
  const started = performance.now();
  const summary = await runNetwork({ epochs: 1, blockTimeMs: 250 });
  printTable("npm start, shortened", [
    {
      name: "npm start --epochs 1 --block-time 250",
      ms: performance.now() - started,
      note: `${summary.blocks} blocks; Spearman ${summary.subnets.map((s) => `${s.name} ${s.spearman.toFixed(2)}`).join(", ")}`,
    },
  ]);
}
