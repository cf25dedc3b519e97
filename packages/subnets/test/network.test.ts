// The `npm start` network stopped part way (SIGINT/SIGTERM in the CLI): the run rejects with the reason
// and its dev node, a child process, is gone. A network whose validators never post weights ends with
// an error naming them instead of warming up forever.
import { describe, expect, it } from "vitest";
import type { SubnetSpec } from "../src/lineup.js";
import { runNetwork, WARM_UP_EPOCHS } from "../src/network/run.js";
import { Dummy } from "../src/template/protocol.js";

const doubling: SubnetSpec<Dummy> = {
  name: "dummy",
  description: "answer twice the input",
  synapse: Dummy,
  task: () => ({
    challenge: (step) => Dummy.create({ dummy_input: step }),
    score: (_step, responses) => responses.map((r) => ({ uid: r.uid, hotkey: r.hotkey, reward: 1 })),
  }),
  miners: () => [
    {
      name: "double",
      model: "doubling",
      forward: (s) => Object.assign(s, { dummy_output: s.dummy_input * 2 }),
      quality: () => 1,
    },
  ],
};

describe("npm start's network", () => {
  it("aborted once its node runs, rejects with the reason and leaves no node behind", async () => {
    const stop = new AbortController();
    let node = "";
    const run = runNetwork({
      subnets: [doubling as unknown as SubnetSpec],
      epochs: 1,
      blockTimeMs: 200,
      signal: stop.signal,
      log: (line) => {
        const url = /^Dev node at (ws:\/\/\S+)/.exec(line)?.[1];
        if (url) {
          node = url.replace(/^ws/, "http");
          stop.abort(new Error("stopped by SIGTERM"));
        }
      },
    });
    await expect(run).rejects.toThrow("stopped by SIGTERM");
    expect(node).not.toBe("");
    await expect(fetch(`${node}/health`)).rejects.toThrow();
  }, 30_000);

  it("ends with an error naming the validators when they never post weights", async () => {
    const failing: SubnetSpec<Dummy> = {
      ...doubling,
      task: () => ({
        ...doubling.task(),
        score: () => {
          throw new Error("scoring broke");
        },
      }),
    };
    const lines: string[] = [];
    const run = runNetwork({
      subnets: [failing as unknown as SubnetSpec],
      epochs: 1,
      blockTimeMs: 100,
      log: (line) => lines.push(line),
    });
    await expect(run).rejects.toThrow(
      `subnet 1 (dummy): warm-up did not finish — validators Alice, Bob, Charlie posted no weights in ${WARM_UP_EPOCHS} epochs`,
    );
    expect(lines.some((l) => l.endsWith("scoring broke"))).toBe(true);
  }, 60_000);
});
