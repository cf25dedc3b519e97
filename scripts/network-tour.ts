// `npm start`, second half: a local network doing work. A dev node, one subnet, three miners that train
// linear-regression models and serve predictions from axons, and a validator that queries them with a
// dendrite, scores held-out error, posts weights, and sees Yuma Consensus pay the better models more.
import { cryptoReady, Keypair } from "@opentao/primitives";
import type { RuntimeCall } from "@opentao/runtime";
import { Axon, convertWeightsAndUidsForEmit, Dendrite, Metagraph, Synapse } from "@opentao/sdk";
import { startDevnet } from "@opentao/testkit";

const TAO = 1_000_000_000n;
// With --json the story goes to stderr and stdout gets one document: the last round's scores and metagraph.
const JSON_OUT = process.argv.includes("--json");
const log = (s: string) => (JSON_OUT ? console.error(s) : console.log(s));
const FEATURES = 4;

class Predict extends Synapse {
  static override fieldSpecs = { inputs: { kind: "list", required: true } } as const;
  static override requiredHashFields = ["inputs"];
  inputs: number[][] = [];
  predictions: number[] | null = null;
  override deserialize(): number[] | null {
    return this.predictions;
  }
}

/** Seeded so every run sees the same data (mulberry32). */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataset(seed: number, n: number) {
  const r = rng(seed);
  const truth = [2.5, -1.0, 0.7, 3.2];
  const x = Array.from({ length: n }, () => Array.from({ length: FEATURES }, () => r() * 2 - 1));
  const y = x.map((row) => row.reduce((s, v, i) => s + v * truth[i]!, 0.5) + (r() - 0.5) * 0.2);
  return { x, y };
}

/** Plain gradient descent on squared error; fewer epochs means a worse model. */
function train(x: number[][], y: number[], epochs: number) {
  const w = new Array(FEATURES).fill(0);
  let b = 0;
  const lr = 0.1;
  for (let e = 0; e < epochs; e++) {
    const gw = new Array(FEATURES).fill(0);
    let gb = 0;
    x.forEach((row, i) => {
      const err = row.reduce((s, v, j) => s + v * w[j], b) - y[i]!;
      for (let j = 0; j < FEATURES; j++) gw[j] += (err * row[j]!) / x.length;
      gb += err / x.length;
    });
    for (let j = 0; j < FEATURES; j++) w[j] -= lr * gw[j];
    b -= lr * gb;
  }
  return (row: number[]) => row.reduce((s, v, j) => s + v * w[j], b);
}

const mse = (p: number[], y: number[]) => p.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / y.length;

