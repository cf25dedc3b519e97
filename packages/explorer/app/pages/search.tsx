// Search: a block number, a block or extrinsic hash, or an SS58 address.
import { isValidSs58 } from "@opentao/primitives";
import type { Header } from "../chain.js";
import { blockNumber } from "../format.js";
import { href } from "../router.js";
import type { Rpc } from "../rpc.js";

/** Where a query leads, or null when it names nothing on this chain. */
export async function searchTarget(rpc: Rpc, query: string): Promise<string | null> {
  const q = query.trim().replace(/^#/, "");
  if (/^\d{1,10}$/.test(q)) return href.block(Number(q));
  if (/^0x[0-9a-fA-F]{64}$/.test(q)) {
    const header = await rpc.call<Header | null>("chain_getHeader", [q.toLowerCase()]).catch(() => null);
    if (header) return href.block(blockNumber(header.number));
    const at = await rpc.call<{ number: number; index: number } | null>("chain_findExtrinsic", [
      q.toLowerCase(),
    ]);
    return at ? href.extrinsic(at.number, at.index) : null;
  }
  if (isValidSs58(q)) return href.account(q);
  return null;
}

export function SearchPage({ query }: { query: string }) {
  return (
    <p class="error" data-testid="search-none">
      Nothing found for “{query}”. Search for a block number, a block or extrinsic hash (0x and 64 hex
      digits), or an SS58 address.
    </p>
  );
}
