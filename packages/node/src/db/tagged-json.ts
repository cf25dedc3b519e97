// JSON that keeps bigint and bytes: {"$bigint":"123"} and {"$bytes":"0x…"}. For events and settings.

export function encodeJson(value: unknown): Uint8Array {
  return Buffer.from(
    JSON.stringify(value, (_key, v) => {
      if (typeof v === "bigint") return { $bigint: v.toString() };
      if (v instanceof Uint8Array) return { $bytes: `0x${Buffer.from(v).toString("hex")}` };
      return v;
    }),
  );
}

export function decodeJson<T = unknown>(bytes: Uint8Array): T {
  return JSON.parse(Buffer.from(bytes).toString("utf8"), (_key, v) => {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1) {
        if (typeof v.$bigint === "string") return BigInt(v.$bigint);
        if (typeof v.$bytes === "string") return Uint8Array.from(Buffer.from(v.$bytes.slice(2), "hex"));
      }
    }
    return v;
  }) as T;
}
