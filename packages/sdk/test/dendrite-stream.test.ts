import { cryptoReady, Keypair } from "@opentao/primitives";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Axon, type AxonTarget, Dendrite, StreamingSynapse } from "../src/index.js";

class Tokens extends StreamingSynapse {
  static override fieldSpecs = { prompt: { kind: "str", required: true } } as const;
  static override requiredHashFields = ["prompt"];
  prompt = "";
  completion = "";
  override async *process_streaming_response(body: AsyncIterable<Uint8Array>): AsyncGenerator<string> {
    for await (const text of super.process_streaming_response(body)) {
      this.completion += text as string;
      yield text as string;
    }
  }
  override deserialize(): string {
    return this.completion;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let axon: Axon;
let target: AxonTarget;
let dendrite: Dendrite;

beforeAll(async () => {
  await cryptoReady();
  axon = new Axon({ keypair: Keypair.fromUri("//Bob"), port: 0, host: "127.0.0.1" }).attach(Tokens, (s) => {
    const words = s.prompt.split(" ");
    return s.create_streaming_response(
      (async function* () {
        for (const w of words) {
          await sleep(w === "slow" ? 3000 : 5);
          yield `${w.toUpperCase()} `;
        }
      })(),
    );
  });
  await axon.start();
  target = { ip: "127.0.0.1", port: axon.port, hotkey: axon.hotkey };
  dendrite = new Dendrite(Keypair.fromUri("//Alice"));
});

afterAll(async () => {
  dendrite.close();
  await axon.stop();
});

describe("streaming synapse", () => {
  it("streams chunks from the axon, then the synapse", async () => {
    const got: unknown[] = [];
    for await (const x of dendrite.stream(target, Tokens.create({ prompt: "a b c" }), { deserialize: false }))
      got.push(x);
    const last = got.pop() as Tokens;
    expect(got.join("")).toBe("A B C ");
    expect(last).toBeInstanceOf(Tokens);
    expect(last.completion).toBe("A B C ");
    expect(last.dendrite.status_code).toBe(200);
    expect(last.is_success).toBe(true);
    expect(last.dendrite.process_time).toBeGreaterThan(0);
  });

  it("ends a stream that outlasts the timeout with a failure status", async () => {
    const got: unknown[] = [];
    for await (const x of dendrite.stream(target, Tokens.create({ prompt: "a slow b" }), { timeout: 0.5 }))
      got.push(x);
    expect(got[0]).toBe("A ");
    const d = new Dendrite(Keypair.fromUri("//Alice"));
    const items: unknown[] = [];
    for await (const x of d.stream(target, Tokens.create({ prompt: "slow" }), {
      timeout: 0.3,
      deserialize: false,
    }))
      items.push(x);
    d.close();
    const s = items.at(-1) as Tokens;
    expect(s.is_success).toBe(false);
    expect(s.dendrite.status_code).toBe(408);
  });
});
