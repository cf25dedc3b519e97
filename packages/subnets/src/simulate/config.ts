// What a simulation runs: how many subnets, miners and validators, which adversaries, for how long.

export const ADVERSARIES = ["copier", "lazy", "colluders", "random-miner"] as const;
export type Adversary = (typeof ADVERSARIES)[number];

export interface SimulationConfig {
  /** Seeds the agents' behaviour: miner qualities and drift, validators' measurement noise. */
  seed: number;
  /** Blocks to run after the setup blocks (registration and staking). */
  blocks: number;
  /** Subnets, each with its own miners, validators and adversaries. */
  subnets: number;
  /** Honest miners per subnet. */
  miners: number;
  /** Honest validators per subnet. */
  validators: number;
  adversaries: readonly Adversary[];
  /** Standard deviation of an honest validator's measurement of a miner's quality (0–1 scale). */
  noise: number;
  /** The colluding group's share of the subnet's validator stake; must stay below one half. */
  collusionShare: number;
  /** Blocks between two weight settings of a validator (at least the preset's weights rate limit). */
  weightsInterval: number;
  /** The subnets' bonds and dividends: Yuma 3 (new subnets' default) or the earlier Yuma. */
  yuma: "yuma" | "yuma3";
  preset: "fast";
}

export const DEFAULT_CONFIG: SimulationConfig = {
  seed: 1,
  blocks: 600,
  subnets: 1,
  miners: 5,
  validators: 3,
  adversaries: ADVERSARIES,
  noise: 0.05,
  collusionShare: 0.3,
  weightsInterval: 10,
  yuma: "yuma3",
  preset: "fast",
};

/** A config the simulation cannot run: `field` names the option, `message` says what is wrong and how to fix it. */
export class SimulationConfigError extends Error {
  override readonly name = "SimulationConfigError";
  constructor(
    readonly field: keyof SimulationConfig,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
  }
}

const LIMITS = {
  blocks: [1, 100_000],
  subnets: [1, 8],
  miners: [2, 64],
  validators: [1, 32],
} as const;

/** Fills in defaults and checks every field; throws SimulationConfigError on the first bad one. */
export function resolveConfig(partial: Partial<SimulationConfig>): SimulationConfig {
  const c: SimulationConfig = { ...DEFAULT_CONFIG, ...partial };
  if (!Number.isInteger(c.seed) || c.seed < 0 || c.seed > 0xffff_ffff)
    throw new SimulationConfigError("seed", `${c.seed} is not an integer from 0 to 4294967295`);
  for (const [field, [lo, hi]] of Object.entries(LIMITS) as [
    keyof typeof LIMITS,
    readonly [number, number],
  ][]) {
    const v = c[field];
    if (!Number.isInteger(v) || v < lo || v > hi)
      throw new SimulationConfigError(field, `${v} is not an integer from ${lo} to ${hi}`);
  }
  const unknown = c.adversaries.find((a) => !ADVERSARIES.includes(a));
  if (unknown !== undefined)
    throw new SimulationConfigError(
      "adversaries",
      `unknown adversary "${unknown}"; choose from ${ADVERSARIES.join(", ")}`,
    );
  if (new Set(c.adversaries).size !== c.adversaries.length)
    throw new SimulationConfigError("adversaries", "an adversary is listed twice");
  if (!(c.noise >= 0 && c.noise <= 1))
    throw new SimulationConfigError("noise", `${c.noise} is not from 0 to 1`);
  if (!(c.collusionShare > 0 && c.collusionShare < 0.5))
    throw new SimulationConfigError(
      "collusionShare",
      `${c.collusionShare} must be above 0 and below 0.5 (a colluding majority is not an adversary Yuma can resist)`,
    );
  if (!Number.isInteger(c.weightsInterval) || c.weightsInterval < 5 || c.weightsInterval > 1000)
    throw new SimulationConfigError(
      "weightsInterval",
      `${c.weightsInterval} is not an integer from 5 (the fast preset's weights rate limit) to 1000`,
    );
  if (c.yuma !== "yuma" && c.yuma !== "yuma3")
    throw new SimulationConfigError("yuma", `"${c.yuma}" is not a Yuma variant; use yuma or yuma3`);
  if (c.preset !== "fast")
    throw new SimulationConfigError("preset", `"${c.preset}" is not supported; use "fast"`);
  return { ...c, adversaries: ADVERSARIES.filter((a) => c.adversaries.includes(a)) };
}
