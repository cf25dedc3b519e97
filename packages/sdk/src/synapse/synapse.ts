import { bytesToHex, sha3_256 } from "@opentao/primitives";
import { PyFloat, pyFloatRepr, pyStr } from "./py-str.js";
import {
  dumpTerminal,
  emptyTerminal,
  parseFloatText,
  parseIntText,
  SynapseParseError,
  setTerminalField,
  TERMINAL_FIELDS,
  type TerminalInfo,
  terminalFieldText,
  terminalFromJson,
} from "./terminal.js";

/** How a subclass field renders in the body hash and the `bt_header_input_obj_*` placeholder. */
export type FieldKind = "int" | "float" | "str" | "bool" | "list" | "float[]" | "dict" | "any";

export interface FieldSpec {
  kind?: FieldKind;
  /** A pydantic field with no default: its placeholder goes out as `bt_header_input_obj_<name>`. */
  required?: boolean;
}

/** `sha3_256("")`: the body hash of a synapse with no hash fields. */
export const EMPTY_BODY_HASH = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";

const BASE_KEYS = new Set([
  "name",
  "timeout",
  "total_size",
  "header_size",
  "dendrite",
  "axon",
  "computed_body_hash",
]);

export const sha3Hex = (text: string): string => bytesToHex(sha3_256(text), false);

/** An error a forward function may raise with `synapse.axon.status_code` set to answer with that code. */
export class SynapseException extends Error {
  override readonly name = "SynapseException";
  constructor(
    message: string,
    readonly synapse?: Synapse,
  ) {
    super(message);
  }
}

export type SynapseClass<T extends Synapse = Synapse> = (new () => T) & {
  readonly synapseName?: string | undefined;
  readonly fieldSpecs: Readonly<Record<string, FieldSpec>>;
  readonly requiredHashFields: readonly string[];
};

/** The wire name of a synapse class (its `synapseName`, else the class name). */
export function synapseNameOf(cls: SynapseClass | (abstract new () => Synapse)): string {
  return (cls as { synapseName?: string }).synapseName ?? cls.name;
}

function placeholderJson(kind: FieldKind | undefined, value: unknown): string {
  switch (kind) {
    case "int":
      return "0";
    case "float":
      return "0.0";
    case "str":
      return '""';
    case "bool":
      return "false";
    case "list":
    case "float[]":
      return "[]";
    case "dict":
      return "{}";
    default:
      if (typeof value === "number") return Number.isInteger(value) ? "0" : "0.0";
      if (value instanceof PyFloat) return "0.0";
      if (typeof value === "bigint") return "0";
      if (typeof value === "string") return '""';
      if (typeof value === "boolean") return "false";
      if (Array.isArray(value)) return "[]";
      return "{}";
  }
}

function checkKind(kind: FieldKind | undefined, value: unknown, what: string): unknown {
  if (kind === undefined || kind === "any" || value === null) return value;
  const fail = (need: string) =>
    new SynapseParseError(`${what} must be ${need}, got ${JSON.stringify(value) ?? typeof value}`);
  switch (kind) {
    case "int":
      if (typeof value !== "number" || !Number.isInteger(value)) throw fail("an integer");
      return value;
    case "float":
      if (typeof value !== "number") throw fail("a number");
      return value;
    case "str":
      if (typeof value !== "string") throw fail("a string");
      return value;
    case "bool":
      if (typeof value !== "boolean") throw fail("a boolean");
      return value;
    case "list":
      if (!Array.isArray(value)) throw fail("a list");
      return value;
    case "float[]":
      if (!Array.isArray(value) || value.some((v) => typeof v !== "number")) throw fail("a list of numbers");
      return value;
    case "dict":
      if (typeof value !== "object" || Array.isArray(value)) throw fail("an object");
      return value;
  }
}

const BIG_TOKEN = `\u0001bigint${Math.random().toString(36).slice(2)}:`;
const BIG_RE = new RegExp(`"\\\\u0001${BIG_TOKEN.slice(1)}(-?\\d+)"`, "g");

/** JSON text of a dumped value; bigints (the nonces) are written as plain integers. */
export function toJsonText(value: unknown): string {
  let sawBig = false;
  const text = JSON.stringify(value, (_k, v) => {
    if (typeof v === "bigint") {
      sawBig = true;
      return `${BIG_TOKEN}${v}`;
    }
    return v;
  });
  return sawBig ? text.replace(BIG_RE, "$1") : text;
}

/**
 * bittensor's `Synapse`. Subclass it with snake_case fields (they go on the wire by name):
 *
 * ```ts
 * class Dummy extends Synapse {
 *   static override fieldSpecs = { dummy_input: { kind: "int", required: true } };
 *   static override requiredHashFields = ["dummy_input"];
 *   dummy_input = 0;
 *   dummy_output: number | null = null;
 *   override deserialize() { return this.dummy_output; }
 * }
 * ```
 * Create with `Dummy.create({ dummy_input: 3 })` (or `new Dummy()` and assign).
 */
