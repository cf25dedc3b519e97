// Runs a case under one or several variants through the exact epoch and collects what the charts and
// tables show: dividends per validator, incentive per server, bonds, emissions, totals.
import { parseScenario } from "../scenario/parse.js";
import type { Json } from "../scenario/read.js";
import { traceScenario } from "../scenario/run.js";
import { BUILTIN_VARIANTS, type SimulationCase } from "./case.js";
import { caseToScenario, findVariant } from "./convert.js";

export const SIMULATION_FORMAT = "opentao-yuma-simulation/1";

export interface SimulationEpoch {
  epoch: number;
  block: number;
  /** Per validator, u16 (as the chain stores them). */
  stake_weight: number[];
  dividends: number[];
  validator_trust: number[];
  /** Per server, u16. */
  consensus: number[];
  incentive: number[];
  /** Validators × servers, stored u16 bonds (original Yuma: column max-upscaled; Yuma3: proportions). */
  bonds: number[][];
  /** Per validator / per server, rao. */
  validator_emission: string[];
  server_emission: string[];
}

export interface SimulationRun {
  variant: string;
  /** The chain's epoch the variant runs. */
  epoch: "yuma" | "yuma3";
  description: string;
  hyperparameters: Record<string, Json>;
  epochs: SimulationEpoch[];
  /** Per validator: Σ validator emission over all epochs, rao. */
  total_dividends: string[];
  /** Per validator: its part of all validators' dividends (0..1, 6 decimals). */
  dividend_share: number[];
  /** Per server: Σ server emission, rao. */
  total_incentive: string[];
}

export interface SimulationResult {
  format: typeof SIMULATION_FORMAT;
  case: {
    name: string;
    title: string;
    description: string;
    validators: string[];
    servers: string[];
    epochs: number;
    emission: string;
  };
  /** Per validator: its part of the stake at epoch 0 (6 decimals). */
  stake_share: number[];
  runs: SimulationRun[];
}

export interface SimulateOptions {
  /** Variant names (built-in or the case's); default: the three built-ins. */
  variants?: readonly string[];
  /** Hyperparameters applied to every run, after the case's and the variant's. */
  hyperparameters?: Record<string, Json>;
}

/** Runs the case under each variant. Throws CaseError for an unknown variant or a bad hyperparameter. */
export function simulate(c: SimulationCase, options: SimulateOptions = {}): SimulationResult {
  const names = options.variants?.length ? options.variants : BUILTIN_VARIANTS;
  const runs = names.map((name) => runVariant(c, name, options.hyperparameters ?? {}));
  const stake0 = c.timeline[0]!.stakes.map((s) => s ?? 0n);
  return {
    format: SIMULATION_FORMAT,
    case: {
      name: c.name,
      title: c.title,
      description: c.description,
      validators: c.validators,
      servers: c.servers,
      epochs: c.epochs,
      emission: String(c.emission),
    },
    stake_share: shares(stake0),
    runs,
  };
}

function runVariant(c: SimulationCase, name: string, overrides: Record<string, Json>): SimulationRun {
  const variant = findVariant(c, name);
  const doc = caseToScenario(c, variant, overrides);
  const scenario = parseScenario(doc);
  const V = c.validators.length;
  const servers = c.servers.map((_, j) => V + j);
  const validators = c.validators.map((_, i) => i);
  const totalDiv = validators.map(() => 0n);
  const totalInc = servers.map(() => 0n);
  const epochs = traceScenario(scenario).map(({ block, result: r, bonds }, epoch): SimulationEpoch => {
    const bondRows = validators.map((i) => {
      const row = servers.map(() => 0);
      for (let k = bonds.start[i]!; k < bonds.start[i + 1]!; k++) {
        const j = bonds.uid[k]! - V;
        if (j >= 0 && j < row.length) row[j] = bonds.value[k]!;
      }
      return row;
    });
    validators.forEach((i) => {
      totalDiv[i] = totalDiv[i]! + r.validatorEmission[i]!;
    });
    servers.forEach((u, j) => {
      totalInc[j] = totalInc[j]! + r.serverEmission[u]!;
    });
    return {
      epoch,
      block,
      stake_weight: validators.map((i) => r.stakeWeight[i]!),
      dividends: validators.map((i) => r.dividends[i]!),
      validator_trust: validators.map((i) => r.validatorTrust[i]!),
      consensus: servers.map((u) => r.consensus[u]!),
      incentive: servers.map((u) => r.incentive[u]!),
      bonds: bondRows,
      validator_emission: validators.map((i) => String(r.validatorEmission[i]!)),
      server_emission: servers.map((u) => String(r.serverEmission[u]!)),
    };
  });
  return {
    variant: variant.name,
    epoch: scenario.variant,
    description: variant.description ?? "",
    hyperparameters: doc.hyperparameters as Record<string, Json>,
    epochs,
    total_dividends: totalDiv.map(String),
    dividend_share: shares(totalDiv),
    total_incentive: totalInc.map(String),
  };
}

/** x_i / Σx rounded to 6 decimals (display only; totals stay exact in rao). */
function shares(xs: readonly bigint[]): number[] {
  const total = xs.reduce((a, b) => a + b, 0n);
  if (total === 0n) return xs.map(() => 0);
  return xs.map((x) => Number((x * 1_000_000n + total / 2n) / total) / 1_000_000);
}
