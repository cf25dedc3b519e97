// When a block is final. Aura alone never finalizes, so the node uses a simple rule until a finality
// gadget arrives with the network: a block is final once it and the blocks built on it were authored by
// more than two thirds of the authorities (distinct authors). With one authority that is the block itself:
// final as soon as it is committed. "In block" (the best chain) and "finalized" stay separate notions.

export const finalityThreshold = (authorities: number): number => Math.floor((2 * authorities) / 3) + 1;

export interface AuthoredBlock {
  hash: string;
  number: number;
  author: string;
}

/**
 * The newest block final once `head` is on the chain, walking back through `parentOf`; returns the current
 * finalized hash when nothing newer qualifies.
 */
export function newFinalized(
  head: AuthoredBlock,
  parentOf: (block: AuthoredBlock) => AuthoredBlock | undefined,
  authorities: number,
  finalized: AuthoredBlock,
): string {
  const threshold = finalityThreshold(authorities);
  const authors = new Set<string>();
  let block: AuthoredBlock | undefined = head;
  while (block && block.number > finalized.number) {
    authors.add(block.author);
    if (authors.size >= threshold) return block.hash;
    block = parentOf(block);
  }
  return finalized.hash;
}
