// Each reference subnet's scoring against the cheap tricks, over real HTTP: axons serving an honest
// model, a copier that relays the honest miner's answer, a replayer that repeats its first answer, a
// miner answering at random, and one that answers after the timeout. Every trick earns less.
import { setTimeout as sleep } from "node:timers/promises";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { Axon, Dendrite, Synapse, type SynapseClass } from "@opentao/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { rewardAnswers } from "../src/anticheat.js";
import type { Forecast } from "../src/forecast/protocol.js";
import { forecastSubnet, type SubnetSpec, textSubnet } from "../src/lineup.js";
import { rng } from "../src/rng.js";
import { queryRound } from "../src/template/round.js";
import { VOCAB } from "../src/text/corpus.js";
import type { NextChar } from "../src/text/protocol.js";

const TIMEOUT = 1;
const ROUNDS = 6;

type Behaviour<S extends Synapse> = (s: S) => Promise<S>;

async function play<S extends Synapse>(
  spec: SubnetSpec<S>,
  names: { honest: string; replayed: string },
  random: (s: S) => S,
): Promise<Record<string, number>> {
  const lineup = spec.miners([names.honest, names.replayed]);
  const honestModel = lineup.find((m) => m.name === names.honest)!;
  const replayedModel = lineup.find((m) => m.name === names.replayed)!;
  const axons: Axon[] = [];
  const serve = async (name: string, forward: (s: S) => Promise<S>) => {
    const axon = new Axon({
      keypair: Keypair.fromUri(`//${spec.name}//${name}`),
      port: 0,
      host: "127.0.0.1",
    }).attach(spec.synapse as SynapseClass<S>, forward);
    await axon.start();
    axons.push(axon);
    return axon;
  };
  const honestAxon = await serve("honest", async (s) => honestModel.forward(s));
  const relay = new Dendrite(Keypair.fromUri("//copier-client"));
  let first: S | null = null;
  const behaviours: Record<string, Behaviour<S>> = {
    copier: async (s) => {
      const copied = await relay.forward(honestAxon.info(), s, { timeout: TIMEOUT, deserialize: false });
      Object.assign(s, { [answerField(s)]: (copied as unknown as Record<string, unknown>)[answerField(s)] });
      return s;
    },
    replayer: async (s) => {
      first ??= replayedModel.forward(s.copy() as S);
      Object.assign(s, { [answerField(s)]: (first as unknown as Record<string, unknown>)[answerField(s)] });
      return s;
    },
    random: async (s) => random(s),
    late: async (s) => {
      await sleep(TIMEOUT * 1000 + 300);
      return honestModel.forward(s);
    },
  };
  for (const [name, b] of Object.entries(behaviours)) await serve(name, b);
  const roles = ["honest", ...Object.keys(behaviours)];
  const dendrite = new Dendrite(Keypair.fromUri("//validator"));
  const task = spec.task(42);
  const totals: Record<string, number> = Object.fromEntries(roles.map((n) => [n, 0]));
  try {
    // One unscored round first, so every connection (the copier's relay included) is open before the
    // scored rounds compare arrival times.
    await dendrite.forward(
      axons.filter((_, i) => roles[i] !== "late").map((a) => a.info()),
      task.challenge(-1),
      { timeout: TIMEOUT, deserialize: false },
    );
    for (let step = 0; step < ROUNDS; step++) {
      const synapse = task.challenge(step);
      const answers = await queryRound(
        dendrite,
        axons.map((a) => a.info()),
        synapse,
        TIMEOUT,
      );
      const rewards = task.score(
        step,
        answers.map((a, uid) => ({ uid, hotkey: roles[uid]!, ...a })),
        TIMEOUT,
      );
      for (const r of rewards) totals[r.hotkey]! += r.reward / ROUNDS;
    }
  } finally {
    dendrite.close();
    relay.close();
    await Promise.all(axons.map((a) => a.stop()));
  }
  return totals;
}

const answerField = (s: Synapse) => ("histories" in s ? "forecasts" : "probabilities");

function expectTricksEarnLess(t: Record<string, number>) {
  expect(t.honest).toBeGreaterThan(0.05);
  // A copy earns nothing unless it arrives first, and a relayed answer arrives after the original (in
  // one process the event loop can reorder a round, hence not exactly zero).
  expect(t.copier).toBeLessThan(t.honest! * 0.5);
  expect(t.late).toBe(0); // past the timeout
  expect(t.replayer).toBeLessThan(t.honest! * 0.8);
  expect(t.random).toBeLessThan(t.honest! * 0.5);
}

beforeAll(cryptoReady);

describe("copy detection", () => {
  const answered = (processTime: number) => {
    const s = new Synapse();
    s.dendrite.status_code = 200;
    s.dendrite.process_time = processTime;
    return s;
  };
  const score = (responses: { hotkey: string; synapse: Synapse; arrival: number }[]) =>
    rewardAnswers(
      responses.map((r, uid) => ({ uid, ...r })),
      1,
      () => [0.5, 0.25],
      () => 1,
      1e-9,
    ).map((r): [string, number] => [r.hotkey, r.reward]);

  it("orders answers by arrival in the round, not by each call's own time", () => {
    // The honest miner is asked first and answers at 0.30 s after 0.30 s of work. The relayer is asked
    // 0.25 s into the round, relays, and answers at 0.35 s: its call took only 0.10 s, but it came later.
    expect(
      score([
        { hotkey: "relayer", synapse: answered(0.1), arrival: 0.35 },
        { hotkey: "honest", synapse: answered(0.3), arrival: 0.3 },
      ]),
    ).toEqual([
      ["relayer", 0],
      ["honest", 1 - 0.1 * 0.3],
    ]);
  });

  it("pays the first arrival however late it was asked", () => {
    expect(
      score([
        { hotkey: "first", synapse: answered(0.05), arrival: 0.2 },
        { hotkey: "second", synapse: answered(0.04), arrival: 0.21 },
      ]).map(([, reward]) => reward > 0),
    ).toEqual([true, false]);
  });
});

describe("forecasting subnet scoring", () => {
  it("pays an honest model more than copying, replaying, random or late answers", async () => {
    const r = rng(1);
    const totals = await play(
      forecastSubnet as SubnetSpec<Forecast>,
      { honest: "holt-winters", replayed: "autoregressive" },
      (s) => {
        // Random values in each history's own range: plausible-looking, no information.
        s.forecasts = s.histories.map((h) => {
          const lo = Math.min(...h);
          const hi = Math.max(...h);
          return Array.from({ length: s.horizon }, () => lo + r() * (hi - lo));
        });
        return s;
      },
    );
    expectTricksEarnLess(totals);
  });
});

describe("text subnet scoring", () => {
  it("pays an honest model more than copying, replaying, random or late answers", async () => {
    const r = rng(2);
    const totals = await play(
      textSubnet as SubnetSpec<NextChar>,
      { honest: "ngram", replayed: "logistic" },
      (s) => {
        s.probabilities = s.contexts.map(() => {
          const p = Array.from(VOCAB, () => r());
          const sum = p.reduce((a, b) => a + b, 0);
          return p.map((v) => v / sum);
        });
        return s;
      },
    );
    expectTricksEarnLess(totals);
  });
});
