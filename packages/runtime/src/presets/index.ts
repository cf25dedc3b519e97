// The runtime presets, chosen once when the chain starts: `mainnet` (Subtensor's values), `fast` (the devnet)
// and `test` (Subtensor's test mock). Every value is documented in PRESET_DOCS and tabulated in PRESETS.md.
import { FAST } from "./fast.js";
import { MAINNET } from "./mainnet.js";
import { TEST } from "./test.js";
import type { Preset, PresetName } from "./types.js";

export { derivePreset, type PresetOverrides } from "./define.js";
export { PRESET_DOCS, type PresetDoc } from "./docs.js";
export type { Preset, PresetName, PresetPath, RecycleOrBurn } from "./types.js";

/** Every preset by name; deep-frozen. */
export const PRESETS: { readonly [N in PresetName]: Preset } = Object.freeze({
  mainnet: MAINNET,
  fast: FAST,
  test: TEST,
});

/** The valid preset names, in table order. */
export const PRESET_NAMES: readonly PresetName[] = Object.freeze(["mainnet", "fast", "test"]);

/** Whether `name` names a preset. */
export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

/** The preset called `name`; an unknown name throws an Error that lists the valid names. */
export function getPreset(name: string): Preset {
  if (!isPresetName(name)) {
    throw new Error(`Unknown preset "${name}": choose one of ${PRESET_NAMES.join(", ")}.`);
  }
  return PRESETS[name];
}
