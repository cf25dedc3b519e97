import { describe, expect, it } from "vitest";
import { ConfigError, parseNeuronArgs } from "../src/template/config.js";

describe("template neuron flags", () => {
  it("reads bittensor's flag spellings, with = or a separate value", () => {
    const c = parseNeuronArgs([
      "miner",
      "--netuid",
      "3",
      "--wallet.name=alice",
      "--wallet.hotkey",
      "m1",
      "--subtensor.network",
      "ws://127.0.0.1:9945",
      "--axon.port",
      "8100",
      "--blacklist.force_validator_permit",
    ]);
    expect(c).toMatchObject({
      role: "miner",
      subnet: "dummy",
      netuid: 3,
      wallet: { name: "alice", hotkey: "m1" },
      network: "ws://127.0.0.1:9945",
      axon: { port: 8100, ip: "127.0.0.1" },
      neuron: { timeout: 10, alpha: 0.1 },
      blacklist: { allowNonRegistered: false, forceValidatorPermit: true },
    });
  });

  it("names the flag that is wrong", () => {
    expect(() => parseNeuronArgs(["validator"])).toThrow("--netuid is required");
    expect(() => parseNeuronArgs(["validator", "--netuid", "0"])).toThrow(/--netuid must be a subnet id/);
    expect(() => parseNeuronArgs(["miner", "--netuid", "1", "--axon.port", "70000"])).toThrow(/--axon.port/);
    expect(() => parseNeuronArgs(["miner", "--netuid", "1", "--wallet.name"])).toThrow(
      "--wallet.name needs a value",
    );
    expect(() => parseNeuronArgs(["miner", "--netuid", "1", "--wallet-name", "x"])).toThrow(
      /unknown flag --wallet-name/,
    );
    expect(() => parseNeuronArgs(["server", "--netuid", "1"])).toThrow(ConfigError);
    expect(() =>
      parseNeuronArgs(["validator", "--netuid", "1", "--neuron.moving_average_alpha", "2"]),
    ).toThrow(/in \(0, 1\]/);
  });
});
