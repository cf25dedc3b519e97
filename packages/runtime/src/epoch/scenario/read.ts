// Small readers for JSON values that name the path of whatever is wrong.
import { ScenarioError } from "./errors.js";

export type Json = unknown;

const U64_MAX = (1n << 64n) - 1n;

export function describe(v: Json): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  if (typeof v === "object") return "an object";
  return `${typeof v} ${String(v)}`;
}

export function object(v: Json, path: string): Record<string, Json> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) {
    throw new ScenarioError(path, `expected an object, got ${describe(v)}`);
  }
  return v as Record<string, Json>;
}

/** Rejects keys outside `known`, so a misspelt field is an error rather than silently defaulted. */
export function onlyKeys(o: Record<string, Json>, known: readonly string[], path: string): void {
  for (const key of Object.keys(o)) {
    if (!known.includes(key)) {
      throw new ScenarioError(join(path, key), `unknown field; expected one of ${known.join(", ")}`);
    }
  }
}

export function required(o: Record<string, Json>, key: string, path: string): Json {
  if (!(key in o) || o[key] === undefined) throw new ScenarioError(join(path, key), "missing required field");
  return o[key];
}

export function join(path: string, key: string | number): string {
  if (typeof key === "number") return `${path}[${key}]`;
  return path === "$" ? key : `${path}.${key}`;
}

export function array(v: Json, path: string, length?: { n: number; what: string }): Json[] {
  if (!Array.isArray(v)) throw new ScenarioError(path, `expected an array, got ${describe(v)}`);
  if (length !== undefined && v.length !== length.n) {
    throw new ScenarioError(path, `expected ${length.n} entries (${length.what}), got ${v.length}`);
  }
  return v;
}

export function boolean(v: Json, path: string): boolean {
  if (typeof v !== "boolean") throw new ScenarioError(path, `expected true or false, got ${describe(v)}`);
  return v;
}

/** An integer in [min, max]; `what` names the type for the message (e.g. "a u16"). */
export function integer(v: Json, path: string, min: number, max: number, what: string): number {
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new ScenarioError(path, `expected ${what} (an integer ${min}..${max}), got ${describe(v)}`);
  }
  if (v < min || v > max)
    throw new ScenarioError(path, `${v} is out of range for ${what}; expected ${min}..${max}`);
  return v;
}

export const u16 = (v: Json, path: string) => integer(v, path, 0, 65535, "a u16");

/** A block number: an integer 0..2^53−1 (JSON numbers beyond that lose precision). */
export const block = (v: Json, path: string) =>
  integer(v, path, 0, Number.MAX_SAFE_INTEGER, "a block number");

/** A u64 as a decimal string (or a JSON integer below 2^53). */
export function u64(v: Json, path: string): bigint {
  if (typeof v === "number" && Number.isSafeInteger(v) && v >= 0) return BigInt(v);
  if (typeof v !== "string" || !/^[0-9]+$/.test(v)) {
    throw new ScenarioError(
      path,
      `expected a u64 as a decimal string such as "1000000000", got ${describe(v)}`,
    );
  }
  const x = BigInt(v);
  if (x > U64_MAX) throw new ScenarioError(path, `${v} is out of range for a u64; expected 0..${U64_MAX}`);
  return x;
}
