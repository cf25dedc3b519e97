// The simulator's case format `opentao-yuma-case/1` (packages/runtime/cases/README.md): validators,
// servers, stakes and weights over epochs, in the spirit of opentensor's yuma-simulation cases.
import { AmountError, parseTao } from "@opentao/primitives";
import { ScenarioError } from "../scenario/errors.js";
import { parseScenario } from "../scenario/parse.js";
import { array, describe, integer, type Json, join, object, onlyKeys, required } from "../scenario/read.js";
import { SCENARIO_FORMAT } from "../scenario/types.js";

export const CASE_FORMAT = "opentao-yuma-case/1";

/** The chain's two epochs, and Yuma3 with liquid alpha on. */
export const BUILTIN_VARIANTS = ["yuma", "yuma3", "yuma3-liquid"] as const;
export type BuiltinVariant = (typeof BUILTIN_VARIANTS)[number];

/** A malformed case: names the JSON path of the offending value and what was expected. */
export class CaseError extends Error {
  override readonly name = "CaseError";
  readonly code = "INVALID_CASE";
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** A variant and the hyperparameters (scenario names) it runs with. */
export interface VariantSpec {
  name: string;
  /** The built-in variant it starts from. */
  base: BuiltinVariant;
  description?: string;
  /** Overrides of the base's hyperparameters, as in `opentao-yuma-scenario/1`. */
  hyperparameters: Record<string, Json>;
}

export interface CaseEvent {
  epoch: number;
  /** Per validator: rao, or undefined to keep the previous value. */
  stakes: (bigint | undefined)[];
  /** Per validator: a row over the servers (null: no weights), or undefined to keep the previous row. */
  weights: (number[] | null | undefined)[];
}

export interface SimulationCase {
  name: string;
  title: string;
  description: string;
  validators: string[];
  servers: string[];
  epochs: number;
  /** Alpha rao emitted per epoch. */
  emission: bigint;
  /** Overrides for every variant. */
  hyperparameters: Record<string, Json>;
  /** Variants the case defines besides the built-ins (hyperparameter sets). */
  variants: VariantSpec[];
  /** Events sorted by epoch; the first is at epoch 0 and sets every stake and every row. */
  timeline: CaseEvent[];
}

const TOP_KEYS = [
  "format",
  "name",
  "title",
  "description",
  "validators",
  "servers",
  "epochs",
  "emission",
  "hyperparameters",
  "variants",
  "timeline",
];
const EVENT_KEYS = ["epoch", "stakes", "weights", "note"];
const VARIANT_KEYS = ["name", "base", "description", "hyperparameters"];
export const MAX_EPOCHS = 10_000;

/** Validates a parsed JSON case. Throws CaseError naming the field. */
export function parseCase(doc: Json): SimulationCase {
  try {
    return parse(doc);
  } catch (error) {
    if (error instanceof ScenarioError) throw new CaseError(error.path, error.problem);
    throw error;
  }
}

function parse(doc: Json): SimulationCase {
  const root = object(doc, "$");
  onlyKeys(root, TOP_KEYS, "$");
  const format = required(root, "format", "$");
  if (format !== CASE_FORMAT) {
    throw new CaseError("format", `expected "${CASE_FORMAT}", got ${describe(format)}`);
  }
  const name = text(required(root, "name", "$"), "name");
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    throw new CaseError(
      "name",
      `expected lowercase letters, digits and dashes (e.g. "my-case"), got "${name}"`,
    );
  }
  const title = root.title === undefined ? name : text(root.title, "title");
  const description = root.description === undefined ? "" : text(root.description, "description");
  const validators = names(required(root, "validators", "$"), "validators");
  const servers = names(required(root, "servers", "$"), "servers");
  for (const [j, s] of servers.entries()) {
    if (validators.includes(s)) {
      throw new CaseError(join("servers", j), `"${s}" is also a validator's name; names must differ`);
    }
  }
  if (validators.length + servers.length > 4096) {
    throw new CaseError("servers", "at most 4096 validators and servers together");
  }
  const epochs = integer(required(root, "epochs", "$"), "epochs", 1, MAX_EPOCHS, "an epoch count");
  const emission = root.emission === undefined ? 1_000_000_000n : tao(root.emission, "emission", true);
  const hyperparameters =
    root.hyperparameters === undefined ? {} : object(root.hyperparameters, "hyperparameters");
  const variants =
    root.variants === undefined
      ? []
      : array(root.variants, "variants").map((v, k) => variant(v, join("variants", k)));
  const seen = new Set<string>(BUILTIN_VARIANTS);
  for (const [k, v] of variants.entries()) {
    if (seen.has(v.name))
      throw new CaseError(join(join("variants", k), "name"), `variant "${v.name}" is defined twice`);
    seen.add(v.name);
  }
  const timelineJson = array(required(root, "timeline", "$"), "timeline");
  if (timelineJson.length === 0) throw new CaseError("timeline", "expected at least one event (epoch 0)");
  const timeline = timelineJson.map((e, k) => event(e, join("timeline", k), validators, servers, epochs));
  for (let k = 1; k < timeline.length; k++) {
    if (timeline[k]!.epoch <= timeline[k - 1]!.epoch) {
      throw new CaseError(
        join(join("timeline", k), "epoch"),
        `epoch ${timeline[k]!.epoch} does not come after the previous event's ${timeline[k - 1]!.epoch}; list events in increasing epoch order`,
      );
    }
  }
  const first = timeline[0]!;
  if (first.epoch !== 0) throw new CaseError("timeline[0].epoch", "the first event must be at epoch 0");
  for (const [key, values] of [
    ["stakes", first.stakes],
    ["weights", first.weights],
  ] as const) {
    const missing = values.findIndex((v) => v === undefined);
    if (missing >= 0) {
      throw new CaseError(
        `timeline[0].${key}`,
        `epoch 0 must give every validator's ${key === "stakes" ? "stake" : "weights"}; "${validators[missing]}" has none`,
      );
    }
  }
  checkHyperparameters(hyperparameters, "yuma3", "hyperparameters");
  for (const [k, v] of variants.entries()) {
    checkHyperparameters(
      { ...hyperparameters, ...v.hyperparameters },
      "yuma3",
      `variants[${k}].hyperparameters`,
    );
  }
  return {
    name,
    title,
    description,
    validators,
    servers,
    epochs,
    emission,
    hyperparameters,
    variants,
    timeline,
  };
}

