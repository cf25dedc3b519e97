// Each reference subnet's scoring against the cheap tricks, over real HTTP: axons serving an honest
// model, a copier that relays the honest miner's answer, one that relays it with a little jitter, a
// replayer sending the same model's answer to the previous challenge, a miner answering at random, and
// one that answers after the timeout. Every trick earns less. Then the default lineups, scored together
// round after round with no HTTP: no honest model is ever taken for a copy of another.
import { setTimeout as sleep } from "node:timers/promises";
import { cryptoReady, Keypair } from "@opentao/primitives";
import { Axon, Dendrite, Synapse, type SynapseClass } from "@opentao/sdk";
import { beforeAll, describe, expect, it } from "vitest";
import { type AnswerScoring, rewardAnswers } from "../src/anticheat.js";
import type { Forecast } from "../src/forecast/protocol.js";
import { forecastSubnet, type SubnetSpec, textSubnet } from "../src/lineup.js";
import { type Rng, rng } from "../src/rng.js";
import { queryRound } from "../src/template/round.js";
import { VOCAB } from "../src/text/corpus.js";
import type { NextChar } from "../src/text/protocol.js";

const TIMEOUT = 1;
const ROUNDS = 6;

type Behaviour<S extends Synapse> = (s: S) => Promise<S>;

interface Tricks<S extends Synapse> {
  /** A random answer of the right shape. */
  random: (s: S) => S;
  /** The relayed answer with a little noise: small enough to keep its accuracy. */
  jitter: (s: S) => S;
}

const answerField = (s: Synapse) => ("histories" in s ? "forecasts" : "probabilities");
const answerOf = (s: Synapse) => (s as unknown as Record<string, unknown>)[answerField(s)];
const withAnswer = <S extends Synapse>(s: S, from: Synapse): S =>
  Object.assign(s, { [answerField(s)]: structuredClone(answerOf(from)) });

