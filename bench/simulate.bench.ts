// `tao simulate`'s engine: simulated blocks per second (setup excluded), for the default cast, several
// subnets, and a large subnet; plus the cost of one signed set_weights (sign + the runtime's check), which
// is what using real signed extrinsics adds. `npm run bench -- simulate`.
import { Keypair, verifySignature } from "../packages/primitives/src/index.js";
import { SystemStorage, signExtrinsic } from "../packages/runtime/src/index.js";
import { runSimulation, type SimulationConfig } from "../packages/subnets/src/index.js";
import { type BenchRow, measure, printTable } from "./harness.js";

async function blocksPerSecond(name: string, config: Partial<SimulationConfig>): Promise<BenchRow> {
  let started = 0;
  const t0 = performance.now();
  const run = await runSimulation(config, {
    onBlock: (done) => {
      if (done === 1) started = performance.now();
    },
  });
  const end = performance.now();
  const blocks = run.config.blocks - 1;
  const ms = (end - started) / blocks;
  let weights = 0;
  for (const s of run.subnets)
    for (const v of s.cast.validators)
      weights += SystemStorage.Account.get(run.chain.store, v.hotkey.ss58Address).nonce;
  const epochs = run.subnets.reduce((a, s) => a + s.epochs.length, 0);
  return {
    name,
    opsPerSec: 1000 / ms,
    ms,
    note: `${run.config.blocks} blocks, ${epochs} subnet epochs, ${weights} set_weights; setup ${(started - t0).toFixed(0)} ms`,
  };
}

export default async function main(): Promise<void> {
  const rows: BenchRow[] = [];
  rows.push(await blocksPerSecond("default: 1 subnet, 5+2 miners, 3+4 validators", { blocks: 1000 }));
  rows.push(await blocksPerSecond("no adversaries", { blocks: 1000, adversaries: [] }));
  rows.push(await blocksPerSecond("3 subnets", { blocks: 1000, subnets: 3 }));
  rows.push(
    await blocksPerSecond("1 subnet, 32+2 miners, 16+4 validators", {
      blocks: 500,
      miners: 32,
      validators: 16,
    }),
  );
  const key = Keypair.fromUri("//Sim//bench");
  const call = {
    pallet: "SubtensorModule",
    name: "set_weights",
    args: {
      netuid: 1,
      dests: [1, 2, 3, 4, 5, 6, 7],
      weights: [65535, 50000, 40000, 30000, 20000, 9000, 8000],
      versionKey: 0n,
    },
  };
  const hash = `0x${"11".repeat(32)}`;
  rows.push(
    measure(
      "sign one set_weights (sr25519)",
      () => signExtrinsic(key, call, { nonce: 0, genesisHash: hash, birthHash: hash }),
      {
        batch: 50,
        note: "ops/s here are extrinsics, not blocks",
      },
    ),
  );
  // What the runtime's signature check adds per extrinsic: one sr25519 verification.
  const payload = signExtrinsic(key, call, { nonce: 0, genesisHash: hash, birthHash: hash }).slice(0, 100);
  const signature = key.sign(payload);
  rows.push(
    measure("verify one signature (sr25519)", () => verifySignature(payload, signature, key.publicKey), {
      batch: 50,
      note: "ops/s here are extrinsics, not blocks",
    }),
  );
  printTable("tao simulate: simulated blocks per second (after setup)", rows);
}