export class Synapse {
  /** The wire name; defaults to the class name (set it if your bundler renames classes). */
  static synapseName: string | undefined;
  /** Kinds and required flags of subclass fields (a float field must say so to hash `1` as `1.0`). */
  static fieldSpecs: Readonly<Record<string, FieldSpec>> = {};
  /** Fields whose Python `str()` forms make up the body hash, in order. */
  static requiredHashFields: readonly string[] = [];

  name: string;
  /** Seconds. */
  timeout = 12.0;
  total_size = 0;
  header_size = 0;
  dendrite: TerminalInfo = emptyTerminal();
  axon: TerminalInfo = emptyTerminal();
  computed_body_hash = "";

  constructor() {
    this.name = synapseNameOf(new.target as SynapseClass);
  }

  static create<T extends Synapse>(
    this: new () => T,
    init?: Partial<Omit<T, keyof Synapse>> & Partial<Synapse>,
  ): T {
    const s = new this();
    if (init) Object.assign(s, init);
    s.name = synapseNameOf(s.constructor as SynapseClass);
    return s;
  }

  get cls(): SynapseClass<this> {
    return this.constructor as SynapseClass<this>;
  }

  /** Subclass field names in declaration order. */
  fieldNames(): string[] {
    return Object.keys(this).filter((k) => !BASE_KEYS.has(k));
  }

  /** Python `model_dump()`: base fields, then subclass fields. */
  model_dump(): Record<string, unknown> {
    const out: Record<string, unknown> = {
      name: this.name,
      timeout: this.timeout,
      total_size: this.total_size,
      header_size: this.header_size,
      dendrite: dumpTerminal(this.dendrite),
      axon: dumpTerminal(this.axon),
      computed_body_hash: this.computed_body_hash,
    };
    const self = this as unknown as Record<string, unknown>;
    for (const k of this.fieldNames()) out[k] = self[k];
    return out;
  }

  /** The JSON request/response body. */
  toJson(): string {
    return toJsonText(this.model_dump());
  }

  /** The Python `str()` of a field's dumped value, honouring `fieldSpecs` kinds. */
  fieldPyStr(field: string): string {
    const value = (this as unknown as Record<string, unknown>)[field];
    const kind = this.cls.fieldSpecs[field]?.kind;
    if (kind === "float" && typeof value === "number") return pyFloatRepr(value);
    if (kind === "float[]" && Array.isArray(value))
      return pyStr(value.map((v) => (typeof v === "number" ? new PyFloat(v) : v)));
    return pyStr(value);
  }

  #hashKey: string | undefined;
  #hash = "";

  /** SHA3-256 over the concatenated SHA3-256 hex digests of the hash fields' Python `str()` forms. */
  get body_hash(): string {
    const strs = this.cls.requiredHashFields.map((f) => this.fieldPyStr(f));
    const key = strs.join("\u0000");
    if (key === this.#hashKey) return this.#hash;
    let concat = "";
    for (const s of strs) concat += sha3Hex(s);
    this.#hash = sha3Hex(concat);
    this.#hashKey = key;
    return this.#hash;
  }

  /** The payload a dendrite returns when asked to deserialize; the synapse itself by default. */
  deserialize(): unknown {
    return this;
  }

  /** `synapse.to_headers()`: every value a string, names lower-case with underscores. */
  to_headers(): Record<string, string> {
    const h: Record<string, string> = { name: this.name, timeout: pyFloatRepr(this.timeout) };
    for (const f of TERMINAL_FIELDS) {
      const v = terminalFieldText(this.axon, f);
      if (v !== undefined) h[`bt_header_axon_${f}`] = v;
    }
    for (const f of TERMINAL_FIELDS) {
      const v = terminalFieldText(this.dendrite, f);
      if (v !== undefined) h[`bt_header_dendrite_${f}`] = v;
    }
    const specs = this.cls.fieldSpecs;
    const self = this as unknown as Record<string, unknown>;
    for (const k of this.fieldNames()) {
      const spec = specs[k];
      const v = self[k];
      if (!spec?.required || v === null || v === undefined) continue;
      h[`bt_header_input_obj_${k}`] = Buffer.from(placeholderJson(spec.kind, v)).toString("base64");
    }
    h.header_size = String(this.header_size);
    h.total_size = String(this.total_size);
    h.computed_body_hash = this.body_hash;
    return h;
  }

  /** Sets every known field from headers (terminals, timeout, sizes); throws `SynapseParseError`. */
  applyHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): this {
    for (const [key, raw] of Object.entries(headers)) {
      if (raw === undefined) continue;
      const value = Array.isArray(raw) ? raw.join(", ") : raw;
      if (key.startsWith("bt_header_axon_")) {
        setTerminalField(this.axon, key.slice(15), value, `header ${key}`);
      } else if (key.startsWith("bt_header_dendrite_")) {
        setTerminalField(this.dendrite, key.slice(19), value, `header ${key}`);
      } else if (key === "timeout") {
        this.timeout = parseFloatText(value, "header timeout");
      } else if (key === "total_size") {
        this.total_size = parseIntText(value, "header total_size");
      } else if (key === "header_size") {
        this.header_size = parseIntText(value, "header header_size");
      } else if (key === "computed_body_hash") {
        this.computed_body_hash = value;
      }
    }
    return this;
  }

