// Checks a call's params against its method's schema; the error says which param and what is expected.
import { normalizeAddress } from "@opentao/primitives";
import { invalidParams } from "./errors.js";
import type { MethodSpec, ParamSpec, Params } from "./types.js";

const HEX = /^0x([0-9a-fA-F]{2})*$/;
const HASH = /^0x[0-9a-fA-F]{64}$/;

export function validateParams(method: MethodSpec, raw: unknown): Params {
  let given: unknown[];
  if (raw === undefined || raw === null) given = [];
  else if (Array.isArray(raw)) given = raw;
  else if (typeof raw === "object") {
    // By name, as some clients send them.
    const byName = raw as Record<string, unknown>;
    given = method.params.map((p) => byName[p.name]);
  } else throw invalidParams(`${method.name}: params must be an array or an object`);
  if (given.length > method.params.length) {
    throw invalidParams(
      `${method.name} takes at most ${method.params.length} params (${signature(method)}), got ${given.length}`,
    );
  }
  return method.params.map((spec, i) => {
    const value = given[i];
    if (value === undefined || value === null) {
      if (spec.optional) return undefined;
      throw invalidParams(`${method.name}: param ${i + 1} (${spec.name}) is required: ${spec.description}`);
    }
    return check(method, spec, i, value);
  });
}

export function signature(method: MethodSpec): string {
  return method.params.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
}

function check(method: MethodSpec, spec: ParamSpec, i: number, value: unknown): unknown {
  const bad = (expected: string) =>
    invalidParams(
      `${method.name}: param ${i + 1} (${spec.name}) must be ${expected}, got ${JSON.stringify(value)?.slice(0, 80)}`,
    );
  switch (spec.type) {
    case "hex":
      if (typeof value !== "string" || !HEX.test(value)) throw bad("0x-prefixed hex bytes");
      return value;
    case "hash":
      if (typeof value !== "string" || !HASH.test(value)) throw bad("a 0x-prefixed 32-byte hash");
      return value.toLowerCase();
    case "blockId":
      if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
      if (typeof value === "string" && HASH.test(value)) return value.toLowerCase();
      if (typeof value === "string" && /^(0x[0-9a-fA-F]{1,8}|\d{1,10})$/.test(value)) return Number(value);
      throw bad("a block hash (0x + 64 hex digits) or a block number");
    case "address":
      if (typeof value !== "string") throw bad("an SS58 address");
      try {
        return normalizeAddress(value);
      } catch (e) {
        throw bad(`an SS58 address (${(e as Error).message})`);
      }
    case "u16":
    case "u32": {
      const max = spec.type === "u16" ? 0xffff : 0xffffffff;
      const n = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
      if (typeof n !== "number" || !Number.isInteger(n) || n < 0 || n > max)
        throw bad(`an integer 0..${max}`);
      return n;
    }
    case "u64": {
      if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return BigInt(value);
      if (typeof value === "string" && /^\d{1,20}$/.test(value) && BigInt(value) < 2n ** 64n)
        return BigInt(value);
      throw bad("an unsigned 64-bit integer (a decimal string or a safe integer)");
    }
    case "string":
      if (typeof value !== "string") throw bad("a string");
      return value;
    case "boolean":
      if (typeof value !== "boolean") throw bad("true or false");
      return value;
    case "array":
      if (!Array.isArray(value)) throw bad("an array");
      return value;
    case "object":
      if (typeof value !== "object" || Array.isArray(value)) throw bad("an object");
      return value;
  }
}