async function main() {
  await cryptoReady();
  const devnet = await startDevnet({ where: "child" });
  const rpc = devnet.client;
  const say = (s: string) => log(`\n\x1b[1m${s}\x1b[0m`);

  async function submit(who: Keypair, call: RuntimeCall) {
    const r = await rpc.submit(who, call, { waitFor: "inBlock" });
    if (!r.success) throw new Error(`${call.pallet}.${call.name} failed: ${r.error?.name}`);
  }

  try {
    say(`Dev node ready at ${devnet.url}`);
    const owner = Keypair.fromUri("//Alice");
    const validator = Keypair.fromUri("//Alice//hot");
    await submit(owner, {
      pallet: "SubtensorModule",
      name: "register_network",
      args: { hotkey: validator.ss58Address },
    });
    const subnets = await rpc.call<{ netuid: number }[]>("subnetInfo_getSubnetsInfo");
    const netuid = Math.max(...subnets.map((s) => s.netuid));
    await submit(owner, {
      pallet: "SubtensorModule",
      name: "add_stake",
      args: { hotkey: validator.ss58Address, netuid, amountStaked: 1000n * TAO },
    });
    log(`Alice created subnet ${netuid}; her hotkey validates with 1000 TAO staked.`);

    const training = dataset(1, 256);
    const miners = [
      { name: "Bob", epochs: 300 },
      { name: "Charlie", epochs: 8 },
      { name: "Dave", epochs: 1 },
    ];
    const axons: Axon[] = [];
    for (const m of miners) {
      const cold = Keypair.fromUri(`//${m.name}`);
      const hot = Keypair.fromUri(`//${m.name}//hot`);
      const model = train(training.x, training.y, m.epochs);
      const axon = new Axon({ keypair: hot, port: 0, host: "127.0.0.1" }).attach(Predict, async (s) => {
        s.predictions = s.inputs.map(model);
        return s;
      });
      await axon.start();
      axons.push(axon);
      await submit(cold, {
        pallet: "SubtensorModule",
        name: "burned_register",
        args: { netuid, hotkey: hot.ss58Address },
      });
      await submit(hot, {
        pallet: "SubtensorModule",
        name: "serve_axon",
        args: {
          netuid,
          version: 1,
          ip: 0x7f000001n,
          port: axon.port,
          ipType: 4,
          protocol: 4,
          placeholder1: 0,
          placeholder2: 0,
        },
      });
      log(
        `${m.name} trained a model for ${m.epochs} epoch(s), registered and serves it on port ${axon.port}.`,
      );
    }

    const dendrite = new Dendrite(validator);
    const meta = new Metagraph(netuid, rpc);
    let last: unknown = null;
    for (let round = 1; round <= 3; round++) {
      await meta.sync({ lite: true });
      const test = dataset(100 + round, 64);
      const uids: number[] = [];
      const scores: number[] = [];
      for (let uid = 0; uid < meta.n; uid++) {
        const axon = meta.axons[uid];
        if (!axon?.is_serving || axon.hotkey === validator.ss58Address) continue;
        const [answer] = await dendrite.forward([axon], Predict.create({ inputs: test.x }), { timeout: 5 });
        const p = answer as number[] | null;
        uids.push(uid);
        scores.push(p && p.length === test.y.length ? 1 / (1 + mse(p, test.y)) : 0);
      }
      const { weights } = convertWeightsAndUidsForEmit(uids, scores);
      await submit(validator, {
        pallet: "SubtensorModule",
        name: "set_weights",
        args: { netuid, dests: uids, weights, versionKey: 0n },
      });
      const ran = await devnet.mineUntilEpoch(netuid);
      // A validator may set weights once per weightsRateLimit blocks: wait them out for the next round.
      await devnet.mine(Number(meta.hyperparameters.weightsRateLimit));
      const after = await meta.sync({ lite: true });
      say(
        `Round ${round}: validator scored ${uids.length} miners on 64 held-out points; epoch at block ${ran.epochBlock}`,
      );
      log(" uid  hotkey of      score   weight  incentive  dividends  stake (rao)");
      for (let uid = 0; uid < after.n; uid++) {
        const i = uids.indexOf(uid);
        const who = uid === 0 ? "Alice (val)" : (miners[uid - 1]?.name ?? "?");
        log(
          `${String(uid).padStart(4)}  ${who.padEnd(11)} ${i < 0 ? "     -" : scores[i]!.toFixed(4)}  ${i < 0 ? "     -" : String(weights[i]).padStart(6)}  ${after.incentive[uid]!.toFixed(4).padStart(9)}  ${after.dividends[uid]!.toFixed(4).padStart(9)}  ${after.stake[uid]}`,
        );
      }
      last = {
        netuid,
        round,
        uids,
        scores,
        weights,
        incentive: after.incentive,
        dividends: after.dividends,
        validator_permit: after.validator_permit,
      };
    }
    dendrite.close();
    await Promise.all(axons.map((a) => a.stop()));
    say("Done: the best-trained model earns the most incentive; the validator earns dividends.");
    log("Run your own node with `npm run devnet` (tao node --dev); see README.md for the RPC methods.");
    if (JSON_OUT) console.log(JSON.stringify(last));
  } finally {
    await devnet.stop();
  }
}

main().catch((e) => {
  console.error(`network tour failed: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
