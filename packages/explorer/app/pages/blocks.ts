// Recent blocks, decoded; finalized ones are kept, since they cannot change.
import { type BlockView, loadBlock } from "../chain.js";
import type { Rpc } from "../rpc.js";

const cache = new Map<number, BlockView>();

export async function recentBlocks(
  rpc: Rpc,
  best: number,
  finalized: number,
  count: number,
): Promise<BlockView[]> {
  const numbers = Array.from({ length: Math.min(count, best + 1) }, (_, i) => best - i);
  const blocks = await Promise.all(
    numbers.map(async (n) => {
      const hit = cache.get(n);
      if (hit) return hit;
      const b = await loadBlock(rpc, n);
      if (b && n <= finalized) cache.set(n, b);
      return b;
    }),
  );
  return blocks.filter((b): b is BlockView => b !== null);
}