/**
 * Checks hyperparameters (scenario names; missing ones take the chain's defaults) as a scenario would;
 * an error names `path` instead of the scenario's `hyperparameters`.
 */
export function checkHyperparameters(h: Record<string, Json>, variant: "yuma" | "yuma3", path: string): void {
  if (h.owner_uid !== null && h.owner_uid !== undefined) {
    throw new CaseError(`${path}.owner_uid`, "the simulator has no subnet owner; leave owner_uid out");
  }
  try {
    parseScenario({
      format: SCENARIO_FORMAT,
      variant,
      neurons: 1,
      hyperparameters: {
        tempo: 360,
        kappa: 32767,
        bonds_moving_average: 900000,
        bonds_penalty: 65535,
        max_allowed_validators: 64,
        activity_cutoff: 5000,
        ...h,
      },
      steps: [{ block: 1, emission: "0", stake: ["0"], last_update: [0], block_at_registration: [0] }],
    });
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new CaseError(error.path.replace(/^hyperparameters/, path), error.problem);
    }
    throw error;
  }
}

function text(v: Json, path: string): string {
  if (typeof v !== "string") throw new CaseError(path, `expected a string, got ${describe(v)}`);
  return v;
}

function names(v: Json, path: string): string[] {
  const list = array(v, path).map((x, i) => text(x, join(path, i)));
  if (list.length === 0) throw new CaseError(path, "expected at least one name");
  for (const [i, s] of list.entries()) {
    if (s.trim() === "") throw new CaseError(join(path, i), "expected a non-empty name");
    if (list.indexOf(s) !== i) throw new CaseError(join(path, i), `"${s}" appears twice; names must differ`);
  }
  return list;
}

