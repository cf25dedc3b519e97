import { cryptoReady, Keypair, ss58Decode, verifySignature } from "@opentao/primitives";
import { describe, expect, it } from "vitest";
import { clientVectors } from "../../../test/vectors/index.js";
import {
  EMPTY_BODY_HASH,
  emptyTerminal,
  pyFloat,
  pyFloatRepr,
  pyStr,
  requestSignatureMessage,
  Synapse,
  SynapseParseError,
  sha3Hex,
  versionAsInt,
} from "../src/index.js";

const V = clientVectors.synapse;

class Dummy extends Synapse {
  static override fieldSpecs = { dummy_input: { kind: "int", required: true } } as const;
  static override requiredHashFields = ["dummy_input"];
  dummy_input = 0;
  dummy_output: number | null = null;
  override deserialize(): number | null {
    return this.dummy_output;
  }
}

describe("pyStr", () => {
  it("matches every python_str vector", () => {
    for (const c of V.python_str_vectors.cases as {
      value_json: string;
      python_str: string;
      sha3_256: string;
    }[]) {
      const isFloat = c.value_json.endsWith("(float)");
      const json = c.value_json.replace(/ \(float\)$/, "");
      const value = isFloat ? pyFloat(Number(json)) : JSON.parse(json);
      expect(pyStr(value), c.value_json).toBe(c.python_str);
      expect(sha3Hex(pyStr(value))).toBe(c.sha3_256);
    }
  });

  it("renders floats and strings as CPython does", () => {
    expect(pyFloatRepr(12)).toBe("12.0");
    expect(pyFloatRepr(0.0001)).toBe("0.0001");
    expect(pyFloatRepr(0.00001234)).toBe("1.234e-05");
    expect(pyFloatRepr(123456789012345680)).toBe("1.2345678901234568e+17");
    expect(pyFloatRepr(1234567890123456)).toBe("1234567890123456.0");
    expect(pyFloatRepr(-2.5)).toBe("-2.5");
    expect(pyFloatRepr(1 / 3)).toBe("0.3333333333333333");
    expect(pyStr(["it's", 'say "x"', "a\nb", "\\"])).toBe(`["it's", 'say "x"', 'a\\nb', '\\\\']`);
    expect(pyStr({ a: { b: null, c: false } })).toBe("{'a': {'b': None, 'c': False}}");
  });
});

describe("Synapse", () => {
  it("dumps the default synapse like Python", () => {
    const s = new Synapse();
    expect(s.model_dump()).toEqual({
      name: "Synapse",
      timeout: 12.0,
      total_size: 0,
      header_size: 0,
      dendrite: emptyTerminal(),
      axon: emptyTerminal(),
      computed_body_hash: "",
    });
    expect(s.body_hash).toBe(EMPTY_BODY_HASH);
    expect(s.body_hash).toBe(V.default_body_hash_no_fields.value);
  });

  it("matches the body-hash vectors", () => {
    for (const vec of V.body_hash_vectors as {
      class_fields: Record<string, unknown>;
      required_hash_fields: string[];
      expected: string;
    }[]) {
      class Custom extends Synapse {
        static override requiredHashFields = vec.required_hash_fields;
      }
      const s = Object.assign(new Custom(), vec.class_fields);
      expect(s.body_hash).toBe(vec.expected);
    }
    expect(Dummy.create({ dummy_input: 3 }).body_hash).toBe(V.body_hash_vectors[1].expected);
  });

  it("hashes a declared float field as a Python float", () => {
    class F extends Synapse {
      static override fieldSpecs = { x: { kind: "float" }, xs: { kind: "float[]" } } as const;
      static override requiredHashFields = ["x", "xs"];
      x = 1;
      xs = [1, 2.5];
    }
    const expected = sha3Hex(sha3Hex("1.0") + sha3Hex("[1.0, 2.5]"));
    expect(new F().body_hash).toBe(expected);
  });

  it("writes headers with input_obj placeholders, never values", () => {
    const s = Dummy.create({ dummy_input: 42 });
    s.dendrite.nonce = 1718000000000000123n;
    s.dendrite.hotkey = "5Grw";
    s.axon.port = 8091;
    s.dendrite.process_time = 1;
    const h = s.to_headers();
    expect(h.name).toBe("Dummy");
    expect(h.timeout).toBe("12.0");
    expect(h.bt_header_input_obj_dummy_input).toBe(V.input_obj_headers.int);
    expect(h.bt_header_input_obj_dummy_output).toBeUndefined();
    expect(h.bt_header_dendrite_nonce).toBe("1718000000000000123");
    expect(h.bt_header_dendrite_process_time).toBe("1.0");
    expect(h.bt_header_axon_port).toBe("8091");
    expect(h.bt_header_axon_ip).toBeUndefined();
    expect(h.computed_body_hash).toBe(s.body_hash);
    class Strs extends Synapse {
      static override fieldSpecs = { s: { required: true }, l: { required: true } };
      s = "secret";
      l = [1, 2];
    }
    const h2 = new Strs().to_headers();
    expect(h2.bt_header_input_obj_s).toBe(V.input_obj_headers.str);
    expect(h2.bt_header_input_obj_l).toBe(V.input_obj_headers.list);

    const back = Dummy.fromHeaders(h);
    expect(back.dendrite.nonce).toBe(1718000000000000123n);
    expect(back.axon.port).toBe(8091);
    expect(back.timeout).toBe(12);
    expect(back.computed_body_hash).toBe(s.body_hash);
  });

  it("rejects bad header values", () => {
    expect(() => Dummy.fromHeaders({ bt_header_dendrite_nonce: "12.0" })).toThrow(SynapseParseError);
    expect(() => Dummy.fromHeaders({ bt_header_axon_port: "x" })).toThrow(SynapseParseError);
    expect(() => Dummy.fromHeaders({ timeout: "soon" })).toThrow(SynapseParseError);
  });

  it("round-trips through JSON with the nonce exact", () => {
    const s = Dummy.create({ dummy_input: 7, dummy_output: 14 });
    s.dendrite.nonce = 1718000000000000123n;
    const text = s.toJson();
    expect(text).toContain('"nonce":1718000000000000123');
    const back = Dummy.fromJson(JSON.parse(text));
    expect(back.dummy_input).toBe(7);
    expect(back.deserialize()).toBe(14);
    expect(() => Dummy.fromJson({ dummy_input: "x" })).toThrow(SynapseParseError);
    expect(() => Dummy.fromJson({})).toThrow(/required/);
    const c = s.copy();
    c.dendrite.nonce = 1n;
    expect(s.dendrite.nonce).toBe(1718000000000000123n);
    expect(c).toBeInstanceOf(Dummy);
  });
});

describe("request signature", () => {
  it("verifies the request_signature vector with the Python message format", async () => {
    await cryptoReady();
    const r = V.request_signature;
    const alice = Keypair.fromUri(r.dendrite_hotkey_uri);
    const bob = Keypair.fromUri(r.axon_hotkey_uri);
    const msg = requestSignatureMessage(
      BigInt(r.nonce),
      alice.ss58Address,
      bob.ss58Address,
      r.uuid,
      r.body_hash,
    );
    expect(msg).toBe(r.message);
    expect(verifySignature(msg, r.signature_header_value, ss58Decode(alice.ss58Address))).toBe(
      r.expected_valid,
    );
    expect(verifySignature(`${msg}x`, r.signature_header_value, alice.publicKey)).toBe(false);
  });

  it("computes version_as_int", async () => {
    for (const v of clientVectors.version_as_int.filter((x: { version?: string }) => x.version))
      expect(versionAsInt(v.version)).toBe(v.int);
  });
});
