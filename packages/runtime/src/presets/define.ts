// Building presets: deep freezing, and deriving one preset from another by overriding some values.
import type { Preset, PresetName } from "./types.js";

/** Freezes `value` and everything reachable from it, so a preset cannot change after the chain starts. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/** Some values of some groups of a preset; the rest come from the base preset. */
export type PresetOverrides = {
  readonly [K in Exclude<keyof Preset, "name">]?: Partial<Preset[K]>;
};

/** `base` with `overrides` applied group by group, renamed to `name` and deep-frozen. */
export function derivePreset(base: Preset, name: PresetName, overrides: PresetOverrides): Preset {
  const result: Record<string, unknown> = { name };
  for (const [group, values] of Object.entries(base)) {
    if (group === "name") continue;
    const changes = (overrides as Record<string, object | undefined>)[group];
    for (const key of Object.keys(changes ?? {})) {
      if (!(key in values)) throw new Error(`preset ${name}: unknown value ${group}.${key}`);
    }
    result[group] = { ...values, ...changes };
  }
  for (const group of Object.keys(overrides)) {
    if (!(group in base)) throw new Error(`preset ${name}: unknown group ${group}`);
  }
  return deepFreeze(result as unknown as Preset);
}