/** A TAO amount: a JSON number or decimal string (at most 9 decimals), as rao. */
function tao(v: Json, path: string, rao = false): bigint {
  if (rao) {
    if (typeof v === "string" && /^[0-9]+$/.test(v)) return BigInt(v);
    if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
    throw new CaseError(path, `expected rao as a decimal string such as "1000000000", got ${describe(v)}`);
  }
  if (typeof v !== "number" && typeof v !== "string") {
    throw new CaseError(
      path,
      `expected a stake in TAO (a number such as 0.8 or a string such as "1000"), got ${describe(v)}`,
    );
  }
  if (typeof v === "number" && !Number.isFinite(v))
    throw new CaseError(path, `expected a finite number, got ${v}`);
  try {
    return parseTao(String(v), "stake");
  } catch (error) {
    if (error instanceof AmountError) throw new CaseError(path, error.message);
    throw error;
  }
}

function variant(v: Json, path: string): VariantSpec {
  const o = object(v, path);
  onlyKeys(o, VARIANT_KEYS, path);
  const name = text(required(o, "name", path), join(path, "name"));
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) {
    throw new CaseError(
      join(path, "name"),
      `expected lowercase letters, digits, dots and dashes, got "${name}"`,
    );
  }
  const base = required(o, "base", path);
  if (!BUILTIN_VARIANTS.includes(base as BuiltinVariant)) {
    throw new CaseError(
      join(path, "base"),
      `expected one of ${BUILTIN_VARIANTS.join(", ")}, got ${describe(base)}`,
    );
  }
  return {
    name,
    base: base as BuiltinVariant,
    ...(o.description === undefined ? {} : { description: text(o.description, join(path, "description")) }),
    hyperparameters:
      o.hyperparameters === undefined ? {} : object(o.hyperparameters, join(path, "hyperparameters")),
  };
}

/** `list` as an array per validator, or an object keyed by validator name (others keep their value). */
function perValidator<T>(
  v: Json,
  path: string,
  validators: string[],
  read: (x: Json, p: string) => T,
): (T | undefined)[] {
  if (Array.isArray(v)) {
    if (v.length !== validators.length) {
      throw new CaseError(path, `expected ${validators.length} entries (one per validator), got ${v.length}`);
    }
    return v.map((x, i) => read(x, join(path, i)));
  }
  const o = object(v, path);
  const out: (T | undefined)[] = validators.map(() => undefined);
  for (const [key, x] of Object.entries(o)) {
    const i = validators.indexOf(key);
    if (i < 0)
      throw new CaseError(
        join(path, key),
        `no validator is named "${key}"; validators are ${validators.map((s) => `"${s}"`).join(", ")}`,
      );
    out[i] = read(x, join(path, key));
  }
  return out;
}

function event(v: Json, path: string, validators: string[], servers: string[], epochs: number): CaseEvent {
  const o = object(v, path);
  onlyKeys(o, EVENT_KEYS, path);
  const epoch = integer(required(o, "epoch", path), join(path, "epoch"), 0, epochs - 1, "an epoch index");
  if (o.note !== undefined) text(o.note, join(path, "note"));
  if (o.stakes === undefined && o.weights === undefined) {
    throw new CaseError(path, "an event must change stakes, weights or both");
  }
  const stakes =
    o.stakes === undefined
      ? validators.map(() => undefined)
      : perValidator(o.stakes, join(path, "stakes"), validators, (x, p) => tao(x, p));
  const weights =
    o.weights === undefined
      ? validators.map(() => undefined)
      : perValidator(o.weights, join(path, "weights"), validators, (x, p) => weightRow(x, p, servers));
  return { epoch, stakes, weights };
}

function weightRow(v: Json, path: string, servers: string[]): number[] | null {
  if (v === null) return null;
  const row = array(v, path);
  if (row.length !== servers.length) {
    throw new CaseError(
      path,
      `expected ${servers.length} weights (one per server: ${servers.join(", ")}), got ${row.length}`,
    );
  }
  return row.map((x, j) => {
    if (typeof x !== "number" || !Number.isFinite(x) || x < 0) {
      throw new CaseError(
        join(path, j),
        `expected a weight >= 0 (any scale; rows are normalised), got ${describe(x)}`,
      );
    }
    return x;
  });
}