  /** A synapse built from request headers only, as the axon's hooks see it. */
  static fromHeaders<T extends Synapse>(
    this: new () => T,
    headers: Readonly<Record<string, string | string[] | undefined>>,
  ): T {
    return new this().applyHeaders(headers);
  }

  /** Sets fields from a parsed JSON body (`model_dump()` shape); throws `SynapseParseError`. */
  applyJson(body: unknown, opts: { terminals?: boolean } = {}): this {
    if (body === null || typeof body !== "object" || Array.isArray(body))
      throw new SynapseParseError("the body must be a JSON object");
    const obj = body as Record<string, unknown>;
    const self = this as unknown as Record<string, unknown>;
    if (obj.timeout !== undefined && obj.timeout !== null) {
      if (typeof obj.timeout !== "number") throw new SynapseParseError("timeout must be a number");
      this.timeout = obj.timeout;
    }
    for (const k of ["total_size", "header_size"] as const) {
      const v = obj[k];
      if (v === undefined || v === null) continue;
      if (typeof v !== "number" || !Number.isInteger(v))
        throw new SynapseParseError(`${k} must be an integer`);
      this[k] = v;
    }
    if (opts.terminals !== false) {
      if ("dendrite" in obj) this.dendrite = terminalFromJson(obj.dendrite, "dendrite");
      if ("axon" in obj) this.axon = terminalFromJson(obj.axon, "axon");
    }
    const specs = this.cls.fieldSpecs;
    for (const k of this.fieldNames()) {
      if (!(k in obj)) {
        if (specs[k]?.required) throw new SynapseParseError(`field ${k} is required`);
        continue;
      }
      self[k] = checkKind(specs[k]?.kind, obj[k], k);
    }
    return this;
  }

  static fromJson<T extends Synapse>(this: new () => T, body: unknown): T {
    return new this().applyJson(body);
  }

  /** A deep copy (JSON-like field values). */
  copy(): this {
    const c = new (this.constructor as new () => this)();
    const src = this as unknown as Record<string, unknown>;
    const dst = c as unknown as Record<string, unknown>;
    for (const k of Object.keys(this)) dst[k] = structuredClone(src[k]);
    c.#hashKey = this.#hashKey;
    c.#hash = this.#hash;
    return c;
  }

  get is_success(): boolean {
    return this.dendrite.status_code === 200;
  }
  get is_failure(): boolean {
    return this.dendrite.status_code !== 200;
  }
  get is_timeout(): boolean {
    return this.dendrite.status_code === 408;
  }
  get is_blacklist(): boolean {
    return this.dendrite.status_code === 403;
  }
  get failed_verification(): boolean {
    return this.dendrite.status_code === 401;
  }
}

/** The message a dendrite signs: `nonce.dendrite_hotkey.axon_hotkey.uuid.body_hash`. */
export function requestSignatureMessage(
  nonce: bigint | number | string,
  dendriteHotkey: string,
  axonHotkey: string,
  uuid: string,
  bodyHash: string,
): string {
  return `${nonce}.${dendriteHotkey}.${axonHotkey}.${uuid}.${bodyHash}`;
}

/** bittensor's `version_as_int`: major·1 000 000 + minor·1 000 + patch. */
export function versionAsInt(version: string): number {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map((p) => Number.parseInt(p, 10));
  return major * 1_000_000 + minor * 1_000 + patch;
}

/** The bittensor version our dendrite and axon announce (the newest nonce rules apply from 7.2.0). */
export const PROTOCOL_VERSION = "10.2.0";
export const PROTOCOL_VERSION_AS_INT = versionAsInt(PROTOCOL_VERSION);

let lastNs = 0n;
/** Nanoseconds since the epoch (microsecond resolution), strictly increasing within this process. */
export function timeNs(): bigint {
  let now = BigInt(Math.round((performance.timeOrigin + performance.now()) * 1000)) * 1000n;
  if (now <= lastNs) now = lastNs + 1n;
  lastNs = now;
  return now;
}