async function play<S extends Synapse>(
  spec: SubnetSpec<S>,
  honestName: string,
  tricks: Tricks<S>,
): Promise<Record<string, number>> {
  const [honestModel] = spec.miners([honestName]);
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
  const honestAxon = await serve("honest", async (s) => honestModel!.forward(s));
  const relay = new Dendrite(Keypair.fromUri("//copier-client"));
  const copy = async (s: S) =>
    withAnswer(
      s,
      await relay.forward(honestAxon.info(), s.copy() as S, { timeout: TIMEOUT, deserialize: false }),
    );
  let previous: S | null = null;
  const behaviours: Record<string, Behaviour<S>> = {
    copier: copy,
    "jittered-copier": async (s) => tricks.jitter(await copy(s)),
    // The same model as the honest miner; it answers each challenge with its answer to the one before.
    replayer: async (s) => {
      const old = previous;
      previous = honestModel!.forward(s.copy() as S);
      return withAnswer(s, old ?? previous);
    },
    random: async (s) => tricks.random(s),
    late: async (s) => {
      await sleep(TIMEOUT * 1000 + 300);
      return honestModel!.forward(s);
    },
  };
  for (const [name, b] of Object.entries(behaviours)) await serve(name, b);
  const roles = ["honest", ...Object.keys(behaviours)];
  const dendrite = new Dendrite(Keypair.fromUri("//validator"));
  const task = spec.task(42);
  const totals: Record<string, number> = Object.fromEntries(roles.map((n) => [n, 0]));
  try {
    // One unscored round first, so every connection (the copiers' relay included) is open before the
    // scored rounds compare arrival times. Its challenge is another validator's: what the replayer
    // keeps from it is old for every scored round.
    await dendrite.forward(
      axons.filter((_, i) => roles[i] !== "late").map((a) => a.info()),
      spec.task(41).challenge(-1),
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

function expectTricksEarnLess(t: Record<string, number>) {
  expect(t.honest).toBeGreaterThan(0.05);
  // A copy earns nothing unless it arrives first, and a relayed answer arrives after the original (in
  // one process the event loop can reorder a round, hence not exactly zero).
  expect(t.copier).toBeLessThan(t.honest! * 0.5);
  expect(t["jittered-copier"]).toBeLessThan(t.honest! * 0.5);
  expect(t.late).toBe(0); // past the timeout
  expect(t.replayer).toBeLessThan(t.honest! * 0.25);
  expect(t.random).toBeLessThan(t.honest! * 0.5);
}

/** Uniform in [−1, 1). */
const sym = (r: Rng) => 2 * r() - 1;

beforeAll(cryptoReady);

describe("copy detection", () => {
  const answered = (processTime: number) => {
    const s = new Synapse();
    s.dendrite.status_code = 200;
    s.dendrite.process_time = processTime;
    return s;
  };
  // Every answer is the same: each later one is a copy of the first.
  const same: AnswerScoring<Synapse> = {
    valid: () => true,
    accuracy: () => 1,
    errors: () => [0.5, 0.25],
    gaps: () => [0, 0],
  };
  const score = (responses: { hotkey: string; synapse: Synapse; arrival: number }[]) =>
    rewardAnswers(
      responses.map((r, uid) => ({ uid, ...r })),
      1,
      same,
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
  it("pays an honest model more than copying (jittered or not), replaying, random or late answers", async () => {
    const r = rng(1);
    const totals = await play(forecastSubnet as SubnetSpec<Forecast>, "holt-winters", {
      // Random values in each history's own range: plausible-looking, no information.
      random: (s) => {
        s.forecasts = s.histories.map((h) => {
          const lo = Math.min(...h);
          const hi = Math.max(...h);
          return Array.from({ length: s.horizon }, () => lo + r() * (hi - lo));
        });
        return s;
      },
      // ±0.01 on values of 20 to 80: far above the 1e-3 an exact-match rule would tolerate.
      jitter: (s) => {
        s.forecasts = s.forecasts!.map((row) => row.map((v) => v + 0.01 * sym(r)));
        return s;
      },
    });
    expectTricksEarnLess(totals);
  });
});

describe("text subnet scoring", () => {
  it("pays an honest model more than copying (jittered or not), replaying, random or late answers", async () => {
    const r = rng(2);
    const totals = await play(textSubnet as SubnetSpec<NextChar>, "ngram", {
      random: (s) => {
        s.probabilities = s.contexts.map(() => {
          const p = Array.from(VOCAB, () => r());
          const sum = p.reduce((a, b) => a + b, 0);
          return p.map((v) => v / sum);
        });
        return s;
      },
      // Every probability times e^±0.05, renormalized: no two values equal the original's.
      jitter: (s) => {
        s.probabilities = s.probabilities!.map((row) => {
          const p = row.map((v) => v * Math.exp(0.05 * sym(r)));
          const sum = p.reduce((a, b) => a + b, 0);
          return p.map((v) => v / sum);
        });
        return s;
      },
    });
    expectTricksEarnLess(totals);
  });
});

describe("copy detection across the default lineups", { timeout: 60_000 }, () => {
  const ROUNDS_DIRECT = 25;
  const answered = <S extends Synapse>(s: S, arrival: number) => {
    s.dendrite.status_code = 200;
    s.dendrite.process_time = 0.1;
    return { synapse: s, arrival };
  };

  /**
   * Scores every model of the lineup round after round — once in lineup order, once reversed, so each
   * pair is judged both ways — and after them a jittered copy of each. Returns the smallest reward of an
   * honest model and the largest of a copy.
   */
  function lineupRounds<S extends Synapse>(spec: SubnetSpec<S>, jitter: (s: S) => S) {
    const miners = spec.miners();
    // Two validators with the same seed ask the same challenges; each scores one order.
    const tasks = [spec.task(7), spec.task(7)];
    let honestMin = Number.POSITIVE_INFINITY;
    let copyMax = 0;
    for (let step = 0; step < ROUNDS_DIRECT; step++) {
      const challenges = tasks.map((t) => t.challenge(step));
      tasks.forEach((task, order) => {
        const ordered = order === 0 ? miners : [...miners].reverse();
        const honest = ordered.map((m) => m.forward(challenges[order]!.copy() as S));
        const copies = honest.map((s) => jitter(withAnswer(challenges[order]!.copy() as S, s)));
        const responses = [...honest, ...copies].map((s, i) => ({
          uid: i,
          hotkey: i < honest.length ? "honest" : "copy",
          ...answered(s, i),
        }));
        for (const r of task.score(step, responses, 1)) {
          if (r.hotkey === "honest") honestMin = Math.min(honestMin, r.reward);
          else copyMax = Math.max(copyMax, r.reward);
        }
      });
    }
    return { honestMin, copyMax };
  }

  it("never takes one forecasting model for a copy of another, and catches a jittered copy of each", () => {
    const r = rng(3);
    const { honestMin, copyMax } = lineupRounds(forecastSubnet as SubnetSpec<Forecast>, (s) => {
      s.forecasts = s.forecasts!.map((row) => row.map((v) => v + 0.01 * sym(r)));
      return s;
    });
    expect(honestMin).toBeGreaterThan(0);
    expect(copyMax).toBe(0);
  });

  it("never takes one text model for a copy of another, and catches a jittered copy of each", () => {
    const r = rng(4);
    const { honestMin, copyMax } = lineupRounds(textSubnet as SubnetSpec<NextChar>, (s) => {
      s.probabilities = s.probabilities!.map((row) => {
        const p = row.map((v) => v * Math.exp(0.05 * sym(r)));
        const sum = p.reduce((a, b) => a + b, 0);
        return p.map((v) => v / sum);
      });
      return s;
    });
    expect(honestMin).toBeGreaterThan(0);
    expect(copyMax).toBe(0);
  });
});
