// The connected chain's constants (its preset), read once per connection: fees, the existential deposit
// and the pool limits differ between presets, so the CLI must not assume mainnet's.
import { isPresetName, PRESETS, type Preset } from "@opentao/runtime";
import type { ChainClient } from "@opentao/sdk";

/**
 * The node's `state_getConstants`, typed like the preset of the same name (JSON carries u64 as decimal
 * strings); values the node does not send keep that preset's.
 */
export async function chainPreset(client: ChainClient): Promise<Preset> {
  const json = await client.call<Record<string, unknown>>("state_getConstants", []);
  const name = typeof json.name === "string" && isPresetName(json.name) ? json.name : "mainnet";
  return retype(PRESETS[name], json) as Preset;
}

function retype(template: unknown, json: unknown): unknown {
  if (json === undefined || json === null) return template;
  if (typeof template === "bigint")
    return typeof json === "string" && /^\d+$/.test(json) ? BigInt(json) : template;
  if (typeof template === "object" && template !== null && typeof json === "object") {
    const record = json as Record<string, unknown>;
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, retype(v, record[k])]));
  }
  return typeof json === typeof template ? json : template;
}
