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
  /** Trains every miner of the lineup (the slow part: a second or two each for the neural nets). */
  miners(): TrainedMiner<S>[];
}

function forecastMiner(name: string, m: F.Forecaster): TrainedMiner<Forecast> {
  return { name, model: m.model, forward: forecastForward(m), quality: () => forecastQuality(m) };
}

function textMiner(name: string, m: T.CharModel): TrainedMiner<NextChar> {
  return { name, model: m.model, forward: textForward(m), quality: () => textQuality(m) };
}

export const forecastSubnet: SubnetSpec<Forecast> = {
  name: "forecast",
  description: "time-series forecasting; quality = held-out skill exp(−MASE)",
  synapse: Forecast,
  task: (seed) => new ForecastTask(seed === undefined ? {} : { seed }),
  miners: () => [
    forecastMiner("naive", F.naive),
    forecastMiner("autoregressive", F.autoregressive(6)),
    forecastMiner("holt-winters", F.holtWinters()),
    forecastMiner("neural-net", F.neuralNet({ window: 36, hidden: 24, samples: 8000 })),
  ],
};

export const textSubnet: SubnetSpec<NextChar> = {
  name: "text",
  description: "next-character prediction on Shakespeare; quality = held-out 1/perplexity",
  synapse: NextChar,
  task: (seed) => new TextTask(seed === undefined ? {} : { seed }),
  miners: () => {
    const text = trainingText();
    return [
      textMiner("frequencies", T.frequencies(text)),
      textMiner("logistic", T.logisticRegression(text, 2, 1)),
      textMiner("neural-net", T.neuralNet(text, { steps: 100_000 })),
      textMiner("ngram", T.ngram(text, 5)),
    ];
  },
};

export const SUBNETS = [forecastSubnet, textSubnet] as const;
