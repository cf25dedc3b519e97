// A template neuron as a process: `node packages/subnets/dist/template/main.js miner --netuid 1
// --wallet.name alice --wallet.hotkey m1 --subtensor.network local --axon.port 8091`. Runs until
// SIGINT/SIGTERM; errors go to stderr; exit 2 for bad flags, 1 when the neuron cannot run.
import { cryptoReady } from "@opentao/primitives";
import { ChainClient, resolveNetwork, type Synapse, Wallet } from "@opentao/sdk";
import { SUBNETS, type SubnetSpec, type TrainedMiner } from "../lineup.js";
import { ConfigError, parseNeuronArgs, USAGE } from "./config.js";
import { Miner } from "./miner.js";
import { Dummy } from "./protocol.js";
import { Validator, type ValidatorTask } from "./validator.js";

/** The classic template's task: reward 1 for twice the input, else 0. */
const dummyTask: ValidatorTask<Dummy> = {
  challenge: (step) => Dummy.create({ dummy_input: step }),
  score: (step, responses) =>
    responses.map((r) => ({
      uid: r.uid,
      hotkey: r.hotkey,
      reward: r.synapse.dummy_output === step * 2 ? 1 : 0,
    })),
};

const dummySubnet: SubnetSpec<Dummy> = {
  name: "dummy",
  description: "the classic template: answer twice the input",
  synapse: Dummy,
  task: () => dummyTask,
  miners: () => [
    {
      name: "double",
      model: "doubling",
      forward: (s) => {
        s.dummy_output = s.dummy_input * 2;
        return s;
      },
      quality: () => 1,
    },
  ],
};

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h") || argv.length === 0) {
    console.log(USAGE);
    return;
  }
  const config = parseNeuronArgs(argv);
  await cryptoReady();
  const spec = ([dummySubnet, ...SUBNETS] as SubnetSpec<Synapse>[]).find((s) => s.name === config.subnet)!;
  const hotkey = await new Wallet(config.wallet).getHotkey();
  const client = await ChainClient.connect(resolveNetwork(config.network));
  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => stop.abort());
  if (config.role === "miner") {
    let model: TrainedMiner<Synapse>;
    try {
      model = (config.neuron.model ? spec.miners([config.neuron.model]) : spec.miners().slice(-1))[0]!;
    } catch (e) {
      throw new ConfigError(`--neuron.model: ${e instanceof Error ? e.message : e}`);
    }
    const miner = await new Miner({
      client,
      netuid: config.netuid,
      hotkey,
      synapse: spec.synapse,
      forward: model.forward,
      port: config.axon.port,
      ip: config.axon.ip,
      allowNonRegistered: config.blacklist.allowNonRegistered,
      forceValidatorPermit: config.blacklist.forceValidatorPermit,
    }).start();
    console.error(
      `miner ${hotkey.ss58Address} serves ${model.model} on ${config.axon.ip}:${miner.axon.port}, subnet ${config.netuid}`,
    );
    const resync = setInterval(() => void miner.sync().catch(() => {}), 12_000);
    if (!stop.signal.aborted)
      await new Promise((resolve) => stop.signal.addEventListener("abort", resolve, { once: true }));
    clearInterval(resync);
    await miner.stop();
  } else {
    const validator = new Validator({
      client,
      netuid: config.netuid,
      hotkey,
      task: spec.task(),
      timeout: config.neuron.timeout,
      alpha: config.neuron.alpha,
      ...(config.neuron.epochLength !== undefined ? { epochLength: config.neuron.epochLength } : {}),
      ...(config.neuron.sampleSize !== undefined ? { sampleSize: config.neuron.sampleSize } : {}),
    });
    console.error(`validator ${hotkey.ss58Address} on subnet ${config.netuid}`);
    await validator.run({
      signal: stop.signal,
      onStep: (r) =>
        console.error(
          `block ${r.block} step ${r.step}: ${r.rewards.length} rewards${r.weights ? `, weights ${r.weights.how} for ${r.weights.uids.length} uids` : ""}`,
        ),
      onError: (e) => console.error(`step failed: ${e instanceof Error ? e.message : e}`),
    });
    validator.dendrite.close();
  }
  await client.close();
}

main().catch((e) => {
  console.error(
    `${e instanceof ConfigError ? "bad flags" : "neuron failed"}: ${e instanceof Error ? e.message : e}`,
  );
  process.exit(e instanceof ConfigError ? 2 : 1);
});
