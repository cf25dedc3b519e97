// The reference subnets and the miners the demo runs on them: four model families each, trained on
// the subnet's own data, each with its quality measured on held-out data it never saw.
import type { Synapse, SynapseClass } from "@opentao/sdk";
import * as F from "./forecast/models.js";
import { Forecast } from "./forecast/protocol.js";
import { ForecastTask, forecastForward, forecastQuality } from "./forecast/task.js";
import type { ValidatorTask } from "./template/validator.js";
import { trainingText } from "./text/corpus.js";
import * as T from "./text/models.js";
import { NextChar } from "./text/protocol.js";
import { TextTask, textForward, textQuality } from "./text/task.js";

export interface TrainedMiner<S extends Synapse> {
  /** Short name, used in hotkey derivation paths. */
  name: string;
  model: string;
  forward(s: S): S;
  /** Held-out quality in (0, 1], higher is better. */
  quality(): number;
}

export interface SubnetSpec<S extends Synapse = Synapse> {
  name: string;
  /** What the miners do and what `quality` measures. */
  description: string;
  synapse: SynapseClass<S>;
  task(seed?: number): ValidatorTask<S>;
  /** Trains the lineup's miners, or only those named (the slow part: seconds for the neural nets). */
  miners(only?: readonly string[]): TrainedMiner<S>[];
}

/** Builds the named entries of a lineup, in lineup order. */
function build<S extends Synapse>(
  lineup: [string, () => Omit<TrainedMiner<S>, "name">][],
  only?: readonly string[],
): TrainedMiner<S>[] {
  const unknown = only?.filter((n) => !lineup.some(([name]) => name === n)) ?? [];
  if (unknown.length > 0)
    throw new Error(`no miner ${unknown.join(", ")}; the lineup has ${lineup.map(([n]) => n).join(", ")}`);
  return lineup.filter(([name]) => !only || only.includes(name)).map(([name, make]) => ({ name, ...make() }));
}

const forecastMiner = (m: F.Forecaster) => ({
  model: m.model,
  forward: forecastForward(m),
  quality: () => forecastQuality(m),
});

const textMiner = (m: T.CharModel) => ({
  model: m.model,
  forward: textForward(m),
  quality: () => textQuality(m),
});

export const forecastSubnet: SubnetSpec<Forecast> = {
  name: "forecast",
  description: "time-series forecasting; quality = held-out skill exp(−MASE)",
  synapse: Forecast,
  task: (seed) => new ForecastTask(seed === undefined ? {} : { seed }),
  miners: (only) =>
    build(
      [
        ["naive", () => forecastMiner(F.naive)],
        ["autoregressive", () => forecastMiner(F.autoregressive(6))],
        ["holt-winters", () => forecastMiner(F.holtWinters())],
        ["neural-net", () => forecastMiner(F.neuralNet({ window: 36, hidden: 24, samples: 8000 }))],
      ],
      only,
    ),
};

export const textSubnet: SubnetSpec<NextChar> = {
  name: "text",
  description: "next-character prediction on Moby-Dick; quality = held-out 1/perplexity",
  synapse: NextChar,
  task: (seed) => new TextTask(seed === undefined ? {} : { seed }),
  miners: (only) => {
    const text = trainingText();
    return build(
      [
        ["frequencies", () => textMiner(T.frequencies(text))],
        ["logistic", () => textMiner(T.logisticRegression(text, 2, 1))],
        ["neural-net", () => textMiner(T.neuralNet(text, { steps: 100_000 }))],
        ["ngram", () => textMiner(T.ngram(text, 5))],
      ],
      only,
    );
  },
};

export const SUBNETS = [forecastSubnet, textSubnet] as const;
