// Bonds reset: with BondsResetOn, a miner publishing a commitment clears every bond held toward it
// (`do_reset_bonds`). It acts on stored bonds between epochs, not inside one.
import type { SparseRow } from "./math/sparse.js";

/** Stored bond rows without any entry pointing at `uid`. */
export function resetBonds(bonds: readonly SparseRow[], uid: number): SparseRow[] {
  return bonds.map((row) => row.filter(([j]) => j !== uid));
}
