// 256 axons for the dendrite fan-out benchmark, in a child process. argv: <count> <slowest ms>.
// Axon i answers after i/(count-1) of the slowest delay. Sends back the targets.
import { cryptoReady, Keypair } from "../packages/primitives/src/index.js";
import { Axon, Synapse } from "../packages/sdk/src/index.js";

class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
}

await cryptoReady();
const [countText, slowText] = process.argv.slice(2) as [string, string];
const count = Number(countText);
const slowest = Number(slowText);
const keypair = Keypair.fromUri("//Bob");
const targets: { ip: string; port: number; hotkey: string }[] = [];
for (let i = 0; i < count; i++) {
  const delay = count === 1 ? slowest : (i / (count - 1)) * slowest;
  const axon = new Axon({ keypair, port: 0, host: "127.0.0.1" }).attach(Dummy, async (s) => {
    await new Promise((r) => setTimeout(r, delay));
    s.dummy_output = s.dummy_input * 2;
    return s;
  });
  await axon.start();
  targets.push({ ip: "127.0.0.1", port: axon.port, hotkey: axon.hotkey });
}
process.send!(targets);
