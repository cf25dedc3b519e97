import type { Preset } from "../presets/index.js";
import { Overlay } from "../storage/overlay.js";
import type { KeyValueStore } from "../storage/store.js";
import type { DispatchResult } from "./dispatch-error.js";
import type { BlockInfo, RuntimeEvent } from "./types.js";

/** What every call can see besides storage: the preset chosen at start and the current block. */
export interface Environment {
  readonly preset: Preset;
  readonly block: BlockInfo;
}

/**
 * A unit of work with its own storage overlay and event buffer. A call runs in a scope; nested work
 * (an extrinsic's call, each call of a batch) runs in a child scope whose writes and events reach
 * the parent only when it succeeds.
 */
export class Scope {
  readonly events: RuntimeEvent[] = [];

  constructor(
    readonly store: KeyValueStore,
    readonly env: Environment,
  ) {}

  emit(pallet: string, name: string, data: Record<string, unknown> = {}): void {
    this.events.push({ pallet, name, data });
  }

  /** Runs `fn` in a child scope and keeps its writes and events only if it returns ok. */
  transaction(fn: (child: Scope) => DispatchResult): DispatchResult {
    const overlay = new Overlay(this.store);
    const child = new Scope(overlay, this.env);
    const result = fn(child);
    if (result.ok) {
      overlay.commitInto(this.store);
      this.events.push(...child.events);
    }
    return result;
  }
}
