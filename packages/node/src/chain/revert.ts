// Reverting the chain to an earlier block (the devnet's snapshot/revert): the flat state is rewritten
// by diffing the two tries (cost follows the size of the difference), the blocks above the target and
// their indexes are deleted, and both heads move back, in one transaction.

import { indexBlock } from "./account-index.js";
import { hashBytes, META, numberKey } from "./block-store.js";
import type { BlockRef, ChainContext } from "./context.js";

export function revertChain(ctx: ChainContext, target: BlockRef): number {
  const { store, trie } = ctx;
  const best = ctx.best();
  const changes: [string, Uint8Array | null][] = [];
  trie.diff(hashBytes(best.header.stateRoot), hashBytes(target.header.stateRoot), (key, value) =>
    changes.push([key, value]),
  );
  const { tables } = store.db;
  store.db.write(() => {
    for (const [key, value] of changes) {
      if (value === null) tables.state.remove(Buffer.from(key, "hex"));
      else tables.state.put(Buffer.from(key, "hex"), value);
    }
    for (let n = best.number; n > target.number; n--) {
      const hash = store.hashAt(n)!;
      const key = hashBytes(hash);
      const body = store.body(hash) ?? [];
      const { activity, extrinsicHashes } = indexBlock(n, body, store.events(hash) ?? []);
      for (const row of activity) tables.accounts.remove(row);
      for (const h of extrinsicHashes) tables.extrinsics.remove(h);
      for (const table of [tables.headers, tables.bodies, tables.events]) table.remove(key);
      tables.numbers.remove(numberKey(n));
    }
    tables.meta.put(Buffer.from(META.best), hashBytes(target.hash));
    if (ctx.finalized().number > target.number)
      tables.meta.put(Buffer.from(META.finalized), hashBytes(target.hash));
  });
  return best.number - target.number;
}
