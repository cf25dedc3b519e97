import type { Command } from "commander";
import { defineCommand } from "../../command.js";
import type { OptionDef } from "../../options.js";

export const SEED: OptionDef = {
  flags: "--seed <n>",
  description: "seed of the agents' behaviour (0–4294967295)",
  default: "1",
};
export const BLOCKS: OptionDef = {
  flags: "--blocks <n>",
  description: "blocks to run after setup (default 600)",
};
export const EPOCHS: OptionDef = {
  flags: "--epochs <n>",
  description: "epochs to run instead: N × the preset's tempo blocks",
};
export const SUBNETS: OptionDef = {
  flags: "--subnets <n>",
  description: "subnets, each with its own cast",
  default: "1",
};
export const MINERS: OptionDef = {
  flags: "--miners <n>",
  description: "honest miners per subnet",
  default: "5",
};
export const VALIDATORS: OptionDef = {
  flags: "--validators <n>",
  description: "honest validators per subnet",
  default: "3",
};
export const ADVERSARIES: OptionDef = {
  flags: "--adversaries <list>",
  description: "adversaries per subnet, comma-separated: copier, lazy, colluders, random-miner, or none",
  default: "copier,lazy,colluders,random-miner",
};
export const NOISE: OptionDef = {
  flags: "--noise <sd>",
  description: "standard deviation of honest validators' measurement noise (0–1)",
  default: "0.05",
};
export const COLLUSION: OptionDef = {
  flags: "--collusion-share <x>",
  description: "the colluding group's share of validator stake (above 0, below 0.5)",
  default: "0.3",
};
export const INTERVAL: OptionDef = {
  flags: "--weights-interval <n>",
  description: "blocks between two weight settings of a validator",
  default: "10",
};
export const YUMA: OptionDef = {
  flags: "--yuma <variant>",
  description: "the subnets' Yuma: yuma3 (new subnets' default) or yuma (the earlier bonds)",
  default: "yuma3",
};
export const PRESET: OptionDef = {
  flags: "--preset <name>",
  description: "chain preset (only fast)",
  default: "fast",
};
export const OUT: OptionDef = {
  flags: "-o, --out <dir>",
  description: "write report.json, SVG charts and index.html here",
};

export function registerSimulate(program: Command): void {
  defineCommand(program, {
    name: "simulate",
    summary: "run a whole network in one process, seeded, with adversaries, and report who earned what",
    description:
      "Runs the chain's runtime directly (no node, no HTTP), much faster than real time: subnets with miners of " +
      "varied and drifting quality, honest validators that measure them with seeded noise and set weights through " +
      "real set_weights extrinsics, and adversaries — a weight copier (copies the consensus stored at the last " +
      "epoch), a lazy validator (never updates its first weights), a colluding group below half the stake that " +
      "weights only its own weak miner, and a miner answering at random. Registration and staking are real " +
      "extrinsics too; epochs and emission are the runtime's. Prints each miner's incentive and emission and each " +
      "validator's dividends (alpha and TAO value at the final pool price), and whether each adversary profited. " +
      "The same seed gives the same result, byte for byte.",
    options: [
      SEED,
      BLOCKS,
      EPOCHS,
      SUBNETS,
      MINERS,
      VALIDATORS,
      ADVERSARIES,
      NOISE,
      COLLUSION,
      INTERVAL,
      YUMA,
      PRESET,
      OUT,
    ],
    examples: [
      "tao simulate",
      "tao simulate --seed 7 --epochs 100 --out sim/",
      "tao simulate --adversaries copier,lazy --validators 5 --json > report.json",
      "tao simulate --yuma yuma --blocks 1200",
    ],
    action: async () => (await import("./action.js")).simulateAction,
  });
}
