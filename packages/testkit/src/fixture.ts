// Hardhat's loadFixture for the devnet: run a fixture once, snapshot the chain, and on every later
// load revert to that snapshot instead of running it again, so each test starts from the same state.
import type { Devnet } from "./devnet.js";

interface Cached {
  snapshot: string;
  value: unknown;
}

const cache = new WeakMap<Devnet, Map<(d: Devnet) => Promise<unknown>, Cached>>();

export async function loadFixture<T>(devnet: Devnet, fixture: (devnet: Devnet) => Promise<T>): Promise<T> {
  const perDevnet = cache.get(devnet) ?? new Map();
  cache.set(devnet, perDevnet);
  const hit = perDevnet.get(fixture);
  if (hit) {
    await devnet.revert(hit.snapshot);
    hit.snapshot = await devnet.snapshot(); // a revert uses its snapshot up
    return hit.value as T;
  }
  const value = await fixture(devnet);
  perDevnet.set(fixture, { snapshot: await devnet.snapshot(), value });
  return value;
}
